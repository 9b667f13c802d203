"""terraform-provider-alicloud's call sequences for alicloud_cen_transit_router,
_transit_router_vpc_attachment, _transit_router_peer_attachment, _transit_router_route_table,
_route_entry and _route_table_association, replayed with the parameters the provider sends (read from
alicloud/resource_alicloud_cen_transit_router*.go and service_alicloud_cen_v2.go / service_alicloud_cbn.go
at aliyun/terraform-provider-alicloud 81c43b6727a09e9da37b3d88818c3ba5fa17fa14): create, wait for the
target status by reading the resource back, update, delete, wait until gone."""

import uuid

import pytest

from tests.api.conftest import api_call
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"  # the provider's region: every resource is made there and read back from there


def token():
    return uuid.uuid4().hex


def ok(answer):
    assert answer.status == 200, answer.body
    return answer.body


def read(client, action, path, **request):
    """The provider's Describe*: one List* call, the first item under path or None (NotFound)."""
    items = ok(api_call(client, action, **request))[path]
    return items[0] if items else None


def read_route_table(client, router_id, table_id):
    """resourceAlicloudCenTransitRouterRouteTableRead: DescribeCenTransitRouterRouteTable (None when gone),
    then always CbnService.ListTagResources(d.Id(), "TransitRouterRouteTable") with the table's ID as
    ResourceId.1 (the part after the colon of tr-...:vtb-...): (the table, its tags as tagsToMap makes them)."""
    table = read(
        client,
        "ListTransitRouterRouteTables",
        "TransitRouterRouteTables",
        RegionId=REGION,
        TransitRouterId=router_id,
        **{"TransitRouterRouteTableIds.1": table_id},
    )
    if table is None:
        return None, {}
    tags = ok(
        api_call(
            client,
            "ListTagResources",
            RegionId=REGION,
            ResourceType="TransitRouterRouteTable",
            **{"ResourceId.1": table_id},
        )
    )["TagResources"]["TagResource"]
    return table, {tag["TagKey"]: tag["TagValue"] for tag in tags}


