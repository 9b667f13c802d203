"""Route tables of transit routers: custom tables and their static routes (route_table_links: the
connections associated with a table and propagating to it)."""

from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.core.validators import clean_texts
from cenconsole.networks import services as network_services
from cenconsole.networks.services import cidr_block_clean

from ..messages import (
    ROUTE_ENTRY_LEARNED,
    ROUTE_EXISTS,
    ROUTE_TABLE_IN_USE,
    SYSTEM_ROUTE_TABLE,
    UNKNOWN_NEXT_HOP,
    UNKNOWN_ROUTE_ENTRY,
)
from ..models import (
    TransitRouterRouteEntry,
    TransitRouterRouteTable,
)
from ..selectors import route_tables_for, routes_of
from ..signals import route_table_deleting
from .common import owned_router, owned_table, refuse_unless_active, refuse_unless_table_active, router_connections


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
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    if table.is_system:
        raise refusal(SYSTEM_ROUTE_TABLE, "system_route_table", route_table_id=table.pk)
    refuse_unless_table_active(table)
    links = [*table.links.values_list("attachment_id", flat=True), *table.entries.live().values_list("pk", flat=True)]
    refuse_if_any(links, ROUTE_TABLE_IN_USE, "route_table_in_use", listed_as="links", route_table_id=table.pk)
    route_table_deleting.send(sender=TransitRouterRouteTable, owner=owner, route_table=table)
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
def route_table_update(
    *, owner, route_table_id: str, name: str | None = None, description: str | None = None
) -> TransitRouterRouteTable:
    """Renames or re-describes an Active route table, the default one too (UpdateTransitRouterRouteTable);
    None leaves a field as it is."""
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    refuse_unless_table_active(table)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    audited_update(
        actor=owner,
        action="transit_router.route_table_modified",
        instance=table,
        fields=["name", "description"],
        data=clean_texts(**given),
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
    table = owned_table(owner=owner, route_table_id=route_table_id, lock=True)
    destination = cidr_block_clean(destination_cidr)
    if not destination:
        raise field_error("destination_cidr", network_services.CIDR_BLOCK_FORMAT, "cidr_block_format")
    if next_hop_type == TransitRouterRouteEntry.NextHopType.BLACKHOLE:
        next_hop_id = ""
    elif next_hop_type != TransitRouterRouteEntry.NextHopType.ATTACHMENT or next_hop_id not in router_connections(
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


def _owned_entry(*, owner, route_entry_id: str) -> TransitRouterRouteEntry:
    """The owner's static route, locked."""
    entry = (
        TransitRouterRouteEntry.objects.live()
        .select_for_update(of=("self",))
        .select_related("route_table__transit_router")
        .filter(route_table__transit_router__owner=owner, pk=route_entry_id)
        .first()
    )
    if entry is None:
        raise field_error("route_entry", UNKNOWN_ROUTE_ENTRY, "unknown_route_entry")
    return entry


@transaction.atomic
def route_entry_update(
    *, owner, route_entry_id: str, name: str | None = None, description: str | None = None
) -> TransitRouterRouteEntry:
    """Renames or re-describes a static route (UpdateTransitRouterRouteEntry); None leaves a field as it
    is. A learned route (its ID is its table's and connection's) belongs to the system: refused."""
    table_id = route_entry_id.split(":", 1)[0] if ":" in route_entry_id else ""
    table = route_tables_for(owner=owner).filter(pk=table_id).first() if table_id else None
    if table is not None and any(route.id == route_entry_id for route in routes_of(table)):
        raise refusal(ROUTE_ENTRY_LEARNED, "route_entry_learned", route_entry_id=route_entry_id)
    entry = _owned_entry(owner=owner, route_entry_id=route_entry_id)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    audited_update(
        actor=owner,
        action="transit_router.route_modified",
        instance=entry,
        fields=["name", "description"],
        data=clean_texts(**given),
    )
    return entry


@transaction.atomic
def route_entry_delete(*, owner, route_entry_id: str) -> TransitRouterRouteEntry:
    entry = _owned_entry(owner=owner, route_entry_id=route_entry_id)
    entry.deleted_at = clock.now()
    entry.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner,
        action="transit_router.route_deleted",
        target=entry.route_table,
        changes={entry.destination_cidr: (entry.next_hop_id or entry.next_hop_type, None)},
    )
    return entry
