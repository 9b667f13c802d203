import pytest

from cenconsole.transit import services as transit_services
from tests.transit.conftest import ZONES, active_router, later  # noqa: F401 (the fixtures)


def codes(refused) -> set[str]:
    """Every code of a refused call's ValidationError (a refusal, or one keyed by field)."""
    error = refused.value
    if hasattr(error, "error_dict"):
        return {each.code for errors in error.error_dict.values() for each in errors}
    return {each.code for each in error.error_list}


@pytest.fixture
def router(active_router):  # noqa: F811
    """An Active transit router in cn-hangzhou."""
    return active_router()


@pytest.fixture
def connected(router, later):  # noqa: F811
    """The router with an Attached VPC connection (vpc-addr0001, 10.1.0.0/16 as the replica gives it)
    associated with its default route table: router.connection, router.system."""
    router.connection = transit_services.vpc_attachment_create(
        owner=router.owner,
        transit_router_id=router.pk,
        vpc_id="vpc-addr0001",
        zone_mappings=ZONES[:1],
        cidr_block="10.1.0.0/16",
    )
    later(20)
    router.system = router.route_tables.get(table_type="System")
    return router
