"""A transit router's address space and route-table extras: CIDR blocks and their allocations, prefix
list associations, aggregate routes."""

from cenconsole.accounts.uids import account_uid


def transit_router_cidr_brief(block) -> dict:
    """A CIDR block as ListTransitRouters' TransitRouterCidrList shows it."""
    return {
        "Cidr": block.cidr,
        "Description": block.description,
        "Name": block.name,
        "PublishCidrRoute": block.publish_cidr_route,
        "TransitRouterCidrId": block.pk,
    }


def transit_router_cidr(block) -> dict:
    return {
        **transit_router_cidr_brief(block),
        "Family": "IPv4",
        "TransitRouterId": block.transit_router_id,
    }


def transit_router_cidr_allocation(allocation) -> dict:
    return {
        "AllocatedCidrBlock": allocation.allocated_cidr_block,
        "AttachmentId": allocation.attachment_id,
        "AttachmentName": allocation.attachment_name,
        "Cidr": allocation.cidr_block.cidr,
        "TransitRouterCidrId": allocation.cidr_block_id,
    }


def prefix_list_association(association) -> dict:
    return {
        "NextHop": association.next_hop,
        "NextHopInstanceId": association.next_hop_instance_id,
        "NextHopType": association.next_hop_type,
        "OwnerUid": account_uid(association.prefix_list.owner_id),
        "PrefixListId": association.prefix_list.resource_id,
        "Status": association.status,
        "TransitRouterId": association.transit_router_id,
        "TransitRouterTableId": association.route_table_id,
    }


def route_table_aggregation(aggregation) -> dict:
    return {
        "Description": aggregation.description,
        "Name": aggregation.name,
        "RouteType": "Static",
        "Scope": aggregation.scope,
        "ScopeList": list(aggregation.scope_list),
        "Status": aggregation.status,
        "TrRouteTableId": aggregation.route_table_id,
        "TransitRouteTableAggregationCidr": aggregation.cidr,
    }


# Where an aggregate route stands in one VPC, by the aggregate's own status.
DETAIL_STATUS = {"AllConfigured": "Configured", "Configuring": "Configuring", "Deleting": "Deleting"}


def route_table_aggregation_detail(aggregation, vpc_id: str) -> dict:
    return {"Description": "", "InstanceId": vpc_id, "Status": DETAIL_STATUS[aggregation.status]}
