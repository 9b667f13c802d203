"""Reads the API shares: the account's CIDR blocks and their allocations, prefix list associations and
aggregate routes (of routers and route tables not gone), and where an aggregate route is advertised."""

from cenconsole.transit.models import RouteTableLink, TransitRouterVpcAttachment

from .models import (
    PrefixListAssociation,
    TransitRouterCidr,
    TransitRouterCidrAllocation,
    TransitRouteTableAggregation,
)


def cidrs_for(*, owner):
    return TransitRouterCidr.objects.filter(
        transit_router__owner=owner, transit_router__deleted_at__isnull=True
    ).order_by("created_at", "id")


def allocations_for(*, owner):
    return (
        TransitRouterCidrAllocation.objects.filter(
            cidr_block__transit_router__owner=owner, cidr_block__transit_router__deleted_at__isnull=True
        )
        .select_related("cidr_block")
        .order_by("created_at", "id")
    )


def prefix_list_associations_for(*, owner):
    return (
        PrefixListAssociation.objects.filter(
            owner=owner, route_table__deleted_at__isnull=True, transit_router__deleted_at__isnull=True
        )
        .select_related("prefix_list")
        .order_by("created_at", "id")
    )


def aggregations_for(*, owner):
    """Aggregate routes not yet gone (Deleting ones too), on tables not being deleted."""
    return (
        TransitRouteTableAggregation.objects.present()
        .filter(route_table__transit_router__owner=owner, route_table__deleted_at__isnull=True)
        .order_by("created_at", "id")
    )


def aggregation_targets(aggregation: TransitRouteTableAggregation) -> list[str]:
    """The VPCs the aggregate route is advertised to: those whose connections are associated with its
    route table (the replica's VPC connections all synchronise routes)."""
    attachment_ids = RouteTableLink.objects.filter(
        route_table_id=aggregation.route_table_id, kind=RouteTableLink.Kind.ASSOCIATION
    ).values_list("attachment_id", flat=True)
    return list(
        TransitRouterVpcAttachment.objects.live()
        .filter(pk__in=list(attachment_ids))
        .order_by("created_at", "id")
        .values_list("vpc_id", flat=True)
    )
