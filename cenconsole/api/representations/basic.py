"""Basic Edition resources: CEN instances, bandwidth packages, inter-region limits, child instances and
their routes, geographic spans."""

from cenconsole.accounts.uids import account_uid
from cenconsole.networks.routes import CONFLICT, route_table_id

from .common import api_time, tags


def cen(instance, package_ids: list[str], tag_rows=()) -> dict:
    return {
        "CenId": instance.pk,
        "Name": instance.name,
        "Description": instance.description,
        "Status": "Deleting" if instance.deleted_at else instance.status,
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
        "ChildInstanceOwnerId": account_uid(network.vpc_owner_id or network.owner_id),
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


def conflict(origin) -> dict:
    """A route another VPC published that conflicts with this one (routes to the same destination, or
    overlapping VPC blocks): where it leads and whose it is."""
    return {
        "DestinationCidrBlock": origin.destination,
        "InstanceId": origin.network.instance_id,
        "InstanceType": origin.network.network_type,
        "RegionId": origin.network.region_id,
        "Status": CONFLICT,
    }


def _conflicts(route) -> dict:
    return {"Conflict": [conflict(other) for other in route.conflicts]}


def _next_hop(route, viewer=None) -> tuple[str, str, str]:
    """(ID, region, type) of the next hop: the publishing VPC, as CEN learns the route; in the VPC's own
    table, a custom entry's own next hop (an ECS instance, the CEN instance)."""
    entry, network = route.entry, route.network
    if entry is not None and route.is_own(viewer):
        return entry.next_hop_id, network.region_id, entry.next_hop_type
    return network.instance_id, network.region_id, network.network_type


def _route_common(route, viewer=None) -> dict:
    """What every route view says of a route; the replica has no route maps, AS paths or communities."""
    next_hop_id, next_hop_region, next_hop_type = _next_hop(route, viewer)
    return {
        "DestinationCidrBlock": route.destination,
        "NextHopInstanceId": next_hop_id,
        "NextHopRegionId": next_hop_region,
        "NextHopType": next_hop_type,
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
    """A route of the VPC's table CEN may learn: its block (the system route, always published) or a
    custom route to an ECS instance, which PublishRouteEntries and WithdrawPublishedRouteEntries change."""
    entry = route.entry
    return {
        "DestinationCidrBlock": route.destination,
        "ChildInstanceRouteTableId": route_table_id(route.network),
        "NextHopId": entry.next_hop_id if entry else route.network.instance_id,
        "NextHopType": entry.next_hop_type if entry else "local",
        "RouteType": route.route_type(route.network),
        "PublishStatus": "Published" if route.is_published(route.network) else "NonPublished",
        "OperationalMode": entry is not None,  # a custom route can be published and withdrawn; the system route not
        "Conflicts": _conflicts(route),
    }


def child_instance_route(route, network) -> dict:
    entry = route.entry
    return {
        **_route_common(route, network),
        "Type": route.route_type(network),
        "RouteTableId": route_table_id(network),
        "PublishStatus": "Published" if route.is_published(network) else "NonPublished",
        "OperationalMode": entry is not None and route.is_own(network) and entry.next_hop_type == "Instance",
        "Conflicts": _conflicts(route),
    }


def geographic_span(span_id: str, local_area, opposite_area) -> dict:
    return {
        "GeographicSpanId": span_id,
        "LocalGeoRegionId": local_area.api_id,
        "OppositeGeoRegionId": opposite_area.api_id,
    }
