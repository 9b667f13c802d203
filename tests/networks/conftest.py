import pytest

from cenconsole.networks import services
from tests.factories import buy_package


@pytest.fixture
def package(cen_instance):
    """A Mainland China <-> North America package of 10 Mbps, bought and bound to cen_instance."""
    return buy_package(cen_instance)


@pytest.fixture
def attach():
    """Attaches a VPC in region_code to cen_instance through the service."""

    def attach_vpc(cen_instance, region_code, name=""):
        return services.network_instance_attach(
            owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code=region_code, name=name
        )

    return attach_vpc


@pytest.fixture
def connect():
    """Sets a region connection on the package's CEN instance through the service."""

    def set_connection(package, local_region_code, opposite_region_code, bandwidth):
        return services.region_connection_set(
            owner=package.owner,
            cen_instance_id=package.cen_instance_id,
            package_id=package.pk,
            local_region_code=local_region_code,
            opposite_region_code=opposite_region_code,
            bandwidth=bandwidth,
        )

    return set_connection
