"""A script's whole story, told with Alibaba Cloud's official Python SDK against the live server: the
regions of each area, a CEN instance, a package bought, associated and listed, region connections set
and listed, the over-budget connection and the deletion refused. Every step goes through the
console's services, so the console sees the same account."""

import pytest
from aliyunsdkcbn.request.v20170912.AssociateCenBandwidthPackageRequest import AssociateCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.AttachCenChildInstanceRequest import AttachCenChildInstanceRequest
from aliyunsdkcbn.request.v20170912.CreateCenBandwidthPackageRequest import CreateCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.CreateCenRequest import CreateCenRequest
from aliyunsdkcbn.request.v20170912.DeleteCenBandwidthPackageRequest import DeleteCenBandwidthPackageRequest
from aliyunsdkcbn.request.v20170912.DescribeCenAttachedChildInstancesRequest import (
    DescribeCenAttachedChildInstancesRequest,
)
from aliyunsdkcbn.request.v20170912.DescribeCenBandwidthPackagesRequest import DescribeCenBandwidthPackagesRequest
from aliyunsdkcbn.request.v20170912.DescribeCenInterRegionBandwidthLimitsRequest import (
    DescribeCenInterRegionBandwidthLimitsRequest,
)
from aliyunsdkcbn.request.v20170912.DescribeCensRequest import DescribeCensRequest
from aliyunsdkcbn.request.v20170912.DescribeGeographicRegionMembershipRequest import (
    DescribeGeographicRegionMembershipRequest,
)
from aliyunsdkcbn.request.v20170912.ListTagResourcesRequest import ListTagResourcesRequest
from aliyunsdkcbn.request.v20170912.ModifyCenAttributeRequest import ModifyCenAttributeRequest
from aliyunsdkcbn.request.v20170912.SetCenInterRegionBandwidthLimitRequest import (
    SetCenInterRegionBandwidthLimitRequest,
)
from aliyunsdkcbn.request.v20170912.TagResourcesRequest import TagResourcesRequest
from aliyunsdkcbn.request.v20170912.UntagResourcesRequest import UntagResourcesRequest

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.networks.models import NetworkInstance, RegionConnection

pytestmark = pytest.mark.django_db(transaction=True)

SEED_AREAS = {
    "China": [
        "cn-qingdao",
        "cn-beijing",
        "cn-zhangjiakou",
        "cn-shenzhen",
        "cn-hangzhou",
        "cn-shanghai",
        "cn-huhehaote",
    ],
    "North-America": ["us-west-1", "us-east-1"],
    "Asia-Pacific": [
        "cn-hongkong",
        "ap-southeast-1",
        "ap-southeast-3",
        "ap-northeast-1",
        "ap-south-1",
        "ap-southeast-5",
    ],
    "Europe": ["eu-central-1", "eu-west-1"],
    "Australia": ["ap-southeast-2"],
}


def test_a_script_buys_connects_and_is_refused_like_the_console(sdk, user):
    """Regions, CreateCen, buy, associate, filtered listing, region connections, over budget and delete refused."""
    for area, regions in SEED_AREAS.items():
        membership = sdk.call(DescribeGeographicRegionMembershipRequest(), GeographicRegionId=area, PageSize=50)
        assert [item["RegionId"] for item in membership["RegionIds"]["RegionId"]] == regions

    cen_id = sdk.call(CreateCenRequest(), Name="sdk-cen", Description="made by a script")["CenId"]

    bought = sdk.call(
        CreateCenBandwidthPackageRequest(),
        GeographicRegionAId="China",
        GeographicRegionBId="North-America",
        Bandwidth=10,
        Period=1,
        PricingCycle="Month",
        BandwidthPackageChargeType="PREPAY",
        Name="sdk-bwp",
    )
    package_id = bought["CenBandwidthPackageId"]
    idle = sdk.call(
        DescribeCenBandwidthPackagesRequest(), Filters=[{"Key": "CenBandwidthPackageId", "Value": [package_id]}]
    )
    assert idle["CenBandwidthPackages"]["CenBandwidthPackage"][0]["Status"] == "Idle"

    sdk.call(AssociateCenBandwidthPackageRequest(), CenId=cen_id, CenBandwidthPackageId=package_id)
    listed = sdk.call(
        DescribeCenBandwidthPackagesRequest(),
        Filters=[{"Key": "CenId", "Value": [cen_id]}, {"Key": "Status", "Value": ["InUse"]}],
    )
    assert listed["TotalCount"] == 1
    package = listed["CenBandwidthPackages"]["CenBandwidthPackage"][0]
    assert package["CenBandwidthPackageId"] == package_id
    assert package["CenIds"]["CenId"] == [cen_id]
    assert (package["GeographicRegionAId"], package["GeographicRegionBId"]) == ("china", "north-america")
    assert package["GeographicSpanId"] == "china_north-america"
    assert (package["Bandwidth"], package["BandwidthPackageChargeType"]) == (10, "PREPAY")
    assert package["BusinessStatus"] == "Normal" and package["IsCrossBorder"] is True

    connection = {"CenId": cen_id, "LocalRegionId": "cn-hangzhou", "OppositeRegionId": "us-east-1"}
    sdk.call(SetCenInterRegionBandwidthLimitRequest(), BandwidthLimit=6, **connection)
    limits = sdk.call(DescribeCenInterRegionBandwidthLimitsRequest(), CenId=cen_id)
    assert limits["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"] == [
        {
            "CenId": cen_id,
            "LocalRegionId": "cn-hangzhou",
            "OppositeRegionId": "us-east-1",
            "GeographicSpanId": "china_north-america",
            "BandwidthLimit": 6,
            "BandwidthPackageId": package_id,
            "BandwidthType": "BandwidthPackage",
            "Status": "Active",
        }
    ]

    over_budget = sdk.refusal(
        SetCenInterRegionBandwidthLimitRequest(),
        CenId=cen_id,
        LocalRegionId="cn-shanghai",
        OppositeRegionId="us-west-1",
        BandwidthLimit=5,
    )
    assert (over_budget.get_http_status(), over_budget.get_error_code()) == (400, "QuotaExceeded.Bandwidth")
    assert "only 4 Mbps remaining" in over_budget.get_error_msg()

    refused = sdk.refusal(DeleteCenBandwidthPackageRequest(), CenBandwidthPackageId=package_id)
    assert (refused.get_http_status(), refused.get_error_code()) == (403, "Forbidden.Release")
    assert "open a ticket" in refused.get_error_msg()

    # The console's own rows: the same package, bound, with the one connection.
    stored = BandwidthPackage.objects.get(pk=package_id)
    assert (stored.owner, stored.cen_instance_id, stored.released_at) == (user, cen_id, None)
    assert RegionConnection.objects.get(package=stored).bandwidth == 6


