import pytest

from cenconsole.routemaps import services
from tests.transit.conftest import active_router, later  # noqa: F401 (the fixtures)


@pytest.fixture
def route_map(cen_instance):
    """Makes a route map of cen_instance through the service (cn-hangzhou, RegionIn, Permit by default)."""

    def make(priority=10, **extra):
        settings = {
            "owner": cen_instance.owner,
            "cen_instance_id": cen_instance.pk,
            "region_code": "cn-hangzhou",
            "transmit_direction": "RegionIn",
            "map_result": "Permit",
            "priority": priority,
            **extra,
        }
        return services.route_map_create(**settings)

    return make
