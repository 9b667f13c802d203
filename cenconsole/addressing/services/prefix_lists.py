"""Prefix lists associated with a transit router's route table (Create/DeleteTransitRouterPrefixListAssociation):
the prefix list's CIDR blocks become routes to one next hop, a connection of the router or a blackhole."""

from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.core.errors import field_error, refusal
from cenconsole.products.models import ProductResource
from cenconsole.products.services import product_resource_ensure
from cenconsole.transit.models import AttachmentStatus
from cenconsole.transit.services.common import (
    owned_router,
    owned_table,
    refuse_unless_active,
    refuse_unless_table_active,
    router_connections,
)

from ..messages import (
    NEXT_HOP_BLACKHOLE,
    NEXT_HOP_TYPE,
    PREFIX_LIST_ASSOCIATED,
    PREFIX_LIST_ASSOCIATION_UPDATING,
    ROUTE_TABLE_OF_ANOTHER_ROUTER,
    UNKNOWN_NEXT_HOP,
    UNKNOWN_PREFIX_LIST_ASSOCIATION,
)
from ..models import PrefixListAssociation

NextHopType = PrefixListAssociation.NextHopType

# A connection's kind, by the transit model that holds it, as NextHopType names it.
CONNECTION_TYPES = {
    "TransitRouterVpcAttachment": NextHopType.VPC,
    "TransitRouterPeerAttachment": NextHopType.TR,
    "TransitRouterVbrAttachment": NextHopType.VBR,
    "TransitRouterEcrAttachment": NextHopType.ECR,
}


def _network_instance_of(connection, router) -> str:
    """The network instance behind a connection: its VPC, or the router at the other end."""
    if hasattr(connection, "vpc_id"):
        return connection.vpc_id
    if hasattr(connection, "peer_transit_router_id"):
        ends = {connection.transit_router_id, connection.peer_transit_router_id} - {router.pk}
        return next(iter(ends), "")
    return ""


def _next_hop(router, next_hop: str, next_hop_type: str | None) -> tuple[str, str]:
    """(NextHopType, the network instance behind it): BlackHole, or an Attached connection of the router
    of the type given (or of whatever type it is, when none is)."""
    if next_hop == PrefixListAssociation.BLACKHOLE or next_hop_type == NextHopType.BLACKHOLE:
        if next_hop != PrefixListAssociation.BLACKHOLE or next_hop_type not in (None, NextHopType.BLACKHOLE):
            raise field_error("next_hop", NEXT_HOP_BLACKHOLE, "prefix_list_next_hop_blackhole")
        return NextHopType.BLACKHOLE, ""
    connection = router_connections(router).get(next_hop)
    if connection is None or getattr(connection, "attachment_status", None) != AttachmentStatus.ATTACHED:
        raise field_error(
            "next_hop", UNKNOWN_NEXT_HOP, "prefix_list_next_hop_unknown", next_hop=next_hop, transit_router_id=router.pk
        )
    found = CONNECTION_TYPES.get(type(connection).__name__, "")
    if next_hop_type is not None and next_hop_type != found:
        raise field_error(
            "next_hop_type",
            NEXT_HOP_TYPE,
            "prefix_list_next_hop_type",
            next_hop=next_hop,
            found=found,
            expected=next_hop_type,
        )
    return found, _network_instance_of(connection, router)


def _router_and_table(*, owner, transit_router_id: str, route_table_id: str, lock: bool = False):
    router = owned_router(owner=owner, transit_router_id=transit_router_id)
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=lock)
    if table.transit_router_id != router.pk:
        raise field_error(
            "route_table",
            ROUTE_TABLE_OF_ANOTHER_ROUTER,
            "route_table_of_another_router",
            route_table_id=table.pk,
            transit_router_id=router.pk,
        )
    return router, table


@transaction.atomic
def prefix_list_association_create(
    *,
    owner,
    prefix_list_id: str,
    transit_router_id: str,
    route_table_id: str,
    next_hop: str,
    next_hop_type: str | None = None,
) -> PrefixListAssociation:
    """CreateTransitRouterPrefixListAssociation: the account's prefix list (its record made on first
    mention, in the router's region) on an Active route table of the router, to one next hop; Updating
    for a few seconds, then Active."""
    router, table = _router_and_table(
        owner=owner, transit_router_id=transit_router_id, route_table_id=route_table_id, lock=True
    )
    refuse_unless_active(router)
    refuse_unless_table_active(table)
    prefix_list = product_resource_ensure(
        owner=owner,
        kind=ProductResource.Kind.PREFIX_LIST,
        resource_id=prefix_list_id,
        region_code=router.region_id,
        field="prefix_list",
    )
    found_type, instance_id = _next_hop(router, next_hop, next_hop_type)
    taken = field_error(
        "prefix_list",
        PREFIX_LIST_ASSOCIATED,
        "prefix_list_associated",
        prefix_list_id=prefix_list_id,
        route_table_id=table.pk,
        next_hop=next_hop,
    )
    if PrefixListAssociation.objects.filter(route_table=table, prefix_list=prefix_list, next_hop=next_hop).exists():
        raise taken
    try:
        with transaction.atomic():
            association = PrefixListAssociation.objects.create(
                owner=owner,
                prefix_list=prefix_list,
                transit_router=router,
                route_table=table,
                next_hop=next_hop,
                next_hop_type=found_type,
                next_hop_instance_id=instance_id,
            )
    except IntegrityError:
        raise taken from None  # made by a concurrent request meanwhile
    audit_record(
        actor=owner,
        action="prefix_list_association.created",
        target=association,
        changes={"route_table": (None, table.pk), "prefix_list": (None, prefix_list_id), "next_hop": (None, next_hop)},
    )
    return association


@transaction.atomic
def prefix_list_association_delete(
    *, owner, prefix_list_id: str, transit_router_id: str, route_table_id: str, next_hop: str
) -> None:
    """DeleteTransitRouterPrefixListAssociation: an Active association goes at once (one still Updating
    is refused: the provider waits and retries)."""
    router, table = _router_and_table(owner=owner, transit_router_id=transit_router_id, route_table_id=route_table_id)
    params = dict(prefix_list_id=prefix_list_id, route_table_id=table.pk, next_hop=next_hop)
    association = (
        PrefixListAssociation.objects.select_for_update()
        .filter(route_table=table, prefix_list__owner=owner, prefix_list__resource_id=prefix_list_id, next_hop=next_hop)
        .first()
    )
    if association is None:
        raise field_error("prefix_list", UNKNOWN_PREFIX_LIST_ASSOCIATION, "unknown_prefix_list_association", **params)
    if association.status != PrefixListAssociation.Status.ACTIVE:
        raise refusal(PREFIX_LIST_ASSOCIATION_UPDATING, "prefix_list_association_updating", **params)
    audit_record(
        actor=owner,
        action="prefix_list_association.deleted",
        target=association,
        changes={"route_table": (table.pk, None), "prefix_list": (prefix_list_id, None), "next_hop": (next_hop, None)},
    )
    association.delete()
