"""Seeding: `manage.py seed_demo` (admin/admin, demo/demo), the deployment's DEMO_ACCOUNTS choice, and
the demo's state in an account (a sample CEN instance with VPCs, an Enterprise Edition example and two
packages). Seeding goes through the real services (a package is bought and paid, a VPC attached, a
transit router made), so a seeded account is one a user could have made."""

import secrets
from datetime import timedelta
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.translation import gettext_noop

from cenconsole.accounts.models import LedgerEntry, signup_credit
from cenconsole.accounts.services import (
    account_state_changed,
    balance_change,
)
from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import pricing
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import SAMPLE_DESCRIPTION, SEEDED_INSTANCES_DESCRIPTION, CenInstance, new_cen_id
from cenconsole.core import clock
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance
from cenconsole.networks.routes import vpc_route_table_id

from ..models import DemoAccountsChoice
from .seed_enterprise import enterprise_example_ensure, enterprise_example_seed

BULK_BATCH = 1000
CENT = Decimal("0.01")
DEMO_USERNAME = "demo"


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
# Custom routes to ECS instances of the first VPC (the Route Information tab's Publish and Withdraw):
# (destination, published).
DEMO_CUSTOM_ROUTES = [("192.168.100.0/24", True), ("192.168.101.0/24", False)]
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
    networks = [
        network_services.network_instance_attach(
            owner=owner, cen_instance_id=cen_instance.pk, region_code=region, name=name
        )
        for name, region in DEMO_NETWORKS
    ]
    first = networks[0]
    for destination, published in DEMO_CUSTOM_ROUTES:
        route = {
            "owner": owner,
            "cen_instance_id": cen_instance.pk,
            "vpc_id": first.instance_id,
            "region_code": first.region_id,
            "route_table_id": vpc_route_table_id(first.instance_id),
            "destination_cidr": destination,
        }
        network_services.route_entry_publish(**route)  # made on its first mention, as the API's
        if not published:
            network_services.route_entry_withdraw(**route)


@transaction.atomic
def account_seed(*, owner, cen_id: str | None = None, package_ids: dict[str, str] | None = None) -> CenInstance:
    """The demo's state in an account without one: a sample CEN instance with VPCs in Mainland China
    and North America, an Enterprise Edition example (a branch office in China (Shanghai) on a leased
    line: seed_enterprise), a package that expires within the hour and one already expired. `cen_id` and
    `package_ids` (by package name) give back the IDs a reset account had."""
    cen_instance = CenInstance.objects.create(
        id=cen_id or new_cen_id(), owner=owner, name=DEMO_CEN_NAME, description=SAMPLE_DESCRIPTION
    )
    _demo_networks_ensure(owner=owner, cen_instance=cen_instance)
    enterprise_example_seed(owner=owner, cen_instance=cen_instance)
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
    enterprise_example_ensure(owner=demo, cen_instance=cen_instance)
    for name, area_a, area_b, expires_in in DEMO_PACKAGES:
        if not BandwidthPackage.objects.active().filter(owner=demo, name=name).exists():
            _demo_package_buy(
                owner=demo, cen_instance=cen_instance, name=name, area_a=area_a, area_b=area_b, expires_in=expires_in
            )
    return admin, demo
