import pytest
from django.core.exceptions import ValidationError

from cenconsole.multicast import services
from cenconsole.transit import services as transit_services
from tests.transit.conftest import later  # noqa: F401 (the fixture)

VSWITCHES = ["vsw-mcast0001", "vsw-mcast0002"]
ZONES = [("cn-hangzhou-h", VSWITCHES[0]), ("cn-hangzhou-i", VSWITCHES[1])]


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {each.code for errors in error.error_dict.values() for each in errors}
    return {each.code for each in error.error_list}


@pytest.fixture
def multicast_router(cen_instance, later):  # noqa: F811
    """An Active transit router of cen_instance made with multicast (or without)."""

    def make(region="cn-hangzhou", support_multicast=True):
        router = transit_services.transit_router_create(
            owner=cen_instance.owner,
            cen_instance_id=cen_instance.pk,
            region_code=region,
            support_multicast=support_multicast,
        )
        later()
        return router

    return make


@pytest.fixture
def connected_vpc(later):  # noqa: F811
    """An Attached VPC connection of a router, with two vSwitches in cn-hangzhou."""

    def make(router, vpc_id="vpc-mcast0001", zones=ZONES):
        attachment = transit_services.vpc_attachment_create(
            owner=router.owner, transit_router_id=router.pk, vpc_id=vpc_id, zone_mappings=zones
        )
        later()
        return attachment

    return make


@pytest.fixture
def active_domain(later):  # noqa: F811
    def make(router, **extra):
        domain = services.multicast_domain_create(owner=router.owner, transit_router_id=router.pk, **extra)
        later()
        return domain

    return make


@pytest.fixture
def domain_with_vswitches(multicast_router, connected_vpc, active_domain, later):  # noqa: F811
    """An Active domain on a multicast router whose VPC connection's two vSwitches are Associated."""
    router = multicast_router()
    attachment = connected_vpc(router)
    domain = active_domain(router)
    services.multicast_domain_associate(
        owner=router.owner, domain_id=domain.pk, attachment_id=attachment.pk, vswitch_ids=VSWITCHES
    )
    later()
    return domain


@pytest.fixture
def peers(cen_instance, package, multicast_router, active_domain, later):  # noqa: F811
    """Multicast domains in cn-hangzhou and us-east-1, their routers joined by an inter-region connection
    from `package` (China <-> North America)."""
    hangzhou, virginia = multicast_router(), multicast_router(region="us-east-1")
    connection = transit_services.peer_attachment_create(
        owner=cen_instance.owner,
        transit_router_id=hangzhou.pk,
        peer_transit_router_id=virginia.pk,
        package_id=package.pk,
        bandwidth=2,
    )
    later()
    return {"domain": active_domain(hangzhou), "peer": active_domain(virginia), "connection": connection}
