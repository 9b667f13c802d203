"""Demo data for `manage.py seed_demo`: every function ensures a state, so running it twice is safe."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction

from cenconsole.accounts.services import account_state_changed
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance, new_cen_id
from cenconsole.core import clock

BULK_BATCH = 1000


@transaction.atomic
def account_ensure(*, username: str, password: str | None, staff: bool = False, email: str = ""):
    """The account, created if missing; a given password is (re)set so scripted sign-ins work; a given
    email is set on an account without one (ticket emails go there)."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    changed = created
    if password is not None and (created or not user.check_password(password)):
        user.set_password(password)
        changed = True
    if staff and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        changed = True
    if email and not user.email:
        user.email = email
        changed = True
    if changed:
        user.save()
    return user


def balance_ensure(*, owner, at_least) -> None:
    """Tops the demo credit up to at least the amount (load tests buy many packages)."""
    get_user_model().objects.filter(pk=owner.pk, balance__lt=at_least).update(balance=at_least)


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
            description="Created by seed_demo",
            created_at=start + timedelta(seconds=number),
        )
        for number in range(1, missing + 1)
    ]
    with transaction.atomic():
        CenInstance.objects.bulk_create(instances, batch_size=BULK_BATCH)
        account_state_changed(owner=owner)
    return missing


# Packages the demo shows the subscription's life with: (name, area A, area B, expires in).
DEMO_PACKAGES = [
    ("demo-expiring", "Asia-Pacific", "Europe", timedelta(minutes=45)),
    ("demo-expired", "North-America", "Europe", -timedelta(days=2)),
]


def _demo_package_ensure(*, owner, cen_instance, name, area_a, area_b, expires_in):
    """Buys the package through the real services, then moves its expiration as if time had passed."""
    if BandwidthPackage.objects.active().filter(owner=owner, name=name).exists():
        return
    order = bandwidth_services.order_create_purchase(
        owner=owner,
        idempotency_key=f"seed-demo:{name}:{clock.now().timestamp()}",
        cen_instance_id=cen_instance.pk,
        area_a_code=area_a,
        area_b_code=area_b,
        bandwidth=2,
        name=name,
        duration_months=1,
    )
    package = bandwidth_services.order_pay(owner=owner, order_id=order.pk).package
    BandwidthPackage.objects.filter(pk=package.pk).update(expires_at=clock.now() + expires_in)


@transaction.atomic
def demo_ensure():
    """The local demo: staff admin/admin, and demo/demo with a sample CEN instance holding one package
    that expires within the hour and one already expired."""
    admin = account_ensure(username="admin", password="admin", staff=True, email="admin@example.com")
    demo = account_ensure(username="demo", password="demo", email="demo@example.com")
    cen_instance = CenInstance.objects.filter(owner=demo, deleted_at__isnull=True).order_by("created_at").first()
    if cen_instance is None:
        cen_instance = CenInstance.objects.create(owner=demo, name="demo-cen", description="Sample CEN instance")
    for name, area_a, area_b, expires_in in DEMO_PACKAGES:
        _demo_package_ensure(
            owner=demo, cen_instance=cen_instance, name=name, area_a=area_a, area_b=area_b, expires_in=expires_in
        )
    return admin, demo