def test_transit_router_and_attachments_apply_and_destroy(client, access_key, cen_instance, package, later):  # noqa: F811
    """terraform apply then destroy of a router pair, VPC attachments, a peer attachment, a route table
    with a blackhole route and an association, in the provider's order and with its waits."""
    cen = cen_instance.pk

    # alicloud_cen_transit_router (x2; the second in the peer's region, as a second provider would).
    routers = {}
    for region in (REGION, "us-east-1"):
        created = ok(
            api_call(
                client,
                "CreateTransitRouter",
                RegionId=region,
                ClientToken=token(),
                CenId=cen,
                TransitRouterName=f"tf-{region}",
                TransitRouterDescription="terraform",
            )
        )
        routers[region] = created["TransitRouterId"]
        state = read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=routers[region], RegionId=region)
        assert state["Status"] == "Creating"
    later()
    for region, router_id in routers.items():
        state = read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=router_id, RegionId=region)
        assert state["Status"] == "Active"
    ok(
        api_call(
            client,
            "UpdateTransitRouter",
            TransitRouterId=routers[REGION],
            RegionId=REGION,
            ClientToken=token(),
            TransitRouterName="tf-renamed",
        )
    )

    # alicloud_cen_transit_router_vpc_attachment.
    vpc = ok(
        api_call(
            client,
            "CreateTransitRouterVpcAttachment",
            RegionId=REGION,
            ClientToken=token(),
            CenId=cen,
            ChargeType="POSTPAY",
            **{"ZoneMappings.1.VSwitchId": "vsw-tf0001", "ZoneMappings.1.ZoneId": "cn-hangzhou-h"},
            ResourceType="VPC",
            TransitRouterId=routers[REGION],
            TransitRouterAttachmentName="tf-vpc",
            AutoPublishRouteEnabled="false",
            VpcId="vpc-tf0001",
            # route_table_association_enabled = false: the connection is associated with the custom route
            # table below (alicloud_cen_transit_router_route_table_association), not the default one.
            RouteTableAssociationEnabled="false",
        )
    )["TransitRouterAttachmentId"]
    describe_vpc = {"CenId": cen, "TransitRouterAttachmentId": vpc, "RegionId": REGION}
    assert read(client, "ListTransitRouterVpcAttachments", "TransitRouterAttachments", **describe_vpc)["Status"] == (
        "Attaching"
    )
    later(20)
    assert read(client, "ListTransitRouterVpcAttachments", "TransitRouterAttachments", **describe_vpc)["Status"] == (
        "Attached"
    )
    ok(
        api_call(
            client,
            "UpdateTransitRouterVpcAttachmentAttribute",
            TransitRouterAttachmentId=vpc,
            ClientToken=token(),
            TransitRouterAttachmentName="tf-vpc-renamed",
        )
    )

    # alicloud_cen_transit_router_peer_attachment.
    peer = ok(
        api_call(
            client,
            "CreateTransitRouterPeerAttachment",
            RegionId=REGION,
            ClientToken=token(),
            TransitRouterId=routers[REGION],
            PeerTransitRouterId=routers["us-east-1"],
            PeerTransitRouterRegionId="us-east-1",
            AutoPublishRouteEnabled="true",
            Bandwidth="5",
            CenId=cen,
            CenBandwidthPackageId=package.pk,
            BandwidthType="BandwidthPackage",
            TransitRouterAttachmentName="tf-peer",
            DefaultLinkType="Platinum",
        )
    )["TransitRouterAttachmentId"]
    describe_peer = {"TransitRouterAttachmentId": peer, "RegionId": REGION}
    later(40)
    assert read(client, "ListTransitRouterPeerAttachments", "TransitRouterAttachments", **describe_peer)["Status"] == (
        "Attached"
    )
    ok(
        api_call(
            client,
            "UpdateTransitRouterPeerAttachmentAttribute",
            TransitRouterAttachmentId=peer,
            ClientToken=token(),
            Bandwidth="7",
            CenBandwidthPackageId=package.pk,
            BandwidthType="BandwidthPackage",
        )
    )

    # alicloud_cen_transit_router_route_table (no tags, no description): create, wait for Active, Read.
    table = ok(
        api_call(
            client,
            "CreateTransitRouterRouteTable",
            TransitRouterId=routers[REGION],
            TransitRouterRouteTableName="tf-rt",
        )
    )["TransitRouterRouteTableId"]
    later(60)
    state, tags = read_route_table(client, routers[REGION], table)
    assert (state["TransitRouterRouteTableStatus"], tags) == ("Active", {})

    # alicloud_cen_transit_router_route_entry: create, wait for Active, then a new name (Update).
    entry = ok(
        api_call(
            client,
            "CreateTransitRouterRouteEntry",
            TransitRouterRouteEntryDestinationCidrBlock="192.168.10.0/24",
            TransitRouterRouteEntryNextHopType="BlackHole",
            TransitRouterRouteTableId=table,
            ClientToken=token(),
        )
    )["TransitRouterRouteEntryId"]
    describe_entry = {"TransitRouterRouteTableId": table, "TransitRouterRouteEntryIds.1": entry}
    state = read(client, "ListTransitRouterRouteEntries", "TransitRouterRouteEntries", **describe_entry)
    assert (state["TransitRouterRouteEntryId"], state["TransitRouterRouteEntryStatus"]) == (entry, "Active")
    ok(
        api_call(
            client,
            "UpdateTransitRouterRouteEntry",
            TransitRouterRouteEntryId=entry,
            TransitRouterRouteEntryName="tf-blackhole",
            ClientToken=token(),
        )
    )
    state = read(client, "ListTransitRouterRouteEntries", "TransitRouterRouteEntries", **describe_entry)
    assert (state["TransitRouterRouteEntryName"], state["TransitRouterRouteEntryStatus"]) == ("tf-blackhole", "Active")

    # alicloud_cen_transit_router_route_table_association: Associate, wait for Active. The VPC connection
    # was made with RouteTableAssociationEnabled=false, so it has no association to leave first.
    link = {"TransitRouterAttachmentId": vpc, "TransitRouterRouteTableId": table}
    ok(api_call(client, "AssociateTransitRouterAttachmentWithRouteTable", ClientToken=token(), **link))
    state = read(client, "ListTransitRouterRouteTableAssociations", "TransitRouterAssociations", **link)
    assert (state["Status"], state["ResourceId"]) == ("Active", "vpc-tf0001")

    # terraform destroy, in the reverse order of the dependencies, each delete waited until gone.
    ok(api_call(client, "DissociateTransitRouterAttachmentFromRouteTable", ClientToken=token(), **link))
    assert read(client, "ListTransitRouterRouteTableAssociations", "TransitRouterAssociations", **link) is None
    ok(
        api_call(
            client,
            "DeleteTransitRouterRouteEntry",
            TransitRouterRouteEntryId=entry,
            TransitRouterRouteEntryNextHopType="BlackHole",
            ClientToken=token(),
        )
    )
    assert read(client, "ListTransitRouterRouteEntries", "TransitRouterRouteEntries", **describe_entry) is None
    gone = api_call(client, "DeleteTransitRouterRouteEntry", TransitRouterRouteEntryId=entry, ClientToken=token())
    assert gone.body["Code"] == "IllegalParam.TransitRouterRouteEntryId"  # the provider's "already gone"
    ok(api_call(client, "DeleteTransitRouterRouteTable", TransitRouterRouteTableId=table, ClientToken=token()))
    later(80)
    assert read_route_table(client, routers[REGION], table) == (None, {})
    ok(api_call(client, "DeleteTransitRouterPeerAttachment", TransitRouterAttachmentId=peer, ClientToken=token()))
    ok(api_call(client, "DeleteTransitRouterVpcAttachment", TransitRouterAttachmentId=vpc, ClientToken=token()))
    later(100)
    assert read(client, "ListTransitRouterPeerAttachments", "TransitRouterAttachments", **describe_peer) is None
    assert read(client, "ListTransitRouterVpcAttachments", "TransitRouterAttachments", **describe_vpc) is None
    for router_id in routers.values():
        ok(api_call(client, "DeleteTransitRouter", TransitRouterId=router_id, ClientToken=token()))
    later(120)
    for region, router_id in routers.items():
        assert read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=router_id, RegionId=region) is None


