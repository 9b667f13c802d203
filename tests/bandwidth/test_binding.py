"""Bind and Unbind: a package joins or leaves a CEN instance (bandwidth services)."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.bandwidth.services import AREA_PAIR_TAKEN
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def field_errors(excinfo, field):
    return excinfo.value.message_dict[field]


# Binding packages --------------------------------------------------------------------------------


def test_unbind_is_refused_while_connections_remain_and_names_them(package, connect):
    """Unbind names the connections that still use the package and changes nothing."""
    connect(package, "cn-hangzhou", "us-east-1", 6)
    with pytest.raises(ValidationError) as excinfo:
        services.package_unbind(owner=package.owner, package_id=package.pk)
    assert excinfo.value.messages == [
        services.PACKAGE_HAS_CONNECTIONS
        % dict(package_id=package.pk, connections="China (Hangzhou) ↔ US (Virginia) (6 Mbps)")
    ]
    package.refresh_from_db()
    assert package.cen_instance_id is not None


def test_unbind_makes_the_package_available(package):
    """Without connections the package leaves its CEN instance and shows as Available."""
    cen_id = package.cen_instance_id
    services.package_unbind(owner=package.owner, package_id=package.pk)
    package.refresh_from_db()
    assert package.cen_instance_id is None
    assert package.status_label == "Available"
    record = AuditRecord.objects.for_target(package).get(action="package.unbound")
    assert record.changes == {"status": ["InUse", "Idle"], "cen_instance": [cen_id, None]}


def test_unbind_refuses_an_unbound_package(package):
    """An available package has nothing to unbind from."""
    services.package_unbind(owner=package.owner, package_id=package.pk)
    with pytest.raises(ValidationError) as excinfo:
        services.package_unbind(owner=package.owner, package_id=package.pk)
    assert excinfo.value.messages == [services.PACKAGE_NOT_BOUND % dict(package_id=package.pk)]


def test_unbind_refuses_another_accounts_package(package, other_user):
    """Another account's package is not found."""
    with pytest.raises(BandwidthPackage.DoesNotExist):
        services.package_unbind(owner=other_user, package_id=package.pk)


def test_bind_puts_an_available_package_in_use_on_the_cen_instance(package, user):
    """An unbound package binds to another CEN instance of the account and is In Use there."""
    services.package_unbind(owner=user, package_id=package.pk)
    second_cen = CenInstanceFactory(owner=user)
    services.package_bind(owner=user, cen_instance_id=second_cen.pk, package_id=package.pk)
    package.refresh_from_db()
    assert (package.cen_instance, package.status_label) == (second_cen, "In Use")
    assert AuditRecord.objects.for_target(package).filter(action="package.bound").exists()


def test_bind_is_refused_when_the_cen_instance_has_a_package_for_that_area_pair(package, user):
    """One package per area pair per CEN instance, in either order of the areas."""
    second_cen = CenInstanceFactory(owner=user)
    other = buy_package(second_cen, area_a_code="North-America", area_b_code="China")
    services.package_unbind(owner=user, package_id=other.pk)
    with pytest.raises(ValidationError) as excinfo:
        services.package_bind(owner=user, cen_instance_id=package.cen_instance_id, package_id=other.pk)
    assert field_errors(excinfo, "package") == [
        AREA_PAIR_TAKEN % dict(cen_id=package.cen_instance_id, areas="North America ↔ Mainland China")
    ]
    other.refresh_from_db()
    assert other.cen_instance_id is None


def test_bind_refuses_a_package_bound_elsewhere(package, user):
    """A package in use must be unbound before it can be bound again."""
    second_cen = CenInstanceFactory(owner=user)
    with pytest.raises(ValidationError) as excinfo:
        services.package_bind(owner=user, cen_instance_id=second_cen.pk, package_id=package.pk)
    assert field_errors(excinfo, "package") == [
        services.PACKAGE_ALREADY_BOUND % dict(package_id=package.pk, cen_id=package.cen_instance_id)
    ]


def test_bind_refuses_another_accounts_package(package, user, other_user):
    """Another account's available package cannot be bound."""
    services.package_unbind(owner=user, package_id=package.pk)
    other_cen = CenInstanceFactory(owner=other_user)
    with pytest.raises(ValidationError) as excinfo:
        services.package_bind(owner=other_user, cen_instance_id=other_cen.pk, package_id=package.pk)
    assert field_errors(excinfo, "package") == [services.UNKNOWN_AVAILABLE_PACKAGE]


def test_bind_refuses_a_released_package(package, user):
    """A released package is gone from every list and cannot be bound."""
    services.package_release(package_id=package.pk, actor=user, reason="test")
    with pytest.raises(ValidationError) as excinfo:
        services.package_bind(owner=user, cen_instance_id=CenInstanceFactory(owner=user).pk, package_id=package.pk)
    assert field_errors(excinfo, "package") == [services.UNKNOWN_AVAILABLE_PACKAGE]
