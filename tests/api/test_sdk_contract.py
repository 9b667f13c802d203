"""The contract with Alibaba Cloud's current SDK (alibabacloud-cbn20170912): every action the replica
answers, called through the SDK's own client against the live server, answers every key of the SDK's
response model with the model's JSON type (tests/api/sdk_models.py reads the models). An action added
to api.actions.ACTIONS without a step here or in its group's module of tests/api/contract/ fails the
first test."""

import re
from datetime import timedelta

import pytest
from alibabacloud_cbn20170912 import models

from cenconsole.api.actions import ACTIONS
from cenconsole.core import clock
from tests.api import contract
from tests.api.sdk_models import mismatches, sample_answer

pytestmark = pytest.mark.django_db(transaction=True)

# Always refused by design (a package is deleted only through a ticket): its refusal is checked instead.
REFUSED_BY_DESIGN = {"DeleteCenBandwidthPackage"}


def in_a_week() -> str:
    return (clock.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%MZ")


def method_name(action: str) -> str:
    """The SDK client's method for an action: DescribeCens -> describe_cens (a VSwitch is one word:
    ListTransitRouterMulticastDomainVSwitches -> list_transit_router_multicast_domain_vswitches)."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", action.replace("VSwitch", "Vswitch")).lower()


def record(state: dict, action: str, answer: dict) -> None:
    """What later steps read: each top-level ID an answer names (CenId, TransitRouterId, ...), listed
    under its key in the order first seen, and each action's last answer (for an ID only a list names)."""
    for key, value in answer.items():
        if key.endswith("Id") and key != "RequestId" and isinstance(value, str) and value:
            seen = state.setdefault(key, [])
            if value not in seen:
                seen.append(value)
    state.setdefault("answers", {})[action] = answer


def steps(state):
    """(action, request) in an order that builds what the next step needs; state holds the ids."""
    cen = lambda: state["CenId"][0]  # noqa: E731
    package = lambda: state["CenBandwidthPackageId"][0]  # noqa: E731
    child = dict(child_instance_id="vpc-contract0001", child_instance_region_id="cn-hangzhou")
    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract", description="every field")),
        ("ModifyCenAttribute", lambda: models.ModifyCenAttributeRequest(cen_id=cen(), name="contract-2")),
        (
            "TagResources",
            lambda: models.TagResourcesRequest(
                resource_type="cen", resource_id=[cen()], tag=[models.TagResourcesRequestTag(key="k", value="v")]
            ),
        ),
        ("ListTagResources", lambda: models.ListTagResourcesRequest(resource_type="cen", resource_id=[cen()])),
        (
            "UntagResources",
            lambda: models.UntagResourcesRequest(resource_type="cen", resource_id=[cen()], tag_key=["k"]),
        ),
        (
            "AttachCenChildInstance",
            lambda: models.AttachCenChildInstanceRequest(cen_id=cen(), child_instance_type="VPC", **child),
        ),
        (
            "AttachCenChildInstance",
            lambda: models.AttachCenChildInstanceRequest(
                cen_id=cen(),
                child_instance_id="vpc-contract0002",
                child_instance_region_id="us-east-1",
                child_instance_type="VPC",
            ),
        ),
        ("DescribeCenAttachedChildInstances", lambda: models.DescribeCenAttachedChildInstancesRequest(cen_id=cen())),
        (
            "DescribeCenAttachedChildInstanceAttribute",
            lambda: models.DescribeCenAttachedChildInstanceAttributeRequest(
                cen_id=cen(), child_instance_type="VPC", **child
            ),
        ),
        ("DescribeChildInstanceRegions", lambda: models.DescribeChildInstanceRegionsRequest(product_type="VPC")),
        (
            "CreateCenBandwidthPackage",
            lambda: models.CreateCenBandwidthPackageRequest(
                geographic_region_aid="China",
                geographic_region_bid="North-America",
                bandwidth=10,
                period=1,
                pricing_cycle="Month",
                name="contract-bwp",
            ),
        ),
        (
            "AssociateCenBandwidthPackage",
            lambda: models.AssociateCenBandwidthPackageRequest(cen_id=cen(), cen_bandwidth_package_id=package()),
        ),
        ("DescribeCens", lambda: models.DescribeCensRequest()),
        (
            "DescribeCenBandwidthPackages",
            lambda: models.DescribeCenBandwidthPackagesRequest(include_reservation_data=True),
        ),
        (
            "ModifyCenBandwidthPackageAttribute",
            lambda: models.ModifyCenBandwidthPackageAttributeRequest(cen_bandwidth_package_id=package(), name="bwp-2"),
        ),
        (
            "ModifyCenBandwidthPackageSpec",
            lambda: models.ModifyCenBandwidthPackageSpecRequest(cen_bandwidth_package_id=package(), bandwidth=12),
        ),
        (
            "SetCenInterRegionBandwidthLimit",
            lambda: models.SetCenInterRegionBandwidthLimitRequest(
                cen_id=cen(), local_region_id="cn-hangzhou", opposite_region_id="us-east-1", bandwidth_limit=3
            ),
        ),
        (
            "TempUpgradeCenBandwidthPackageSpec",
            lambda: models.TempUpgradeCenBandwidthPackageSpecRequest(
                cen_bandwidth_package_id=package(), bandwidth=20, end_time=in_a_week()
            ),
        ),
        (
            "DescribeCenBandwidthPackages",
            lambda: models.DescribeCenBandwidthPackagesRequest(include_reservation_data=True),
        ),
        (
            "DescribeCenInterRegionBandwidthLimits",
            lambda: models.DescribeCenInterRegionBandwidthLimitsRequest(cen_id=cen()),
        ),
        (
            "DescribeCenRegionDomainRouteEntries",
            lambda: models.DescribeCenRegionDomainRouteEntriesRequest(cen_id=cen(), cen_region_id="us-east-1"),
        ),
        (
            "DescribePublishedRouteEntries",
            lambda: models.DescribePublishedRouteEntriesRequest(cen_id=cen(), child_instance_type="VPC", **child),
        ),
        (
            "DescribeCenChildInstanceRouteEntries",
            lambda: models.DescribeCenChildInstanceRouteEntriesRequest(
                cen_id=cen(), child_instance_type="VPC", **child
            ),
        ),
        (
            "DescribeGeographicRegionMembership",
            lambda: models.DescribeGeographicRegionMembershipRequest(geographic_region_id="China"),
        ),
        ("DescribeCenGeographicSpans", lambda: models.DescribeCenGeographicSpansRequest()),
        (
            "DescribeCenGeographicSpanRemainingBandwidth",
            lambda: models.DescribeCenGeographicSpanRemainingBandwidthRequest(
                cen_id=cen(), geographic_region_aid="China", geographic_region_bid="North-America"
            ),
        ),
        *transit_steps(state, cen, package),
        (
            "MoveResourceGroup",
            lambda: models.MoveResourceGroupRequest(
                resource_id=cen(), resource_type="cen", new_resource_group_id="rg-contract0001"
            ),
        ),
        (
            "SetCenInterRegionBandwidthLimit",
            lambda: models.SetCenInterRegionBandwidthLimitRequest(
                cen_id=cen(), local_region_id="cn-hangzhou", opposite_region_id="us-east-1", bandwidth_limit=0
            ),
        ),
        (
            "UnassociateCenBandwidthPackage",
            lambda: models.UnassociateCenBandwidthPackageRequest(cen_id=cen(), cen_bandwidth_package_id=package()),
        ),
        (
            "DetachCenChildInstance",
            lambda: models.DetachCenChildInstanceRequest(cen_id=cen(), child_instance_type="VPC", **child),
        ),
        (
            "DetachCenChildInstance",
            lambda: models.DetachCenChildInstanceRequest(
                cen_id=cen(),
                child_instance_id="vpc-contract0002",
                child_instance_region_id="us-east-1",
                child_instance_type="VPC",
            ),
        ),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]


