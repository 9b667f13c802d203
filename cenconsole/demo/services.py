"""Demo data and the demo's own powers: `manage.py seed_demo`, sandboxes (Try the console), Reset demo
and the test clock (Advance time).

Seeding goes through the real services (a package is bought and paid, a VPC attached), so a seeded
account is one a user could have made. Removing an account's data is the one path that drops
bandwidth package rows, which every other path refuses (model, queryset, PROTECT): it lives here,
in `_account_data_remove`, and runs only for sandbox accounts and the accounts the seeder made (is_demo)."""

import logging
import secrets
from collections import Counter
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.db.models import Max, Q
from django.utils.translation import gettext_lazy, gettext_noop

from cenconsole.accounts.models import LedgerEntry, signup_credit
from cenconsole.accounts.services import (
    account_state_changed,
    balance_change,
    sandbox_creation_allowed,
    sandbox_creation_record,
)
from cenconsole.api.models import AccessKey, ClientToken, ConnectionDirection
from cenconsole.audit.models import AuditRecord
from cenconsole.audit.services import audit_record
from cenconsole.bandwidth import pricing
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import SAMPLE_DESCRIPTION, SEEDED_INSTANCES_DESCRIPTION, CenInstance, new_cen_id
from cenconsole.core import clock
from cenconsole.core.errors import refusal
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance, RegionConnection
from cenconsole.tags.models import Tag
from cenconsole.tickets.models import DeletionTicket, EmailNotification, TicketMessage
from cenconsole.transit.models import (
    RouteTableLink,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
    TransitRouterVpcAttachment,
)

from .messages import DEMO_ONLY, FUTURE_STATE, NO_NEXT_EXPIRY, SANDBOX_THROTTLED, UNKNOWN_STEP
from .models import DemoAccountsChoice
from .signals import reset_seed

BULK_BATCH = 1000
CENT = Decimal("0.01")
DEMO_USERNAME = "demo"
SANDBOX_PREFIX = "sandbox-"

logger = logging.getLogger("cenconsole.demo")


