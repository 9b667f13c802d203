"""terraform-provider-alicloud's call sequences for alicloud_cen_route_map, alicloud_cen_vbr_health_check
and alicloud_cen_flowlog, and the data sources alicloud_cen_route_maps, _vbr_health_checks and _flowlogs,
replayed against the live server with the V1 SDK's CommonRequest (tests/api/terraform.py's
Provider). Read from aliyun/terraform-provider-alicloud at commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14:
alicloud/resource_alicloud_cen_route_map.go, resource_alicloud_cen_vbr_health_check.go,
resource_alicloud_cen_flowlog.go, data_source_alicloud_cen_route_maps.go, _vbr_health_checks.go,
_flowlogs.go, service_alicloud_cbn.go (DescribeCenRouteMap, CenRouteMapStateRefreshFunc,
DescribeCenVbrHealthCheck) and service_alicloud_cen_v2.go (DescribeCenFlowLog, CenFlowLogStateRefreshFunc):
the parameters each call sends (a set as Name.N, an unset string not at all), the waits (a 5-second poll:
the clock moves 5 seconds between polls, so the replica's Creating, Modifying and Deleting are met and
waited out), the retry lists, the IDs (cen:routemap, vbr:region, the flow log's own) and the NotFound
rules (an empty Describe). Each resource: apply, refresh with no diff, import, update of every
updatable argument, destroy."""

import uuid

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException

from tests.api.terraform import PAGE_SIZE_LARGE, NotFound, Provider, expand_tags, set_resource_tags
from tests.factories import CenInstanceFactory
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

REGION = "cn-hangzhou"  # the provider's region (client.RegionId)
POLLS = 12


@pytest.fixture
def tf(sdk, later):  # noqa: F811
    provider = Provider(sdk)
    provider.later = later
    return provider


def wait(tf: Provider, refresh, target: list[str]):
    """BuildStateConf(...).WaitForState() polling every 5 seconds: a NotFound is nil (gone, for [])."""
    for _ in range(POLLS):
        try:
            found, state = refresh()
        except NotFound:
            if target == []:
                return None
            found, state = None, ""
        if state in target:
            return found
        tf.later(5)
    raise AssertionError(f"still {state!r} after {POLLS} polls, waiting for {target!r}")


def retrying(tf: Provider, action: str, codes: list[str], **parameters) -> dict:
    """resource.Retry: a refusal with one of codes is tried again 5 seconds later."""
    for _ in range(POLLS):
        answer = tf.expect(action, codes, **parameters)
        if not isinstance(answer, ServerException):
            return answer
        tf.later(5)
    raise AssertionError(f"{action} still refused with {answer.get_error_code()}")


def flat(name: str, values) -> dict:
    """expandStringList of a TypeSet into the Go SDK's repeated parameter Name.1, Name.2, ..."""
    return {f"{name}.{n}": value for n, value in enumerate(sorted(values), start=1)}


# alicloud_cen_route_map ----------------------------------------------------------------------------------

ROUTE_MAP_SETS = {
    "destination_child_instance_types": "DestinationChildInstanceTypes",
    "destination_cidr_blocks": "DestinationCidrBlocks",
    "destination_instance_ids": "DestinationInstanceIds",
    "destination_route_table_ids": "DestinationRouteTableIds",
    "match_asns": "MatchAsns",
    "match_community_set": "MatchCommunitySet",
    "operate_community_set": "OperateCommunitySet",
    "prepend_as_path": "PrependAsPath",
    "route_types": "RouteTypes",
    "source_child_instance_types": "SourceChildInstanceTypes",
    "source_instance_ids": "SourceInstanceIds",
    "source_region_ids": "SourceRegionIds",
    "source_route_table_ids": "SourceRouteTableIds",
}
ROUTE_MAP_STRINGS = {
    "as_path_match_mode": "AsPathMatchMode",
    "cidr_match_mode": "CidrMatchMode",
    "community_match_mode": "CommunityMatchMode",
    "community_operate_mode": "CommunityOperateMode",
    "description": "Description",
}


