"""terraform-provider-alicloud's call sequences for alicloud_cen_transit_router,
_transit_router_vpc_attachment, _transit_router_peer_attachment, _transit_router_route_table,
_route_entry and _route_table_association, replayed with the parameters the provider sends (read from
alicloud/resource_alicloud_cen_transit_router*.go and service_alicloud_cen_v2.go / service_alicloud_cbn.go):
create, wait for the target status by reading the resource back, update, delete, wait until gone."""

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

    # alicloud_cen_transit_router_route_table, _route_entry, _route_table_association.
    table = ok(
        api_call(
            client,
            "CreateTransitRouterRouteTable",
            TransitRouterId=routers[REGION],
            TransitRouterRouteTableName="tf-rt",
        )
    )["TransitRouterRouteTableId"]
    describe_table = {
        "RegionId": REGION,
        "TransitRouterId": routers[REGION],
        "TransitRouterRouteTableIds.1": table,
    }
    later(60)
    state = read(client, "ListTransitRouterRouteTables", "TransitRouterRouteTables", **describe_table)
    assert state["TransitRouterRouteTableStatus"] == "Active"
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
    # The VPC attachment was made associated with the default route table (no RouteTableAssociationEnabled
    # sent): it leaves that association before alicloud_cen_transit_router_route_table_association's
    # AssociateTransitRouterAttachmentWithRouteTable, since a connection has one association per router.
    (default_table,) = ok(
        api_call(
            client,
            "ListTransitRouterRouteTables",
            RegionId=REGION,
            TransitRouterId=routers[REGION],
            TransitRouterRouteTableType="System",
        )
    )["TransitRouterRouteTables"]
    ok(
        api_call(
            client,
            "DissociateTransitRouterAttachmentFromRouteTable",
            TransitRouterAttachmentId=vpc,
            TransitRouterRouteTableId=default_table["TransitRouterRouteTableId"],
            ClientToken=token(),
        )
    )
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
    assert read(client, "ListTransitRouterRouteTables", "TransitRouterRouteTables", **describe_table) is None
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