@transaction.atomic
def account_ensure(
    *, username: str, password: str | None, staff: bool = False, email: str = "", reset: bool = True, demo=False
):
    """The account, created if missing (with `password`, staff and superuser with `staff`, `email`, and
    with `demo` marked as made by the demo seeder: only such accounts are demo accounts, and with `demo`
    an existing account the seeder did not make is returned untouched).
    With `reset` (seed_demo --user NAME --password PW: the operator names the password) a given password
    is set again on an existing account so scripted sign-ins work; without it an existing account's
    password and staff flags are never touched (the demo accounts: a changed password stays changed).
    A given email is set on an account without one (ticket emails go there)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username, defaults={"is_demo": demo})
    if demo and not user.is_demo:
        return user  # an account of that name the seeder did not make: never touched
    changed = created
    if password is not None and (created or (reset and not user.check_password(password))):
        user.set_password(password)
        changed = True
    if staff and created:
        user.is_staff = user.is_superuser = True
    if email and not user.email:
        user.email = email
        changed = True
    if changed:
        user.save()
    return user


DEMO_TOP_UP = gettext_noop("Demo credit top-up (seed_demo)")


@transaction.atomic
def balance_ensure(*, owner, at_least) -> None:
    """Tops the demo credit up to at least the amount (load tests buy many packages), as a ledger
    adjustment like every other change of a balance."""
    at_least = Decimal(at_least).quantize(CENT)
    balance = get_user_model().objects.select_for_update().values_list("balance", flat=True).get(pk=owner.pk)
    if balance < at_least:
        balance_change(
            account=owner, amount=at_least - balance, kind=LedgerEntry.Kind.ADJUSTMENT, description=DEMO_TOP_UP
        )


def cen_instances_ensure(*, owner, count: int, name_prefix: str = "cen") -> int:
    """At least `count` CEN instances for owner, inserted in bulk. Returns how many were added."""
    missing = count - CenInstance.objects.filter(owner=owner).count()
    if missing <= 0:
        return 0
    start = clock.now() - timedelta(seconds=missing)
    instances = [
        CenInstance(
            id=new_cen_id(),
            owner=owner,
            name=f"{name_prefix}-{number:05d}",
            description=SEEDED_INSTANCES_DESCRIPTION,
            created_at=start + timedelta(seconds=number),
        )
        for number in range(1, missing + 1)
    ]
    with transaction.atomic():
        CenInstance.objects.bulk_create(instances, batch_size=BULK_BATCH)
        account_state_changed(owner=owner)
    return missing


# The seeded state ----------------------------------------------------------------------------------

DEMO_CEN_NAME = "demo-cen"
# VPCs attached to the sample CEN instance: (name, region).
DEMO_NETWORKS = [("demo-vpc-hangzhou", "cn-hangzhou"), ("demo-vpc-virginia", "us-east-1")]
# Packages the demo shows the subscription's life with: (name, area A, area B, expires in).
DEMO_PACKAGES = [
    ("demo-expiring", "Asia-Pacific", "Europe", timedelta(minutes=45)),
    ("demo-expired", "North-America", "Europe", -timedelta(days=2)),
]
DEMO_PACKAGE_BANDWIDTH = 2  # Mbps, bought for one month


def seeded_balance() -> Decimal:
    """The balance a freshly seeded (or reset) demo account has: the demo credit less what its sample
    packages cost (they are bought and paid like any other)."""
    cost = sum(
        pricing.quote(area_a_code=area_a, area_b_code=area_b, bandwidth=DEMO_PACKAGE_BANDWIDTH, duration_months=1).total
        for _, area_a, area_b, _ in DEMO_PACKAGES
    )
    return signup_credit() - cost


def _demo_package_buy(*, owner, cen_instance, name, area_a, area_b, expires_in, package_id=None):
    """Buys the package through the real services, then moves its expiration and its paid term as if
    time had passed.
    With `package_id` (Reset demo), the new package takes that ID back, so bookmarks still work."""
    order = bandwidth_services.order_create_purchase(
        owner=owner,
        idempotency_key=f"seed-demo:{name}:{secrets.token_hex(8)}",
        quota=False,  # seeding (Reset demo holds the account's row): the demo's three packages, no quota lock
        cen_instance_id=cen_instance.pk,
        area_a_code=area_a,
        area_b_code=area_b,
        bandwidth=DEMO_PACKAGE_BANDWIDTH,
        name=name,
        duration_months=1,
        terms_agreed=True,  # seeded as a user would buy it, the Terms of Service selected
    )
    order = bandwidth_services.order_pay(owner=owner, order_id=order.pk)
    package = bandwidth_services.paid_package_backdate(order=order, expires_at=clock.now() + expires_in)
    if package_id and package_id != package.pk and not BandwidthPackage.objects.filter(pk=package_id).exists():
        # Foreign keys are checked at commit (deferred), so the order follows its package's new ID.
        BandwidthPackage.objects.filter(pk=package.pk).update(id=package_id)
        Order.objects.filter(package_id=package.pk).update(package_id=package_id)
        AuditRecord.objects.filter(target_type="BandwidthPackage", target_id=package.pk).update(target_id=package_id)


def _demo_networks_ensure(*, owner, cen_instance) -> None:
    if NetworkInstance.objects.filter(cen_instance=cen_instance).exists():
        return
    for name, region in DEMO_NETWORKS:
        network_services.network_instance_attach(
            owner=owner, cen_instance_id=cen_instance.pk, region_code=region, name=name
        )


@transaction.atomic
def account_seed(*, owner, cen_id: str | None = None, package_ids: dict[str, str] | None = None) -> CenInstance:
    """The demo's state in an account without one: a sample CEN instance with VPCs in Mainland China
    and North America, a package that expires within the hour and one already expired. `cen_id` and
    `package_ids` (by package name) give back the IDs a reset account had."""
    cen_instance = CenInstance.objects.create(
        id=cen_id or new_cen_id(), owner=owner, name=DEMO_CEN_NAME, description=SAMPLE_DESCRIPTION
    )
    _demo_networks_ensure(owner=owner, cen_instance=cen_instance)
    for name, area_a, area_b, expires_in in DEMO_PACKAGES:
        _demo_package_buy(
            owner=owner,
            cen_instance=cen_instance,
            name=name,
            area_a=area_a,
            area_b=area_b,
            expires_in=expires_in,
            package_id=(package_ids or {}).get(name),
        )
    return cen_instance


DEMO_ACCOUNTS_OFF = "seed_demo ran with DEMO_ACCOUNTS=0"


def demo_accounts_enabled() -> bool:
    """Whether this deployment has the demo accounts admin/admin and demo/demo: not with DEMO_ACCOUNTS=0,
    nor once the database recorded that choice (seed_demo with DEMO_ACCOUNTS=0, once, or the upgrade's
    migration for a database whose accounts the seeder never made), whatever the environment says later."""
    return bool(settings.DEMO_ACCOUNTS) and demo_accounts_enabled_in_database()


def demo_accounts_enabled_in_database() -> bool:
    """What the database says, whatever DEMO_ACCOUNTS says: on unless a choice of off is recorded."""
    choice = DemoAccountsChoice.objects.filter(pk=DemoAccountsChoice.SINGLETON).first()
    return choice is None or choice.enabled


def demo_accounts_choose(*, enabled: bool, note: str = "") -> None:
    """Records the deployment's choice in the database (seed_demo: DEMO_ACCOUNTS=0 records off;
    `seed_demo --demo-accounts` turns them on again)."""
    DemoAccountsChoice.objects.update_or_create(
        pk=DemoAccountsChoice.SINGLETON, defaults={"enabled": enabled, "note": note, "recorded_at": clock.real_now()}
    )


@transaction.atomic
def demo_ensure():
    """The local demo: staff admin/admin, and demo/demo with a sample CEN instance holding one package
    that expires within the hour and one already expired, each marked as made by the seeder (is_demo).
    Each account is created only when it does not exist: a password or staff flag changed since is kept
    (`make run` runs this on every start), and an account of that name the seeder did not make is never
    touched (no sample packages bought with its credit). With DEMO_ACCOUNTS=0 nothing is made and the
    choice is recorded in the database, so a later run without the variable makes nothing either.
    Returns (admin, demo), each None when there is none made by the seeder."""
    if not settings.DEMO_ACCOUNTS:
        if demo_accounts_enabled_in_database():
            demo_accounts_choose(enabled=False, note=DEMO_ACCOUNTS_OFF)
        return None, None
    if not demo_accounts_enabled():
        return None, None
    admin = account_ensure(
        username="admin", password="admin", staff=True, email="admin@example.com", reset=False, demo=True
    )
    demo = account_ensure(username=DEMO_USERNAME, password="demo", email="demo@example.com", reset=False, demo=True)
    admin = admin if admin.is_demo else None
    if not demo.is_demo:
        return admin, None
    cen_instance = CenInstance.objects.filter(owner=demo, deleted_at__isnull=True).order_by("created_at").first()
    if cen_instance is None:
        account_seed(owner=demo)
        return admin, demo
    _demo_networks_ensure(owner=demo, cen_instance=cen_instance)
    for name, area_a, area_b, expires_in in DEMO_PACKAGES:
        if not BandwidthPackage.objects.active().filter(owner=demo, name=name).exists():
            _demo_package_buy(
                owner=demo, cen_instance=cen_instance, name=name, area_a=area_a, area_b=area_b, expires_in=expires_in
            )
    return admin, demo


# Removing an account's data (Reset demo, the sandbox purge) -----------------------------------------


def is_demo_account(account) -> bool:
    """Sandboxes and the accounts the demo seeder made (is_demo, whatever their username): the accounts
    Reset demo and Advance time work on."""
    return bool(account.is_authenticated and not account.is_staff and (account.is_sandbox or account.is_demo))


def _account_rows_locked(account_id) -> None:
    """Locks what the account holds in the order every other path locks it: its packages first (Pay,
    Request Deletion and Approve each lock a package before anything else), then its tickets, orders
    and CEN instances. The account's own row comes after them (_demo_account_locked), as it does in a
    payment's or refund's balance change: Reset demo, the purge and Advance time wait for a running
    approval or payment instead of deadlocking with it."""
    for rows in (
        BandwidthPackage.objects.filter(owner_id=account_id),
        DeletionTicket.objects.filter(requester_id=account_id),
        Order.objects.filter(owner_id=account_id),
        CenInstance.objects.filter(owner_id=account_id),
    ):
        list(rows.select_for_update().order_by("pk").values_list("pk", flat=True))


def _demo_account_locked(account_id):
    """The account, locked, if it is a sandbox or the demo account (read again from the database, so
    a stale object can never widen the check); refused otherwise. What it holds is locked first, in
    the order every other path locks it (_account_rows_locked)."""
    if not is_demo_account(get_user_model().objects.get(pk=account_id)):
        raise refusal(DEMO_ONLY, "demo_only")
    _account_rows_locked(account_id)
    account = get_user_model().objects.select_for_update().get(pk=account_id)
    if not is_demo_account(account):
        raise refusal(DEMO_ONLY, "demo_only")
    return account


def _raw_delete(queryset: models.QuerySet) -> int:
    """Drops the rows without Django's delete() (no signals, no cascades collected): the only way
    past BandwidthPackage's refusing delete(). Callers remove every referring row first."""
    return queryset._raw_delete(queryset.db) or 0


