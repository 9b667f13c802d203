"""The route entry actions: a VPC's routes to the CEN instance, published to it and withdrawn, their
conflicts, and a connected VPC's routes to its transit router connection; each answer, the route views
they change, the refusals and DryRun."""

import pytest

from cenconsole.networks import services as network_services
from cenconsole.networks.models import VpcRouteEntry
from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def vpcs(cen_instance):
    """vpc-hz (10.1.0.0/16, Hangzhou) and vpc-va (10.2.0.0/16, Virginia), attached to cen_instance."""
    for vpc_id, region, cidr in (("vpc-hz", "cn-hangzhou", "10.1.0.0/16"), ("vpc-va", "us-east-1", "10.2.0.0/16")):
        network_services.network_instance_attach(
            owner=cen_instance.owner,
            cen_instance_id=cen_instance.pk,
            region_code=region,
            network_id=vpc_id,
            cidr_block=cidr,
        )
    return cen_instance


def hz(cen_instance, destination="192.168.0.0/24", table="ChildInstanceRouteTableId", **extra) -> dict:
    """The parameters naming a route of vpc-hz's table (vtb-hz)."""
    return {
        "CenId": cen_instance.pk,
        "ChildInstanceId": "vpc-hz",
        "ChildInstanceRegionId": "cn-hangzhou",
        "ChildInstanceType": "VPC",
        table: "vtb-hz",
        "DestinationCidrBlock": destination,
        **extra,
    }


def ok(answer) -> dict:
    assert answer.status == 200, answer.body
    return answer.body


def child_routes(client, cen_instance, vpc_id="vpc-hz", region="cn-hangzhou") -> dict:
    body = ok(
        api_call(
            client,
            "DescribeCenChildInstanceRouteEntries",
            CenId=cen_instance.pk,
            ChildInstanceId=vpc_id,
            ChildInstanceRegionId=region,
            ChildInstanceType="VPC",
        )
    )
    return {entry["DestinationCidrBlock"]: entry for entry in body["CenRouteEntries"]["CenRouteEntry"]}


def published(client, cen_instance) -> dict:
    body = ok(
        api_call(
            client,
            "DescribePublishedRouteEntries",
            CenId=cen_instance.pk,
            ChildInstanceId="vpc-hz",
            ChildInstanceRegionId="cn-hangzhou",
            ChildInstanceType="VPC",
        )
    )
    return {entry["DestinationCidrBlock"]: entry for entry in body["PublishedRouteEntries"]["PublishedRouteEntry"]}


def region_domain(client, cen_instance, region="us-east-1") -> dict:
    body = ok(api_call(client, "DescribeCenRegionDomainRouteEntries", CenId=cen_instance.pk, CenRegionId=region))
    return {(e["DestinationCidrBlock"], e["NextHopInstanceId"]): e for e in body["CenRouteEntries"]["CenRouteEntry"]}


# Routes to the CEN instance --------------------------------------------------------------------------


def test_a_route_to_the_cen_shows_in_the_vpcs_table(client, access_key, vpcs):
    """CreateCenChildInstanceRouteEntryToCen answers a RequestId; the VPC's table holds a Custom route to the CEN."""
    body = ok(api_call(client, "CreateCenChildInstanceRouteEntryToCen", **hz(vpcs, "0.0.0.0/0", "RouteTableId")))
    assert set(body) == {"RequestId"}
    entry = child_routes(client, vpcs)["0.0.0.0/0"]
    assert (entry["Type"], entry["NextHopType"], entry["NextHopInstanceId"], entry["PublishStatus"]) == (
        "Custom",
        "CEN",
        vpcs.pk,
        "NonPublished",
    )
    assert "0.0.0.0/0" not in published(client, vpcs)  # never published back to the CEN


def test_a_route_to_the_cen_is_deleted(client, access_key, vpcs):
    """DeleteCenChildInstanceRouteEntryToCen removes it; again: InvalidOperation.NotFoundRoute."""
    route = hz(vpcs, "0.0.0.0/0", "RouteTableId")
    ok(api_call(client, "CreateCenChildInstanceRouteEntryToCen", **route))
    ok(api_call(client, "DeleteCenChildInstanceRouteEntryToCen", **route))
    assert "0.0.0.0/0" not in child_routes(client, vpcs)
    again = api_call(client, "DeleteCenChildInstanceRouteEntryToCen", **route)
    assert (again.status, again.code) == (400, "InvalidOperation.NotFoundRoute")


