import pytest

from cenconsole.transit import services as transit_services
from tests.transit.conftest import later  # noqa: F401 (the fixture)


@pytest.fixture
def connection(cen_instance, later):  # noqa: F811
    """An Attached pay-by-data-transfer inter-region connection of 100 Mbps from an Active Hangzhou
    transit router to an Active Shanghai one."""
    owner = cen_instance.owner
    hangzhou = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    shanghai = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-shanghai"
    )
    later()
    attachment = transit_services.peer_attachment_create(
        owner=owner,
        transit_router_id=hangzhou.pk,
        peer_transit_router_id=shanghai.pk,
        bandwidth=100,
        bandwidth_type="DataTransfer",
    )
    later(20)
    return attachment
