"""Tags on the transit resources Terraform's provider tags (ResourceType TransitRouter,
TransitRouterVpcAttachment, TransitRouterPeerAttachment, TransitRouterRouteTable): TagResources,
UntagResources and ListTagResources on them, Tag.N on their creates and the Tags their lists show."""

import pytest

from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouter
from tests.api.conftest import api_call
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def transit(cen_instance, package, later):  # noqa: F811
    """An Active router in cn-hangzhou (and one in us-east-1), an Attached VPC connection, an inter-region
    connection (from the China <-> North America package) and an Active custom route table, by
    ResourceType: {ResourceType: ID}."""
    owner = cen_instance.owner
    router = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    peer_router = transit_services.transit_router_create(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="us-east-1"
    )
    later()
    vpc = transit_services.vpc_attachment_create(
        owner=owner, transit_router_id=router.pk, vpc_id="vpc-tagged0001", zone_mappings=ZONES[:1]
    )
    peer = transit_services.peer_attachment_create(
        owner=owner,
        transit_router_id=router.pk,
        peer_transit_router_id=peer_router.pk,
        package_id=package.pk,
        bandwidth=2,
    )
    table = transit_services.route_table_create(owner=owner, transit_router_id=router.pk)
    later(20)
    return {
        "TransitRouter": router.pk,
        "TransitRouterVpcAttachment": vpc.pk,
        "TransitRouterPeerAttachment": peer.pk,
        "TransitRouterRouteTable": table.pk,
    }


def tag(client, resource_type, resource_id, **tags):
    parameters = {}
    for index, (key, value) in enumerate(tags.items(), start=1):
        parameters[f"Tag.{index}.Key"], parameters[f"Tag.{index}.Value"] = key, value
    return api_call(client, "TagResources", ResourceType=resource_type, **{"ResourceId.1": resource_id}, **parameters)


def listed_tags(client, resource_type, resource_id) -> list[dict]:
    """ListTagResources as the provider's Read sends it (RegionId, ResourceType, ResourceId.1)."""
    answer = api_call(client, "ListTagResources", ResourceType=resource_type, **{"ResourceId.1": resource_id})
    assert answer.status == 200, answer.body
    return answer.body["TagResources"]["TagResource"]


# TagResources, UntagResources, ListTagResources -------------------------------------------------


def test_an_untagged_route_table_lists_no_tags(client, access_key, transit):
    """The provider's Read of a route table: ListTagResources(TransitRouterRouteTable) answers, with no tags."""
    assert listed_tags(client, "TransitRouterRouteTable", transit["TransitRouterRouteTable"]) == []


@pytest.mark.parametrize(
    "resource_type",
    ["TransitRouter", "TransitRouterVpcAttachment", "TransitRouterPeerAttachment", "TransitRouterRouteTable"],
)
def test_each_transit_resource_type_keeps_its_tags(client, access_key, transit, resource_type):
    """TagResources on a transit resource keeps the tag; ListTagResources names it with its type."""
    resource_id = transit[resource_type]
    assert tag(client, resource_type, resource_id, team="network").status == 200
    assert listed_tags(client, resource_type, resource_id) == [
        {"ResourceId": resource_id, "ResourceType": resource_type, "TagKey": "team", "TagValue": "network"}
    ]


def test_the_resource_type_is_read_in_any_case(client, access_key, transit):
    """The provider sends TRANSITROUTERVPCATTACHMENT for a VPC connection's tags: the same type."""
    attachment_id = transit["TransitRouterVpcAttachment"]
    assert tag(client, "TRANSITROUTERVPCATTACHMENT", attachment_id, team="network").status == 200
    assert [each["TagKey"] for each in listed_tags(client, "TransitRouterVpcAttachment", attachment_id)] == ["team"]


def test_untag_resources_removes_a_routers_tag(client, access_key, transit):
    """UntagResources with TagKey.N removes that key from a transit router."""
    router_id = transit["TransitRouter"]
    tag(client, "TransitRouter", router_id, team="network", env="test")
    answer = api_call(
        client, "UntagResources", ResourceType="TransitRouter", **{"ResourceId.1": router_id, "TagKey.1": "env"}
    )
    assert answer.status == 200, answer.body
    assert [each["TagKey"] for each in listed_tags(client, "TransitRouter", router_id)] == ["team"]


def test_a_resource_of_another_type_is_unknown(client, access_key, transit):
    """A router's ID under ResourceType TransitRouterRouteTable: InvalidTransitRouterRouteTableId.NotFound."""
    answer = tag(client, "TransitRouterRouteTable", transit["TransitRouter"], team="network")
    assert (answer.status, answer.code) == (400, "InvalidTransitRouterRouteTableId.NotFound")


