"""The transit router actions (CreateTransitRouter ... DeleteTransitRouterVpcAttachment) through the
API: answers with every key of the SDK's response models, statuses on the clock, the refusals."""

import pytest

from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


def create_router(client, cen_id, region="cn-hangzhou", **extra):
    return api_call(client, "CreateTransitRouter", CenId=cen_id, RegionId=region, **extra)


def attach_vpc(client, router_id, vpc_id="vpc-hz0001", **extra):
    zones = {"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.1.VSwitchId": "vsw-hz0001"}
    return api_call(
        client, "CreateTransitRouterVpcAttachment", TransitRouterId=router_id, VpcId=vpc_id, **zones, **extra
    )


def test_create_and_list_a_router_as_the_sdk_models_it(client, access_key, cen_instance, later):  # noqa: F811
    """CreateTransitRouter answers its ID; ListTransitRouters shows it Creating, then Active, with every key."""
    created = create_router(client, cen_instance.pk, TransitRouterName="hz", TransitRouterDescription="east")
    assert created.status == 200, created.body
    assert mismatches(created.body, sample_answer("CreateTransitRouter")) == []
    router_id = created.body["TransitRouterId"]
    listed = api_call(client, "ListTransitRouters", CenId=cen_instance.pk)
    assert mismatches(listed.body, sample_answer("ListTransitRouters")) == []
    (router,) = listed.body["TransitRouters"]
    assert (router["TransitRouterId"], router["Status"], router["TransitRouterName"], router["Type"]) == (
        router_id,
        "Creating",
        "hz",
        "Enterprise",
    )
    later()
    listed = api_call(client, "ListTransitRouters", CenId=cen_instance.pk, TransitRouterId=router_id)
    assert listed.body["TransitRouters"][0]["Status"] == "Active"


def test_a_router_made_with_multicast_lists_it(client, access_key, cen_instance):
    """CreateTransitRouter with SupportMulticast=true (Terraform's support_multicast): the router lists
    SupportMulticast true; one made without it lists false."""
    with_multicast = create_router(client, cen_instance.pk, SupportMulticast="true").body["TransitRouterId"]
    without = create_router(client, cen_instance.pk, region="us-east-1").body["TransitRouterId"]
    listed = {
        router["TransitRouterId"]: router["SupportMulticast"]
        for region in ("cn-hangzhou", "us-east-1")
        for router in api_call(client, "ListTransitRouters", RegionId=region).body["TransitRouters"]
    }
    assert listed == {with_multicast: True, without: False}


def test_second_router_in_a_region_refused(client, access_key, cen_instance):
    """One Enterprise Edition router per region: InstanceExist.TransitRouterInstance."""
    create_router(client, cen_instance.pk)
    again = create_router(client, cen_instance.pk)
    assert (again.status, again.body["Code"]) == (400, "InstanceExist.TransitRouterInstance")


def test_changes_to_a_creating_router_refused(client, access_key, cen_instance):
    """Update and Delete of a Creating router answer IncorrectStatus.TransitRouterInstance."""
    router_id = create_router(client, cen_instance.pk).body["TransitRouterId"]
    for action, extra in (("UpdateTransitRouter", {"TransitRouterName": "x"}), ("DeleteTransitRouter", {})):
        answer = api_call(client, action, TransitRouterId=router_id, **extra)
        assert (answer.status, answer.body["Code"]) == (400, "IncorrectStatus.TransitRouterInstance")


def test_unknown_router_refused(client, access_key, cen_instance):
    """A router that is not the caller's answers InvalidTransitRouterInstance.NotFound."""
    answer = api_call(client, "DeleteTransitRouter", TransitRouterId="tr-00000000000000000000")
    assert (answer.status, answer.body["Code"]) == (400, "InvalidTransitRouterInstance.NotFound")


def test_dry_run_creates_nothing(client, access_key, cen_instance):
    """DryRun=true answers DryRunOperation and leaves no router."""
    answer = create_router(client, cen_instance.pk, DryRun="true")
    assert answer.body["Code"] == "DryRunOperation"
    assert api_call(client, "ListTransitRouters", CenId=cen_instance.pk).body["TotalCount"] == 0


