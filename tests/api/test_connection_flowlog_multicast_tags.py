"""Tags on the VBR, VPN and ECR connections, flow logs and multicast domains (ResourceType
TransitRouterVbrAttachment, TransitRouterVpnAttachment, TransitRouterEcrAttachment, Flowlog,
TransitRouterMulticastDomain): Tag.N on their creates, the Tags their lists show, and TagResources,
UntagResources and ListTagResources on them, the type in any case as Terraform's provider sends it."""

import pytest

from tests.api.conftest import api_call
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

TEAM = {"Tag.1.Key": "team", "Tag.1.Value": "network"}
# ResourceType -> (the create action, its ID parameters, the key of the ID it answers, the list action,
# the list's items).
CONNECTIONS = {
    "TransitRouterVbrAttachment": ("CreateTransitRouterVbrAttachment", {"VbrId": "vbr-tag0001"}),
    "TransitRouterVpnAttachment": ("CreateTransitRouterVpnAttachment", {"VpnId": "vco-tag0001"}),
    "TransitRouterEcrAttachment": ("CreateTransitRouterEcrAttachment", {"EcrId": "ecr-tag0001"}),
}
LISTS = {
    "TransitRouterVbrAttachment": "ListTransitRouterVbrAttachments",
    "TransitRouterVpnAttachment": "ListTransitRouterVpnAttachments",
    "TransitRouterEcrAttachment": "ListTransitRouterEcrAttachments",
}


def ok(answer):
    assert answer.status == 200, answer.body
    return answer.body


@pytest.fixture
def router(client, access_key, cen_instance, later):  # noqa: F811
    """An Active router in cn-hangzhou made with SupportMulticast."""
    router_id = ok(
        api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou", SupportMulticast="true")
    )["TransitRouterId"]
    later()
    return router_id


def create(client, cen_instance, router, resource_type, **extra) -> str:
    """Makes a resource of the type on the router, with extra parameters (Tag.N); its ID."""
    if resource_type in CONNECTIONS:
        action, names = CONNECTIONS[resource_type]
        return ok(api_call(client, action, TransitRouterId=router, **names, **extra))["TransitRouterAttachmentId"]
    if resource_type == "Flowlog":
        return ok(
            api_call(
                client,
                "CreateFlowlog",
                CenId=cen_instance.pk,
                RegionId="cn-hangzhou",
                TransitRouterId=router,
                ProjectName="tag-project",
                LogStoreName="tag-store",
                **extra,
            )
        )["FlowLogId"]
    return ok(api_call(client, "CreateTransitRouterMulticastDomain", TransitRouterId=router, **extra))[
        "TransitRouterMulticastDomainId"
    ]


def listed(client, resource_type, resource_id) -> dict:
    """The resource as its list shows it."""
    if resource_type in LISTS:
        items = ok(api_call(client, LISTS[resource_type], TransitRouterAttachmentId=resource_id))
        return items["TransitRouterAttachments"][0]
    if resource_type == "Flowlog":
        answer = ok(api_call(client, "DescribeFlowlogs", RegionId="cn-hangzhou", FlowLogId=resource_id))
        return answer["FlowLogs"]["FlowLog"][0]
    answer = ok(api_call(client, "ListTransitRouterMulticastDomains", TransitRouterMulticastDomainId=resource_id))
    return answer["TransitRouterMulticastDomains"][0]


def listed_tags(client, resource_type, resource_id) -> list[dict]:
    answer = api_call(client, "ListTagResources", ResourceType=resource_type, **{"ResourceId.1": resource_id})
    return ok(answer)["TagResources"]["TagResource"]


TYPES = [*CONNECTIONS, "Flowlog", "TransitRouterMulticastDomain"]