def _transit_remove(account) -> int:
    """The account's Enterprise Edition rows, children first (raw deletes collect no cascades)."""
    routers = TransitRouter.objects.filter(owner=account)
    _raw_delete(RouteTableLink.objects.filter(transit_router__in=routers))
    _raw_delete(TransitRouterRouteEntry.objects.filter(route_table__transit_router__in=routers))
    _raw_delete(TransitRouterRouteTable.objects.filter(transit_router__in=routers))
    _raw_delete(TransitRouterPeerAttachment.objects.filter(owner=account))
    _raw_delete(TransitRouterVpcAttachment.objects.filter(owner=account))
    return _raw_delete(routers)


def _account_data_remove(account, *, access_keys: bool) -> Counter:
    """Removes what the (locked, checked) account owns: tickets with their messages and emails, region
    connections, networks, tags, orders, packages, CEN instances, client tokens, ledger entries, the
    audit records about them, and with `access_keys` its AccessKeys. Returns how many of each it removed."""
    if not (account.is_sandbox or account.is_demo):  # never widen
        raise refusal(DEMO_ONLY, "demo_only")
    held = Counter()
    packages = BandwidthPackage.objects.filter(owner=account)
    cen_instances = CenInstance.objects.filter(owner=account)
    package_ids = list(packages.values_list("pk", flat=True))
    cen_ids = list(cen_instances.values_list("pk", flat=True))
    tickets = DeletionTicket.objects.filter(Q(requester=account) | Q(package_id__in=package_ids))
    connections = RegionConnection.objects.filter(Q(cen_instance_id__in=cen_ids) | Q(package_id__in=package_ids))
    connection_ids = list(connections.values_list("pk", flat=True))
    orders = Order.objects.filter(owner=account)
    networks = NetworkInstance.objects.filter(owner=account)
    targets = {
        "DeletionTicket": [str(pk) for pk in tickets.values_list("pk", flat=True)],
        "RegionConnection": [str(pk) for pk in connection_ids],
        "NetworkInstance": list(networks.values_list("pk", flat=True)),
        "Order": [str(pk) for pk in orders.values_list("pk", flat=True)],
        "BandwidthPackage": package_ids,
        "CenInstance": cen_ids,
    }
    ticket_ids = list(tickets.values_list("pk", flat=True))
    _raw_delete(TicketMessage.objects.filter(Q(ticket_id__in=ticket_ids) | Q(author=account)))
    _raw_delete(EmailNotification.objects.filter(ticket_id__in=ticket_ids))
    held["tickets"] = _raw_delete(tickets)
    held["region connections"] = _raw_delete(connections)
    _raw_delete(ConnectionDirection.objects.filter(connection_id__in=connection_ids))
    held["network instances"] = _raw_delete(networks)
    held["transit routers"] = _transit_remove(account)
    held["tags"] = _raw_delete(Tag.objects.filter(owner=account))
    held["orders"] = _raw_delete(orders)
    held["bandwidth packages"] = _raw_delete(packages)
    held["CEN instances"] = _raw_delete(cen_instances)
    _raw_delete(ClientToken.objects.filter(owner=account))
    held["ledger entries"] = _raw_delete(LedgerEntry.objects.filter(account=account))
    about = Q(pk__in=[])
    for target_type, ids in targets.items():
        if ids:
            about |= Q(target_type=target_type, target_id__in=ids)
    if access_keys:
        keys = AccessKey.objects.filter(owner=account)
        about |= Q(target_type="AccessKey", target_id__in=list(keys.values_list("pk", flat=True))) | Q(actor=account)
        held["AccessKeys"] = keys.count()
        keys.delete()  # their used nonces go with them (CASCADE)
    _raw_delete(AuditRecord.objects.filter(about))
    return held


