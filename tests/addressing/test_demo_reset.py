"""Reset demo removes a sandbox's CIDR blocks, allocations, prefix-list associations and aggregate routes
with its transit routers (raw deletes: the addressing rows go first)."""

import pytest

from cenconsole.addressing import services
from cenconsole.addressing.models import (
    PrefixListAssociation,
    TransitRouterCidr,
    TransitRouterCidrAllocation,
    TransitRouteTableAggregation,
)
from cenconsole.demo import services as demo_services
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouter
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def test_reset_demo_removes_the_address_space_rows(later):  # noqa: F811
    """A sandbox router with an allocated CIDR block, a prefix-list association and an aggregate route resets."""
    sandbox = demo_services.sandbox_create(ip_address=None)
    cen_instance = sandbox.cen_instances.get()
    router = transit_services.transit_router_create(
        owner=sandbox, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    later()
    table = router.route_tables.get(table_type="System")
    services.cidr_create(owner=sandbox, transit_router_id=router.pk, cidr="192.168.10.0/24")
    services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001")
    services.prefix_list_association_create(
        owner=sandbox,
        prefix_list_id="pl-reset0001",
        transit_router_id=router.pk,
        route_table_id=table.pk,
        next_hop="BlackHole",
    )
    services.aggregation_create(owner=sandbox, route_table_id=table.pk, cidr="10.0.0.0/8", scope="VPC")
    made = {
        model: set(model.objects.values_list("pk", flat=True))
        for model in (
            TransitRouter,
            TransitRouterCidrAllocation,
            TransitRouterCidr,
            PrefixListAssociation,
            TransitRouteTableAggregation,
        )
    }
    demo_services.demo_reset(account=sandbox)
    for model, pks in made.items():  # the seed's own example (a router in cn-shanghai) is made again
        assert not model.objects.filter(pk__in=pks).exists(), model.__name__
    assert not TransitRouter.objects.filter(owner=sandbox, region_id="cn-hangzhou").exists()