def test_another_accounts_router_is_unknown(client, access_key, other_user, transit):
    """Another account's transit router is refused as if it did not exist."""
    theirs = TransitRouter.objects.get(pk=transit["TransitRouter"])
    theirs.owner = other_user
    theirs.save(update_fields=["owner"])
    answer = tag(client, "TransitRouter", theirs.pk, team="network")
    assert (answer.status, answer.code) == (400, "InvalidTransitRouterInstance.NotFound")


# Tag.N on the creates, Tags in the lists --------------------------------------------------------


def test_create_transit_router_keeps_its_tags(client, access_key, cen_instance):
    """CreateTransitRouter with Tag.N (as the provider sends its tags): ListTransitRouters shows them."""
    created = api_call(
        client,
        "CreateTransitRouter",
        CenId=cen_instance.pk,
        RegionId="cn-hangzhou",
        **{"Tag.1.Key": "team", "Tag.1.Value": "network"},
    )
    assert created.status == 200, created.body
    (router,) = api_call(client, "ListTransitRouters", CenId=cen_instance.pk).body["TransitRouters"]
    assert router["Tags"] == [{"Key": "team", "Value": "network"}]


def test_create_transit_router_with_an_invalid_tag_creates_nothing(client, access_key, cen_instance):
    """A reserved tag key refuses the whole create: InvalidTagKey, and no router."""
    answer = api_call(
        client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou", **{"Tag.1.Key": "aliyun:x"}
    )
    assert (answer.status, answer.code) == (400, "InvalidTagKey")
    assert not TransitRouter.objects.exists()


def test_create_vpc_attachment_keeps_its_tags(client, access_key, transit):
    """CreateTransitRouterVpcAttachment with Tag.N: ListTransitRouterVpcAttachments shows them."""
    created = api_call(
        client,
        "CreateTransitRouterVpcAttachment",
        TransitRouterId=transit["TransitRouter"],
        VpcId="vpc-tagged0002",
        **{"ZoneMappings.1.ZoneId": ZONES[1][0], "ZoneMappings.1.VSwitchId": ZONES[1][1]},
        **{"Tag.1.Key": "team", "Tag.1.Value": "network"},
    )
    assert created.status == 200, created.body
    listed = api_call(
        client, "ListTransitRouterVpcAttachments", TransitRouterAttachmentId=created.body["TransitRouterAttachmentId"]
    )
    assert listed.body["TransitRouterAttachments"][0]["Tags"] == [{"Key": "team", "Value": "network"}]


def test_create_peer_attachment_keeps_its_tags(client, access_key, transit, cen_instance):
    """CreateTransitRouterPeerAttachment with Tag.N: ListTransitRouterPeerAttachments shows them."""
    api_call(
        client, "DeleteTransitRouterPeerAttachment", TransitRouterAttachmentId=transit["TransitRouterPeerAttachment"]
    )
    other = TransitRouter.objects.get(region_id="us-east-1")
    created = api_call(
        client,
        "CreateTransitRouterPeerAttachment",
        TransitRouterId=transit["TransitRouter"],
        PeerTransitRouterId=other.pk,
        BandwidthType="DataTransfer",
        **{"Tag.1.Key": "team", "Tag.1.Value": "network"},
    )
    assert created.status == 200, created.body
    listed = api_call(
        client, "ListTransitRouterPeerAttachments", TransitRouterAttachmentId=created.body["TransitRouterAttachmentId"]
    )
    assert listed.body["TransitRouterAttachments"][0]["Tags"] == [{"Key": "team", "Value": "network"}]


def test_create_route_table_keeps_its_tags(client, access_key, transit):
    """CreateTransitRouterRouteTable with Tag.N: ListTransitRouterRouteTables and ListTagResources show them."""
    created = api_call(
        client,
        "CreateTransitRouterRouteTable",
        TransitRouterId=transit["TransitRouter"],
        **{"Tag.1.Key": "team", "Tag.1.Value": "network"},
    )
    assert created.status == 200, created.body
    table_id = created.body["TransitRouterRouteTableId"]
    (table,) = api_call(client, "ListTransitRouterRouteTables", **{"TransitRouterRouteTableIds.1": table_id}).body[
        "TransitRouterRouteTables"
    ]
    assert table["Tags"] == [{"Key": "team", "Value": "network"}]
    assert [each["TagKey"] for each in listed_tags(client, "TransitRouterRouteTable", table_id)] == ["team"]


# ClientToken ------------------------------------------------------------------------------------


def test_create_transit_router_retried_with_its_client_token_answers_the_same_router(client, access_key, cen_instance):
    """A retry with the same ClientToken answers the first router's ID and makes no second router."""
    first, again = (
        api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou", ClientToken="tf-1")
        for _ in range(2)
    )
    assert (first.status, again.status) == (200, 200), again.body
    assert again.body["TransitRouterId"] == first.body["TransitRouterId"]
    assert TransitRouter.objects.count() == 1