def test_a_script_tags_modifies_and_attaches_with_the_older_sdk(sdk, user):
    """CreateCen with tags, ModifyCenAttribute, TagResources, UntagResources (All), ListTagResources,
    a Tag.N filter, AttachCenChildInstance and CenBandwidthPackageOrderId, with aliyun-python-sdk-cbn."""
    cen_id = sdk.call(CreateCenRequest(), Name="sdk-cen", Tags=[{"Key": "team", "Value": "network"}])["CenId"]
    sdk.call(ModifyCenAttributeRequest(), CenId=cen_id, Name="sdk-cen-renamed")
    sdk.call(TagResourcesRequest(), ResourceType="cen", ResourceIds=[cen_id], Tags=[{"Key": "env", "Value": "prod"}])
    listed = sdk.call(ListTagResourcesRequest(), ResourceType="cen", ResourceIds=[cen_id])
    assert [(row["TagKey"], row["TagValue"]) for row in listed["TagResources"]["TagResource"]] == [
        ("env", "prod"),
        ("team", "network"),
    ]
    found = sdk.call(DescribeCensRequest(), Tags=[{"Key": "env", "Value": "prod"}])["Cens"]["Cen"]
    assert [(cen["CenId"], cen["Name"]) for cen in found] == [(cen_id, "sdk-cen-renamed")]
    sdk.call(UntagResourcesRequest(), ResourceType="cen", ResourceIds=[cen_id], All=True)
    assert sdk.call(DescribeCensRequest(), Tags=[{"Key": "env", "Value": "prod"}])["Cens"]["Cen"] == []

    sdk.call(
        AttachCenChildInstanceRequest(),
        CenId=cen_id,
        ChildInstanceId="vpc-olderscript001",
        ChildInstanceRegionId="us-east-1",
        ChildInstanceType="VPC",
    )
    children = sdk.call(DescribeCenAttachedChildInstancesRequest(), CenId=cen_id)["ChildInstances"]["ChildInstance"]
    assert [child["ChildInstanceId"] for child in children] == ["vpc-olderscript001"]
    assert NetworkInstance.objects.get(instance_id="vpc-olderscript001").region_id == "us-east-1"

    bought = sdk.call(
        CreateCenBandwidthPackageRequest(),
        GeographicRegionAId="China",
        GeographicRegionBId="China",
        Bandwidth=2,
        Period=1,
        PricingCycle="Month",
        Tags=[{"Key": "team", "Value": "network"}],
    )
    assert bought["CenBandwidthPackageOrderId"]
    tagged = sdk.call(DescribeCenBandwidthPackagesRequest(), Tags=[{"Key": "team", "Value": "network"}])
    package = tagged["CenBandwidthPackages"]["CenBandwidthPackage"]
    assert [(item["CenBandwidthPackageId"], item["Tags"]["Tag"]) for item in package] == [
        (bought["CenBandwidthPackageId"], [{"Key": "team", "Value": "network"}])
    ]
