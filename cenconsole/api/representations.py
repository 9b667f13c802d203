"""Resources as the real API's JSON shows them: its field names and casing, lists wrapped in an
object named for the item (CenIds: {CenId: [...]}), area ids in lower case, times as
YYYY-MM-DDThh:mmZ in UTC."""

from datetime import UTC, datetime

from cenconsole.networks.routes import route_table_id


def api_time(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if moment else ""


def tags(tag_rows) -> dict:
    return {"Tag": [{"Key": tag.key, "Value": tag.value} for tag in tag_rows]}


def cen(instance, package_ids: list[str], tag_rows=()) -> dict:
    return {
        "CenId": instance.pk,
        "Name": instance.name,
        "Description": instance.description,
        "Status": instance.status,
        "ProtectionLevel": "REDUCED",
        "CreationTime": api_time(instance.created_at),
        "CenBandwidthPackageIds": {"CenBandwidthPackageId": package_ids},
        "Tags": tags(tag_rows),
        "Ipv6Level": "DISABLED",  # the replica's CEN instances carry no IPv6
        "ResourceGroupId": instance.resource_group,
    }


NO_RESERVATION = {
    "ReservationActiveTime": "",
    "ReservationBandwidth": "",
    "ReservationInternetChargeType": "",
    "ReservationOrderType": "",
}


def reservation(package) -> dict:
    """The change waiting for a later moment, as IncludeReservationData shows it: the end of a
    temporary upgrade (back to the bandwidth before). Every other change applies at once (a
    downgrade too), so without one the real API's empty values."""
    if package.temporary_upgrade_ends_at is None:
        return NO_RESERVATION
    return {
        "ReservationActiveTime": api_time(package.temporary_upgrade_ends_at),
        "ReservationBandwidth": str(package.temporary_upgrade_from),
        "ReservationInternetChargeType": "PayByBandwidth",
        "ReservationOrderType": "TEMP_UPGRADE",
    }


def bandwidth_package(package, tag_rows=(), *, with_reservation: bool = False) -> dict:
    waiting = reservation(package)
    return {
        "CenBandwidthPackageId": package.pk,
        "Name": package.name,
        "Description": package.description,
        "Bandwidth": package.bandwidth,
        "BandwidthPackageChargeType": "PREPAY",
        "GeographicRegionAId": package.area_a.api_id,
        "GeographicRegionBId": package.area_b.api_id,
        "GeographicSpanId": package.geographic_span,
        "IsCrossBorder": package.is_cross_border,
        "Status": package.status,
        "BusinessStatus": package.business_status,
        "CreationTime": api_time(package.created_at),
        "ExpiredTime": api_time(package.expires_at),
        "HasReservationData": "true" if waiting is not NO_RESERVATION else "false",
        **(waiting if with_reservation else NO_RESERVATION),
        "CenIds": {"CenId": [package.cen_instance_id] if package.cen_instance_id else []},
        "Tags": tags(tag_rows),
        "ResourceGroupId": package.resource_group,
        # Limits set before a package was bound to a transit router: the replica has none.
        "OrginInterRegionBandwidthLimits": {"OrginInterRegionBandwidthLimit": []},
    }


def inter_region_bandwidth_limit(connection, local_region_id: str, opposite_region_id: str) -> dict:
    return {
        "CenId": connection.cen_instance_id,
        "LocalRegionId": local_region_id,
        "OppositeRegionId": opposite_region_id,
        "GeographicSpanId": connection.package.geographic_span,
        "BandwidthLimit": connection.bandwidth,
        "BandwidthPackageId": connection.package_id,
        "BandwidthType": "BandwidthPackage",
        "Status": "Active",
    }


def child_instance(network) -> dict:
    return {
        "CenId": network.cen_instance_id,
        "ChildInstanceId": network.instance_id,
        "ChildInstanceType": network.network_type,
        "ChildInstanceRegionId": network.region_id,
        "ChildInstanceOwnerId": network.owner_id,
        "ChildInstanceAttachTime": api_time(network.created_at),
        "Status": "Attached",
        "ManagedService": "",  # the replica's VPCs are the account's own, managed by no service
    }


def child_instance_attribute(network) -> dict:
    """DescribeCenAttachedChildInstanceAttribute: the attachment and the VPC's CIDR blocks. The
    replica keeps one IPv4 block per VPC, no secondary or IPv6 blocks (the SDK's key casing)."""
    return {
        **child_instance(network),
        "ChildInstanceName": network.name,
        "ChildInstanceAttributes": {
            "CidrBlock": network.cidr_block,
            "Ipv6CidrBlock": "",
            "Ipv6CidrBlocks": {"ipv6CidrBlock": []},
            "SecondaryCidrBlocks": {"secondaryCidrBlock": []},
        },
    }


def _conflicts(route) -> dict:
    return {
        "Conflict": [
            {
                "DestinationCidrBlock": other.cidr_block,
                "InstanceId": other.instance_id,
                "InstanceType": other.network_type,
                "RegionId": other.region_id,
                "Status": "conflict",
            }
            for other in route.conflicts
        ]
    }


def _route_common(route) -> dict:
    """What every route view says of a route; the replica has no route maps, AS paths or communities."""
    return {
        "DestinationCidrBlock": route.destination,
        "NextHopInstanceId": route.network.instance_id,
        "NextHopRegionId": route.network.region_id,
        "NextHopType": route.network.network_type,
        "Status": route.status,
        "AsPaths": {"AsPath": []},
        "Communities": {"Community": []},
        "CenRouteMapRecords": {"CenRouteMapRecord": []},
    }


def region_domain_route(route) -> dict:
    return {
        **_route_common(route),
        "Type": route.route_type(),
        "Preference": 0,
        "ToOtherRegionStatus": route.status,
        "CenOutRouteMapRecords": {"CenOutRouteMapRecord": []},
    }


def published_route(route) -> dict:
    return {
        "DestinationCidrBlock": route.destination,
        "ChildInstanceRouteTableId": route_table_id(route.network),
        "NextHopId": route.network.instance_id,
        "NextHopType": "local",  # a VPC's own CIDR block: the system route of its own table
        "RouteType": "System",
        "PublishStatus": "Published",
        "OperationalMode": False,  # a system route is always published: nothing to withdraw
        "Conflicts": _conflicts(route),
    }


def child_instance_route(route, network) -> dict:
    return {
        **_route_common(route),
        "Type": route.route_type(network),
        "RouteTableId": route_table_id(network),
        "PublishStatus": "Published" if route.network.pk == network.pk else "NonPublished",
        "OperationalMode": False,
        "Conflicts": _conflicts(route),
    }


def geographic_span(span_id: str, local_area, opposite_area) -> dict:
    return {
        "GeographicSpanId": span_id,
        "LocalGeoRegionId": local_area.api_id,
        "OppositeGeoRegionId": opposite_area.api_id,
    }


def page(items: list[dict], *, total: int, number: int, size: int, wrapper: str, item: str) -> dict:
    return {"TotalCount": total, "PageNumber": number, "PageSize": size, wrapper: {item: items}}


# Enterprise Edition: transit routers, their connections and route tables --------------------------


def transit_router(router) -> dict:
    return {
        "AliUid": router.owner_id,
        "CenId": router.cen_instance_id,
        "CreationTime": api_time(router.created_at),
        "RegionId": router.region_id,
        "Status": router.status,
        "SupportMulticast": False,
        "Tags": [],
        "TransitRouterCidrList": [],
        "TransitRouterDescription": router.description,
        "TransitRouterId": router.pk,
        "TransitRouterName": router.name,
        "Type": "Enterprise",
    }


def vpc_attachment(attachment) -> dict:
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
        "Tags": [],
        "TransitRouterAttachmentDescription": attachment.description,
        "TransitRouterAttachmentId": attachment.pk,
        "TransitRouterAttachmentName": attachment.name,
        "TransitRouterId": router.pk,
        "VpcId": attachment.vpc_id,
        "VpcOwnerId": attachment.owner_id,
        "VpcRegionId": router.region_id,
        "ZoneMappings": [
            {"NetworkInterfaceId": "", "VSwitchId": zone["VSwitchId"], "ZoneId": zone["ZoneId"]}
            for zone in attachment.zone_mappings
        ],
    }


