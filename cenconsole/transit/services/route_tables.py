"""Route tables of transit routers: custom tables, static routes, associations and propagations."""

from django.db import IntegrityError, transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts
from cenconsole.networks import services as network_services
from cenconsole.networks.services import cidr_block_clean

from ..messages import (
    ALREADY_ASSOCIATED,
    ALREADY_PROPAGATING,
    NOT_ASSOCIATED,
    NOT_PROPAGATING,
    ROUTE_EXISTS,
    ROUTE_TABLE_IN_USE,
    SYSTEM_ROUTE_TABLE,
    TRANSIT_ROUTER_NOT_ACTIVE,
    UNKNOWN_ATTACHMENT,
    UNKNOWN_NEXT_HOP,
    UNKNOWN_ROUTE_ENTRY,
    UNKNOWN_ROUTE_TABLE,
)
from ..models import (
    RouteTableLink,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
)
from .common import owned_router, refuse_unless_active


def _connections_of(router: TransitRouter) -> dict:
    """The router's connections not being deleted, by ID: VPC connections and inter-region connections."""
    vpcs = {each.pk: each for each in router.vpc_attachments.live()}
    peers = {
        each.pk: each
        for each in TransitRouterPeerAttachment.objects.live().filter(
            Q(transit_router=router) | Q(peer_transit_router=router)
        )
    }
    return {**vpcs, **peers}


def _owned_table(*, owner, route_table_id: str, lock: bool = False) -> TransitRouterRouteTable:
    tables = TransitRouterRouteTable.objects.present().select_related("transit_router")
    if lock:
        tables = tables.select_for_update(of=("self",))
    table = tables.filter(
        transit_router__owner=owner, transit_router__deleted_at__isnull=True, pk=route_table_id
    ).first()
    if table is None:
        raise field_error("route_table", UNKNOWN_ROUTE_TABLE, "unknown_route_table")
    return table


@transaction.atomic
def route_table_create(
    *, owner, transit_router_id: str, name: str = "", description: str = ""
) -> TransitRouterRouteTable:
    """Create Route Table: a custom route table of an Active router (Creating, then Active)."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    refuse_unless_active(router)
    table = TransitRouterRouteTable(transit_router=router, **clean_texts(name=name, description=description))
    table.save(force_insert=True)
    audit_record(
        actor=owner, action="transit_router.route_table_created", target=router, changes={table.pk: (None, "Custom")}
    )
    return table


@transaction.atomic
def route_table_delete(*, owner, route_table_id: str) -> TransitRouterRouteTable:
    """Delete a custom route table with no associations, propagations or static routes left."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    if table.is_system:
        raise refusal(SYSTEM_ROUTE_TABLE, "system_route_table", route_table_id=table.pk)
    if not table.is_active:
        raise refusal(
            TRANSIT_ROUTER_NOT_ACTIVE, "route_table_not_active", transit_router_id=table.pk, status=table.status
        )
    links = [*table.links.values_list("attachment_id", flat=True), *table.entries.live().values_list("pk", flat=True)]
    if links:
        raise refusal(ROUTE_TABLE_IN_USE, "route_table_in_use", route_table_id=table.pk, links=", ".join(links))
    table.deleted_at = clock.now()
    table.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="transit_router.route_table_deleted",
        target=table.transit_router,
        changes={table.pk: ("Custom", None)},
    )
    return table