def test_a_second_route_to_a_destination_is_refused(client, access_key, vpcs):
    """The table has a route to 0.0.0.0/0 already: RouterEntryConflict.Duplicated."""
    route = hz(vpcs, "0.0.0.0/0", "RouteTableId")
    ok(api_call(client, "CreateCenChildInstanceRouteEntryToCen", **route))
    again = api_call(client, "CreateCenChildInstanceRouteEntryToCen", **route)
    assert (again.status, again.code) == (400, "RouterEntryConflict.Duplicated")


def test_a_route_of_a_vpc_not_attached_is_parameter_instance_id(client, access_key, vpcs):
    """ChildInstanceId not attached in that region: ParameterInstanceId."""
    answer = api_call(
        client, "CreateCenChildInstanceRouteEntryToCen", **hz(vpcs, table="RouteTableId", ChildInstanceId="vpc-nothere")
    )
    assert (answer.status, answer.code) == (400, "ParameterInstanceId")


def test_a_route_table_of_another_vpc_is_refused(client, access_key, vpcs):
    """RouteTableId vtb-va for vpc-hz: InvalidParameter naming the VPC's own table."""
    answer = api_call(
        client, "CreateCenChildInstanceRouteEntryToCen", **hz(vpcs, table="RouteTableId", RouteTableId="vtb-va")
    )
    assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert "vtb-hz" in answer.body["Message"]


def test_another_accounts_vpc_owner_or_a_vbr_is_refused(client, access_key, vpcs):
    """ChildInstanceAliUid of another account, or ChildInstanceType VBR: InvalidParameter, nothing added."""
    for extra in ({"ChildInstanceAliUid": "1234567890123456"}, {"ChildInstanceType": "VBR"}):
        answer = api_call(client, "CreateCenChildInstanceRouteEntryToCen", **hz(vpcs, table="RouteTableId", **extra))
        assert (answer.status, answer.code) == (400, "InvalidParameter")
    assert not VpcRouteEntry.objects.exists()


def test_a_destination_inside_the_vpc_is_refused(client, access_key, vpcs):
    """10.1.2.0/24 lies in vpc-hz's own block: InvalidParameter."""
    answer = api_call(client, "CreateCenChildInstanceRouteEntryToCen", **hz(vpcs, "10.1.2.0/24", "RouteTableId"))
    assert (answer.status, answer.code) == (400, "InvalidParameter")


# Publishing and withdrawing ---------------------------------------------------------------------------


def test_a_published_route_is_published_and_learned_by_the_other_regions(client, access_key, vpcs):
    """PublishRouteEntries: Published in the VPC's published routes, Custom in Virginia's region domain,
    learned (CEN) in vpc-va's table."""
    assert set(ok(api_call(client, "PublishRouteEntries", **hz(vpcs)))) == {"RequestId"}
    mine = published(client, vpcs)["192.168.0.0/24"]
    assert (mine["RouteType"], mine["PublishStatus"], mine["OperationalMode"], mine["NextHopType"]) == (
        "Custom",
        "Published",
        True,
        "Instance",
    )
    learned = region_domain(client, vpcs)[("192.168.0.0/24", "vpc-hz")]
    assert (learned["Type"], learned["NextHopRegionId"], learned["Status"]) == ("Custom", "cn-hangzhou", "Active")
    theirs = child_routes(client, vpcs, "vpc-va", "us-east-1")["192.168.0.0/24"]
    assert (theirs["Type"], theirs["NextHopInstanceId"]) == ("CEN", "vpc-hz")


def test_a_withdrawn_route_is_no_longer_learned(client, access_key, vpcs):
    """WithdrawPublishedRouteEntries: NonPublished in the VPC's routes, gone from the region domains."""
    ok(api_call(client, "PublishRouteEntries", **hz(vpcs)))
    assert set(ok(api_call(client, "WithdrawPublishedRouteEntries", **hz(vpcs)))) == {"RequestId"}
    assert published(client, vpcs)["192.168.0.0/24"]["PublishStatus"] == "NonPublished"
    assert ("192.168.0.0/24", "vpc-hz") not in region_domain(client, vpcs)


def test_withdrawing_a_route_not_published_is_not_found_route(client, access_key, vpcs):
    """What Terraform's provider reads as "already withdrawn": InvalidOperation.NotFoundRoute."""
    answer = api_call(client, "WithdrawPublishedRouteEntries", **hz(vpcs))
    assert (answer.status, answer.code) == (400, "InvalidOperation.NotFoundRoute")


