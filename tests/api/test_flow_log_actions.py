"""The flow log actions (CreateFlowlog, DescribeFlowlogs, ModifyFlowLogAttribute, ActiveFlowLog,
DeactiveFlowLog, DeleteFlowlog) through the API: answers with every key of the SDK's response models,
ClientToken, statuses on the clock, the refusals."""

import pytest

from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import active_router, later  # noqa: F401 (the fixtures)

pytestmark = pytest.mark.django_db

STORAGE = {"ProjectName": "flowlog-project", "LogStoreName": "flowlog-store"}


def create(client, cen_id, **extra):
    return api_call(client, "CreateFlowlog", CenId=cen_id, **{**STORAGE, **extra})


def describe(client, **filters):
    return api_call(client, "DescribeFlowlogs", **filters)


def test_create_and_describe_as_the_sdk_models_it(client, access_key, cen_instance, active_router, later):  # noqa: F811
    """CreateFlowlog answers the ID and Success; DescribeFlowlogs shows it Creating, then Active, with
    its counts as strings, every key typed."""
    router = active_router()
    created = create(client, cen_instance.pk, TransitRouterId=router.pk, FlowLogName="hz", Interval="60")
    assert created.status == 200, created.body
    assert mismatches(created.body, sample_answer("CreateFlowlog")) == []
    assert created.body["Success"] == "true"
    listed = describe(client, CenId=cen_instance.pk)
    assert mismatches(listed.body, sample_answer("DescribeFlowlogs")) == []
    assert (listed.body["TotalCount"], listed.body["PageNumber"], listed.body["PageSize"]) == ("1", "1", "20")
    (flow_log,) = listed.body["FlowLogs"]["FlowLog"]
    assert (flow_log["FlowLogId"], flow_log["Status"], flow_log["TransitRouterId"], flow_log["Interval"]) == (
        created.body["FlowLogId"],
        "Creating",
        router.pk,
        60,
    )
    assert (flow_log["RegionId"], flow_log["FlowLogVersion"], flow_log["Tags"]) == ("cn-hangzhou", "3", {"Tag": []})
    later()
    assert describe(client).body["FlowLogs"]["FlowLog"][0]["Status"] == "Active"


def test_the_same_client_token_makes_one_flow_log(client, access_key, cen_instance):
    """A retry with the same ClientToken answers the first flow log's ID and makes no second one."""
    first = create(client, cen_instance.pk, ClientToken="retry-1").body["FlowLogId"]
    assert create(client, cen_instance.pk, ClientToken="retry-1").body["FlowLogId"] == first
    assert describe(client).body["TotalCount"] == "1"


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"Interval": "300"}, "InvalidParameter"),
        ({"ProjectName": "UPPER"}, "InvalidParameter"),
        ({"LogFormatString": "${bytes}"}, "InvalidParameter"),
        ({"TransitRouterId": "tr-nothere"}, "InvalidTransitRouterInstance.NotFound"),
        ({"RegionId": "mars-1"}, "ParameterIllegal.RegionId"),
        ({"Tag.1.Key": "aliyun"}, "InvalidTagKey"),
    ],
)
def test_values_outside_the_documented_forms_are_refused(client, access_key, cen_instance, extra, code):
    """Windows, SLS names, field lists, routers, regions and tag keys are checked."""
    answer = create(client, cen_instance.pk, **extra)
    assert (answer.status, answer.code) == (400, code)


def test_a_flow_log_of_another_region_is_not_listed_or_found(client, access_key, cen_instance, later):  # noqa: F811
    """RegionId is the flow log's region: another region lists none and finds none."""
    flow_log_id = create(client, cen_instance.pk).body["FlowLogId"]
    later()
    assert describe(client, RegionId="cn-beijing").body["TotalCount"] == "0"
    answer = api_call(client, "DeleteFlowlog", FlowLogId=flow_log_id, RegionId="cn-beijing")
    assert (answer.status, answer.code) == (400, "InvalidFlowlogId.NotFound")


def test_turn_off_and_on(client, access_key, cen_instance, later):  # noqa: F811
    """DeactiveFlowLog: Modifying, then Inactive; ActiveFlowLog again: Active. Turning a Creating one off is refused."""
    flow_log_id = create(client, cen_instance.pk).body["FlowLogId"]
    assert api_call(client, "DeactiveFlowLog", FlowLogId=flow_log_id).code == "IncorrectStatus.TrFlowlog"
    later()
    off = api_call(client, "DeactiveFlowLog", FlowLogId=flow_log_id, ClientToken="t-1")
    assert off.status == 200, off.body
    assert mismatches(off.body, sample_answer("DeactiveFlowLog")) == []
    assert describe(client, FlowLogId=flow_log_id).body["FlowLogs"]["FlowLog"][0]["Status"] == "Modifying"
    later(20)
    assert describe(client, Status="Inactive").body["TotalCount"] == "1"
    on = api_call(client, "ActiveFlowLog", FlowLogId=flow_log_id, CenId=cen_instance.pk)
    assert mismatches(on.body, sample_answer("ActiveFlowLog")) == []
    later(30)
    assert describe(client, Status="Active").body["TotalCount"] == "1"


def test_modify_changes_what_it_is_given(client, access_key, cen_instance, later):  # noqa: F811
    """ModifyFlowLogAttribute: a new name and window, the description kept."""
    flow_log_id = create(client, cen_instance.pk, Description="kept").body["FlowLogId"]
    assert api_call(client, "ModifyFlowLogAttribute", FlowLogId=flow_log_id, FlowLogName="x").code == (
        "IncorrectStatus.flowlog"
    )
    later()
    answer = api_call(client, "ModifyFlowLogAttribute", FlowLogId=flow_log_id, FlowLogName="renamed", Interval="60")
    assert mismatches(answer.body, sample_answer("ModifyFlowLogAttribute")) == []
    (shown,) = describe(client).body["FlowLogs"]["FlowLog"]
    assert (shown["FlowLogName"], shown["Interval"], shown["Description"]) == ("renamed", 60, "kept")


def test_delete_is_deleting_then_gone(client, access_key, cen_instance, later):  # noqa: F811
    """DeleteFlowlog: Deleting, then no longer listed; deleting it again is InvalidFlowlogId.NotFound."""
    flow_log_id = create(client, cen_instance.pk).body["FlowLogId"]
    later()
    answer = api_call(client, "DeleteFlowlog", FlowLogId=flow_log_id, ClientToken="t-2")
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("DeleteFlowlog")) == []
    assert describe(client).body["FlowLogs"]["FlowLog"][0]["Status"] == "Deleting"
    later(20)
    assert describe(client).body["TotalCount"] == "0"
    assert api_call(client, "DeleteFlowlog", FlowLogId=flow_log_id).code == "InvalidFlowlogId.NotFound"


def test_describe_ignores_empty_filters_and_pages(client, access_key, cen_instance):
    """Empty ProjectName and LogStoreName (as Terraform's data source sends them) filter nothing; PageSize pages."""
    for name in ("a1", "a2", "a3"):
        create(client, cen_instance.pk, FlowLogName=name)
    assert describe(client, ProjectName="", LogStoreName="").body["TotalCount"] == "3"
    paged = describe(client, PageSize="2", PageNumber="2").body
    assert (paged["TotalCount"], len(paged["FlowLogs"]["FlowLog"])) == ("3", 1)
    assert describe(client, PageSize="0").code == "InvalidParameter"