def route_map_request(config: dict) -> dict:
    """What Create and Update send alike: the strings and sets set, both reverse-match flags always."""
    request = {api: config[key] for key, api in ROUTE_MAP_STRINGS.items() if config.get(key)}
    for key, api in ROUTE_MAP_SETS.items():
        request.update(flat(api, config.get(key, ())))
    for key in ("next_priority", "preference"):
        if config.get(key):
            request["NextPriority" if key == "next_priority" else "Preference"] = config[key]
    request["DestinationInstanceIdsReverseMatch"] = config.get("destination_instance_ids_reverse_match", False)
    request["SourceInstanceIdsReverseMatch"] = config.get("source_instance_ids_reverse_match", False)
    return {
        **request,
        "CenRegionId": config["cen_region_id"],
        "MapResult": config["map_result"],
        "Priority": config["priority"],
    }


def describe_route_map(tf: Provider, route_map_id: str) -> dict:
    cen_id, map_id = route_map_id.split(":")
    found = tf.call("DescribeCenRouteMaps", RegionId=REGION, CenId=cen_id, RouteMapId=map_id)["RouteMaps"]["RouteMap"]
    if not found:
        raise NotFound(route_map_id)
    return found[0]


def route_map_create(tf: Provider, config: dict) -> str:
    request = route_map_request(config)
    if config.get("transit_router_route_table_id"):
        request["TransitRouterRouteTableId"] = config["transit_router_route_table_id"]
    answer = retrying(
        tf,
        "CreateCenRouteMap",
        ["Operation.Blocking", "InternalError"],
        CenId=config["cen_id"],
        TransmitDirection=config["transmit_direction"],
        **request,
    )
    route_map_id = f"{config['cen_id']}:{answer['RouteMapId']}"
    wait(tf, lambda: (None, describe_route_map(tf, route_map_id)["Status"]), ["Active"])
    return route_map_id


def route_map_read(tf: Provider, route_map_id: str) -> dict:
    found = describe_route_map(tf, route_map_id)
    state = {key: set(found[api][next(iter(found[api]))]) for key, api in ROUTE_MAP_SETS.items()}
    state.update({key: found[api] for key, api in ROUTE_MAP_STRINGS.items()})
    return {
        **state,
        "cen_id": route_map_id.split(":")[0],
        "cen_region_id": found["CenRegionId"],
        "destination_instance_ids_reverse_match": found["DestinationInstanceIdsReverseMatch"],
        "source_instance_ids_reverse_match": found["SourceInstanceIdsReverseMatch"],
        "map_result": found["MapResult"],
        "next_priority": found["NextPriority"],
        "preference": found["Preference"],
        "priority": found["Priority"],
        "transit_router_route_table_id": found["TransitRouterRouteTableId"],
        "transmit_direction": found["TransmitDirection"],
        "status": found["Status"],
    }


def route_map_update(tf: Provider, route_map_id: str, config: dict) -> None:
    """ModifyCenRouteMap with every argument, whatever changed; no wait after it."""
    cen_id, map_id = route_map_id.split(":")
    tf.call("ModifyCenRouteMap", CenId=cen_id, RouteMapId=map_id, **route_map_request(config))


def route_map_delete(tf: Provider, route_map_id: str, config: dict) -> None:
    cen_id, map_id = route_map_id.split(":")
    retrying(
        tf,
        "DeleteCenRouteMap",
        ["Operation.Blocking", "IncorrectStatus.RouteMap", "Throttling.User"],
        CenId=cen_id,
        RouteMapId=map_id,
        CenRegionId=config["cen_region_id"],
    )


def route_maps_data_source(tf: Provider, cen_id: str, **filters) -> list[str]:
    """alicloud_cen_route_maps: DescribeCenRouteMaps a page of 50 at a time; ids are cen:routemap."""
    ids, page = [], 1
    while True:
        found = tf.call("DescribeCenRouteMaps", CenId=cen_id, PageSize=PAGE_SIZE_LARGE, PageNumber=page, **filters)
        items = found["RouteMaps"]["RouteMap"]
        ids += [f"{item['CenId']}:{item['RouteMapId']}" for item in items]
        if len(items) < PAGE_SIZE_LARGE:
            return ids
        page += 1


def comparable(config: dict) -> dict:
    """The configuration as the state holds it: sets as sets, unset numbers 0, unset strings empty."""
    state = {key: set(config.get(key, ())) for key in ROUTE_MAP_SETS}
    state.update({key: config.get(key, "") for key in ROUTE_MAP_STRINGS})
    for key in ("next_priority", "preference"):
        state[key] = config.get(key, 0)
    for key in ("destination_instance_ids_reverse_match", "source_instance_ids_reverse_match"):
        state[key] = config.get(key, False)
    keys = ("cen_id", "cen_region_id", "map_result", "priority", "transmit_direction")
    return {**state, **{key: config[key] for key in keys}}


