"""A transit router's VBR, VPN and ECR connections, a VPC connection's zones, and the transit router
service through the API: answers with every key of the SDK's response models, the refusals, DryRun,
ClientToken."""

import pytest

from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

KINDS = [
    ("Vbr", "VbrId", "vbr-api0001"),
    ("Vpn", "VpnId", "vco-api0001"),
    ("Ecr", "EcrId", "ecr-api0001"),
]


@pytest.fixture
def router_id(client, access_key, cen_instance, later):  # noqa: F811
    """An Active router of cen_instance in cn-hangzhou."""
    created = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou")
    later()
    return created.body["TransitRouterId"]


def create(client, kind, router_id, **extra):
    resource_param, resource_id = next((param, value) for name, param, value in KINDS if name == kind)
    extra.setdefault(resource_param, resource_id)
    return api_call(client, f"CreateTransitRouter{kind}Attachment", TransitRouterId=router_id, **extra)


@pytest.mark.parametrize(("kind", "resource_param", "resource_id"), KINDS)
def test_connection_lifecycle(client, router_id, later, kind, resource_param, resource_id):  # noqa: F811
    """Create, list (Attaching, then Attached, every key), update, delete (Detaching, then gone) each kind."""
    created = create(client, kind, router_id, TransitRouterAttachmentName="first")
    assert created.status == 200, created.body
    assert mismatches(created.body, sample_answer(f"CreateTransitRouter{kind}Attachment")) == []
    attachment_id = created.body["TransitRouterAttachmentId"]
    listed = api_call(client, f"ListTransitRouter{kind}Attachments", TransitRouterId=router_id)
    assert mismatches(listed.body, sample_answer(f"ListTransitRouter{kind}Attachments")) == []
    (row,) = listed.body["TransitRouterAttachments"]
    assert (row["Status"], row[resource_param], row["ResourceType"]) == ("Attaching", resource_id, kind.upper())
    later(20)
    updated = api_call(
        client,
        f"UpdateTransitRouter{kind}AttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterAttachmentName="renamed",
        OrderType="PayByResourceOwner",
    )
    assert updated.status == 200, updated.body
    (row,) = api_call(client, f"ListTransitRouter{kind}Attachments").body["TransitRouterAttachments"]
    assert (row["Status"], row["TransitRouterAttachmentName"], row["OrderType"]) == (
        "Attached",
        "renamed",
        "PayByResourceOwner",
    )
    deleted = api_call(client, f"DeleteTransitRouter{kind}Attachment", TransitRouterAttachmentId=attachment_id)
    assert deleted.status == 200, deleted.body
    (row,) = api_call(client, f"ListTransitRouter{kind}Attachments").body["TransitRouterAttachments"]
    assert row["Status"] == "Detaching"
    later(40)
    assert api_call(client, f"ListTransitRouter{kind}Attachments").body["TotalCount"] == 0


def test_a_vpn_connection_shows_its_zones_and_charge_type(client, router_id):
    """Zone.N.ZoneId become Zones; ChargeType is POSTPAY."""
    create(client, "Vpn", router_id, ChargeType="POSTPAY", **{"Zone.1.ZoneId": "cn-hangzhou-h"})
    (row,) = api_call(client, "ListTransitRouterVpnAttachments").body["TransitRouterAttachments"]
    assert (row["Zones"], row["ChargeType"], row["VpnRegionId"]) == (
        [{"ZoneId": "cn-hangzhou-h"}],
        "POSTPAY",
        "cn-hangzhou",
    )


def test_the_same_client_token_returns_the_first_connection(client, router_id):
    """A retry with the same ClientToken answers the first connection's ID and makes no second."""
    first = create(client, "Vbr", router_id, ClientToken="retry-1")
    again = create(client, "Vbr", router_id, ClientToken="retry-1")
    assert again.body["TransitRouterAttachmentId"] == first.body["TransitRouterAttachmentId"]
    assert api_call(client, "ListTransitRouterVbrAttachments").body["TotalCount"] == 1


def test_dry_run_creates_nothing(client, router_id):
    """DryRun=true answers DryRunOperation and leaves no connection."""
    answer = create(client, "Ecr", router_id, DryRun="true")
    assert answer.body["Code"] == "DryRunOperation"
    assert api_call(client, "ListTransitRouterEcrAttachments").body["TotalCount"] == 0


def test_a_vbr_connected_twice_is_refused(client, router_id):
    """One connection per VBR: the second answers InvalidOperation.ChildInstanceAlreadyAttached."""
    create(client, "Vbr", router_id)
    again = create(client, "Vbr", router_id)
    assert (again.status, again.body["Code"]) == (409, "InvalidOperation.ChildInstanceAlreadyAttached")


def test_another_accounts_vbr_is_refused(client, router_id):
    """A VbrOwnerId other than the caller's answers Forbbiden.AttachChildInstanceAcrossUid."""
    answer = create(client, "Vbr", router_id, VbrOwnerId="1234567890123456")
    assert (answer.status, answer.body["Code"]) == (409, "Forbbiden.AttachChildInstanceAcrossUid")


