"""Contract steps for route maps, VBR health checks and flow logs: a CEN instance with a transit router
in cn-hangzhou; a route map with every list and mode (on the router's default route table), modified;
a VBR's health check, enabled twice (set up, then changed); a flow log of the router, turned off and on
and modified; then all removed."""

from alibabacloud_cbn20170912 import models


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    router = lambda: state["TransitRouterId"][0]  # noqa: E731
    route_map = lambda: state["RouteMapId"][0]  # noqa: E731
    flow_log = lambda: state["FlowLogId"][0]  # noqa: E731
    vbr = {"vbr_instance_id": "vbr-contract0001", "vbr_instance_region_id": "cn-hangzhou"}
    flow_log_ids = lambda: {"flow_log_id": flow_log(), "region_id": "cn-hangzhou", "cen_id": cen()}  # noqa: E731
    conditions = {
        "source_region_ids": ["cn-beijing"],
        "source_instance_ids": ["vpc-contract0001"],
        "destination_instance_ids": ["vbr-contract0001"],
        "source_route_table_ids": ["vtb-contract0001"],
        "destination_route_table_ids": ["vtb-contract0002"],
        "source_child_instance_types": ["VPC"],
        "destination_child_instance_types": ["VBR"],
        "destination_cidr_blocks": ["10.10.0.0/16"],
        "destination_region_ids": ["cn-hangzhou"],
        "route_types": ["System"],
        "match_asns": [65501],
        "prepend_as_path": [65502],
        "match_community_set": ["65501:1"],
        "operate_community_set": ["65501:2"],
        "cidr_match_mode": "Include",
        "as_path_match_mode": "Include",
        "community_match_mode": "Include",
        "community_operate_mode": "Additive",
        "match_address_type": "IPv4",
        "source_instance_ids_reverse_match": False,
        "destination_instance_ids_reverse_match": True,
        "preference": 20,
    }
    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-routing")),
        (
            "CreateTransitRouter",
            lambda: models.CreateTransitRouterRequest(cen_id=cen(), region_id="cn-hangzhou"),
        ),
        (
            "CreateCenRouteMap",
            lambda: models.CreateCenRouteMapRequest(
                cen_id=cen(),
                cen_region_id="cn-hangzhou",
                transmit_direction="RegionIn",
                priority=10,
                next_priority=20,
                map_result="Permit",
                description="contract",
                **conditions,
            ),
        ),
        ("DescribeCenRouteMaps", lambda: models.DescribeCenRouteMapsRequest(cen_id=cen(), cen_region_id="cn-hangzhou")),
        (
            "ModifyCenRouteMap",
            lambda: models.ModifyCenRouteMapRequest(
                cen_id=cen(),
                cen_region_id="cn-hangzhou",
                route_map_id=route_map(),
                priority=11,
                map_result="Deny",
                **conditions,
            ),
        ),
        (
            "EnableCenVbrHealthCheck",
            lambda: models.EnableCenVbrHealthCheckRequest(
                cen_id=cen(), health_check_target_ip="10.0.0.2", description="contract", **vbr
            ),
        ),
        (
            "EnableCenVbrHealthCheck",
            lambda: models.EnableCenVbrHealthCheckRequest(
                cen_id=cen(),
                health_check_target_ip="10.0.0.6",
                health_check_source_ip="192.168.0.9",
                health_check_interval=3,
                healthy_threshold=5,
                health_check_only=True,
                **vbr,
            ),
        ),
        (
            "DescribeCenVbrHealthCheck",
            lambda: models.DescribeCenVbrHealthCheckRequest(cen_id=cen(), vbr_instance_region_id="cn-hangzhou"),
        ),
        (
            "CreateFlowlog",
            lambda: models.CreateFlowlogRequest(
                cen_id=cen(),
                region_id="cn-hangzhou",
                transit_router_id=router(),
                project_name="contract-project",
                log_store_name="contract-store",
                flow_log_name="contract",
                interval=60,
                log_format_string="${srcaddr}${dstaddr}${bytes}",
                client_token="contract-flowlog-1",
            ),
        ),
        ("DescribeFlowlogs", lambda: models.DescribeFlowlogsRequest(cen_id=cen(), region_id="cn-hangzhou")),
        ("DeactiveFlowLog", lambda: models.DeactiveFlowLogRequest(**flow_log_ids())),
        ("ActiveFlowLog", lambda: models.ActiveFlowLogRequest(**flow_log_ids())),
        (
            "ModifyFlowLogAttribute",
            lambda: models.ModifyFlowLogAttributeRequest(flow_log_name="contract-2", interval=600, **flow_log_ids()),
        ),
        ("DeleteFlowlog", lambda: models.DeleteFlowlogRequest(**flow_log_ids())),
        ("DisableCenVbrHealthCheck", lambda: models.DisableCenVbrHealthCheckRequest(cen_id=cen(), **vbr)),
        (
            "DeleteCenRouteMap",
            lambda: models.DeleteCenRouteMapRequest(
                cen_id=cen(), cen_region_id="cn-hangzhou", route_map_id=route_map()
            ),
        ),
        ("DeleteTransitRouter", lambda: models.DeleteTransitRouterRequest(transit_router_id=router())),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
