"""Tags: TagResources, UntagResources, ListTagResources on CEN instances, bandwidth packages, the
transit resources (routers, VPC, inter-region, VBR, VPN and ECR connections, route tables), flow logs
and multicast domains, and Tag.N as their creates take it."""

from functools import partial

from cenconsole.bandwidth.selectors import packages_for
from cenconsole.cen.selectors import cen_instances_for
from cenconsole.flowlogs.selectors import flow_logs_for
from cenconsole.multicast.selectors import multicast_domains_for
from cenconsole.tags import selectors as tag_selectors
from cenconsole.tags import services as tag_services
from cenconsole.tags.models import Tag
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit.models import TransitRouterEcrAttachment, TransitRouterVbrAttachment, TransitRouterVpnAttachment

from .. import errors
from ..params import Params

# ResourceType as sent, in any case (Terraform's provider sends TransitRouter for a router,
# TRANSITROUTERVPCATTACHMENT for a VPC connection, flowlog for a flow log) -> the stored type.
RESOURCE_TYPES = {resource_type.lower(): resource_type for resource_type in Tag.ResourceType.values}
EXPECTED_TYPES = (
    "Cen, BandwidthPackage, TransitRouter, TransitRouterVpcAttachment, TransitRouterVbrAttachment, "
    "TransitRouterPeerAttachment, TransitRouterVpnAttachment, TransitRouterEcrAttachment, "
    "TransitRouterRouteTable, Flowlog or TransitRouterMulticastDomain expected."
)
_product_attachments = transit_selectors.product_attachments_for

# Each type: the caller's resources of that type, and the service code refusing an ID that is not one.
OWNED = {
    Tag.ResourceType.CEN: (cen_instances_for, "unknown_cen"),
    Tag.ResourceType.BANDWIDTH_PACKAGE: (packages_for, "unknown_package"),
    Tag.ResourceType.TRANSIT_ROUTER: (transit_selectors.transit_routers_for, "unknown_transit_router"),
    Tag.ResourceType.TRANSIT_ROUTER_VPC_ATTACHMENT: (transit_selectors.vpc_attachments_for, "unknown_attachment"),
    Tag.ResourceType.TRANSIT_ROUTER_PEER_ATTACHMENT: (transit_selectors.peer_attachments_for, "unknown_attachment"),
    Tag.ResourceType.TRANSIT_ROUTER_ROUTE_TABLE: (transit_selectors.route_tables_for, "unknown_route_table"),
    Tag.ResourceType.TRANSIT_ROUTER_VBR_ATTACHMENT: (
        partial(_product_attachments, TransitRouterVbrAttachment),
        "unknown_attachment",
    ),
    Tag.ResourceType.TRANSIT_ROUTER_VPN_ATTACHMENT: (
        partial(_product_attachments, TransitRouterVpnAttachment),
        "unknown_attachment",
    ),
    Tag.ResourceType.TRANSIT_ROUTER_ECR_ATTACHMENT: (
        partial(_product_attachments, TransitRouterEcrAttachment),
        "unknown_attachment",
    ),
    Tag.ResourceType.FLOWLOG: (flow_logs_for, "unknown_flow_log"),
    Tag.ResourceType.TRANSIT_ROUTER_MULTICAST_DOMAIN: (multicast_domains_for, "unknown_multicast_domain"),
}


def tags_to_set(params: Params) -> list[tuple[str, str]]:
    """Tag.N.Key / Tag.N.Value to attach (a missing value is the empty value), checked before anything
    is created, so invalid tags refuse the whole request."""
    return tag_services.tag_validate([(key, value or "") for key, value in params.tags()])


def tag_created(*, owner, resource_type: str, resource, tags: list[tuple[str, str]]) -> None:
    """The Tag.N of a create action (read with tags_to_set before it ran) on the resource it made."""
    tag_services.tags_add(owner=owner, resource_type=resource_type, resources=[resource], tags=tags)


def _resource_type(params: Params) -> str:
    value = params.string("ResourceType", required=True)
    resource_type = RESOURCE_TYPES.get(value.lower())
    if resource_type is None:
        raise errors.invalid_parameter("ResourceType", EXPECTED_TYPES)
    return resource_type


def _owned_resources(owner, resource_type: str, resource_ids: list[str]):
    """The caller's resources with these IDs; any ID that is not theirs refuses the request as unknown."""
    owned, unknown = OWNED[resource_type]
    found = owned(owner=owner).in_bulk(resource_ids)
    missing = [resource_id for resource_id in resource_ids if resource_id not in found]
    if missing:
        raise errors.service_error(unknown)
    return [found[resource_id] for resource_id in dict.fromkeys(resource_ids)]


def _resource_ids(params: Params) -> list[str]:
    resource_ids = params.indexed("ResourceId")
    if not resource_ids:
        raise errors.missing_parameter("ResourceId.1")
    return resource_ids


def tag_resources(*, owner, params: Params) -> dict:
    resource_type = _resource_type(params)
    resource_ids = _resource_ids(params)
    tags = tags_to_set(params)
    if not tags:
        raise errors.missing_parameter("Tag.1.Key")
    resources = _owned_resources(owner, resource_type, resource_ids)
    tag_services.tags_add(owner=owner, resource_type=resource_type, resources=resources, tags=tags)
    return {}


def untag_resources(*, owner, params: Params) -> dict:
    """Removes the TagKey.N tags, or (All=true, no TagKey) every tag, from each resource."""
    resource_type = _resource_type(params)
    resource_ids = _resource_ids(params)
    keys = params.indexed("TagKey")
    remove_all = params.boolean("All")
    if not keys and not remove_all:
        raise errors.missing_parameter("TagKey.1")
    resources = _owned_resources(owner, resource_type, resource_ids)
    tag_services.tags_remove(owner=owner, resource_type=resource_type, resources=resources, keys=keys or None)
    return {}


LIST_TAGS_PAGE_SIZE = 50


def list_tag_resources(*, owner, params: Params) -> dict:
    """The tags of the given resources (ResourceId.N), or of the resources carrying every Tag.N,
    50 at a time (PageSize); NextToken continues where the last answer stopped."""
    resource_type = _resource_type(params)
    resource_ids = params.indexed("ResourceId")
    tags = params.tags()
    size = params.integer("PageSize", default=LIST_TAGS_PAGE_SIZE)
    if not 1 <= size <= LIST_TAGS_PAGE_SIZE:
        raise errors.invalid_parameter("PageSize", f"1 to {LIST_TAGS_PAGE_SIZE} expected.")
    token = params.string("NextToken") or "0"
    if not token.isdigit():
        raise errors.invalid_parameter("NextToken", "the NextToken of the previous answer expected.")
    start = int(token)
    rows = list(
        tag_selectors.tag_list(owner=owner, resource_type=resource_type, resource_ids=resource_ids, tags=tags)[
            start : start + size + 1
        ]
    )
    next_token = str(start + size) if len(rows) > size else ""
    shown = [
        {"ResourceId": tag.resource_id, "ResourceType": resource_type, "TagKey": tag.key, "TagValue": tag.value}
        for tag in rows[:size]
    ]
    return {"NextToken": next_token, "TagResources": {"TagResource": shown}}