def peer_attachment(attachment) -> dict:
    router, peer = attachment.transit_router, attachment.peer_transit_router
    package = attachment.package
    return {
        "AutoPublishRouteEnabled": attachment.auto_publish_route,
        "Bandwidth": attachment.bandwidth,
        "BandwidthType": attachment.bandwidth_type,
        "CenBandwidthPackageId": attachment.package_id or "",
        "CenId": router.cen_instance_id,
        "CreationTime": api_time(attachment.created_at),
        "DefaultLinkType": "Platinum",
        "GeographicSpanId": package.geographic_span if package else "",
        "PeerTransitRouterId": peer.pk,
        "PeerTransitRouterOwnerId": peer.owner_id,
        "PeerTransitRouterRegionId": peer.region_id,
        "RegionId": router.region_id,
        "ResourceType": "TR",
        "Status": attachment.attachment_status,
        "Tags": [],
        "TransitRouterAttachmentDescription": attachment.description,
        "TransitRouterAttachmentId": attachment.pk,
        "TransitRouterAttachmentName": attachment.name,
        "TransitRouterId": router.pk,
    }


def route_table(table) -> dict:
    return {
        "CreateTime": api_time(table.created_at),
        "RegionId": table.transit_router.region_id,
        "RouteTableOptions": {"MultiRegionECMP": "disable"},
        "Tags": [],
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
