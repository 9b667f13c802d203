"""Route maps, VBR health checks and flow logs."""

from cenconsole.flowlogs.models import FLOW_LOG_VERSION

from .common import api_time, tags

# Each list of a route map's conditions and actions, wrapped in an object named for its item.
ROUTE_MAP_LISTS = {
    "DestinationChildInstanceTypes": "DestinationChildInstanceType",
    "DestinationCidrBlocks": "DestinationCidrBlock",
    "DestinationInstanceIds": "DestinationInstanceId",
    "DestinationRegionIds": "DestinationRegionId",
    "DestinationRouteTableIds": "DestinationRouteTableId",
    "MatchAsns": "MatchAsn",
    "MatchCommunitySet": "MatchCommunity",
    "OperateCommunitySet": "OperateCommunity",
    "PrependAsPath": "AsPath",
    "RouteTypes": "RouteType",
    "SourceChildInstanceTypes": "SourceChildInstanceType",
    "SourceInstanceIds": "SourceInstanceId",
    "SourceRegionIds": "SourceRegionId",
    "SourceRouteTableIds": "SourceRouteTableId",
}
ROUTE_MAP_MODES = ("AsPathMatchMode", "CidrMatchMode", "CommunityMatchMode", "CommunityOperateMode", "MatchAddressType")


def route_map(route_map) -> dict:
    """A route map as DescribeCenRouteMaps shows it: what it was given, lists wrapped; an unset
    NextPriority or Preference is 0."""
    conditions = route_map.conditions
    return {
        "CenId": route_map.cen_instance_id,
        "CenRegionId": route_map.region_id,
        "Description": route_map.description,
        "MapResult": route_map.map_result,
        "NextPriority": route_map.next_priority or 0,
        "Preference": conditions.get("Preference") or 0,
        "Priority": route_map.priority,
        "RouteMapId": route_map.pk,
        "Status": route_map.status,
        "TransitRouterRouteTableId": route_map.transit_router_route_table_id or "",
        "TransmitDirection": route_map.transmit_direction,
        "SourceInstanceIdsReverseMatch": bool(conditions.get("SourceInstanceIdsReverseMatch")),
        "DestinationInstanceIdsReverseMatch": bool(conditions.get("DestinationInstanceIdsReverseMatch")),
        **{mode: conditions.get(mode) or "" for mode in ROUTE_MAP_MODES},
        **{name: {item: list(conditions.get(name) or [])} for name, item in ROUTE_MAP_LISTS.items()},
    }


def vbr_health_check(check) -> dict:
    return {
        "CenId": check.cen_instance_id,
        "Description": check.description,
        "HealthCheckInterval": check.interval,
        "HealthCheckOnly": check.health_check_only,
        "HealthCheckSourceIp": check.source_ip,
        "HealthCheckTargetIp": check.target_ip,
        "HealthyThreshold": check.healthy_threshold,
        "VbrInstanceId": check.vbr.resource_id,
        "VbrInstanceRegionId": check.vbr.region_id,
    }


def flow_log(flow_log, tag_rows=()) -> dict:
    return {
        "CenId": flow_log.cen_instance_id,
        "CreationTime": api_time(flow_log.created_at),
        "Description": flow_log.description,
        "FlowLogId": flow_log.pk,
        "FlowLogName": flow_log.name,
        "FlowLogVersion": FLOW_LOG_VERSION,
        "Interval": flow_log.interval,
        "LogFormatString": flow_log.log_format_string,
        "LogStoreName": flow_log.log_store_name,
        "ProjectName": flow_log.project_name,
        "RegionId": flow_log.region_id,
        "Status": flow_log.status,
        "Tags": tags(tag_rows),
        "TransitRouterAttachmentId": flow_log.attachment_id,
        "TransitRouterId": flow_log.transit_router_id or "",
    }