def _held_note(held: Counter) -> str:
    return ", ".join(f"{count} {what}" for what, count in held.items() if count) or "nothing"


# Reset demo ---------------------------------------------------------------------------------------


def demo_reset(*, account) -> CenInstance:
    """Reset demo: the account back to its seeded state on real time (clock offset 0, the demo credit
    as its only ledger entry), keeping the seeded CEN instance's and packages' IDs so bookmarks still
    work. Only for sandboxes and the demo account; its AccessKeys are kept."""
    with transaction.atomic(), clock.account_time(None):
        account = _demo_account_locked(account.pk)
        seeded = CenInstance.objects.filter(owner=account, name=DEMO_CEN_NAME).order_by("created_at").first()
        package_ids = dict(
            BandwidthPackage.objects.filter(owner=account, name__in=[p[0] for p in DEMO_PACKAGES])
            .order_by("created_at")
            .values_list("name", "pk")
        )
        held = _account_data_remove(account, access_keys=False)
        credit = signup_credit()
        type(account).objects.filter(pk=account.pk).update(balance=credit, clock_offset=timedelta(0))
        account.balance, account.clock_offset = credit, timedelta(0)
        LedgerEntry.objects.create(
            account=account,
            kind=LedgerEntry.Kind.OPENING_CREDIT,
            amount=credit,
            balance_after=credit,
            description="Opening credit (demo reset)",
        )
        seed = next((answer for _, answer in reset_seed.send(sender=None, account=account) if answer), account_seed)
        cen_instance = seed(owner=account, cen_id=seeded.pk if seeded else None, package_ids=package_ids)
        account_state_changed(owner=account)
        audit_record(actor=account, action="demo.reset", target=account, note=f"Removed {_held_note(held)}.")
        return cen_instance