def test_the_system_route_cannot_be_withdrawn(client, access_key, vpcs):
    """vpc-hz's own block: OperationUnsupported.SystemRoute; publishing it changes nothing."""
    ok(api_call(client, "PublishRouteEntries", **hz(vpcs, "10.1.0.0/16")))
    answer = api_call(client, "WithdrawPublishedRouteEntries", **hz(vpcs, "10.1.0.0/16"))
    assert (answer.status, answer.code) == (400, "OperationUnsupported.SystemRoute")
    assert published(client, vpcs)["10.1.0.0/16"]["RouteType"] == "System"


def test_a_route_to_the_cen_cannot_be_published(client, access_key, vpcs):
    """A route whose next hop is the CEN instance: InvalidOperation.RouteNotPublishable."""
    ok(api_call(client, "CreateCenChildInstanceRouteEntryToCen", **hz(vpcs, "0.0.0.0/0", "RouteTableId")))
    answer = api_call(client, "PublishRouteEntries", **hz(vpcs, "0.0.0.0/0"))
    assert (answer.status, answer.code) == (400, "InvalidOperation.RouteNotPublishable")


# Conflicts --------------------------------------------------------------------------------------------


def conflicts(client, **extra):
    parameters = {
        "ChildInstanceId": "vpc-hz",
        "ChildInstanceRegionId": "cn-hangzhou",
        "ChildInstanceRouteTableId": "vtb-hz",
        "ChildInstanceType": "VPC",
        **extra,
    }
    return api_call(client, "DescribeRouteConflict", **parameters)


def test_route_conflicts_name_the_other_vpcs_route(client, access_key, vpcs):
    """vpc-va publishes a route to vpc-hz's block: vpc-hz's conflicts list it, Status conflict."""
    route = {**hz(vpcs, "10.1.0.0/16"), "ChildInstanceId": "vpc-va", "ChildInstanceRegionId": "us-east-1"}
    ok(api_call(client, "PublishRouteEntries", **{**route, "ChildInstanceRouteTableId": "vtb-va"}))
    body = ok(conflicts(client))
    assert (body["TotalCount"], body["PageNumber"], body["PageSize"]) == (1, 1, 10)
    assert body["RouteConflicts"]["RouteConflict"] == [
        {
            "DestinationCidrBlock": "10.1.0.0/16",
            "InstanceId": "vpc-va",
            "InstanceType": "VPC",
            "RegionId": "us-east-1",
            "Status": "conflict",
        }
    ]
    assert ok(conflicts(client, DestinationCidrBlock="10.9.0.0/16"))["RouteConflicts"]["RouteConflict"] == []


def test_route_conflicts_of_an_unknown_vpc_or_table_are_refused(client, access_key, vpcs):
    """A VPC not attached: ParameterInstanceId; another table: InvalidParameter."""
    assert conflicts(client, ChildInstanceId="vpc-nothere").code == "ParameterInstanceId"
    assert conflicts(client, ChildInstanceRouteTableId="vtb-va").code == "InvalidParameter"


# Routes to a transit router connection ------------------------------------------------------------------


@pytest.fixture
def connection(cen_instance, later):  # noqa: F811
    """vpc-tr0001 connected to an Active router of cen_instance in Hangzhou, Attached."""
    router = transit_services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    later()
    attachment = transit_services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-tr0001", zone_mappings=ZONES[:1]
    )
    later(20)
    return attachment


def to_attachment(attachment, destination="0.0.0.0/0", **extra) -> dict:
    return {
        "CenId": attachment.transit_router.cen_instance_id,
        "RouteTableId": "vtb-tr0001",
        "TransitRouterAttachmentId": attachment.pk,
        "DestinationCidrBlock": destination,
        **extra,
    }


def listed(client, attachment, **extra) -> dict:
    return ok(
        api_call(
            client,
            "ListCenChildInstanceRouteEntriesToAttachment",
            ChildInstanceRouteTableId="vtb-tr0001",
            TransitRouterAttachmentId=attachment.pk,
            **extra,
        )
    )


def test_a_route_to_the_connection_is_pending_then_available(client, access_key, connection, later):  # noqa: F811
    """Create answers a RequestId; the list shows the route Pending, then Available, with exactly the model's keys."""
    body = ok(api_call(client, "CreateCenChildInstanceRouteEntryToAttachment", **to_attachment(connection)))
    assert set(body) == {"RequestId"}
    answer = listed(client, connection)
    assert set(answer) == {"RequestId", "RouteEntry", "NextToken"}
    (entry,) = answer["RouteEntry"]
    assert entry == {
        "CenId": connection.transit_router.cen_instance_id,
        "ChildInstanceRouteTableId": "vtb-tr0001",
        "DestinationCidrBlock": "0.0.0.0/0",
        "ServiceType": "",
        "Status": "Pending",
        "TransitRouterAttachmentId": connection.pk,
    }
    later(40)
    assert listed(client, connection)["RouteEntry"][0]["Status"] == "Available"