def route_map_config(cen_id: str) -> dict:
    return {
        "cen_id": cen_id,
        "cen_region_id": REGION,
        "transmit_direction": "RegionIn",
        "priority": 3,
        "map_result": "Permit",
        "next_priority": 20,
        "description": "tf-route-map",
        "cidr_match_mode": "Include",
        "as_path_match_mode": "Include",
        "community_match_mode": "Include",
        "community_operate_mode": "Additive",
        "preference": 22,
        "source_region_ids": ["cn-beijing"],
        "source_instance_ids": ["vpc-tf0001", "vpc-tf0002"],
        "source_instance_ids_reverse_match": True,
        "destination_instance_ids": ["vbr-tf0001"],
        "source_route_table_ids": ["vtb-tf0001"],
        "destination_route_table_ids": ["vtb-tf0002"],
        "source_child_instance_types": ["VPC"],
        "destination_child_instance_types": ["VBR"],
        "destination_cidr_blocks": ["10.1.0.0/16", "10.2.0.0/16"],
        "route_types": ["System", "Custom"],
        "match_asns": ["65501"],
        "match_community_set": ["65501:1"],
        "operate_community_set": ["65501:2"],
        "prepend_as_path": ["65502"],
    }


def test_route_map_apply_refresh_and_import_show_no_diff(tf, user):
    """apply waits out Creating to Active; Read gives back every argument as configured; a second
    refresh and an import (cen:routemap) read the same."""
    config = route_map_config(CenInstanceFactory(owner=user).pk)
    route_map_id = route_map_create(tf, config)
    state = route_map_read(tf, route_map_id)
    assert {key: state[key] for key in comparable(config)} == comparable(config)
    assert (state["status"], state["transit_router_route_table_id"]) == ("Active", "")
    assert route_map_read(tf, route_map_id) == state
    assert route_maps_data_source(tf, config["cen_id"], CenRegionId=REGION) == [route_map_id]


def test_route_map_update_of_every_argument_converges(tf, user):
    """Each updatable argument changed (sets emptied or changed, modes cleared, the region moved): Read
    shows the new configuration, and a destroy then waits out Modifying through its retry list."""
    config = route_map_config(CenInstanceFactory(owner=user).pk)
    route_map_id = route_map_create(tf, config)
    changed = {
        **{key: config[key] for key in ("cen_id", "transmit_direction")},
        "cen_region_id": "cn-shanghai",
        "priority": 5,
        "map_result": "Deny",
        "destination_cidr_blocks": ["192.168.0.0/16"],
        "route_types": ["BGP"],
        "destination_instance_ids_reverse_match": True,
    }
    route_map_update(tf, route_map_id, changed)
    state = route_map_read(tf, route_map_id)
    assert {key: state[key] for key in comparable(changed)} == comparable(changed)
    assert state["status"] == "Modifying"
    route_map_delete(tf, route_map_id, changed)  # IncorrectStatus.RouteMap while Modifying: retried
    assert wait(tf, lambda: (None, describe_route_map(tf, route_map_id)["Status"]), []) is None


def test_route_map_destroy_then_read_finds_it_gone(tf, user):
    """destroy: DeleteCenRouteMap (no wait); the route map is Deleting, then Read finds none (NotFound)."""
    config = route_map_config(CenInstanceFactory(owner=user).pk)
    route_map_id = route_map_create(tf, config)
    route_map_delete(tf, route_map_id, config)
    assert route_map_read(tf, route_map_id)["status"] == "Deleting"
    tf.later(5)
    with pytest.raises(NotFound):
        route_map_read(tf, route_map_id)
    assert route_maps_data_source(tf, config["cen_id"]) == []


# alicloud_cen_vbr_health_check ----------------------------------------------------------------------------


def describe_health_check(tf: Provider, check_id: str) -> dict:
    vbr_id, region_id = check_id.split(":")
    found = tf.call("DescribeCenVbrHealthCheck", RegionId=REGION, VbrInstanceId=vbr_id, VbrInstanceRegionId=region_id)
    if not found["VbrHealthChecks"]["VbrHealthCheck"]:
        raise NotFound(check_id)
    return found["VbrHealthChecks"]["VbrHealthCheck"][0]


