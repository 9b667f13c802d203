"""Route entries of an attached VPC's route table: to the CEN instance
(CreateCenChildInstanceRouteEntryToCen, DeleteCenChildInstanceRouteEntryToCen), published to it or
withdrawn (PublishRouteEntries, WithdrawPublishedRouteEntries), their conflicts (DescribeRouteConflict),
and, for a VPC connected to a transit router, to that connection
(Create/DeleteCenChildInstanceRouteEntryToAttachment, ListCenChildInstanceRouteEntriesToAttachment).
What CEN then learns shows in the route views (routes.py)."""

import re

from cenconsole.accounts.uids import names_account
from cenconsole.networks import routes as network_routes
from cenconsole.networks import selectors as network_selectors
from cenconsole.networks import services as network_services
from cenconsole.networks.selectors import network_instances_for
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import MAX_INDEXED, Params
from .child_instances import UNKNOWN_CHILD_INSTANCE, child_instance_type
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run, page, read_ignored, token_page

ROUTE_FILTER = re.compile(r"RouteFilter\.([0-9]+)\.(Key|Value\.([0-9]+))")
EXACT_MATCH = "prefix-exact-match"  # the one match mode ListCenChildInstanceRouteEntriesToAttachment documents


def _own_account(owner, params: Params, name: str) -> None:
    """The VPC's account (ChildInstanceAliUid) may be the caller's only: the replica routes no other
    account's VPCs."""
    value = params.string(name)
    if value and not names_account(value, owner):
        raise errors.invalid_parameter(name, "the caller's own account expected: the replica routes its own VPCs only.")


def _vpc_route(owner, params: Params, *, table_parameter: str) -> dict:
    """The parameters that name a route of an attached VPC's table, as the services take them."""
    child_instance_type(params, required=True)
    return {
        "owner": owner,
        "cen_instance_id": params.string("CenId", required=True),
        "vpc_id": params.string("ChildInstanceId", required=True),
        "region_code": params.string("ChildInstanceRegionId", required=True),
        "route_table_id": params.string(table_parameter, required=True),
        "destination_cidr": params.string("DestinationCidrBlock", required=True),
    }


def create_cen_child_instance_route_entry_to_cen(*, owner, params: Params) -> dict:
    """A route in the VPC's table whose next hop is the CEN instance."""
    route = _vpc_route(owner, params, table_parameter="RouteTableId")
    _own_account(owner, params, "ChildInstanceAliUid")
    network_services.route_entry_to_cen_add(**route)
    return {}


def delete_cen_child_instance_route_entry_to_cen(*, owner, params: Params) -> dict:
    route = _vpc_route(owner, params, table_parameter="RouteTableId")
    _own_account(owner, params, "ChildInstanceAliUid")
    network_services.route_entry_to_cen_remove(**route)
    return {}


def publish_route_entries(*, owner, params: Params) -> dict:
    """The VPC's custom route (made on its first mention here) is published: CEN's region domains learn it."""
    network_services.route_entry_publish(**_vpc_route(owner, params, table_parameter="ChildInstanceRouteTableId"))
    return {}


def withdraw_published_route_entries(*, owner, params: Params) -> dict:
    network_services.route_entry_withdraw(**_vpc_route(owner, params, table_parameter="ChildInstanceRouteTableId"))
    return {}


def describe_route_conflict(*, owner, params: Params) -> dict:
    """The routes other VPCs of the CEN instance published that conflict with one of this VPC's routes."""
    vpc_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    table_id = params.string("ChildInstanceRouteTableId", required=True)
    child_instance_type(params, required=True)
    network = (
        network_instances_for(owner=owner)
        .select_related("cen_instance", "region__area")
        .filter(instance_id=vpc_id, region_id=region_id)
        .first()
    )
    if network is None:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE)
    if table_id != network_routes.route_table_id(network):
        raise errors.invalid_parameter("ChildInstanceRouteTableId", "the VPC's system route table expected.")
    destination = params.string("DestinationCidrBlock")
    conflicts = network_routes.route_conflicts(network=network)
    if destination is not None:
        conflicts = [origin for origin in conflicts if origin.destination == destination]
    return page(conflicts, params, wrapper="RouteConflicts", item="RouteConflict", show_item=show.conflict)


# Enterprise Edition: a connected VPC's routes to its transit router connection.


def _attachment_route(params: Params) -> dict:
    return {
        "cen_instance_id": params.string("CenId", required=True),
        "route_table_id": params.string("RouteTableId", required=True),
        "attachment_id": params.string("TransitRouterAttachmentId", required=True),
        "destination_cidr": params.string("DestinationCidrBlock", required=True),
    }


def create_cen_child_instance_route_entry_to_attachment(*, owner, params: Params) -> dict:
    """Pending for a few seconds, then Available; the same ClientToken finds the same route."""
    route = _attachment_route(params)
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)

    def create():
        return transit_services.route_entry_to_attachment_create(owner=owner, **route).pk

    def attempt():
        return api_services.client_token_once(
            owner=owner,
            action="CreateCenChildInstanceRouteEntryToAttachment",
            token=token,
            create=create,
            fingerprint=params.fingerprint(),
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_cen_child_instance_route_entry_to_attachment(*, owner, params: Params) -> dict:
    route = _attachment_route(params)
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.route_entry_to_attachment_delete(owner=owner, **route)

    dry_run_or_run(params, attempt)
    return {}


def _route_filter(params: Params) -> list[str] | None:
    """RouteFilter.N.Key (prefix-exact-match) with its RouteFilter.N.Value.M: the destinations asked for,
    or None when no filter is sent."""
    keys, values = {}, []
    for name in [name for name in params.data if ROUTE_FILTER.fullmatch(name)]:
        match, value = ROUTE_FILTER.fullmatch(name), params.string(name)
        if not 1 <= int(match.group(1)) <= MAX_INDEXED:
            raise errors.invalid_parameter(name, f"N must be 1 to {MAX_INDEXED}.")
        if match.group(2) == "Key":
            if value != EXACT_MATCH:
                raise errors.invalid_parameter(name, f"{EXACT_MATCH} expected.")
            keys[match.group(1)] = value
        else:
            values.append((match.group(1), value))
    for index, _ in values:
        if index not in keys:
            raise errors.missing_parameter(f"RouteFilter.{index}.Key")
    return [value for _, value in values] if keys else None


def list_cen_child_instance_route_entries_to_attachment(*, owner, params: Params) -> dict:
    """The routes of the VPC's table whose next hop is the connection; a connection that is gone is
    refused as Terraform's provider expects (ResourceNotFound.TransitRouterAttachment)."""
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    table_id = params.string("ChildInstanceRouteTableId", required=True)
    cen_id = params.string("CenId")
    service_type = params.string("ServiceType")
    destinations = _route_filter(params)
    attachment = transit_selectors.vpc_attachments_for(owner=owner).filter(pk=attachment_id).first()
    if attachment is None or attachment.deleted_at is not None:
        raise errors.service_error("route_attachment_not_found")
    router_cen = attachment.transit_router.cen_instance_id
    entries = list(
        network_selectors.route_entries_to_attachment(owner=owner, attachment_id=attachment.pk, route_table_id=table_id)
    )
    if (cen_id and cen_id != router_cen) or service_type:  # the replica hosts no route on a transit router
        entries = []
    if destinations is not None:
        entries = [entry for entry in entries if entry.destination_cidr in destinations]
    answer = token_page(
        entries, params, wrapper="RouteEntry", show_item=lambda entry: show.attachment_route_entry(entry, router_cen)
    )
    return {"RouteEntry": answer["RouteEntry"], "NextToken": answer["NextToken"]}