def test_the_same_client_token_adds_the_route_once(client, access_key, connection):
    """A retry with the same ClientToken answers again and adds nothing."""
    for _ in range(2):
        ok(
            api_call(
                client, "CreateCenChildInstanceRouteEntryToAttachment", **to_attachment(connection, ClientToken="t-1")
            )
        )
    assert VpcRouteEntry.objects.count() == 1


def test_a_dry_run_adds_nothing(client, access_key, connection):
    """DryRun=true: DryRunOperation, no route; a refusal is still the answer."""
    answer = api_call(
        client, "CreateCenChildInstanceRouteEntryToAttachment", **to_attachment(connection, DryRun="true")
    )
    assert answer.code == "DryRunOperation"
    assert not VpcRouteEntry.objects.exists()
    bad = to_attachment(connection, DryRun="true", RouteTableId="vtb-other")
    assert api_call(client, "CreateCenChildInstanceRouteEntryToAttachment", **bad).code == "InvalidParameter"


def test_the_list_filters_by_destination_and_pages_with_next_token(client, access_key, connection):
    """RouteFilter prefix-exact-match picks destinations; MaxResults and NextToken page."""
    for destination in ("0.0.0.0/0", "192.168.0.0/16", "172.16.0.0/12"):
        ok(api_call(client, "CreateCenChildInstanceRouteEntryToAttachment", **to_attachment(connection, destination)))
    picked = listed(
        client, connection, **{"RouteFilter.1.Key": "prefix-exact-match", "RouteFilter.1.Value.1": "192.168.0.0/16"}
    )
    assert [e["DestinationCidrBlock"] for e in picked["RouteEntry"]] == ["192.168.0.0/16"]
    first = listed(client, connection, MaxResults="2")
    rest = listed(client, connection, MaxResults="2", NextToken=first["NextToken"])
    assert [len(first["RouteEntry"]), len(rest["RouteEntry"]), rest["NextToken"]] == [2, 1, ""]
    bad = api_call(
        client,
        "ListCenChildInstanceRouteEntriesToAttachment",
        ChildInstanceRouteTableId="vtb-tr0001",
        TransitRouterAttachmentId=connection.pk,
        **{"RouteFilter.1.Key": "longest-match", "RouteFilter.1.Value.1": "0.0.0.0/0"},
    )
    assert bad.code == "InvalidParameter"


def test_an_unknown_connection_is_refused(client, access_key, connection):
    """Create: InvalidTransitRouterAttachmentId.NotFound; List: ResourceNotFound.TransitRouterAttachment."""
    create = api_call(
        client,
        "CreateCenChildInstanceRouteEntryToAttachment",
        **to_attachment(connection, TransitRouterAttachmentId="tr-attach-no"),
    )
    assert create.code == "InvalidTransitRouterAttachmentId.NotFound"
    gone = api_call(
        client,
        "ListCenChildInstanceRouteEntriesToAttachment",
        ChildInstanceRouteTableId="vtb-tr0001",
        TransitRouterAttachmentId="tr-attach-no",
    )
    assert (gone.status, gone.code) == (400, "ResourceNotFound.TransitRouterAttachment")


def test_a_route_to_the_connection_is_deleted(client, access_key, connection, later):  # noqa: F811
    """Delete (once Available): the list is empty; DryRun deletes nothing; again: InvalidOperation.NotFoundRoute."""
    ok(api_call(client, "CreateCenChildInstanceRouteEntryToAttachment", **to_attachment(connection)))
    later(40)
    dry = api_call(client, "DeleteCenChildInstanceRouteEntryToAttachment", **to_attachment(connection, DryRun="true"))
    assert dry.code == "DryRunOperation" and VpcRouteEntry.objects.exists()
    ok(api_call(client, "DeleteCenChildInstanceRouteEntryToAttachment", **to_attachment(connection, ClientToken="t")))
    assert listed(client, connection)["RouteEntry"] == []
    again = api_call(client, "DeleteCenChildInstanceRouteEntryToAttachment", **to_attachment(connection))
    assert again.code == "InvalidOperation.NotFoundRoute"
