"""Route tables of transit routers: tables, static and learned routes, associations, propagations."""

from cenconsole.tags.models import Tag
from cenconsole.tags.selectors import tags_for
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import RouteTableLink

from .. import errors
from .. import representations as show
from ..params import Params
from .common import dry_run_or_run, once, read_ignored, token_page
from .tags import tag_created, tags_to_set


def _table_param(owner, params: Params):
    table_id = params.string("TransitRouterRouteTableId", required=True)
    table = transit_selectors.route_tables_for(owner=owner).filter(pk=table_id).first()
    if table is None:
        raise errors.service_error("unknown_route_table")
    return table


def _no_multi_region_ecmp(params: Params) -> None:
    """RouteTableOptions.MultiRegionECMP: the replica's tables have none, so only disable is taken."""
    ecmp = params.string("RouteTableOptions.MultiRegionECMP")
    if ecmp and ecmp != "disable":
        raise errors.invalid_parameter("RouteTableOptions.MultiRegionECMP", "disable expected.")


def create_transit_router_route_table(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    name = params.string("TransitRouterRouteTableName") or ""
    description = params.string("TransitRouterRouteTableDescription") or ""
    _no_multi_region_ecmp(params)
    tags = tags_to_set(params)

    def create():
        table = transit_services.route_table_create(
            owner=owner, transit_router_id=router_id, name=name, description=description
        )
        tag_created(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_ROUTE_TABLE, resource=table, tags=tags)
        return table.pk

    table_id = dry_run_or_run(params, lambda: once(owner, params, "CreateTransitRouterRouteTable", create))
    return {"TransitRouterRouteTableId": table_id}


def list_transit_router_route_tables(*, owner, params: Params) -> dict:
    tables = transit_selectors.route_tables_for(owner=owner)
    router_id = params.string("TransitRouterId")
    if router_id:
        tables = tables.filter(transit_router_id=router_id)
    ids = params.indexed("TransitRouterRouteTableIds")
    if ids:
        tables = tables.filter(pk__in=ids)
    names = params.indexed("TransitRouterRouteTableNames")
    if names:
        tables = tables.filter(name__in=names)
    table_type = params.string("TransitRouterRouteTableType")
    if table_type:
        tables = tables.filter(table_type=table_type)
    status = params.string("TransitRouterRouteTableStatus")
    if status:
        tables = [table for table in tables if table.status == status]
    tags = tags_for(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_ROUTE_TABLE)
    return token_page(
        tables,
        params,
        wrapper="TransitRouterRouteTables",
        show_item=lambda table: show.route_table(table, tags[table.pk]),
    )


def update_transit_router_route_table(*, owner, params: Params) -> dict:
    table_id = params.string("TransitRouterRouteTableId", required=True)
    name = params.string("TransitRouterRouteTableName")
    description = params.string("TransitRouterRouteTableDescription")
    _no_multi_region_ecmp(params)
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.route_table_update(owner=owner, route_table_id=table_id, name=name, description=description)

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_route_table(*, owner, params: Params) -> dict:
    table_id = params.string("TransitRouterRouteTableId", required=True)
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.route_table_delete(owner=owner, route_table_id=table_id)

    dry_run_or_run(params, attempt)
    return {}


def create_transit_router_route_entry(*, owner, params: Params) -> dict:
    table_id = params.string("TransitRouterRouteTableId", required=True)
    destination = params.string("TransitRouterRouteEntryDestinationCidrBlock", required=True)
    next_hop_type = params.string(
        "TransitRouterRouteEntryNextHopType", required=True, choices=("Attachment", "BlackHole")
    )
    next_hop_id = params.string("TransitRouterRouteEntryNextHopId") or ""
    name = params.string("TransitRouterRouteEntryName") or ""
    description = params.string("TransitRouterRouteEntryDescription") or ""

    def create():
        return transit_services.route_entry_create(
            owner=owner,
            route_table_id=table_id,
            destination_cidr=destination,
            next_hop_type=next_hop_type,
            next_hop_id=next_hop_id,
            name=name,
            description=description,
        ).pk

    entry_id = dry_run_or_run(params, lambda: once(owner, params, "CreateTransitRouterRouteEntry", create))
    return {"TransitRouterRouteEntryId": entry_id}


def list_transit_router_route_entries(*, owner, params: Params) -> dict:
    table = _table_param(owner, params)
    routes = transit_selectors.routes_of(table)
    for parameter, attribute in (
        ("TransitRouterRouteEntryDestinationCidrBlock", "destination_cidr"),
        ("TransitRouterRouteEntryType", "route_type"),
        ("TransitRouterRouteEntryNextHopType", "next_hop_type"),
        ("TransitRouterRouteEntryNextHopId", "next_hop_id"),
        ("TransitRouterRouteEntryNextHopResourceId", "next_hop_resource_id"),
        ("TransitRouterRouteEntryNextHopResourceType", "next_hop_resource_type"),
        ("TransitRouterRouteEntryOriginResourceId", "origin_resource_id"),
        ("TransitRouterRouteEntryOriginResourceType", "origin_resource_type"),
    ):
        value = params.string(parameter)
        if value:
            routes = [route for route in routes if getattr(route, attribute) == value]
    ids = params.indexed("TransitRouterRouteEntryIds", json_array=True)
    if ids:
        routes = [route for route in routes if route.id in ids]
    names = params.indexed("TransitRouterRouteEntryNames", json_array=True)
    if names:
        routes = [route for route in routes if route.name in names]
    status = params.string("TransitRouterRouteEntryStatus")
    if status and status != "Active":
        routes = []
    return token_page(list(routes), params, wrapper="TransitRouterRouteEntries", show_item=show.route_entry)


def update_transit_router_route_entry(*, owner, params: Params) -> dict:
    entry_id = params.string("TransitRouterRouteEntryId", required=True)
    name = params.string("TransitRouterRouteEntryName")
    description = params.string("TransitRouterRouteEntryDescription")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.route_entry_update(owner=owner, route_entry_id=entry_id, name=name, description=description)

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_route_entry(*, owner, params: Params) -> dict:
    entry_id = params.string("TransitRouterRouteEntryId")
    if not entry_id:
        table = _table_param(owner, params)
        destination = params.string("TransitRouterRouteEntryDestinationCidrBlock", required=True)
        entry = table.entries.live().filter(destination_cidr=destination).first()
        entry_id = entry.pk if entry else ""
    read_ignored(params, "ClientToken", "TransitRouterRouteEntryNextHopType", "TransitRouterRouteEntryNextHopId")

    def attempt():
        transit_services.route_entry_delete(owner=owner, route_entry_id=entry_id)

    dry_run_or_run(params, attempt)
    return {}


def _link_action(kind: str, *, link: bool):
    def action(*, owner, params: Params) -> dict:
        table_id = params.string("TransitRouterRouteTableId", required=True)
        attachment_id = params.string("TransitRouterAttachmentId", required=True)
        read_ignored(params, "ClientToken")
        change = transit_services.route_table_link if link else transit_services.route_table_unlink

        def attempt():
            change(owner=owner, route_table_id=table_id, attachment_id=attachment_id, kind=kind)

        dry_run_or_run(params, attempt)
        return {}

    return action


associate_transit_router_attachment_with_route_table = _link_action(RouteTableLink.Kind.ASSOCIATION, link=True)
dissociate_transit_router_attachment_from_route_table = _link_action(RouteTableLink.Kind.ASSOCIATION, link=False)
enable_transit_router_route_table_propagation = _link_action(RouteTableLink.Kind.PROPAGATION, link=True)
disable_transit_router_route_table_propagation = _link_action(RouteTableLink.Kind.PROPAGATION, link=False)


def replace_transit_router_route_table_association(*, owner, params: Params) -> dict:
    """Moves the connection's association to the given table of its router (one association each)."""
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    table_id = params.string("TransitRouterRouteTableId", required=True)
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.route_table_association_replace(
            owner=owner, attachment_id=attachment_id, route_table_id=table_id
        )

    dry_run_or_run(params, attempt)
    return {}


def _links(kind: str, wrapper: str):
    def action(*, owner, params: Params) -> dict:
        table = _table_param(owner, params)
        links = table.links.filter(kind=kind)
        attachment_id = params.string("TransitRouterAttachmentId")
        if attachment_id:
            links = links.filter(attachment_id=attachment_id)
        kinds = transit_selectors.connection_kinds(table.transit_router)
        resource_type = params.string("TransitRouterAttachmentResourceType")
        resource_id = params.string("TransitRouterAttachmentResourceId")
        if resource_type or resource_id:
            wanted = [
                connection
                for connection, (kind, resource) in kinds.items()
                if resource_type in (None, "", kind) and resource_id in (None, "", resource)
            ]
            links = links.filter(attachment_id__in=wanted)
        status = params.string("Status")
        if status and status != "Active":  # a link is Active from the moment it is made
            links = links.none()
        return token_page(
            links, params, wrapper=wrapper, show_item=lambda link: show.route_table_link(link, table, kinds)
        )

    return action


list_transit_router_route_table_associations = _links(RouteTableLink.Kind.ASSOCIATION, "TransitRouterAssociations")
list_transit_router_route_table_propagations = _links(RouteTableLink.Kind.PROPAGATION, "TransitRouterPropagations")