def test_vpc_attachment_lifecycle(client, access_key, cen_instance, later):  # noqa: F811
    """Create, list (Attaching then Attached, every key), update, delete (Detaching, then gone) a VPC connection."""
    router_id = create_router(client, cen_instance.pk).body["TransitRouterId"]
    later()
    created = attach_vpc(client, router_id, TransitRouterAttachmentName="hz-vpc")
    assert created.status == 200, created.body
    assert mismatches(created.body, sample_answer("CreateTransitRouterVpcAttachment")) == []
    attachment_id = created.body["TransitRouterAttachmentId"]
    listed = api_call(client, "ListTransitRouterVpcAttachments", TransitRouterId=router_id)
    assert mismatches(listed.body, sample_answer("ListTransitRouterVpcAttachments")) == []
    (row,) = listed.body["TransitRouterAttachments"]
    assert (row["Status"], row["VpcId"], row["ZoneMappings"][0]["ZoneId"]) == (
        "Attaching",
        "vpc-hz0001",
        "cn-hangzhou-h",
    )
    later(20)
    updated = api_call(
        client,
        "UpdateTransitRouterVpcAttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterAttachmentName="renamed",
    )
    assert updated.status == 200, updated.body
    (row,) = api_call(client, "ListTransitRouterVpcAttachments", CenId=cen_instance.pk).body["TransitRouterAttachments"]
    assert (row["Status"], row["TransitRouterAttachmentName"]) == ("Attached", "renamed")
    refused = api_call(client, "DeleteTransitRouter", TransitRouterId=router_id)
    assert refused.body["Code"] == "InvalidOperation.TransitRouterAttachmentExist"
    deleted = api_call(client, "DeleteTransitRouterVpcAttachment", TransitRouterAttachmentId=attachment_id)
    assert deleted.status == 200, deleted.body
    (row,) = api_call(client, "ListTransitRouterVpcAttachments").body["TransitRouterAttachments"]
    assert row["Status"] == "Detaching"
    later(40)
    assert api_call(client, "ListTransitRouterVpcAttachments").body["TotalCount"] == 0
    assert api_call(client, "DeleteTransitRouter", TransitRouterId=router_id).status == 200


def test_vpc_attachment_needs_zone_mappings(client, access_key, cen_instance, later):  # noqa: F811
    """Without ZoneMappings the request is refused as missing."""
    router_id = create_router(client, cen_instance.pk).body["TransitRouterId"]
    later()
    answer = api_call(client, "CreateTransitRouterVpcAttachment", TransitRouterId=router_id, VpcId="vpc-hz0001")
    assert (answer.status, answer.body["Code"]) == (400, "MissingZoneMappings")


def test_basic_attached_vpc_refused_through_a_router(client, access_key, cen_instance, later):  # noqa: F811
    """A VPC attached with AttachCenChildInstance is refused on a router, and the other way round."""
    api_call(
        client,
        "AttachCenChildInstance",
        CenId=cen_instance.pk,
        ChildInstanceId="vpc-basic0001",
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
    )
    router_id = create_router(client, cen_instance.pk).body["TransitRouterId"]
    later()
    refused = attach_vpc(client, router_id, vpc_id="vpc-basic0001")
    assert (refused.status, refused.body["Code"]) == (409, "InvalidOperation.ChildInstanceAlreadyAttached")
    assert attach_vpc(client, router_id, vpc_id="vpc-tr0001").status == 200
    refused = api_call(
        client,
        "AttachCenChildInstance",
        CenId=cen_instance.pk,
        ChildInstanceId="vpc-tr0001",
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
    )
    assert (refused.status, refused.body["Code"]) == (409, "InvalidOperation.ChildInstanceAlreadyAttached")


def test_peer_attachment_from_the_package_and_over_budget(client, access_key, cen_instance, package, later):  # noqa: F811
    """CreateTransitRouterPeerAttachment of 5 Mbps from a 10 Mbps package; modify to 11 is over budget."""
    hangzhou = create_router(client, cen_instance.pk).body["TransitRouterId"]
    virginia = create_router(client, cen_instance.pk, region="us-east-1").body["TransitRouterId"]
    later()
    created = api_call(
        client,
        "CreateTransitRouterPeerAttachment",
        CenId=cen_instance.pk,
        TransitRouterId=hangzhou,
        PeerTransitRouterId=virginia,
        PeerTransitRouterRegionId="us-east-1",
        BandwidthType="BandwidthPackage",
        CenBandwidthPackageId=package.pk,
        Bandwidth="5",
    )
    assert created.status == 200, created.body
    assert mismatches(created.body, sample_answer("CreateTransitRouterPeerAttachment")) == []
    attachment_id = created.body["TransitRouterAttachmentId"]
    listed = api_call(client, "ListTransitRouterPeerAttachments", CenId=cen_instance.pk)
    assert mismatches(listed.body, sample_answer("ListTransitRouterPeerAttachments")) == []
    (row,) = listed.body["TransitRouterAttachments"]
    assert (row["Bandwidth"], row["CenBandwidthPackageId"], row["GeographicSpanId"], row["Status"]) == (
        5,
        package.pk,
        "china_north-america",
        "Attaching",
    )
    later(20)
    over = api_call(
        client, "UpdateTransitRouterPeerAttachmentAttribute", TransitRouterAttachmentId=attachment_id, Bandwidth="11"
    )
    assert (over.status, over.body["Code"]) == (400, "QuotaExceeded.Bandwidth")
    assert (
        api_call(
            client, "UpdateTransitRouterPeerAttachmentAttribute", TransitRouterAttachmentId=attachment_id, Bandwidth="8"
        ).status
        == 200
    )
    deleted = api_call(client, "DeleteTransitRouterPeerAttachment", TransitRouterAttachmentId=attachment_id)
    assert deleted.status == 200, deleted.body


