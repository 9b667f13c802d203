"""Nothing but an approved ticket makes a package go away: every other path is refused."""

import pytest
from django.db.models import ProtectedError

from cenconsole.bandwidth.models import BandwidthPackage, DeletionRefused
from cenconsole.cen.models import CenInstance

pytestmark = pytest.mark.django_db


def test_package_delete_is_refused(package):
    """package.delete() raises and the row stays."""
    with pytest.raises(DeletionRefused):
        package.delete()
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_queryset_delete_is_refused(package):
    """A queryset delete raises and the rows stay."""
    with pytest.raises(DeletionRefused):
        BandwidthPackage.objects.all().delete()
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_deleting_the_cen_instance_row_is_protected(package):
    """A cascade from the CEN instance is refused by on_delete=PROTECT."""
    with pytest.raises(ProtectedError):
        CenInstance.objects.filter(pk=package.cen_instance_id).delete()
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_deleting_the_user_is_protected(package):
    """A cascade from the owning account is refused by on_delete=PROTECT."""
    with pytest.raises(ProtectedError):
        package.owner.delete()
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()
