"""A transit router's CIDR block, and an aggregate route and a prefix list association on a route table of
it, made through the real services half a minute ago (Configured and Active now), by URL argument: for the
page walks (security, accessibility, layout)."""

from datetime import timedelta

import time_machine

from cenconsole.addressing import services
from cenconsole.core import clock
from cenconsole.transit.models import TransitRouterRouteTable


def addressing_objects(*, owner, router_id: str, route_table_id: str | None = None) -> dict:
    """The objects on `route_table_id` (the walk's custom table, so one route_table_id serves every page of
    it), or on the router's default route table."""
    tables = TransitRouterRouteTable.objects.filter(transit_router_id=router_id, deleted_at__isnull=True)
    if route_table_id:
        table = tables.get(pk=route_table_id)
    else:
        table = tables.get(table_type=TransitRouterRouteTable.TableType.SYSTEM)
    with time_machine.travel(clock.real_now() - timedelta(seconds=30), tick=False):
        block = services.cidr_create(owner=owner, transit_router_id=router_id, cidr="192.168.100.0/24", name="办公网段")
        aggregation = services.aggregation_create(
            owner=owner, route_table_id=table.pk, cidr="172.16.0.0/12", name="汇总路由", scope="VPC"
        )
        association = services.prefix_list_association_create(
            owner=owner,
            prefix_list_id="pl-objects0001",
            transit_router_id=router_id,
            route_table_id=table.pk,
            next_hop="BlackHole",
        )
    return {
        "route_table_id": table.pk,
        "cidr_id": block.pk,
        "aggregation_id": aggregation.pk,
        "prefix_list_association_id": association.pk,
    }
