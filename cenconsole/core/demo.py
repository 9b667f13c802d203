"""Demo data for `manage.py seed_demo`: every function ensures a state, so running it twice is safe."""

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone

from cenconsole.cen.models import CenInstance, new_cen_id

BULK_BATCH = 1000


@transaction.atomic
def account_ensure(*, username: str, password: str | None, staff: bool = False):
    """The account, created if missing; a given password is (re)set so scripted sign-ins work."""
    User = get_user_model()
    user, created = User.objects.get_or_create(username=username)
    changed = created
    if password is not None and (created or not user.check_password(password)):
        user.set_password(password)
        changed = True
    if staff and not (user.is_staff and user.is_superuser):
        user.is_staff = user.is_superuser = True
        changed = True
    if changed:
        user.save()
    return user


def cen_instances_ensure(*, owner, count: int, name_prefix: str = "cen") -> int:
    """At least `count` CEN instances for owner, inserted in bulk. Returns how many were added."""
    missing = count - CenInstance.objects.filter(owner=owner).count()
    if missing <= 0:
        return 0
    start = timezone.now() - timedelta(seconds=missing)
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
    return missing


@transaction.atomic
def demo_ensure():
    """The local demo: staff admin/admin and the demo account demo/demo with a sample CEN instance."""
    admin = account_ensure(username="admin", password="admin", staff=True)
    demo = account_ensure(username="demo", password="demo")
    if not CenInstance.objects.filter(owner=demo).exists():
        CenInstance.objects.create(owner=demo, name="demo-cen", description="Sample CEN instance")
    return admin, demo
