import logging
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.db import transaction
from django.db.models import F

from cenconsole.core import clock

from .models import LedgerEntry, SignInFailure, User


@transaction.atomic
def user_sign_up(*, form) -> User:
    """A new account, with the demo credit every account starts with (the field's default)."""
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


SIGN_IN_THROTTLED = "Too many failed sign-in attempts. Wait {minutes} minutes, then try again."

security_log = logging.getLogger("cenconsole.security")


def sign_in_throttled(*, username: str, ip_address: str | None) -> bool:
    """True while the username or the address has too many recent failures."""
    since = clock.now() - timedelta(minutes=settings.SIGN_IN_THROTTLE_MINUTES)
    recent = SignInFailure.objects.filter(created_at__gte=since)
    if recent.filter(username__iexact=username).count() >= settings.SIGN_IN_FAILURES_PER_USER:
        return True
    return bool(ip_address) and recent.filter(ip_address=ip_address).count() >= settings.SIGN_IN_FAILURES_PER_ADDRESS


def sign_in_failed(*, username: str, ip_address: str | None, throttled: bool = False) -> None:
    """Records and logs a failed sign-in; forgets failures older than the window."""
    now = clock.now()
    SignInFailure.objects.filter(created_at__lt=now - timedelta(minutes=settings.SIGN_IN_THROTTLE_MINUTES)).delete()
    SignInFailure.objects.create(username=username[:150], ip_address=ip_address, created_at=now)
    security_log.warning(
        "sign-in %s: username=%r address=%s", "refused (throttled)" if throttled else "failed", username, ip_address
    )


# The ledger ---------------------------------------------------------------------------------------


def balance_change(*, account, amount: Decimal, kind: str, description: str, order_id=None, created_by=None):
    """Changes the balance by `amount` (negative: a charge) in one conditional UPDATE, so concurrent
    charges never overdraw, and writes the ledger entry in the same transaction. Returns the entry,
    or None (and changes nothing) when a charge is more than the balance."""
    with transaction.atomic():
        accounts = User.objects.filter(pk=getattr(account, "pk", account))
        if amount < 0:
            accounts = accounts.filter(balance__gte=-amount)
        if not accounts.update(balance=F("balance") + amount):
            return None
        balance_after = User.objects.values_list("balance", flat=True).get(pk=getattr(account, "pk", account))
        return LedgerEntry.objects.create(
            account_id=getattr(account, "pk", account),
            kind=kind,
            amount=amount,
            balance_after=balance_after,
            description=description[:256],
            order_id=order_id,
            created_by=created_by,
        )


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