# Sandboxes ----------------------------------------------------------------------------------------


def sandbox_create(*, ip_address: str | None):
    """Try the console: a new sandbox account (no usable password: it is signed in at once), seeded like
    the demo account, living DEMO_SANDBOX_HOURS of real time. Refused when the address made too many."""
    with transaction.atomic():
        if not sandbox_creation_allowed(ip_address=ip_address):
            raise refusal(SANDBOX_THROTTLED, "sandbox_throttled")
        sandbox_creation_record(ip_address=ip_address)
        User = get_user_model()
        account = User(
            username=f"{SANDBOX_PREFIX}{secrets.token_hex(5)}",
            is_sandbox=True,
            sandbox_expires_at=clock.real_now() + timedelta(hours=settings.DEMO_SANDBOX_HOURS),
        )
        account.set_unusable_password()
        account.save(force_insert=True)
        with clock.account_time(None):
            account_seed(owner=account)
        account.refresh_from_db()
        return account


def sandbox_purge(*, account_id, note: str, now=None) -> str | None:
    """Removes one sandbox (refused for any other account) with all it owns, leaving one audit record
    (`sandbox.purged`) that says why (`note`) and what it held. With `now`, only a sandbox whose time
    is up then. Returns the username removed, or None if there was no such sandbox."""
    User = get_user_model()
    with transaction.atomic():
        if not User.objects.filter(pk=account_id, is_sandbox=True).exists():
            return None
        # The account's rows before the account itself: the order Pay and Approve lock them in.
        _account_rows_locked(account_id)
        account = User.objects.select_for_update().filter(pk=account_id, is_sandbox=True).first()
        if account is None or (now is not None and account.sandbox_expires_at > now):
            return None
        held = _account_data_remove(account, access_keys=True)
        User.objects.filter(pk=account.pk, is_sandbox=True).delete()
        audit_record(
            actor=None,
            action="sandbox.purged",
            target=account,
            changes={"username": (account.username, None)},
            note=f"{note}; it held {_held_note(held)}.",
        )
        return account.username


