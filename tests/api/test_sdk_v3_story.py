"""A script's whole story told with Alibaba Cloud's current Python SDK (alibabacloud-cbn20170912 on
alibabacloud-tea-openapi) in its default configuration, signature V3, against the live server: a CEN
instance created with tags, modified, tagged and untagged, a VPC attached, a package bought,
associated, region connections set, the over-budget connection, the deletion and a wrong secret
refused. The console's own tables and pages see the same account."""

import pytest
from alibabacloud_cbn20170912 import models

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.networks.models import NetworkInstance, RegionConnection
from cenconsole.tags.models import Tag
from tests.api.conftest import ACCESS_KEY_ID, sdk_v3_client

pytestmark = pytest.mark.django_db(transaction=True)


def tags(answer_item) -> dict:
    return {tag["Key"]: tag["Value"] for tag in answer_item["Tags"]["Tag"]}


def test_a_v3_script_tags_attaches_buys_connects_and_is_refused(sdk_v3, endpoint, user):
    """CreateCen with tags, ModifyCenAttribute, Tag/Untag/ListTagResources, Attach, buy, associate,
    limits, over budget, deletion and a wrong secret refused: all with the V3 SDK's defaults."""
    created = sdk_v3.call(
        "create_cen",
        models.CreateCenRequest(
            name="v3-cen",
            description="made by a V3 script",
            tag=[models.CreateCenRequestTag(key="team", value="network"), models.CreateCenRequestTag(key="env")],
        ),
    )
    cen_id = created["CenId"]
    sdk_v3.call(
        "modify_cen_attribute", models.ModifyCenAttributeRequest(cen_id=cen_id, name="v3-cen-renamed", description="")
    )
    sdk_v3.call(
        "tag_resources",
        models.TagResourcesRequest(
            resource_type="cen", resource_id=[cen_id], tag=[models.TagResourcesRequestTag(key="cost", value="42")]
        ),
    )
    sdk_v3.call(
        "untag_resources", models.UntagResourcesRequest(resource_type="cen", resource_id=[cen_id], tag_key=["env"])
    )
    listed = sdk_v3.call(
        "list_tag_resources", models.ListTagResourcesRequest(resource_type="cen", resource_id=[cen_id])
    )
    assert [(row["TagKey"], row["TagValue"]) for row in listed["TagResources"]["TagResource"]] == [
        ("cost", "42"),
        ("team", "network"),
    ]
    by_tag = sdk_v3.call(
        "describe_cens", models.DescribeCensRequest(tag=[models.DescribeCensRequestTag(key="team", value="network")])
    )
    (cen,) = by_tag["Cens"]["Cen"]
    assert (cen["CenId"], cen["Name"], cen["Description"]) == (cen_id, "v3-cen-renamed", "")
    assert tags(cen) == {"cost": "42", "team": "network"}

    sdk_v3.call(
        "attach_cen_child_instance",
        models.AttachCenChildInstanceRequest(
            cen_id=cen_id,
            child_instance_id="vpc-v3script0001",
            child_instance_region_id="cn-hangzhou",
            child_instance_type="VPC",
        ),
    )
    attached = sdk_v3.call(
        "describe_cen_attached_child_instances", models.DescribeCenAttachedChildInstancesRequest(cen_id=cen_id)
    )
    (child,) = attached["ChildInstances"]["ChildInstance"]
    assert (child["ChildInstanceId"], child["ChildInstanceRegionId"], child["Status"]) == (
        "vpc-v3script0001",
        "cn-hangzhou",
        "Attached",
    )

    bought = sdk_v3.call(
        "create_cen_bandwidth_package",
        models.CreateCenBandwidthPackageRequest(
            geographic_region_aid="China",
            geographic_region_bid="North-America",
            bandwidth=10,
            period=1,
            pricing_cycle="Month",
            bandwidth_package_charge_type="PREPAY",
            name="v3-bwp",
            tag=[models.CreateCenBandwidthPackageRequestTag(key="team", value="network")],
        ),
    )
    package_id = bought["CenBandwidthPackageId"]
    assert bought["CenBandwidthPackageOrderId"]
    sdk_v3.call(
        "associate_cen_bandwidth_package",
        models.AssociateCenBandwidthPackageRequest(cen_id=cen_id, cen_bandwidth_package_id=package_id),
    )
    packages = sdk_v3.call(
        "describe_cen_bandwidth_packages",
        models.DescribeCenBandwidthPackagesRequest(
            filter=[models.DescribeCenBandwidthPackagesRequestFilter(key="CenId", value=[cen_id])],
            tag=[models.DescribeCenBandwidthPackagesRequestTag(key="team", value="network")],
        ),
    )
    (package,) = packages["CenBandwidthPackages"]["CenBandwidthPackage"]
    assert (package["CenBandwidthPackageId"], package["Status"]) == (package_id, "InUse")
    assert tags(package) == {"team": "network"}

    sdk_v3.call(
        "set_cen_inter_region_bandwidth_limit",
        models.SetCenInterRegionBandwidthLimitRequest(
            cen_id=cen_id, local_region_id="us-east-1", opposite_region_id="cn-hangzhou", bandwidth_limit=6
        ),
    )
    limits = sdk_v3.call(
        "describe_cen_inter_region_bandwidth_limits",
        models.DescribeCenInterRegionBandwidthLimitsRequest(cen_id=cen_id),
    )
    (limit,) = limits["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"]
    assert (limit["LocalRegionId"], limit["OppositeRegionId"], limit["BandwidthLimit"]) == (
        "us-east-1",
        "cn-hangzhou",
        6,
    )

    over_budget = sdk_v3.refusal(
        "set_cen_inter_region_bandwidth_limit",
        models.SetCenInterRegionBandwidthLimitRequest(
            cen_id=cen_id, local_region_id="cn-shanghai", opposite_region_id="us-west-1", bandwidth_limit=5
        ),
    )
    assert (over_budget.status_code, over_budget.code) == (400, "QuotaExceeded.Bandwidth")
    assert "only 4 Mbps remaining" in over_budget.message

    deletion = sdk_v3.refusal(
        "delete_cen_bandwidth_package", models.DeleteCenBandwidthPackageRequest(cen_bandwidth_package_id=package_id)
    )
    assert (deletion.status_code, deletion.code) == (403, "Forbidden.Release")

    wrong_secret = sdk_v3_client(endpoint, ACCESS_KEY_ID, "not-the-secret").refusal(
        "describe_cens", models.DescribeCensRequest()
    )
    assert (wrong_secret.status_code, wrong_secret.code) == (400, "SignatureDoesNotMatch")

    # The console's own rows: the same instance, network, package, connection and tags.
    stored = BandwidthPackage.objects.get(pk=package_id)
    assert (stored.owner, stored.cen_instance_id) == (user, cen_id)
    assert NetworkInstance.objects.get(instance_id="vpc-v3script0001").cen_instance_id == cen_id
    assert RegionConnection.objects.get(package=stored).bandwidth == 6
    assert set(Tag.objects.filter(resource_id=cen_id).values_list("key", "value")) == {
        ("cost", "42"),
        ("team", "network"),
    }