def transit_steps(state, cen, package):
    """Enterprise Edition on the CEN and its package (China <-> North America): routers in cn-hangzhou
    and us-east-1, a VPC connected to each, an inter-region connection from the package, a custom route
    table with a static route (both renamed) and a tag, an association moved onto it (Replace) and a
    propagation, then all removed. The routers are made with a ClientToken and Tag.N, as Terraform does."""
    router = lambda n: lambda: state["TransitRouterId"][n]  # noqa: E731
    hangzhou, virginia = router(0), router(1)
    attachment = lambda n: lambda: state["TransitRouterAttachmentId"][n]  # noqa: E731
    hangzhou_vpc, virginia_vpc, peer = attachment(0), attachment(1), attachment(2)
    custom = lambda: state["TransitRouterRouteTableId"][0]  # noqa: E731
    entry = lambda: state["TransitRouterRouteEntryId"][0]  # noqa: E731

    def system():
        """Hangzhou's default route table: only ListTransitRouterRouteTables names it."""
        tables = state["answers"]["ListTransitRouterRouteTables"]["TransitRouterRouteTables"]
        return next(t["TransitRouterRouteTableId"] for t in tables if t["TransitRouterRouteTableType"] == "System")

    def vpc(router_id, vpc_id, zone):
        return lambda: models.CreateTransitRouterVpcAttachmentRequest(
            cen_id=cen(),
            transit_router_id=router_id(),
            vpc_id=vpc_id,
            transit_router_attachment_name=f"contract-{vpc_id[4:]}",
            # A map parameter (the SDK sends it as one JSON string); the list answers it back as an object.
            transit_router_vpcattachment_options={"ipv6Support": "enable"},
            zone_mappings=[
                models.CreateTransitRouterVpcAttachmentRequestZoneMappings(
                    zone_id=zone, v_switch_id=f"vsw-{vpc_id[4:]}"
                )
            ],
        )

    def link(request, table, attachment_id):
        return lambda: request(transit_router_route_table_id=table(), transit_router_attachment_id=attachment_id())

    return [
        *(
            (
                "CreateTransitRouter",
                lambda region=region: models.CreateTransitRouterRequest(
                    cen_id=cen(),
                    region_id=region,
                    transit_router_name=f"contract-{region}",
                    client_token=f"contract-{region}",
                    tag=[models.CreateTransitRouterRequestTag(key="team", value="contract")],
                ),
            )
            for region in ("cn-hangzhou", "us-east-1")
        ),
        ("ListTransitRouters", lambda: models.ListTransitRoutersRequest(cen_id=cen())),
        (
            "UpdateTransitRouter",
            lambda: models.UpdateTransitRouterRequest(
                transit_router_id=hangzhou(), transit_router_name="contract-hz", transit_router_description="east"
            ),
        ),
        ("CreateTransitRouterVpcAttachment", vpc(hangzhou, "vpc-contract0003", "cn-hangzhou-h")),
        ("CreateTransitRouterVpcAttachment", vpc(virginia, "vpc-contract0004", "us-east-1a")),
        ("ListTransitRouterVpcAttachments", lambda: models.ListTransitRouterVpcAttachmentsRequest(cen_id=cen())),
        (
            "UpdateTransitRouterVpcAttachmentAttribute",
            lambda: models.UpdateTransitRouterVpcAttachmentAttributeRequest(
                transit_router_attachment_id=hangzhou_vpc(),
                transit_router_attachment_name="contract-hz-vpc",
                transit_router_vpcattachment_options={"ipv6Support": "disable"},
            ),
        ),
        (
            "CreateTransitRouterPeerAttachment",
            lambda: models.CreateTransitRouterPeerAttachmentRequest(
                cen_id=cen(),
                transit_router_id=hangzhou(),
                peer_transit_router_id=virginia(),
                peer_transit_router_region_id="us-east-1",
                bandwidth_type="BandwidthPackage",
                cen_bandwidth_package_id=package(),
                bandwidth=5,
                transit_router_attachment_name="contract-peer",
            ),
        ),
        ("ListTransitRouterPeerAttachments", lambda: models.ListTransitRouterPeerAttachmentsRequest(cen_id=cen())),
        (
            "UpdateTransitRouterPeerAttachmentAttribute",
            lambda: models.UpdateTransitRouterPeerAttachmentAttributeRequest(
                transit_router_attachment_id=peer(), bandwidth=6
            ),
        ),
        (
            "ListTransitRouterRouteTables",
            lambda: models.ListTransitRouterRouteTablesRequest(transit_router_id=hangzhou()),
        ),
        (
            "CreateTransitRouterRouteTable",
            lambda: models.CreateTransitRouterRouteTableRequest(
                transit_router_id=hangzhou(), transit_router_route_table_name="contract-custom"
            ),
        ),
        (
            "CreateTransitRouterRouteEntry",
            lambda: models.CreateTransitRouterRouteEntryRequest(
                transit_router_route_table_id=custom(),
                transit_router_route_entry_destination_cidr_block="192.168.0.0/24",
                transit_router_route_entry_next_hop_type="Attachment",
                transit_router_route_entry_next_hop_id=hangzhou_vpc(),
                transit_router_route_entry_name="contract-route",
            ),
        ),
        (
            "TagResources",
            lambda: models.TagResourcesRequest(
                resource_type="TransitRouterRouteTable",
                resource_id=[custom()],
                tag=[models.TagResourcesRequestTag(key="team", value="contract")],
            ),
        ),
        (
            "ListTagResources",
            lambda: models.ListTagResourcesRequest(resource_type="TransitRouterRouteTable", resource_id=[custom()]),
        ),
        (
            "UpdateTransitRouterRouteTable",
            lambda: models.UpdateTransitRouterRouteTableRequest(
                transit_router_route_table_id=custom(),
                transit_router_route_table_name="contract-custom-2",
                transit_router_route_table_description="renamed",
                route_table_options=models.UpdateTransitRouterRouteTableRequestRouteTableOptions(
                    multi_region_ecmp="disable"
                ),
            ),
        ),
        (
            "UpdateTransitRouterRouteEntry",
            lambda: models.UpdateTransitRouterRouteEntryRequest(
                transit_router_route_entry_id=entry(), transit_router_route_entry_name="contract-route-2"
            ),
        ),
        # A connection has one association per router: moved from the default table to the custom one.
        (
            "ReplaceTransitRouterRouteTableAssociation",
            link(models.ReplaceTransitRouterRouteTableAssociationRequest, custom, hangzhou_vpc),
        ),
        (
            "EnableTransitRouterRouteTablePropagation",
            link(models.EnableTransitRouterRouteTablePropagationRequest, custom, peer),
        ),
        (
            "ListTransitRouterRouteTables",
            lambda: models.ListTransitRouterRouteTablesRequest(transit_router_id=hangzhou()),
        ),
        (
            "ListTransitRouterRouteEntries",
            lambda: models.ListTransitRouterRouteEntriesRequest(transit_router_route_table_id=custom()),
        ),
        (
            "ListTransitRouterRouteTableAssociations",
            lambda: models.ListTransitRouterRouteTableAssociationsRequest(transit_router_route_table_id=custom()),
        ),
        (
            "ListTransitRouterRouteTablePropagations",
            lambda: models.ListTransitRouterRouteTablePropagationsRequest(transit_router_route_table_id=custom()),
        ),
        (
            "DisableTransitRouterRouteTablePropagation",
            link(models.DisableTransitRouterRouteTablePropagationRequest, custom, peer),
        ),
        (
            "DissociateTransitRouterAttachmentFromRouteTable",
            link(models.DissociateTransitRouterAttachmentFromRouteTableRequest, custom, hangzhou_vpc),
        ),
        # ... and back to the default table, which it leaves with the connection.
        (
            "AssociateTransitRouterAttachmentWithRouteTable",
            link(models.AssociateTransitRouterAttachmentWithRouteTableRequest, system, hangzhou_vpc),
        ),
        (
            "DeleteTransitRouterRouteEntry",
            lambda: models.DeleteTransitRouterRouteEntryRequest(transit_router_route_entry_id=entry()),
        ),
        (
            "DeleteTransitRouterRouteTable",
            lambda: models.DeleteTransitRouterRouteTableRequest(transit_router_route_table_id=custom()),
        ),
        (
            "DeleteTransitRouterPeerAttachment",
            lambda: models.DeleteTransitRouterPeerAttachmentRequest(transit_router_attachment_id=peer()),
        ),
        *(
            (
                "DeleteTransitRouterVpcAttachment",
                lambda each=each: models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=each()),
            )
            for each in (hangzhou_vpc, virginia_vpc)
        ),
        *(
            (
                "DeleteTransitRouter",
                lambda each=each: models.DeleteTransitRouterRequest(transit_router_id=each()),
            )
            for each in (hangzhou, virginia)
        ),
    ]


