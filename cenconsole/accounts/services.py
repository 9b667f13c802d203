import logging
import secrets
from datetime import datetime, timedelta
from decimal import Decimal

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F, Value
from django.utils.translation import gettext_noop

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.fields import MoneyField
from cenconsole.core.locks import named_lock
from cenconsole.core.net import network_limit

from .messages import (
    ADJUSTMENT_NEGATIVE_BALANCE,
    ADJUSTMENT_REASON_REQUIRED,
    ADJUSTMENT_TOO_LARGE,
    ADJUSTMENT_ZERO,
    SIGN_UP_THROTTLED,
)
from .models import LedgerEntry, SandboxCreation, SignInFailure, SignUpCreation, User
from .resource_groups import resource_group_clean


def user_sign_up(*, form, ip_address: str | None = None) -> User:
    """A new account, with the demo credit every account starts with (the field's default). Refused
    when the address made SIGN_UPS_PER_ADDRESS accounts within the window (real time; an address in one of
    SIGN_UP_NETWORKS: that network's limit), counted in the database under the address's lock, so the limit
    holds across app servers and simultaneous requests."""
    with transaction.atomic():
        if ip_address:
            named_lock(f"sign-up:{ip_address}")
            now = clock.real_now()
            window = timedelta(minutes=settings.SIGN_UP_THROTTLE_MINUTES)
            SignUpCreation.objects.filter(created_at__lt=now - window).delete()
            made = SignUpCreation.objects.filter(ip_address=ip_address, created_at__gte=now - window).count()
            if made >= network_limit(ip_address, settings.SIGN_UP_NETWORKS, settings.SIGN_UPS_PER_ADDRESS):
                security_log.warning("sign-up refused (throttled): address=%s", ip_address)
                raise refusal(SIGN_UP_THROTTLED, "sign_up_throttled")
            SignUpCreation.objects.create(ip_address=ip_address, created_at=now)
        return form.save()


# The session's own id, made at sign-in and kept in the (signed) session: Sign out ends that id.
SESSION_ID_KEY = "_session_id"
# Sign-outs kept per account at most; past this, the next Sign out ends every session instead (safe:
# more is ended, never less) and the list starts again. Keeps the account row, read by every request, small.
MAX_SIGNED_OUT_SESSIONS = 100


def session_start(*, session) -> None:
    """Gives a newly signed-in session its id (a session signed in again keeps its own)."""
    session.setdefault(SESSION_ID_KEY, secrets.token_urlsafe(18))


@transaction.atomic
def session_end(*, user, session_id: str | None, now: datetime | None = None) -> None:
    """Sign out: the session is refused on every app server (its id is kept on the account row, which
    every request reads) until its cookie would have expired anyway; expired sign-outs are forgotten."""
    if not session_id:
        return
    now = now or clock.real_now()  # cookies expire in real time, whatever a demo account's test clock says
    account = User.objects.select_for_update().only("signed_out_sessions").get(pk=user.pk)
    signed_out = {key: ends for key, ends in account.signed_out_sessions.items() if ends > now.timestamp()}
    signed_out[session_id] = (now + timedelta(seconds=settings.SESSION_COOKIE_AGE)).timestamp()
    if len(signed_out) > MAX_SIGNED_OUT_SESSIONS:
        sessions_end_all(user=user)
    else:
        User.objects.filter(pk=user.pk).update(signed_out_sessions=signed_out)


def sessions_end_all(*, user) -> None:
    """Sign out everywhere: every session of the account ends on every app server (a new session
    generation; each session's password hash was made with the old one)."""
    User.objects.filter(pk=user.pk).update(session_generation=F("session_generation") + 1, signed_out_sessions={})


@transaction.atomic
def user_password_change(*, form) -> User:
    """Sets the new password from a valid PasswordChangeForm. Every session's password hash then stops
    matching: the caller keeps its own session with update_session_auth_hash, the others end."""
    return form.save()


@transaction.atomic
def user_email_change(*, user: User, email: str) -> User:
    """Changes the address the console sends the account's ticket updates to."""
    user.email = email
    user.full_clean(exclude=["password"])
    user.save(update_fields=["email"])
    return user


def unread_tickets_set(*, account, count: int) -> None:
    """Sets the number of the account's tickets with an unread staff reply (the Tickets badge)."""
    User.objects.filter(pk=getattr(account, "pk", account)).update(unread_tickets=count)


def account_state_changed(*, owner) -> None:
    """Marks the account's listed state (instances, bound packages) as changed: cached fragments
    keyed on the old version are never read again. Called by the models' save(), inside the changing
    transaction. `owner` is an account or its id."""
    User.objects.filter(pk=getattr(owner, "pk", owner)).update(state_version=F("state_version") + 1)


SIGN_IN_THROTTLED = gettext_noop("Too many failed sign-in attempts. Wait %(minutes)s minutes, then try again.")

security_log = logging.getLogger("cenconsole.security")


def sign_in_throttled(*, username: str, ip_address: str | None) -> bool:
    """True while this username has too many recent failures from this address. Counted per (username,
    address) pair: failures for other usernames, or for this one from elsewhere, never lock it, so no
    address can lock other people out (behind a load balancer, set TRUSTED_PROXIES)."""
    since = clock.real_now() - timedelta(minutes=settings.SIGN_IN_THROTTLE_MINUTES)
    recent = SignInFailure.objects.filter(created_at__gte=since, username__iexact=username)
    recent = recent.filter(ip_address=ip_address) if ip_address else recent.filter(ip_address__isnull=True)
    return recent.count() >= settings.SIGN_IN_FAILURES_PER_USER