def sandboxes_purge(*, now=None) -> list[str]:
    """The periodic job's step: removes every sandbox whose time is up (real time) with all it owns,
    leaving one audit record per sandbox saying what it held. Touches sandbox accounts only. Returns
    the usernames removed."""
    now = now or clock.real_now()
    User = get_user_model()
    expired = User.objects.filter(is_sandbox=True, sandbox_expires_at__lte=now).values_list("pk", "sandbox_expires_at")
    purged = []
    for account_id, expires_at in list(expired):
        try:
            username = sandbox_purge(
                account_id=account_id, now=now, note=f"Sandbox expired at {expires_at:%Y-%m-%d %H:%M} UTC"
            )
        except Exception:
            logger.exception("Sandbox %s could not be purged", account_id)
            continue
        if username:
            purged.append(username)
    return purged


# The test clock (Advance time) ----------------------------------------------------------------------

# How far each step moves the clock from a moment: "1 month" is one calendar month, as subscriptions
# count it (pricing.add_months), so a 1-month package bought now has expired after it.
ADVANCE_STEPS = {
    "day": lambda moment: moment + timedelta(days=1),
    "week": lambda moment: moment + timedelta(weeks=1),
    "month": lambda moment: pricing.add_months(moment, 1),
}
NEXT_EXPIRY = "next-expiry"
# The choices under Advance time, in the top bar and on its page.
ADVANCE_CHOICES = [
    ("day", gettext_lazy("1 day")),
    ("week", gettext_lazy("1 week")),
    ("month", gettext_lazy("1 month")),
    (NEXT_EXPIRY, gettext_lazy("To next expiry")),
]
# At most this many moments are stepped through in one advance (each renews a package once at most).
MAX_STEPS = 1000


def _next_moment(*, account, after, until):
    """The earliest moment in (after, until] at which something is due for the account: an unpaid
    order lapses, a package expires (or auto-renews), an expired package is released, a temporary
    upgrade ends."""
    grace = timedelta(days=settings.CEN_RELEASE_GRACE_DAYS)
    packages = BandwidthPackage.objects.active().filter(owner=account)
    candidates = [
        Order.objects.filter(owner=account, status=Order.Status.UNPAID, pay_before__isnull=False)
        .filter(pay_before__gt=after, pay_before__lte=until)
        .aggregate(at=models.Min("pay_before"))["at"],
        packages.filter(expires_at__gt=after, expires_at__lte=until).aggregate(at=models.Min("expires_at"))["at"],
        packages.filter(expires_at__gt=after - grace, expires_at__lte=until - grace).aggregate(
            at=models.Min("expires_at")
        )["at"],
        packages.filter(temporary_upgrade_ends_at__gt=after, temporary_upgrade_ends_at__lte=until).aggregate(
            at=models.Min("temporary_upgrade_ends_at")
        )["at"],
    ]
    if candidates[2] is not None:
        candidates[2] += grace
    moments = [moment for moment in candidates if moment is not None]
    return min(moments) if moments else None