@transaction.atomic
def route_entry_create(
    *,
    owner,
    route_table_id: str,
    destination_cidr: str,
    next_hop_type: str,
    next_hop_id: str = "",
    name: str = "",
    description: str = "",
) -> TransitRouterRouteEntry:
    """Add a static route: to one of the router's connections, or a blackhole."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    destination = cidr_block_clean(destination_cidr)
    if not destination:
        raise field_error("destination_cidr", network_services.CIDR_BLOCK_FORMAT, "cidr_block_format")
    if next_hop_type == TransitRouterRouteEntry.NextHopType.BLACKHOLE:
        next_hop_id = ""
    elif next_hop_type != TransitRouterRouteEntry.NextHopType.ATTACHMENT or next_hop_id not in _connections_of(
        table.transit_router
    ):
        raise field_error("next_hop", UNKNOWN_NEXT_HOP, "unknown_next_hop")
    if table.entries.live().filter(destination_cidr=destination).exists():
        raise field_error("destination_cidr", ROUTE_EXISTS, "route_exists", route_table_id=table.pk, cidr=destination)
    entry = TransitRouterRouteEntry(
        route_table=table,
        destination_cidr=destination,
        next_hop_type=next_hop_type,
        next_hop_id=next_hop_id,
        **clean_texts(name=name, description=description),
    )
    try:
        with transaction.atomic():
            entry.save(force_insert=True)
    except IntegrityError:
        raise field_error(
            "destination_cidr", ROUTE_EXISTS, "route_exists", route_table_id=table.pk, cidr=destination
        ) from None
    audit_record(
        actor=owner,
        action="transit_router.route_added",
        target=table,
        changes={destination: (None, next_hop_id or next_hop_type)},
    )
    return entry


@transaction.atomic
def route_entry_delete(*, owner, route_entry_id: str) -> TransitRouterRouteEntry:
    entry = (
        TransitRouterRouteEntry.objects.live()
        .select_for_update(of=("self",))
        .select_related("route_table")
        .filter(route_table__transit_router__owner=owner, pk=route_entry_id)
        .first()
    )
    if entry is None:
        raise field_error("route_entry", UNKNOWN_ROUTE_ENTRY, "unknown_route_entry")
    entry.deleted_at = clock.now()
    entry.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="transit_router.route_deleted",
        target=entry.route_table,
        changes={entry.destination_cidr: (entry.next_hop_id or entry.next_hop_type, None)},
    )
    return entry


def _connection_on_table_router(table: TransitRouterRouteTable, attachment_id: str) -> None:
    if attachment_id not in _connections_of(table.transit_router):
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "unknown_attachment")


@transaction.atomic
def route_table_link(*, owner, route_table_id: str, attachment_id: str, kind: str) -> RouteTableLink:
    """Associate a connection with a route table (one per connection and router), or enable its
    route propagation to the table."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    _connection_on_table_router(table, attachment_id)
    if kind == RouteTableLink.Kind.ASSOCIATION:
        current = RouteTableLink.objects.filter(
            kind=kind, attachment_id=attachment_id, transit_router=table.transit_router
        ).first()
        if current is not None:
            raise refusal(
                ALREADY_ASSOCIATED,
                "already_associated",
                attachment_id=attachment_id,
                route_table_id=current.route_table_id,
            )
    elif table.links.filter(kind=kind, attachment_id=attachment_id).exists():
        raise refusal(ALREADY_PROPAGATING, "already_propagating", attachment_id=attachment_id, route_table_id=table.pk)
    try:
        with transaction.atomic():
            link = RouteTableLink.objects.create(
                route_table=table, transit_router=table.transit_router, attachment_id=attachment_id, kind=kind
            )
    except IntegrityError:
        raise refusal(
            ALREADY_ASSOCIATED, "already_associated", attachment_id=attachment_id, route_table_id=table.pk
        ) from None
    audit_record(
        actor=owner, action=f"transit_router.{kind}_added", target=table, changes={attachment_id: (None, kind)}
    )
    return link


@transaction.atomic
def route_table_unlink(*, owner, route_table_id: str, attachment_id: str, kind: str) -> None:
    """Dissociate a connection from a route table, or disable its route propagation to it."""
    table = _owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    link = table.links.filter(kind=kind, attachment_id=attachment_id).first()
    if link is None:
        message, code = (
            (NOT_ASSOCIATED, "not_associated")
            if kind == RouteTableLink.Kind.ASSOCIATION
            else (NOT_PROPAGATING, "not_propagating")
        )
        raise refusal(message, code, attachment_id=attachment_id, route_table_id=table.pk)
    link.delete()
    audit_record(
        actor=owner, action=f"transit_router.{kind}_removed", target=table, changes={attachment_id: (kind, None)}
    )