def sign_in_failed(*, username: str, ip_address: str | None, throttled: bool = False) -> None:
    """Records and logs a failed sign-in; forgets failures older than the window."""
    now = clock.real_now()
    SignInFailure.objects.filter(created_at__lt=now - timedelta(minutes=settings.SIGN_IN_THROTTLE_MINUTES)).delete()
    SignInFailure.objects.create(username=username[:150], ip_address=ip_address, created_at=now)
    security_log.warning(
        "sign-in %s: username=%r address=%s", "refused (throttled)" if throttled else "failed", username, ip_address
    )


def sandbox_creation_allowed(*, ip_address: str | None) -> bool:
    """False while the address has made too many sandboxes within the window (real time). Takes the
    address's lock (until the transaction ends), so simultaneous requests count one after another."""
    if not ip_address:
        return True
    named_lock(f"sandbox:{ip_address}")
    since = clock.real_now() - timedelta(minutes=settings.DEMO_SANDBOX_THROTTLE_MINUTES)
    made = SandboxCreation.objects.filter(ip_address=ip_address, created_at__gte=since).count()
    return made < settings.DEMO_SANDBOXES_PER_ADDRESS


def sandbox_creation_record(*, ip_address: str | None) -> None:
    """Counts a sandbox against its address; forgets creations older than the window."""
    now = clock.real_now()
    SandboxCreation.objects.filter(
        created_at__lt=now - timedelta(minutes=settings.DEMO_SANDBOX_THROTTLE_MINUTES)
    ).delete()
    SandboxCreation.objects.create(ip_address=ip_address, created_at=now)


# The ledger ---------------------------------------------------------------------------------------


def balance_change(*, account, amount: Decimal, kind: str, description: str, order_id=None, created_by=None):
    """Changes the balance by `amount` (negative: a charge) in one conditional UPDATE, so concurrent
    charges never overdraw, and writes the ledger entry in the same transaction. Returns the entry,
    or None (and changes nothing) when a charge is more than the balance."""
    with transaction.atomic():
        accounts = User.objects.filter(pk=getattr(account, "pk", account))
        if amount < 0:
            accounts = accounts.filter(balance__gte=-amount)
        # Value(output_field=MoneyField()): the amount in cents, added as an integer in the database.
        if not accounts.update(balance=F("balance") + Value(amount, output_field=MoneyField())):
            return None
        balance_after, offset = User.objects.values_list("balance", "clock_offset").get(
            pk=getattr(account, "pk", account)
        )
        return LedgerEntry.objects.create(
            # On the account's own clock whoever makes the change: the clock being run (the account's
            # request, or a job's pass over it), or else, on real time (staff), the account's offset.
            # Billing then lists the account's entries in the order of its time.
            created_at=clock.now() if clock.offset() else clock.real_now() + offset,
            account_id=getattr(account, "pk", account),
            kind=kind,
            amount=amount,
            balance_after=balance_after,
            description=description[:256],
            order_id=order_id,
            created_by=created_by,
        )


ADJUST_PERMISSION = "accounts.change_user"
# The most the balance field holds (14 digits, 2 after the point).
BALANCE_MAX = Decimal("999999999999.99")


def balance_adjust(*, account, amount: Decimal, reason: str, staff) -> LedgerEntry:
    """A staff member's adjustment of an account's balance (positive: a credit), with the reason the
    account reads on its Billing page: one ledger entry by the staff member and one audit record, in
    one transaction. Refused, with nothing changed, without a reason or when the balance would go
    below zero (or above what it can hold)."""
    if not staff.has_perm(ADJUST_PERMISSION):
        raise PermissionDenied
    reason = (reason or "").strip()
    errors = {}
    if not reason:
        errors["reason"] = refusal(ADJUSTMENT_REASON_REQUIRED, "reason_required")
    if not amount:
        errors["amount"] = refusal(ADJUSTMENT_ZERO, "adjustment_zero")
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        balance = User.objects.select_for_update().values_list("balance", flat=True).get(pk=account.pk)
        shown = {"amount": f"{amount:,.2f}", "balance": f"{balance:,.2f}", "maximum": f"{BALANCE_MAX:,.2f}"}
        if balance + amount > BALANCE_MAX:
            raise field_error("amount", ADJUSTMENT_TOO_LARGE, "balance_too_large", **shown)
        entry = balance_change(
            account=account, amount=amount, kind=LedgerEntry.Kind.ADJUSTMENT, description=reason, created_by=staff
        )
        if entry is None:
            raise field_error("amount", ADJUSTMENT_NEGATIVE_BALANCE, "negative_balance", **shown)
        audit_record(
            actor=staff,
            action="balance.adjusted",
            target=account,
            changes={"balance": (balance, entry.balance_after)},
            note=reason,
        )
    return entry


def opening_credit_record(sender, *, instance: User, created: bool, raw: bool = False, **kwargs) -> None:
    """post_save receiver: a new account's demo credit (the balance it is created with) is its first
    ledger entry, whatever created it (sign-up, the admin, seed_demo, tests)."""
    if created and not raw and instance.balance:
        LedgerEntry.objects.create(
            account=instance,
            kind=LedgerEntry.Kind.OPENING_CREDIT,
            amount=instance.balance,
            balance_after=instance.balance,
            description="Opening credit",
        )


def resource_group_move(row, *, owner, resource_group_id: str, action: str):
    """Moves a locked CEN instance or package of `owner` to another of the account's groups (the API's
    MoveResourceGroup), with one audit record (`action`) when it changes."""
    stored = resource_group_clean(resource_group_id, owner_id=owner.pk)
    if stored != row.resource_group_id:
        old_group = row.resource_group
        row.resource_group_id = stored
        row.save(update_fields=["resource_group_id"])
        changes = {"resource_group": (old_group, row.resource_group)}
        audit_record(actor=owner, action=action, target=row, changes=changes)
    return row
