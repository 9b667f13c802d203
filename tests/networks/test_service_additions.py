"""The services this issue added to other apps for the API (cenconsole.networks.services):
region_connection_set_by_regions, and package_unbind naming the CEN instance."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.networks import services as network_services
from cenconsole.networks.models import RegionConnection
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


@pytest.fixture
def package(cen_instance):
    """Mainland China <-> North America, 10 Mbps, bound to cen_instance."""
    return buy_package(cen_instance)


def set_by_regions(cen_instance, local, opposite, bandwidth):
    return network_services.region_connection_set_by_regions(
        owner=cen_instance.owner,
        cen_instance_id=cen_instance.pk,
        local_region_code=local,
        opposite_region_code=opposite,
        bandwidth=bandwidth,
    )


def test_set_by_regions_takes_the_package_for_the_regions_areas(cen_instance, package):
    """Naming only the regions, the connection draws on the package bound for their area pair."""
    connection = set_by_regions(cen_instance, "us-east-1", "cn-hangzhou", 6)
    assert (connection.package, connection.bandwidth) == (package, 6)


def test_set_by_regions_refuses_when_no_bound_package_covers_the_areas(cen_instance, package):
    """Hangzhou <-> Shanghai: no Mainland China <-> Mainland China package is bound, so it is refused."""
    with pytest.raises(ValidationError) as refused:
        set_by_regions(cen_instance, "cn-hangzhou", "cn-shanghai", 1)
    assert refused.value.error_dict["opposite_region"][0].code == "no_package_for_regions"
    assert not RegionConnection.objects.exists()


def test_set_by_regions_keeps_every_rule_of_region_connection_set(cen_instance, package):
    """It goes through region_connection_set: more than the package has left is refused the same way."""
    set_by_regions(cen_instance, "cn-hangzhou", "us-east-1", 6)
    with pytest.raises(ValidationError) as refused:
        set_by_regions(cen_instance, "cn-shanghai", "us-west-1", 5)
    assert refused.value.error_dict["bandwidth"][0].code == "bandwidth_exceeds_remaining"


def test_set_by_regions_refuses_the_same_region_twice(cen_instance, package):
    """The same region on both ends is refused as in the console."""
    with pytest.raises(ValidationError) as refused:
        set_by_regions(cen_instance, "cn-hangzhou", "cn-hangzhou", 1)
    assert refused.value.error_dict["opposite_region"][0].code == "same_region"


def test_unbind_naming_another_cen_instance_is_refused(cen_instance, package, user):
    """package_unbind with a CEN instance the package is not bound to refuses and leaves it bound."""
    elsewhere = CenInstanceFactory(owner=user)
    with pytest.raises(ValidationError) as refused:
        bandwidth_services.package_unbind(owner=user, package_id=package.pk, cen_instance_id=elsewhere.pk)
    assert refused.value.code == "package_not_bound"
    package.refresh_from_db()
    assert package.cen_instance == cen_instance


def test_unbind_naming_its_cen_instance_unbinds(cen_instance, package, user):
    """package_unbind with the package's own CEN instance unbinds it."""
    bandwidth_services.package_unbind(owner=user, package_id=package.pk, cen_instance_id=cen_instance.pk)
    package.refresh_from_db()
    assert package.cen_instance is None