def create_peer(client, cen_id, wait, **extra):
    """Active routers in Hangzhou and Virginia, then CreateTransitRouterPeerAttachment between them,
    pay-by-data-transfer unless extra says otherwise."""
    hangzhou = create_router(client, cen_id).body["TransitRouterId"]
    virginia = create_router(client, cen_id, region="us-east-1").body["TransitRouterId"]
    wait()
    request = {"BandwidthType": "DataTransfer", "Bandwidth": "5", **extra}
    return api_call(
        client,
        "CreateTransitRouterPeerAttachment",
        CenId=cen_id,
        TransitRouterId=hangzhou,
        PeerTransitRouterId=virginia,
        PeerTransitRouterRegionId="us-east-1",
        **request,
    )


def listed_link_type(client, attachment_id):
    (row,) = api_call(client, "ListTransitRouterPeerAttachments", TransitRouterAttachmentId=attachment_id).body[
        "TransitRouterAttachments"
    ]
    return row["DefaultLinkType"]


def test_peer_attachment_link_type_gold_created_updated_and_listed(client, access_key, cen_instance, later):  # noqa: F811
    """DefaultLinkType=Gold is kept and listed; UpdateTransitRouterPeerAttachmentAttribute makes it Platinum."""
    created = create_peer(client, cen_instance.pk, later, DefaultLinkType="Gold")
    assert created.status == 200, created.body
    attachment_id = created.body["TransitRouterAttachmentId"]
    assert listed_link_type(client, attachment_id) == "Gold"
    later(20)
    updated = api_call(
        client,
        "UpdateTransitRouterPeerAttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        DefaultLinkType="Platinum",
    )
    assert updated.status == 200, updated.body
    assert listed_link_type(client, attachment_id) == "Platinum"


def test_peer_attachment_without_a_link_type_lists_gold(client, access_key, cen_instance, later):  # noqa: F811
    """No DefaultLinkType: Gold, the default the reference gives."""
    created = create_peer(client, cen_instance.pk, later)
    assert listed_link_type(client, created.body["TransitRouterAttachmentId"]) == "Gold"


def test_peer_attachment_unknown_link_type_refused(client, access_key, cen_instance, later):  # noqa: F811
    """DefaultLinkType=Silver: 400 InvalidParameter naming DefaultLinkType, and nothing is created."""
    refused = create_peer(client, cen_instance.pk, later, DefaultLinkType="Silver")
    assert (refused.status, refused.body["Code"]) == (400, "InvalidParameter")
    assert "DefaultLinkType" in refused.body["Message"]
    assert api_call(client, "ListTransitRouterPeerAttachments").body["TransitRouterAttachments"] == []


def test_platinum_with_a_bandwidth_package_refused(client, access_key, cen_instance, package, later):  # noqa: F811
    """Platinum is supported only with DataTransfer: with BandwidthPackage it is 400 InvalidParameter."""
    refused = create_peer(
        client,
        cen_instance.pk,
        later,
        BandwidthType="BandwidthPackage",
        CenBandwidthPackageId=package.pk,
        DefaultLinkType="Platinum",
    )
    assert (refused.status, refused.body["Code"]) == (400, "InvalidParameter")