def _next_expiry(account):
    with clock.account_time(account.clock_offset):
        now = clock.now()
    return (
        BandwidthPackage.objects.active()
        .filter(owner=account, expires_at__gt=now)
        .aggregate(at=models.Min("expires_at"))["at"]
    )


def clock_advance(*, account, step: str) -> dict[str, int]:
    """Advance time: the account's clock moves ahead by the step (or to its next package expiry), and
    what would have happened meanwhile happens now, in order, each at its own moment: unpaid orders
    lapse, packages expire or auto-renew (charging the balance), expired packages are released after
    the grace period. Only this account moves. Returns how many of each happened."""
    done = Counter()
    with transaction.atomic():
        account = _demo_account_locked(account.pk)
        start_offset = account.clock_offset
        with clock.account_time(start_offset):
            start = clock.now()
        if step == NEXT_EXPIRY:
            target = _next_expiry(account)
            if target is None:
                raise refusal(NO_NEXT_EXPIRY, "no_next_expiry")
        elif step in ADVANCE_STEPS:
            target = ADVANCE_STEPS[step](start)
        else:
            raise refusal(UNKNOWN_STEP, "unknown_step")
        # What was already due at the start, then each later moment in turn. A package whose time ran
        # out before the start already showed Expired: recording it now changes nothing on the screen,
        # so it is not counted ("what changed for this account").
        moment, previous = start, None
        for _ in range(MAX_STEPS):
            with clock.account_time(moment - clock.real_now()):
                outcomes = bandwidth_services.subscriptions_process(now=moment, owner=account)
            if previous is None:
                outcomes.pop("expired", None)
            done.update(outcomes)
            previous = moment
            moment = _next_moment(account=account, after=previous, until=target)
            if moment is None:
                break
        if step in ADVANCE_STEPS:
            new_offset = start_offset + (target - start)  # exact: "7 days ahead", not 6 days 23:59:59
        else:
            new_offset = max(start_offset, target - clock.real_now())
        with clock.account_time(new_offset):
            done.update(bandwidth_services.subscriptions_process(now=clock.now(), owner=account))
        type(account).objects.filter(pk=account.pk).update(clock_offset=new_offset)
        account_state_changed(owner=account)
    account.clock_offset = new_offset
    return {outcome: count for outcome, count in done.items() if count}


def _future_changes(account) -> tuple[int, object]:
    """How many of the account's records lie after real time (made on the test clock), and the latest."""
    real = clock.real_now()
    checks = [
        (LedgerEntry.objects.filter(account=account), "created_at"),
        (Order.objects.filter(owner=account), "created_at"),
        (BandwidthPackage.objects.filter(owner=account), "created_at"),
        (BandwidthPackage.objects.filter(owner=account), "expiry_processed_for"),
        (BandwidthPackage.objects.filter(owner=account), "released_at"),
        (CenInstance.objects.filter(owner=account), "created_at"),
        (NetworkInstance.objects.filter(owner=account), "created_at"),
        (DeletionTicket.objects.filter(requester=account), "created_at"),
        (Tag.objects.filter(owner=account), "created_at"),
    ]
    count, latest = 0, None
    for queryset, field in checks:
        later = queryset.filter(**{f"{field}__gt": real})
        found = later.aggregate(n=models.Count("pk"), at=Max(field))
        count += found["n"]
        if found["at"] and (latest is None or found["at"] > latest):
            latest = found["at"]
    return count, latest


def clock_back_refusal(account):
    """Why the account's clock cannot go back to real time (a ValidationError), or None if it can."""
    count, latest = _future_changes(account)
    if count:
        return refusal(FUTURE_STATE, "future_state", count=count, latest=f"{latest:%Y-%m-%d %H:%M}")
    return None


@transaction.atomic
def clock_back_to_real_time(*, account) -> None:
    """Back to real time: only when nothing the account holds was made on the test clock."""
    account = _demo_account_locked(account.pk)
    error = clock_back_refusal(account)
    if error is not None:
        raise error
    type(account).objects.filter(pk=account.pk).update(clock_offset=timedelta(0))
    account_state_changed(owner=account)
