"""Receivers of transit's signals: a router with CIDR blocks, prefix lists associated with its route tables
or aggregate routes on them, a route table with prefix lists or aggregate routes, and a connection that is
a prefix list's next hop, stay (the transit services refuse their delete)."""

from cenconsole.core.errors import refuse_if_any

from ..messages import (
    CONNECTION_IS_NEXT_HOP,
    ROUTER_HAS_AGGREGATES,
    ROUTER_HAS_CIDR_BLOCKS,
    ROUTER_HAS_PREFIX_LISTS,
    TABLE_HAS_AGGREGATES,
    TABLE_HAS_PREFIX_LISTS,
)
from ..models import PrefixListAssociation, TransitRouterCidr, TransitRouteTableAggregation


def _prefix_lists(associations):
    return associations.values_list("prefix_list__resource_id", flat=True)


def refuse_router_delete_with_addressing(sender, *, owner, router, **kwargs) -> None:
    """Receiver of transit_router_deleting: CIDR blocks, prefix list associations and aggregate routes (on
    its default route table, which goes with it) keep the router."""
    cidr_blocks = TransitRouterCidr.objects.filter(transit_router=router).values_list("cidr", flat=True)
    refuse_if_any(
        cidr_blocks, ROUTER_HAS_CIDR_BLOCKS, "cidr_blocks_exist", listed_as="cidr_blocks", transit_router_id=router.pk
    )
    refuse_if_any(
        _prefix_lists(PrefixListAssociation.objects.filter(transit_router=router)),
        ROUTER_HAS_PREFIX_LISTS,
        "prefix_list_associations_exist",
        listed_as="prefix_lists",
        transit_router_id=router.pk,
    )
    aggregates = (
        TransitRouteTableAggregation.objects.present()
        .filter(route_table__transit_router=router)
        .values_list("cidr", flat=True)
    )
    refuse_if_any(
        aggregates, ROUTER_HAS_AGGREGATES, "aggregate_routes_exist", listed_as="aggregates", transit_router_id=router.pk
    )


def refuse_route_table_delete_with_addressing(sender, *, owner, route_table, **kwargs) -> None:
    """Receiver of route_table_deleting: prefix list associations and aggregate routes keep the table."""
    refuse_if_any(
        _prefix_lists(PrefixListAssociation.objects.filter(route_table=route_table)),
        TABLE_HAS_PREFIX_LISTS,
        "prefix_list_associations_exist",
        listed_as="prefix_lists",
        route_table_id=route_table.pk,
    )
    aggregates = (
        TransitRouteTableAggregation.objects.present().filter(route_table=route_table).values_list("cidr", flat=True)
    )
    refuse_if_any(
        aggregates,
        TABLE_HAS_AGGREGATES,
        "aggregate_routes_exist",
        listed_as="aggregates",
        route_table_id=route_table.pk,
    )


def refuse_attachment_delete_as_next_hop(sender, *, owner, attachment, **kwargs) -> None:
    """Receiver of attachment_deleting: a connection that is a prefix list association's next hop stays."""
    refuse_if_any(
        _prefix_lists(PrefixListAssociation.objects.filter(owner=owner, next_hop=attachment.pk)),
        CONNECTION_IS_NEXT_HOP,
        "prefix_list_associations_exist",
        listed_as="prefix_lists",
        attachment_id=attachment.pk,
    )
