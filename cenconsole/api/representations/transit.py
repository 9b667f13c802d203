"""Enterprise Edition: transit routers, their connections and route tables."""

from cenconsole.accounts.uids import account_uid

from .addressing import transit_router_cidr_brief
from .common import api_time, tag_list


def transit_router(router, tag_rows=()) -> dict:
    return {
        "AliUid": account_uid(router.owner_id),
        "CenId": router.cen_instance_id,
        "CreationTime": api_time(router.created_at),
        "RegionId": router.region_id,
        "Status": router.status,
        "SupportMulticast": router.support_multicast,
        "Tags": tag_list(tag_rows),
        "TransitRouterCidrList": [transit_router_cidr_brief(block) for block in router.cidr_blocks.all()],
        "TransitRouterDescription": router.description,
        "TransitRouterId": router.pk,
        "TransitRouterName": router.name,
        "Type": "Enterprise",
    }


def vpc_attachment(attachment, tag_rows=()) -> dict:
    router = attachment.transit_router
    return {
        "AutoPublishRouteEnabled": attachment.auto_publish_route,
        "CenId": router.cen_instance_id,
        "ChargeType": "POSTPAY",
        "CreationTime": api_time(attachment.created_at),
        "ManagedService": "",
        "OrderType": "PayByCenOwner",
        "ResourceType": "VPC",
        "Status": attachment.attachment_status,
        "Tags": tag_list(tag_rows),
        "TransitRouterAttachmentDescription": attachment.description,
        "TransitRouterAttachmentId": attachment.pk,
        "TransitRouterAttachmentName": attachment.name,
        "TransitRouterId": router.pk,
        "TransitRouterVPCAttachmentOptions": dict(attachment.attachment_options),
        "VpcId": attachment.vpc_id,
        "VpcOwnerId": account_uid(attachment.vpc_owner_id or attachment.owner_id),
        "VpcRegionId": router.region_id,
        "ZoneMappings": [
            {"NetworkInterfaceId": "", "VSwitchId": zone["VSwitchId"], "ZoneId": zone["ZoneId"]}
            for zone in attachment.zone_mappings
        ],
    }


def peer_attachment(attachment, tag_rows=()) -> dict:
    router, peer = attachment.transit_router, attachment.peer_transit_router
    package = attachment.package
    return {
        "AutoPublishRouteEnabled": attachment.auto_publish_route,
        "Bandwidth": attachment.bandwidth,
        "BandwidthType": attachment.bandwidth_type,
        "CenBandwidthPackageId": attachment.package_id or "",
        "CenId": router.cen_instance_id,
        "CreationTime": api_time(attachment.created_at),
        "DefaultLinkType": attachment.default_link_type,
        "GeographicSpanId": package.geographic_span if package else "",
        "PeerTransitRouterId": peer.pk,
        "PeerTransitRouterOwnerId": account_uid(peer.owner_id),
        "PeerTransitRouterRegionId": peer.region_id,
        "RegionId": router.region_id,
        "ResourceType": "TR",
        "Status": attachment.attachment_status,
        "Tags": tag_list(tag_rows),
        "TransitRouterAttachmentDescription": attachment.description,
        "TransitRouterAttachmentId": attachment.pk,
        "TransitRouterAttachmentName": attachment.name,
        "TransitRouterId": router.pk,
    }


def route_table(table, tag_rows=()) -> dict:
    return {
        "CreateTime": api_time(table.created_at),
        "RegionId": table.transit_router.region_id,
        "RouteTableOptions": {"MultiRegionECMP": "disable"},
        "Tags": tag_list(tag_rows),
        "TransitRouterId": table.transit_router_id,
        "TransitRouterRouteTableDescription": table.description,
        "TransitRouterRouteTableId": table.pk,
        "TransitRouterRouteTableName": table.name,
        "TransitRouterRouteTableStatus": table.status,
        "TransitRouterRouteTableType": table.table_type,
    }


def route_entry(route) -> dict:
    return {
        "CreateTime": api_time(route.created_at),
        "OperationalMode": False,
        "PathAttributes": {
            "AsPaths": [],
            "Communities": [],
            "OriginInstanceId": route.origin_resource_id,
            "OriginInstanceType": route.origin_resource_type,
            "OriginRouteType": route.route_type,
            "Preference": 50 if route.route_type == "Static" else 100,
        },
        "PrefixListId": "",
        "Tag": "",
        "TransitRouterRouteEntryDescription": route.description,
        "TransitRouterRouteEntryDestinationCidrBlock": route.destination_cidr,
        "TransitRouterRouteEntryId": route.id,
        "TransitRouterRouteEntryName": route.name,
        "TransitRouterRouteEntryNextHopId": route.next_hop_id,
        "TransitRouterRouteEntryNextHopResourceId": route.next_hop_resource_id,
        "TransitRouterRouteEntryNextHopResourceType": route.next_hop_resource_type,
        "TransitRouterRouteEntryNextHopType": route.next_hop_type,
        "TransitRouterRouteEntryOriginResourceId": route.origin_resource_id,
        "TransitRouterRouteEntryOriginResourceType": route.origin_resource_type,
        "TransitRouterRouteEntryStatus": "Active",
        "TransitRouterRouteEntryType": route.route_type,
    }


def route_table_link(link, table, kinds: dict) -> dict:
    """An association or propagation; kinds maps a connection's ID to (resource type, resource ID)."""
    return {
        "ResourceId": kinds.get(link.attachment_id, ("", ""))[1],
        "ResourceType": kinds.get(link.attachment_id, ("", ""))[0],
        "Status": "Active",
        "TransitRouterAttachmentId": link.attachment_id,
        "TransitRouterRouteTableId": table.pk,
    }
