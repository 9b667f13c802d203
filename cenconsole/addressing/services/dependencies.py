"""Receivers of transit's signals: a router with CIDR blocks, prefix lists associated with its route tables
or aggregate routes on them, a route table with prefix lists or aggregate routes, and a connection that is
a prefix list's next hop, stay (the transit services refuse their delete)."""

from cenconsole.core.errors import refusal

from ..messages import (
    CONNECTION_IS_NEXT_HOP,
    ROUTER_HAS_AGGREGATES,
    ROUTER_HAS_CIDR_BLOCKS,
    ROUTER_HAS_PREFIX_LISTS,
    TABLE_HAS_AGGREGATES,
    TABLE_HAS_PREFIX_LISTS,
)
from ..models import PrefixListAssociation, TransitRouterCidr, TransitRouteTableAggregation


def _prefix_lists(associations) -> str:
    return ", ".join(dict.fromkeys(associations.values_list("prefix_list__resource_id", flat=True)))


def refuse_router_delete_with_addressing(sender, *, owner, router, **kwargs) -> None:
    """Receiver of transit_router_deleting: CIDR blocks, prefix list associations and aggregate routes (on
    its default route table, which goes with it) keep the router."""
    cidr_blocks = list(TransitRouterCidr.objects.filter(transit_router=router).values_list("cidr", flat=True))
    if cidr_blocks:
        raise refusal(
            ROUTER_HAS_CIDR_BLOCKS, "cidr_blocks_exist", transit_router_id=router.pk, cidr_blocks=", ".join(cidr_blocks)
        )
    associations = PrefixListAssociation.objects.filter(transit_router=router)
    if associations.exists():
        raise refusal(
            ROUTER_HAS_PREFIX_LISTS,
            "prefix_list_associations_exist",
            transit_router_id=router.pk,
            prefix_lists=_prefix_lists(associations),
        )
    aggregates = list(
        TransitRouteTableAggregation.objects.present()
        .filter(route_table__transit_router=router)
        .values_list("cidr", flat=True)
    )
    if aggregates:
        raise refusal(
            ROUTER_HAS_AGGREGATES,
            "aggregate_routes_exist",
            transit_router_id=router.pk,
            aggregates=", ".join(aggregates),
        )


def refuse_route_table_delete_with_addressing(sender, *, owner, route_table, **kwargs) -> None:
    """Receiver of route_table_deleting: prefix list associations and aggregate routes keep the table."""
    associations = PrefixListAssociation.objects.filter(route_table=route_table)
    if associations.exists():
        raise refusal(
            TABLE_HAS_PREFIX_LISTS,
            "prefix_list_associations_exist",
            route_table_id=route_table.pk,
            prefix_lists=_prefix_lists(associations),
        )
    aggregates = list(
        TransitRouteTableAggregation.objects.present().filter(route_table=route_table).values_list("cidr", flat=True)
    )
    if aggregates:
        raise refusal(
            TABLE_HAS_AGGREGATES,
            "aggregate_routes_exist",
            route_table_id=route_table.pk,
            aggregates=", ".join(aggregates),
        )


def refuse_attachment_delete_as_next_hop(sender, *, owner, attachment, **kwargs) -> None:
    """Receiver of attachment_deleting: a connection that is a prefix list association's next hop stays."""
    associations = PrefixListAssociation.objects.filter(owner=owner, next_hop=attachment.pk)
    if associations.exists():
        raise refusal(
            CONNECTION_IS_NEXT_HOP,
            "prefix_list_associations_exist",
            attachment_id=attachment.pk,
            prefix_lists=_prefix_lists(associations),
        )