def test_a_malformed_vpn_id_is_refused(client, router_id):
    """A VpnId that is not vco-... answers InvalidParameter naming the form."""
    answer = create(client, "Vpn", router_id, VpnId="vpn-gateway0001")
    assert (answer.status, answer.body["Code"]) == (400, "InvalidParameter")
    assert "vco-" in answer.body["Message"]


def test_without_router_or_cen_the_router_is_missing(client, access_key):
    """Neither TransitRouterId nor CenId: MissingTransitRouterId."""
    answer = api_call(client, "CreateTransitRouterEcrAttachment", EcrId="ecr-api0001")
    assert (answer.status, answer.body["Code"]) == (400, "MissingTransitRouterId")


def test_a_cen_and_region_make_the_router(client, access_key, cen_instance):
    """CenId and RegionId without TransitRouterId: the CEN's router of the region, made with the connection."""
    answer = api_call(
        client, "CreateTransitRouterVbrAttachment", CenId=cen_instance.pk, RegionId="us-east-1", VbrId="vbr-us0001"
    )
    assert answer.status == 200, answer.body
    (router,) = api_call(client, "ListTransitRouters", CenId=cen_instance.pk, RegionId="us-east-1").body[
        "TransitRouters"
    ]
    assert (router["RegionId"], router["Status"]) == ("us-east-1", "Creating")


def test_unknown_connection_refused(client, access_key):
    """A connection that is not the caller's answers InvalidTransitRouterAttachmentId.NotFound."""
    answer = api_call(client, "DeleteTransitRouterVpnAttachment", TransitRouterAttachmentId="tr-attach-nothing")
    assert (answer.status, answer.body["Code"]) == (400, "InvalidTransitRouterAttachmentId.NotFound")


def test_an_attaching_connection_refuses_changes(client, router_id):
    """Update of an Attaching connection answers IncorrectStatus.TransitRouterAttachment."""
    attachment_id = create(client, "Vbr", router_id).body["TransitRouterAttachmentId"]
    answer = api_call(
        client,
        "UpdateTransitRouterVbrAttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterAttachmentName="x",
    )
    assert (answer.status, answer.body["Code"]) == (400, "IncorrectStatus.TransitRouterAttachment")


def test_an_ecr_connection_takes_no_route_publishing(client, router_id, later):  # noqa: F811
    """UpdateTransitRouterEcrAttachmentAttribute has no AutoPublishRouteEnabled: refused by name."""
    attachment_id = create(client, "Ecr", router_id).body["TransitRouterAttachmentId"]
    later(20)
    answer = api_call(
        client,
        "UpdateTransitRouterEcrAttachmentAttribute",
        TransitRouterAttachmentId=attachment_id,
        AutoPublishRouteEnabled="true",
    )
    assert answer.body["Code"] == "InvalidParameter" and "AutoPublishRouteEnabled" in answer.body["Message"]


def test_delete_with_a_route_table_link_needs_force(client, router_id, later):  # noqa: F811
    """A VBR connection made associated with the default table: Delete answers
    OperationFailed.RouteTableAssociationExist; Force=true deletes it."""
    attachment_id = create(client, "Vbr", router_id, RouteTableAssociationEnabled="true").body[
        "TransitRouterAttachmentId"
    ]
    later(20)
    refused = api_call(client, "DeleteTransitRouterVbrAttachment", TransitRouterAttachmentId=attachment_id)
    assert (refused.status, refused.body["Code"]) == (400, "OperationFailed.RouteTableAssociationExist")
    forced = api_call(client, "DeleteTransitRouterVbrAttachment", TransitRouterAttachmentId=attachment_id, Force="true")
    assert forced.status == 200, forced.body


def test_route_table_views_name_the_connections_kind(client, router_id, later):  # noqa: F811
    """An association of a VPN connection shows ResourceType VPN and the VPN connection's ID."""
    attachment_id = create(client, "Vpn", router_id).body["TransitRouterAttachmentId"]
    later(20)
    (table,) = api_call(client, "ListTransitRouterRouteTables", TransitRouterId=router_id).body[
        "TransitRouterRouteTables"
    ]
    link = {"TransitRouterRouteTableId": table["TransitRouterRouteTableId"], "TransitRouterAttachmentId": attachment_id}
    assert api_call(client, "AssociateTransitRouterAttachmentWithRouteTable", **link).status == 200
    (association,) = api_call(
        client, "ListTransitRouterRouteTableAssociations", TransitRouterRouteTableId=link["TransitRouterRouteTableId"]
    ).body["TransitRouterAssociations"]
    assert (association["ResourceType"], association["ResourceId"]) == ("VPN", "vco-api0001")


# A VPC connection's zones ------------------------------------------------------------------------


@pytest.fixture
def vpc_attachment_id(client, router_id, later):  # noqa: F811
    """An Attached VPC connection in cn-hangzhou-h."""
    zones = {"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.1.VSwitchId": "vsw-api0001"}
    created = api_call(
        client, "CreateTransitRouterVpcAttachment", TransitRouterId=router_id, VpcId="vpc-api0001", **zones
    )
    later(20)
    return created.body["TransitRouterAttachmentId"]