def test_route_tables_learn_vpc_and_peer_routes(client, access_key, cen_instance, package, later):  # noqa: F811
    """Each router's default route table learns its VPC's CIDR and, over the inter-region connection,
    the other VPC's; static routes, custom tables, associations and propagations as the SDK models them."""
    hangzhou = create_router(client, cen_instance.pk).body["TransitRouterId"]
    virginia = create_router(client, cen_instance.pk, region="us-east-1").body["TransitRouterId"]
    later()
    hz_vpc = attach_vpc(client, hangzhou).body["TransitRouterAttachmentId"]
    zones = {"ZoneMappings.1.ZoneId": "us-east-1a", "ZoneMappings.1.VSwitchId": "vsw-va0001"}
    api_call(client, "CreateTransitRouterVpcAttachment", TransitRouterId=virginia, VpcId="vpc-va0001", **zones)
    peer = api_call(
        client,
        "CreateTransitRouterPeerAttachment",
        TransitRouterId=hangzhou,
        PeerTransitRouterId=virginia,
        CenBandwidthPackageId=package.pk,
        Bandwidth="5",
    ).body["TransitRouterAttachmentId"]
    later(20)
    tables = api_call(client, "ListTransitRouterRouteTables", TransitRouterId=hangzhou).body
    assert mismatches(tables, sample_answer("ListTransitRouterRouteTables")) == []
    (system,) = tables["TransitRouterRouteTables"]
    assert system["TransitRouterRouteTableType"] == "System"
    entries = api_call(
        client, "ListTransitRouterRouteEntries", TransitRouterRouteTableId=system["TransitRouterRouteTableId"]
    ).body
    assert mismatches(entries, sample_answer("ListTransitRouterRouteEntries")) == []
    learned = {
        (e["TransitRouterRouteEntryNextHopId"], e["TransitRouterRouteEntryType"])
        for e in entries["TransitRouterRouteEntries"]
    }
    assert learned == {(hz_vpc, "Propagated"), (peer, "Propagated")}

    static = api_call(
        client,
        "CreateTransitRouterRouteEntry",
        TransitRouterRouteTableId=system["TransitRouterRouteTableId"],
        TransitRouterRouteEntryDestinationCidrBlock="192.168.0.0/24",
        TransitRouterRouteEntryNextHopType="BlackHole",
    )
    assert static.status == 200, static.body
    custom = api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=hangzhou).body[
        "TransitRouterRouteTableId"
    ]
    later(40)
    taken = api_call(
        client,
        "AssociateTransitRouterAttachmentWithRouteTable",
        TransitRouterRouteTableId=custom,
        TransitRouterAttachmentId=hz_vpc,
    )
    assert taken.body["Code"] == "AssociationExist.TransitRouterTable"
    system_id = system["TransitRouterRouteTableId"]
    assert (
        api_call(
            client,
            "DissociateTransitRouterAttachmentFromRouteTable",
            TransitRouterRouteTableId=system_id,
            TransitRouterAttachmentId=hz_vpc,
        ).status
        == 200
    )
    assert (
        api_call(
            client,
            "AssociateTransitRouterAttachmentWithRouteTable",
            TransitRouterRouteTableId=custom,
            TransitRouterAttachmentId=hz_vpc,
        ).status
        == 200
    )
    assert (
        api_call(
            client,
            "EnableTransitRouterRouteTablePropagation",
            TransitRouterRouteTableId=custom,
            TransitRouterAttachmentId=hz_vpc,
        ).status
        == 200
    )
    associations = api_call(client, "ListTransitRouterRouteTableAssociations", TransitRouterRouteTableId=custom).body
    assert mismatches(associations, sample_answer("ListTransitRouterRouteTableAssociations")) == []
    assert [(a["TransitRouterAttachmentId"], a["ResourceType"]) for a in associations["TransitRouterAssociations"]] == [
        (hz_vpc, "VPC")
    ]
    propagations = api_call(client, "ListTransitRouterRouteTablePropagations", TransitRouterRouteTableId=custom).body
    assert mismatches(propagations, sample_answer("ListTransitRouterRouteTablePropagations")) == []
    in_use = api_call(client, "DeleteTransitRouterRouteTable", TransitRouterRouteTableId=custom)
    assert in_use.body["Code"] == "OperationFailed.RouteTableAssociationExist"
    for action in ("DisableTransitRouterRouteTablePropagation", "DissociateTransitRouterAttachmentFromRouteTable"):
        assert (
            api_call(client, action, TransitRouterRouteTableId=custom, TransitRouterAttachmentId=hz_vpc).status == 200
        )
    refused = api_call(client, "DeleteTransitRouter", TransitRouterId=hangzhou)
    assert refused.body["Code"] == "InvalidOperation.TransitRouterAttachmentExist"
    assert api_call(client, "DeleteTransitRouterRouteTable", TransitRouterRouteTableId=custom).status == 200
    assert (
        api_call(
            client, "DeleteTransitRouterRouteEntry", TransitRouterRouteEntryId=static.body["TransitRouterRouteEntryId"]
        ).status
        == 200
    )