def health_check_read(tf: Provider, check_id: str) -> dict:
    found = describe_health_check(tf, check_id)
    vbr_id, region_id = check_id.split(":")
    return {
        "vbr_instance_id": vbr_id,
        "vbr_instance_region_id": region_id,
        "cen_id": found["CenId"],
        "health_check_interval": found["HealthCheckInterval"],
        "health_check_source_ip": found["HealthCheckSourceIp"],
        "health_check_target_ip": found["HealthCheckTargetIp"],
        "healthy_threshold": found["HealthyThreshold"],
    }


ENABLE_RETRIES = [
    "InstanceStatus.NotSupport",
    "Operation.Blocking",
    "InvalidOperation.CenInstanceStatus",
    "InvalidOperation.VbrNotAttachedToCen",
    "OperationFailed.StatusNotSupport",
]


def health_check_create(tf: Provider, config: dict) -> str:
    """Enable with the defaults the schema gives (interval 2, threshold 8); no wait, Read at once."""
    request = {"HealthCheckInterval": config.get("health_check_interval", 2)}
    if config.get("health_check_source_ip"):
        request["HealthCheckSourceIp"] = config["health_check_source_ip"]
    request["HealthyThreshold"] = config.get("healthy_threshold", 8)
    retrying(
        tf,
        "EnableCenVbrHealthCheck",
        ENABLE_RETRIES,
        CenId=config["cen_id"],
        HealthCheckTargetIp=config["health_check_target_ip"],
        VbrInstanceId=config["vbr_instance_id"],
        VbrInstanceRegionId=config["vbr_instance_region_id"],
        **request,
    )
    return f"{config['vbr_instance_id']}:{config['vbr_instance_region_id']}"


def health_check_update(tf: Provider, check_id: str, config: dict, old: dict) -> None:
    """Enable again: the target always, the others only when changed."""
    vbr_id, region_id = check_id.split(":")
    request = {
        api: config[key]
        for key, api in (
            ("health_check_interval", "HealthCheckInterval"),
            ("health_check_source_ip", "HealthCheckSourceIp"),
            ("healthy_threshold", "HealthyThreshold"),
        )
        if config.get(key) != old.get(key)
    }
    retrying(
        tf,
        "EnableCenVbrHealthCheck",
        ["Operation.Blocking", "InvalidOperation.CenInstanceStatus", "InstanceStatus.NotSupport"],
        VbrInstanceId=vbr_id,
        VbrInstanceRegionId=region_id,
        CenId=config["cen_id"],
        HealthCheckTargetIp=config["health_check_target_ip"],
        **request,
    )


def health_checks_data_source(tf: Provider, region_id: str, **filters) -> list[str]:
    found = tf.call(
        "DescribeCenVbrHealthCheck", VbrInstanceRegionId=region_id, PageSize=PAGE_SIZE_LARGE, PageNumber=1, **filters
    )
    return [f"{c['VbrInstanceId']}:{c['VbrInstanceRegionId']}" for c in found["VbrHealthChecks"]["VbrHealthCheck"]]


def health_check_config(cen_id: str) -> dict:
    return {
        "cen_id": cen_id,
        "vbr_instance_id": "vbr-tf0001",
        "vbr_instance_region_id": REGION,
        "health_check_target_ip": "10.0.0.2",
    }


def test_vbr_health_check_apply_update_import_and_destroy(tf, user):
    """apply (the Computed source address from 100.96.0.0/16), refresh with no diff, an update of every
    updatable argument, import (vbr:region) with no diff, destroy: Disable, then Read finds it gone."""
    config = health_check_config(CenInstanceFactory(owner=user).pk)
    check_id = health_check_create(tf, config)
    state = health_check_read(tf, check_id)
    assert state["health_check_source_ip"].startswith("100.96.")
    assert (state["cen_id"], state["health_check_interval"], state["healthy_threshold"]) == (config["cen_id"], 2, 8)
    assert health_check_read(tf, check_id) == state
    assert health_checks_data_source(tf, REGION, CenId=config["cen_id"]) == [check_id]
    changed = {
        **config,
        "health_check_target_ip": "10.0.0.6",
        "health_check_source_ip": "192.168.10.1",
        "health_check_interval": 3,
        "healthy_threshold": 4,
    }
    health_check_update(tf, check_id, changed, {**state, "health_check_interval": 2, "healthy_threshold": 8})
    after = health_check_read(tf, check_id)
    assert {key: after[key] for key in changed} == changed
    # import (vbr:region): a provider with no state reads the same, so the plan is empty.
    fresh = Provider(tf.sdk)
    fresh.later = tf.later
    assert health_check_read(fresh, check_id) == after
    tf.call("DisableCenVbrHealthCheck", VbrInstanceId="vbr-tf0001", VbrInstanceRegionId=REGION, CenId=config["cen_id"])
    with pytest.raises(NotFound):
        health_check_read(tf, check_id)
    assert health_checks_data_source(tf, REGION) == []