def test_route_table_with_tags_applies_refreshes_updates_and_destroys(client, access_key, cen_instance, later):  # noqa: F811
    """alicloud_cen_transit_router_route_table with tags, as the provider sends it: Create, wait for Active,
    Update (SetResourceTags: TagResources), Read (ListTagResources); a refresh with no diff; a new name and
    tags (UntagResources of the keys removed or changed, TagResources of the new map,
    UpdateTransitRouterRouteTable, wait, Read); destroy."""
    router = ok(api_call(client, "CreateTransitRouter", RegionId=REGION, ClientToken=token(), CenId=cen_instance.pk))
    router_id = router["TransitRouterId"]
    later()
    table = ok(
        api_call(
            client,
            "CreateTransitRouterRouteTable",
            TransitRouterId=router_id,
            TransitRouterRouteTableName="tf-rt",
            TransitRouterRouteTableDescription="terraform",
        )
    )["TransitRouterRouteTableId"]
    later(20)
    assert read_route_table(client, router_id, table)[0]["TransitRouterRouteTableStatus"] == "Active"
    tagged = {"RegionId": REGION, "ResourceType": "TransitRouterRouteTable", "ResourceId.1": table}
    ok(api_call(client, "TagResources", **tagged, **{"Tag.1.Key": "team", "Tag.1.Value": "network"}))
    applied = read_route_table(client, router_id, table)
    assert (applied[0]["TransitRouterRouteTableName"], applied[1]) == ("tf-rt", {"team": "network"})

    # terraform plan: the Read again, and nothing differs.
    assert read_route_table(client, router_id, table) == applied

    # tags = { team = "platform", env = "test" } and a new name.
    ok(api_call(client, "UntagResources", **tagged, **{"TagKey.1": "team"}))
    ok(
        api_call(
            client,
            "TagResources",
            **tagged,
            **{"Tag.1.Key": "team", "Tag.1.Value": "platform", "Tag.2.Key": "env", "Tag.2.Value": "test"},
        )
    )
    ok(
        api_call(
            client,
            "UpdateTransitRouterRouteTable",
            TransitRouterRouteTableId=table,
            TransitRouterRouteTableName="tf-rt-2",
        )
    )
    state, tags = read_route_table(client, router_id, table)
    assert (state["TransitRouterRouteTableStatus"], state["TransitRouterRouteTableName"]) == ("Active", "tf-rt-2")
    assert tags == {"team": "platform", "env": "test"}

    ok(api_call(client, "DeleteTransitRouterRouteTable", TransitRouterRouteTableId=table, ClientToken=token()))
    later(40)
    assert read_route_table(client, router_id, table) == (None, {})