@pytest.mark.parametrize("resource_type", TYPES)
def test_tag_n_on_the_create_is_listed_with_the_resource(client, cen_instance, router, resource_type):
    """Tag.N on the create (as the provider sends its tags) tags the resource: its list shows them
    (a flow log's wrapped in Tag, as DescribeFlowlogs's model has them)."""
    resource_id = create(client, cen_instance, router, resource_type, **TEAM)
    shown = listed(client, resource_type, resource_id)["Tags"]
    expected = [{"Key": "team", "Value": "network"}]
    assert shown == ({"Tag": expected} if resource_type == "Flowlog" else expected)


@pytest.mark.parametrize("resource_type", TYPES)
def test_tag_resources_keeps_the_tag(client, cen_instance, router, resource_type):
    """TagResources on the resource keeps the tag; ListTagResources names it with its type."""
    resource_id = create(client, cen_instance, router, resource_type)
    ok(api_call(client, "TagResources", ResourceType=resource_type, **{"ResourceId.1": resource_id}, **TEAM))
    assert listed_tags(client, resource_type, resource_id) == [
        {"ResourceId": resource_id, "ResourceType": resource_type, "TagKey": "team", "TagValue": "network"}
    ]


@pytest.mark.parametrize(
    "sent", ["TRANSITROUTERVBRATTACHMENT", "TRANSITROUTERVPNATTACHMENT", "TRANSITROUTERECRATTACHMENT"]
)
def test_the_providers_upper_case_connection_types_are_read(client, cen_instance, router, sent):
    """The provider's SetResourceTags sends TRANSITROUTER…ATTACHMENT: the same type in any case."""
    resource_type = next(each for each in CONNECTIONS if each.upper() == sent)
    resource_id = create(client, cen_instance, router, resource_type)
    ok(api_call(client, "TagResources", ResourceType=sent, **{"ResourceId.1": resource_id}, **TEAM))
    assert [each["TagKey"] for each in listed_tags(client, sent, resource_id)] == ["team"]


def test_a_flow_logs_tags_by_the_providers_lower_case_type(client, cen_instance, router):
    """The provider tags a flow log with ResourceType flowlog and untags it the same way."""
    flow_log_id = create(client, cen_instance, router, "Flowlog", **TEAM)
    answer = api_call(
        client, "UntagResources", ResourceType="flowlog", **{"ResourceId.1": flow_log_id, "TagKey.1": "team"}
    )
    ok(answer)
    assert listed(client, "Flowlog", flow_log_id)["Tags"] == {"Tag": []}


def test_a_connection_of_another_kind_is_unknown(client, cen_instance, router):
    """A VPN connection's ID under ResourceType TransitRouterVbrAttachment is refused as unknown."""
    vpn_id = create(client, cen_instance, router, "TransitRouterVpnAttachment")
    answer = api_call(
        client, "TagResources", ResourceType="TransitRouterVbrAttachment", **{"ResourceId.1": vpn_id}, **TEAM
    )
    assert (answer.status, answer.code) == (400, "InvalidTransitRouterAttachmentId.NotFound")


def test_an_invalid_tag_on_a_connections_create_makes_nothing(client, cen_instance, router):
    """Tag.N is checked before the connection is made: a reserved key refuses the create."""
    answer = api_call(
        client,
        "CreateTransitRouterVbrAttachment",
        TransitRouterId=router,
        VbrId="vbr-tag0001",
        **{"Tag.1.Key": "acs:x"},
    )
    assert answer.code == "InvalidTagKey"
    assert ok(api_call(client, "ListTransitRouterVbrAttachments"))["TotalCount"] == 0


def test_a_retried_create_tags_once(client, cen_instance, router):
    """The same ClientToken and Tag.N again answers the first flow log's ID; it keeps one set of tags."""
    first = create(client, cen_instance, router, "Flowlog", ClientToken="t-1", **TEAM)
    again = create(client, cen_instance, router, "Flowlog", ClientToken="t-1", **TEAM)
    assert again == first
    assert len(listed_tags(client, "Flowlog", first)) == 1