# alicloud_cen_flowlog ---------------------------------------------------------------------------------


def describe_flow_log(tf: Provider, flow_log_id: str) -> dict:
    found = tf.call("DescribeFlowlogs", FlowLogId=flow_log_id, RegionId=REGION, ClientToken=uuid.uuid4().hex)
    if not found["FlowLogs"]["FlowLog"]:
        raise NotFound(flow_log_id)
    return found["FlowLogs"]["FlowLog"][0]


def flow_log_status(tf: Provider, flow_log_id: str):
    return lambda: (None, describe_flow_log(tf, flow_log_id)["Status"])


FLOW_LOG_STATE = {
    "cen_id": "CenId",
    "description": "Description",
    "flow_log_name": "FlowLogName",
    "interval": "Interval",
    "log_format_string": "LogFormatString",
    "log_store_name": "LogStoreName",
    "project_name": "ProjectName",
    "region_id": "RegionId",
    "status": "Status",
    "transit_router_attachment_id": "TransitRouterAttachmentId",
    "transit_router_id": "TransitRouterId",
}


def flow_log_read(tf: Provider, flow_log_id: str) -> dict:
    found = describe_flow_log(tf, flow_log_id)
    tags = {tag["Key"]: tag["Value"] for tag in found["Tags"]["Tag"]}  # tagsToMap of $.Tags.Tag
    return {key: found[api] for key, api in FLOW_LOG_STATE.items()} | {"tags": tags}


def flow_log_turn(tf: Provider, flow_log_id: str, target: str) -> None:
    action = "ActiveFlowLog" if target == "Active" else "DeactiveFlowLog"
    retrying(
        tf,
        action,
        ["LOCK_ERROR", "Operation.Blocking", "IncorrectStatus.TrFlowlog"],
        FlowLogId=flow_log_id,
        RegionId=REGION,
        ClientToken=uuid.uuid4().hex,
    )
    wait(tf, flow_log_status(tf, flow_log_id), [target])


def flow_log_create(tf: Provider, config: dict) -> str:
    request = {
        api: config[key]
        for key, api in (
            ("description", "Description"),
            ("flow_log_name", "FlowLogName"),
            ("interval", "Interval"),
            ("transit_router_attachment_id", "TransitRouterAttachmentId"),
            ("transit_router_id", "TransitRouterId"),
            ("log_format_string", "LogFormatString"),
        )
        if config.get(key)
    }
    answer = retrying(
        tf,
        "CreateFlowlog",
        ["Operation.Blocking"],
        RegionId=REGION,
        ClientToken=uuid.uuid4().hex,
        ProjectName=config["project_name"],
        CenId=config["cen_id"],
        LogStoreName=config["log_store_name"],
        **request,
        **expand_tags(config.get("tags") or {}),
    )
    flow_log_id = answer["FlowLogId"]
    wait(tf, flow_log_status(tf, flow_log_id), ["Active"])
    if config.get("status") and config["status"] != describe_flow_log(tf, flow_log_id)["Status"]:
        flow_log_turn(tf, flow_log_id, config["status"])
    return flow_log_id


def flow_log_update(tf: Provider, flow_log_id: str, config: dict, old: dict) -> None:
    if config.get("status") and config["status"] != describe_flow_log(tf, flow_log_id)["Status"]:
        flow_log_turn(tf, flow_log_id, config["status"])
    changed = {
        api: config[key]
        for key, api in (("description", "Description"), ("flow_log_name", "FlowLogName"), ("interval", "Interval"))
        if config.get(key) != old.get(key)
    }
    if changed:
        retrying(
            tf,
            "ModifyFlowLogAttribute",
            ["LOCK_ERROR", "Operation.Blocking", "IncorrectStatus.flowlog"],
            FlowLogId=flow_log_id,
            RegionId=REGION,
            ClientToken=uuid.uuid4().hex,
            **changed,
        )
        wait(tf, flow_log_status(tf, flow_log_id), ["Active"])

    if config.get("tags") != old.get("tags"):
        set_resource_tags(tf, flow_log_id, "flowlog", old.get("tags") or {}, config.get("tags") or {})