def test_every_answered_action_has_a_contract_step():
    """Every action in ACTIONS is called below (or refused by design), so none escapes the contract."""
    called = {action for group_steps in all_steps() for action, _ in group_steps({})}
    assert set(ACTIONS) - called - REFUSED_BY_DESIGN == set()


def all_steps():
    """The Basic and transit steps, then each group's of tests/api/contract, each run on a state of its own."""
    return [steps, *(group.steps for group in contract.GROUPS)]


def raw_answers(client) -> list[dict]:
    """The bodies the server answers the SDK's client, in order, as JSON (before the SDK reads them
    into its models, which keep only the keys they know)."""
    bodies = []
    call_api = client.call_api

    def recording(*args, **kwargs):
        response = call_api(*args, **kwargs)
        bodies.append(response["body"])
        return response

    client.call_api = recording
    return bodies


@pytest.fixture
def _instant_transitions(settings):
    """Routers and connections Active / Attached (and gone once deleted) as soon as they are made: the
    live server runs in this process, so each next step finds the status it needs without waiting."""
    settings.TRANSIT_TRANSITION_SECONDS = 0


def test_every_answer_has_every_key_of_the_sdks_model_with_its_type(sdk_v3, _instant_transitions):
    """Each action through alibabacloud-cbn20170912: no key of its response model missing, none of another type."""
    problems = {}
    raw = raw_answers(sdk_v3.client)
    for group_steps in all_steps():
        state = {}
        for action, request in group_steps(state):
            getattr(sdk_v3.client, method_name(action))(request())
            answer = raw[-1]  # as the server wrote it: the SDK's model would drop a key it does not know
            found = mismatches(answer, sample_answer(action))
            if found:
                problems.setdefault(action, []).extend(found)
            record(state, action, answer)
    assert problems == {}