def test_zones_are_added_and_removed(client, vpc_attachment_id):
    """AddZoneMappings.N and RemoveZoneMappings.N change the connection's ZoneMappings."""
    answer = api_call(
        client,
        "UpdateTransitRouterVpcAttachmentZones",
        TransitRouterAttachmentId=vpc_attachment_id,
        **{
            "AddZoneMappings.1.ZoneId": "cn-hangzhou-i",
            "AddZoneMappings.1.VSwitchId": "vsw-api0002",
            "RemoveZoneMappings.1.ZoneId": "cn-hangzhou-h",
            "RemoveZoneMappings.1.VSwitchId": "vsw-api0001",
        },
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("UpdateTransitRouterVpcAttachmentZones")) == []
    (row,) = api_call(client, "ListTransitRouterVpcAttachments").body["TransitRouterAttachments"]
    assert [zone["ZoneId"] for zone in row["ZoneMappings"]] == ["cn-hangzhou-i"]


def test_removing_the_last_zone_is_refused(client, vpc_attachment_id):
    """A VPC connection keeps a zone: InvalidParameter."""
    answer = api_call(
        client,
        "UpdateTransitRouterVpcAttachmentZones",
        TransitRouterAttachmentId=vpc_attachment_id,
        **{"RemoveZoneMappings.1.ZoneId": "cn-hangzhou-h", "RemoveZoneMappings.1.VSwitchId": "vsw-api0001"},
    )
    assert (answer.status, answer.body["Code"]) == (400, "InvalidParameter")


def test_a_zone_mapping_without_its_vswitch_is_missing(client, vpc_attachment_id):
    """AddZoneMappings.1.ZoneId alone: MissingAddZoneMappings.1.VSwitchId."""
    answer = api_call(
        client,
        "UpdateTransitRouterVpcAttachmentZones",
        TransitRouterAttachmentId=vpc_attachment_id,
        **{"AddZoneMappings.1.ZoneId": "cn-hangzhou-i"},
    )
    assert answer.body["Code"] == "MissingAddZoneMappings.1.VSwitchId"


def test_zone_changes_dry_run_change_nothing(client, vpc_attachment_id):
    """DryRun=true answers DryRunOperation and keeps the zones."""
    answer = api_call(
        client,
        "UpdateTransitRouterVpcAttachmentZones",
        TransitRouterAttachmentId=vpc_attachment_id,
        DryRun="true",
        **{"AddZoneMappings.1.ZoneId": "cn-hangzhou-i", "AddZoneMappings.1.VSwitchId": "vsw-api0002"},
    )
    assert answer.body["Code"] == "DryRunOperation"
    (row,) = api_call(client, "ListTransitRouterVpcAttachments").body["TransitRouterAttachments"]
    assert len(row["ZoneMappings"]) == 1


# The transit router service and its zones -------------------------------------------------------


def test_a_new_account_has_no_service_until_it_opens_it(client, access_key):
    """CheckTransitRouterService answers USER_NOT_OPEN_TR_SERVICE; after Open, Enabled "true"."""
    closed = api_call(client, "CheckTransitRouterService")
    assert (closed.status, closed.body["Code"]) == (400, "USER_NOT_OPEN_TR_SERVICE")
    opened = api_call(client, "OpenTransitRouterService", ClientToken="open-1")
    assert opened.status == 200, opened.body
    assert mismatches(opened.body, sample_answer("OpenTransitRouterService")) == []
    checked = api_call(client, "CheckTransitRouterService")
    assert checked.body["Enabled"] == "true"
    assert mismatches(checked.body, sample_answer("CheckTransitRouterService")) == []


def test_opening_twice_answers_the_first_order(client, access_key):
    """A second Open, with another ClientToken or none, answers the order that opened the service."""
    first = api_call(client, "OpenTransitRouterService", ClientToken="open-1").body["OrderId"]
    assert api_call(client, "OpenTransitRouterService", ClientToken="open-2").body["OrderId"] == first
    assert api_call(client, "OpenTransitRouterService").body["OrderId"] == first


def test_available_resource_lists_the_regions_zones(client, access_key):
    """ListTransitRouterAvailableResource: the region's zones, the first primary and the second secondary."""
    answer = api_call(client, "ListTransitRouterAvailableResource", RegionId="us-east-1")
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("ListTransitRouterAvailableResource")) == []
    assert (answer.body["AvailableZones"], answer.body["MasterZones"], answer.body["SlaveZones"]) == (
        ["us-east-1a", "us-east-1b"],
        ["us-east-1a"],
        ["us-east-1b"],
    )


def test_available_resource_of_an_unknown_region_is_refused(client, access_key):
    """An unknown RegionId answers ParameterIllegal.RegionId."""
    answer = api_call(client, "ListTransitRouterAvailableResource", RegionId="mars-north-1")
    assert answer.body["Code"] == "ParameterIllegal.RegionId"