def flow_log_delete(tf: Provider, flow_log_id: str) -> None:
    answer = retrying(
        tf,
        "DeleteFlowlog",
        ["Operation.Blocking", "IncorrectStatus.TrFlowlog", "InvalidFlowlogId.NotFound"],
        FlowLogId=flow_log_id,
        RegionId=REGION,
        ClientToken=uuid.uuid4().hex,
    )
    assert answer["Success"] == "true"
    wait(tf, flow_log_status(tf, flow_log_id), [])


def flow_logs_data_source(tf: Provider, **filters) -> list[str]:
    """alicloud_cen_flowlogs: one DescribeFlowlogs, CenId, LogStoreName and ProjectName sent even when empty."""
    request = {"CenId": "", "LogStoreName": "", "ProjectName": "", **filters}
    found = tf.call("DescribeFlowlogs", RegionId=REGION, ClientToken=uuid.uuid4().hex, **request)
    return [flow_log["FlowLogId"] for flow_log in found["FlowLogs"]["FlowLog"]]


def flow_log_config(cen_id: str, router_id: str) -> dict:
    return {
        "cen_id": cen_id,
        "transit_router_id": router_id,
        "project_name": "tf-project",
        "log_store_name": "tf-store",
        "flow_log_name": "tf-flowlog",
        "description": "made by terraform",
        "interval": 600,
        "status": "Active",
        "tags": {"Created": "TF", "For": "flowlog"},
    }


@pytest.fixture
def router(tf, user):
    """A CEN instance with an Active transit router in the provider's region (alicloud_cen_transit_router)."""
    cen_id = CenInstanceFactory(owner=user).pk
    router_id = tf.call("CreateTransitRouter", RegionId=REGION, CenId=cen_id)["TransitRouterId"]
    wait(
        tf,
        lambda: (None, tf.call("ListTransitRouters", TransitRouterId=router_id)["TransitRouters"][0]["Status"]),
        ["Active"],
    )
    return cen_id, router_id


def test_flowlog_apply_refresh_and_import_show_no_diff(tf, router):
    """apply waits out Creating to Active; Read gives the configuration back; refresh and import read the same."""
    config = flow_log_config(*router)
    flow_log_id = flow_log_create(tf, config)
    state = flow_log_read(tf, flow_log_id)
    assert {key: state[key] for key in config} == config
    assert (state["region_id"], state["log_format_string"], state["transit_router_attachment_id"]) == (REGION, "", "")
    assert flow_log_read(tf, flow_log_id) == state
    assert flow_logs_data_source(tf) == [flow_log_id]
    assert flow_logs_data_source(tf, CenId=config["cen_id"], Status="Active") == [flow_log_id]


def test_flowlog_update_of_every_argument_and_destroy(tf, router):
    """status Inactive (DeactiveFlowLog, waits for Inactive) and back to Active, then name, description
    and interval (ModifyFlowLogAttribute, waits for Active) and tags (SetResourceTags: UntagResources,
    TagResources, ResourceType flowlog); destroy waits until gone."""
    config = flow_log_config(*router)
    flow_log_id = flow_log_create(tf, {**config, "status": "Inactive"})
    assert flow_log_read(tf, flow_log_id)["status"] == "Inactive"
    flow_log_update(tf, flow_log_id, config, {**config, "status": "Inactive"})
    changed = {
        **config,
        "flow_log_name": "tf-flowlog-2",
        "description": "changed",
        "interval": 60,
        "tags": {"Created": "TF-2", "Env": "test"},
    }
    flow_log_update(tf, flow_log_id, changed, config)
    state = flow_log_read(tf, flow_log_id)
    assert {key: state[key] for key in changed} == changed
    flow_log_delete(tf, flow_log_id)
    with pytest.raises(NotFound):
        flow_log_read(tf, flow_log_id)
    assert flow_logs_data_source(tf) == []