def test_the_refused_by_design_action_answers_the_error_shape(sdk_v3, package):
    """DeleteCenBandwidthPackage: the SDK raises the real API's Forbidden.Release (403) with a RequestId."""
    refusal = sdk_v3.refusal(
        "delete_cen_bandwidth_package", models.DeleteCenBandwidthPackageRequest(cen_bandwidth_package_id=package.pk)
    )
    assert (refusal.code, refusal.data["statusCode"]) == ("Forbidden.Release", 403)
    assert refusal.data["RequestId"]


def test_a_missing_key_is_a_mismatch():
    """The contract check names a key of the model the answer lacks."""
    sample = sample_answer("DescribeCens")
    answer = {**sample, "Cens": {"Cen": [{k: v for k, v in sample["Cens"]["Cen"][0].items() if k != "Ipv6Level"}]}}
    assert mismatches(answer, sample) == [".Cens.Cen[0].Ipv6Level: missing"]


def test_a_value_of_another_json_type_is_a_mismatch():
    """An integer where the model has a string (or the reverse) is named with what was found."""
    sample = sample_answer("DescribeCenAttachedChildInstanceAttribute")
    answer = {**sample, "ChildInstanceOwnerId": "1", "CenId": 7}
    assert sorted(mismatches(answer, sample)) == [
        ".CenId: string expected, integer found (7)",
        ".ChildInstanceOwnerId: integer expected, string found ('1')",
    ]


def test_a_map_of_the_model_is_required_with_any_keys_inside():
    """A Dict field of the model (TransitRouterVPCAttachmentOptions) must be there as an object; its keys
    are free."""
    sample = sample_answer("ListTransitRouterVpcAttachments")
    item = sample["TransitRouterAttachments"][0]
    without = {k: v for k, v in item.items() if k != "TransitRouterVPCAttachmentOptions"}
    assert mismatches({**sample, "TransitRouterAttachments": [without]}, sample) == [
        ".TransitRouterAttachments[0].TransitRouterVPCAttachmentOptions: missing"
    ]
    options = {**item, "TransitRouterVPCAttachmentOptions": {"ipv6Support": "disable"}}
    assert mismatches({**sample, "TransitRouterAttachments": [options]}, sample) == []
