"""Route maps, VBR health checks and flow logs."""

ERRORS = {
    # Route maps.
    (None, "unknown_route_map"): (
        "InvalidRouteMapId.NotFound",  # the replica's
        400,
        "The specified RouteMapId does not exist.",
    ),
    (None, "route_map_not_active"): ("IncorrectStatus.RouteMap", 400, None),  # documented (DeleteCenRouteMap)
    (None, "priority_range"): ("InvalidParameter", 400, None),  # documented code
    (None, "next_priority_order"): ("InvalidParameter", 400, None),  # documented code
    (None, "condition_value"): ("InvalidParameter", 400, None),  # documented code
    (None, "priority_taken"): ("InvalidOperation.RouteMapPriorityExist", 400, None),  # the replica's
    (None, "route_table_elsewhere"): ("IllegalParam.TransitRouterRouteTableId", 400, None),  # the replica's
    # VBR health checks.
    (None, "health_check_ip"): ("Illegal.SourceIpOrTargetIp", 400, None),  # documented
    (None, "health_check_range"): ("InvalidParameter", 400, None),  # documented code
    (None, "unknown_health_check"): ("InvalidVbrHealthCheck.NotFound", 400, None),  # the replica's
    # Flow logs.
    (None, "unknown_flow_log"): (
        "InvalidFlowlogId.NotFound",  # what Terraform's provider reads as "already gone"
        400,
        "The specified FlowLogId does not exist.",
    ),
    (None, "flow_log_status"): ("IncorrectStatus.TrFlowlog", 400, None),  # Terraform's provider retries on it
    (None, "flow_log_status_modify"): ("IncorrectStatus.flowlog", 400, None),  # likewise, on a modify
    (None, "flow_log_interval"): ("InvalidParameter", 400, None),  # documented code
    (None, "flow_log_storage_name"): ("InvalidParameter", 400, None),  # documented code
    (None, "flow_log_format"): ("InvalidParameter", 400, None),  # documented code
    (None, "flow_log_router_elsewhere"): ("IllegalParam.TransitRouterId", 400, None),  # the replica's
    # What still names a transit router, a connection or a route table refuses its delete (the reference
    # names no code for these dependencies).
    (None, "flow_logs_exist"): ("InvalidOperation.FlowLogExist", 400, None),  # the replica's
    (None, "route_maps_exist"): ("InvalidOperation.RouteMapExist", 400, None),  # the replica's
}
