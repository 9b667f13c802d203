"""The contract with Alibaba Cloud's current SDK (alibabacloud-cbn20170912): every action the replica
answers, called through the SDK's own client against the live server, answers every key of the SDK's
response model with the model's JSON type (tests/api/sdk_models.py reads the models). An action added
to api.actions.ACTIONS without a step here fails the first test."""

import re
from datetime import timedelta

import pytest
from alibabacloud_cbn20170912 import models

from cenconsole.api.actions import ACTIONS
from cenconsole.core import clock
from tests.api.sdk_models import mismatches, sample_answer

pytestmark = pytest.mark.django_db(transaction=True)

# Always refused by design (a package is deleted only through a ticket): its refusal is checked instead.
REFUSED_BY_DESIGN = {"DeleteCenBandwidthPackage"}


def in_a_week() -> str:
    return (clock.now() + timedelta(days=7)).strftime("%Y-%m-%dT%H:%MZ")


def method_name(action: str) -> str:
    """The SDK client's method for an action: DescribeCens -> describe_cens."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", action).lower()


def steps(state):
    """(action, request) in an order that builds what the next step needs; state holds the ids."""
    cen = lambda: state["cen_id"]  # noqa: E731
    package = lambda: state["package_id"]  # noqa: E731
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


def test_every_answered_action_has_a_contract_step():
    """Every action in ACTIONS is called below (or refused by design), so none escapes the contract."""
    called = {action for action, _ in steps({})}
    assert set(ACTIONS) - called - REFUSED_BY_DESIGN == set()


def test_every_answer_has_every_key_of_the_sdks_model_with_its_type(sdk_v3):
    """Each action through alibabacloud-cbn20170912: no key of its response model missing, none of another type."""
    state = {}
    problems = {}
    for action, request in steps(state):
        response = getattr(sdk_v3.client, method_name(action))(request())
        answer = response.body.to_map()
        found = mismatches(answer, sample_answer(action))
        if found:
            problems[action] = found
        state.setdefault("cen_id", answer.get("CenId"))
        if answer.get("CenBandwidthPackageId"):
            state["package_id"] = answer["CenBandwidthPackageId"]
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
