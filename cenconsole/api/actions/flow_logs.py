"""Flow logs: CreateFlowlog, DescribeFlowlogs, ModifyFlowLogAttribute, ActiveFlowLog, DeactiveFlowLog,
DeleteFlowlog. Their answers carry Success ("true") and DescribeFlowlogs's counts are strings, as the
SDK's models have them. RegionId is the flow log's region: a flow log of another region is not found."""

from cenconsole.flowlogs import services as flow_log_services
from cenconsole.flowlogs.selectors import flow_logs_for
from cenconsole.tags.models import Tag
from cenconsole.tags.selectors import tags_for

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import MAX_PAGE_SIZE, Params
from .common import CLIENT_TOKEN_MAX_LENGTH, read_ignored
from .tags import tag_created, tags_to_set

SUCCESS = {"Success": "true"}
DEFAULT_PAGE_SIZE = 20  # DescribeFlowlogs's own default (the API reference)


def create_flowlog(*, owner, params: Params) -> dict:
    """Tag.N tags the flow log (ResourceType Flowlog), once per ClientToken as the flow log is made."""
    cen_id = params.string("CenId", required=True)
    region_id = params.string("RegionId", required=True)
    project_name = params.string("ProjectName", required=True)
    log_store_name = params.string("LogStoreName", required=True)
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    tags = tags_to_set(params)
    optional = {
        "transit_router_id": params.string("TransitRouterId") or "",
        "attachment_id": params.string("TransitRouterAttachmentId") or "",
        "name": params.string("FlowLogName") or "",
        "description": params.string("Description") or "",
        "interval": params.integer("Interval"),
        "log_format_string": params.string("LogFormatString") or "",
    }

    def create():
        flow_log = flow_log_services.flow_log_create(
            owner=owner,
            cen_instance_id=cen_id,
            region_code=region_id,
            project_name=project_name,
            log_store_name=log_store_name,
            **optional,
        )
        tag_created(owner=owner, resource_type=Tag.ResourceType.FLOWLOG, resource=flow_log, tags=tags)
        return flow_log.pk

    flow_log_id = api_services.client_token_once(
        owner=owner, action="CreateFlowlog", token=token, create=create, fingerprint=params.fingerprint()
    )
    return {"FlowLogId": flow_log_id, **SUCCESS}


def _page_numbers(params: Params) -> tuple[int, int]:
    number = params.integer("PageNumber", default=1)
    size = params.integer("PageSize", default=DEFAULT_PAGE_SIZE)
    if number < 1:
        raise errors.invalid_parameter("PageNumber", "1 or more expected.")
    if not 1 <= size <= MAX_PAGE_SIZE:
        raise errors.invalid_parameter("PageSize", f"1 to {MAX_PAGE_SIZE} expected.")
    return number, size


def describe_flowlogs(*, owner, params: Params) -> dict:
    """Empty filters (Terraform's data source sends ProjectName and LogStoreName empty) filter nothing."""
    read_ignored(params, "ClientToken")
    flow_logs = flow_logs_for(owner=owner)
    for parameter, field in (
        ("RegionId", "region_id"),
        ("CenId", "cen_instance_id"),
        ("FlowLogId", "pk"),
        ("FlowLogName", "name"),
        ("Description", "description"),
        ("ProjectName", "project_name"),
        ("LogStoreName", "log_store_name"),
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterAttachmentId", "attachment_id"),
    ):
        value = params.string(parameter)
        if value:
            flow_logs = flow_logs.filter(**{field: value})
    interval = params.integer("Interval")
    if interval is not None:
        flow_logs = flow_logs.filter(interval=interval)
    tags = tags_for(owner=owner, resource_type=Tag.ResourceType.FLOWLOG)
    shown = [show.flow_log(flow_log, tags[flow_log.pk]) for flow_log in flow_logs]
    for parameter, key in (("Status", "Status"), ("FlowLogVersion", "FlowLogVersion")):
        value = params.string(parameter)
        if value:
            shown = [flow_log for flow_log in shown if flow_log[key] == value]
    number, size = _page_numbers(params)
    start = (number - 1) * size
    return {
        "FlowLogs": {"FlowLog": shown[start : start + size]},
        "PageNumber": str(number),
        "PageSize": str(size),
        "TotalCount": str(len(shown)),
        **SUCCESS,
    }


def _flow_log_ids(params: Params) -> dict:
    read_ignored(params, "ClientToken")
    return {
        "flow_log_id": params.string("FlowLogId", required=True),
        "region_code": params.string("RegionId"),
        "cen_instance_id": params.string("CenId"),
    }


def modify_flow_log_attribute(*, owner, params: Params) -> dict:
    flow_log_services.flow_log_modify(
        owner=owner,
        name=params.string("FlowLogName"),
        description=params.string("Description"),
        interval=params.integer("Interval"),
        **_flow_log_ids(params),
    )
    return SUCCESS


def active_flow_log(*, owner, params: Params) -> dict:
    flow_log_services.flow_log_turn(owner=owner, on=True, **_flow_log_ids(params))
    return SUCCESS


def deactive_flow_log(*, owner, params: Params) -> dict:
    flow_log_services.flow_log_turn(owner=owner, on=False, **_flow_log_ids(params))
    return SUCCESS


def delete_flowlog(*, owner, params: Params) -> dict:
    flow_log_services.flow_log_delete(owner=owner, **_flow_log_ids(params))
    return SUCCESS
