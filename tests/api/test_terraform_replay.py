"""terraform-provider-alicloud's own call sequences for alicloud_cen_instance, _instance_attachment,
_bandwidth_package, _bandwidth_package_attachment and _bandwidth_limit (and the data sources
_instances, _bandwidth_packages, _bandwidth_limits and _region_route_entries), replayed against the live
server with the V1 SDK's CommonRequest (POST, form body: what the provider's tea-rpc and Go SDK clients
send). Read from aliyun/terraform-provider-alicloud at commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14:
alicloud/resource_alicloud_cen_{instance,instance_attachment,bandwidth_package,
bandwidth_package_attachment,bandwidth_limit}.go, service_alicloud_cen_v2.go (DescribeCenCenInstance,
SetResourceTags), service_alicloud_cen.go and service_alicloud_cbn.go (the other Describe functions),
errors.go: each resource's Create, Read, Update and Delete, with its waits (BuildStateConf /
WaitFor...) and its retry lists (IsExpectedErrors), and NotFoundError's rule that any HTTP 404, or the
codes a Describe maps to NotFound, means "gone". Per resource: apply, refresh with no diff, update of
every updatable argument, import (ImportStatePassthrough: the Read by the ID alone, then a plan with no
diff), destroy in the reverse order of the dependencies. The replica answers at once, so every wait
must reach its target on the first poll and no retryable error may appear, except where the real cloud
refuses too (a valid subscription package is deleted only through a ticket)."""

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException

from cenconsole.accounts.uids import account_uid
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from cenconsole.networks.models import NetworkInstance, RegionConnection
from tests.api.terraform import PAGE_SIZE_LARGE, NotFound, Provider, expand_tags, set_resource_tags, token
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)


# service_alicloud_cen_v2.go / service_alicloud_cen.go / service_alicloud_cbn.go, the Describe functions ------


def describe_cen(tf: Provider, cen_id: str) -> dict:
    """CenServiceV2.DescribeCenCenInstance: DescribeCens filtered by the ID (no paging), the first item."""
    cens = tf.call("DescribeCens", **{"Filter.1.Key": "CenId", "Filter.1.Value.1": cen_id})["Cens"]["Cen"]
    if not cens:
        raise NotFound(cen_id)
    return cens[0]


def describe_package(tf: Provider, package_id: str) -> dict:
    """CenService.DescribeCenBandwidthPackage: the first item, NotFound unless it is the one asked for."""
    answer = tf.call(
        "DescribeCenBandwidthPackages", **{"Filter.1.Key": "CenBandwidthPackageId", "Filter.1.Value.1": package_id}
    )
    packages = answer["CenBandwidthPackages"]["CenBandwidthPackage"]
    if not packages or packages[0]["CenBandwidthPackageId"] != package_id:
        raise NotFound(package_id)
    return packages[0]


def describe_package_attachment(tf: Provider, package_id: str) -> dict:
    """CenService.DescribeCenBandwidthPackageAttachment: the package, NotFound unless bound to one CEN."""
    package = describe_package(tf, package_id)
    if len(package["CenIds"]["CenId"]) != 1 or package["Status"] != "InUse":
        raise NotFound(package_id)
    return package


def describe_instance_attachment(tf: Provider, attachment_id: str) -> dict:
    """CbnService.DescribeCenInstanceAttachment: its three refusals mean NotFound."""
    cen_id, child_id, child_type, region_id = attachment_id.split(":")
    answer = tf.expect(
        "DescribeCenAttachedChildInstanceAttribute",
        ["ParameterCenInstanceId", "ParameterError", "ParameterInstanceId"],
        CenId=cen_id,
        ChildInstanceId=child_id,
        ChildInstanceType=child_type,
        ChildInstanceRegionId=region_id,
    )
    if isinstance(answer, ServerException):
        raise NotFound(attachment_id)
    return answer


def describe_bandwidth_limit(tf: Provider, limit_id: str) -> dict:
    """CenService.DescribeCenBandwidthLimit: every page of the CEN's limits, the pair in either order."""
    cen_id, local, opposite = limit_id.split(":")
    page = 1
    while True:
        answer = tf.call(
            "DescribeCenInterRegionBandwidthLimits", CenId=cen_id, PageNumber=page, PageSize=PAGE_SIZE_LARGE
        )
        for limit in answer["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"]:
            if {limit["LocalRegionId"], limit["OppositeRegionId"]} == {local, opposite}:
                return limit
        if page * answer["PageSize"] >= answer["TotalCount"]:
            raise NotFound(limit_id)
        page += 1


# The resources: what Create, Read, Update and Delete call, and what Read puts in the state. -------------


# alicloud_cen_instance ------------------------------------------------------------------------------------


def cen_instance_create(tf: Provider, config: dict) -> str:
    """CreateCen (retrying Operation.Blocking) with the name, protection level, description and Tag.N,
    wait for Active, then the Update of a new resource: MoveResourceGroup and SetResourceTags."""
    answer = tf.call(
        "CreateCen",
        ClientToken=token(),
        Name=config["name"],
        ProtectionLevel=config["protection_level"],
        Description=config["description"],
        **expand_tags(config["tags"]),
    )
    cen_id = answer["CenId"]
    tf.wait_for(lambda: (None, describe_cen(tf, cen_id)["Status"]), ["Active"])
    cen_instance_update(tf, cen_id, config, old=None)
    return cen_id


def cen_instance_update(tf: Provider, cen_id: str, config: dict, *, old: dict | None) -> None:
    """resourceAliCloudCenCenInstanceUpdate (old None: the new resource, where only the resource group and
    the tags are sent): ModifyCenAttribute with what changed, wait for Active; MoveResourceGroup;
    SetResourceTags (ResourceType cen)."""
    changed = {
        parameter: config[argument]
        for argument, parameter in (
            ("name", "Name"),
            ("protection_level", "ProtectionLevel"),
            ("description", "Description"),
        )
        if old is not None and old[argument] != config[argument]
    }
    if changed:
        tf.call("ModifyCenAttribute", CenId=cen_id, **changed)
        tf.wait_for(lambda: (None, describe_cen(tf, cen_id)["Status"]), ["Active"])
    if config.get("resource_group_id") and (old is None or old["resource_group_id"] != config["resource_group_id"]):
        tf.call(
            "MoveResourceGroup",
            ResourceId=cen_id,
            ClientToken=token(),
            NewResourceGroupId=config["resource_group_id"],
            ResourceType="cen",
        )
    old_tags = {} if old is None else old["tags"]
    if old_tags != config["tags"]:
        set_resource_tags(tf, cen_id, "cen", old_tags, config["tags"])


def cen_instance_read(tf: Provider, cen_id: str) -> dict:
    cen = describe_cen(tf, cen_id)
    return {
        "name": cen["Name"],  # d.Set("name", d.Get("cen_instance_name"))
        "cen_instance_name": cen["Name"],
        "create_time": cen["CreationTime"],
        "description": cen["Description"],
        "protection_level": cen["ProtectionLevel"],
        "resource_group_id": cen["ResourceGroupId"],
        "status": cen["Status"],
        "tags": {tag["Key"]: tag["Value"] for tag in cen["Tags"]["Tag"]},
    }


# alicloud_cen_bandwidth_package -----------------------------------------------------------------------------

GEOGRAPHIC_REGIONS = {  # convertGeographicRegionAIdResponse / BIdResponse
    "asia-pacific": "Asia-Pacific",
    "china": "China",
    "europe": "Europe",
    "middle-east": "Middle-East",
    "north-america": "North-America",
    "australia": "Australia",
}
PAYMENT_TYPES = {"POSTPAY": "PostPaid", "PREPAY": "PrePaid"}  # convertPaymentTypeResponse


def package_create(tf: Provider, config: dict) -> str:
    """CreateCenBandwidthPackage (payment_type PrePaid: PREPAY, by the month), wait for Idle, Read."""
    answer = tf.call(
        "CreateCenBandwidthPackage",
        AutoPay=True,
        Bandwidth=config["bandwidth"],
        Name=config["name"],
        Description=config["description"],
        GeographicRegionAId=config["geographic_region_a_id"],
        GeographicRegionBId=config["geographic_region_b_id"],
        BandwidthPackageChargeType="PREPAY",  # convertPaymentTypeRequest("PrePaid")
        PricingCycle="Month",
        Period=config["period"],
    )
    package_id = answer["CenBandwidthPackageId"]
    tf.wait_for(lambda: (None, describe_package(tf, package_id)["Status"]), ["Idle"])
    return package_id


def package_read(tf: Provider, package_id: str) -> dict:
    package = describe_package(tf, package_id)
    a_id, b_id = (
        GEOGRAPHIC_REGIONS.get(package[key], package[key]) for key in ("GeographicRegionAId", "GeographicRegionBId")
    )
    return {
        "bandwidth": package["Bandwidth"],
        "name": package["Name"],
        "cen_bandwidth_package_name": package["Name"],
        "description": package["Description"],
        "geographic_region_a_id": a_id,
        "geographic_region_b_id": b_id,
        "geographic_region_ids": [a_id, b_id],
        "payment_type": PAYMENT_TYPES.get(package["BandwidthPackageChargeType"], package["BandwidthPackageChargeType"]),
        "expired_time": package["ExpiredTime"],
        "status": package["Status"],
    }


def package_update(tf: Provider, package_id: str, config: dict, old: dict) -> None:
    """ModifyCenBandwidthPackageSpec, then WaitForCenBandwidthPackage(id, Idle, bandwidth): the provider
    waits for Idle, which an attached package (InUse) never is, here as on the real cloud; then
    ModifyCenBandwidthPackageAttribute with the name and description that changed."""
    if config["bandwidth"] != old["bandwidth"]:
        tf.call("ModifyCenBandwidthPackageSpec", CenBandwidthPackageId=package_id, Bandwidth=config["bandwidth"])
        tf.wait_for(
            lambda: (None, (lambda p: (p["Status"], p["Bandwidth"]))(describe_package(tf, package_id))),
            [("Idle", config["bandwidth"])],
        )
    changed = {
        parameter: config[argument]
        for argument, parameter in (("name", "Name"), ("description", "Description"))
        if old[argument] != config[argument]
    }
    if changed:
        tf.call("ModifyCenBandwidthPackageAttribute", CenBandwidthPackageId=package_id, **changed)


# alicloud_cen_bandwidth_package_attachment ------------------------------------------------------------------


def package_attachment_create(tf: Provider, cen_id: str, package_id: str) -> str:
    """AssociateCenBandwidthPackage, WaitForCenBandwidthPackageAttachment(InUse); the ID is the package's."""
    tf.call("AssociateCenBandwidthPackage", CenId=cen_id, CenBandwidthPackageId=package_id)
    tf.wait_for(lambda: (None, describe_package_attachment(tf, package_id)["Status"]), ["InUse"])
    return package_id


def package_attachment_read(tf: Provider, package_id: str) -> dict:
    package = describe_package_attachment(tf, package_id)
    return {"instance_id": package["CenIds"]["CenId"][0], "bandwidth_package_id": package["CenBandwidthPackageId"]}


# alicloud_cen_instance_attachment ---------------------------------------------------------------------------


def attachment_id_of(cen_id, child_id, region_id) -> str:
    return f"{cen_id}:{child_id}:VPC:{region_id}"


def instance_attachment_create(tf: Provider, cen_id: str, child_id: str, region_id: str) -> str:
    tf.call(
        "AttachCenChildInstance",
        ChildInstanceId=child_id,
        ChildInstanceRegionId=region_id,
        ChildInstanceType="VPC",
        CenId=cen_id,
    )
    attachment_id = attachment_id_of(cen_id, child_id, region_id)
    tf.wait_for(lambda: (None, describe_instance_attachment(tf, attachment_id)["Status"]), ["Attached"])
    return attachment_id


def instance_attachment_read(tf: Provider, attachment_id: str) -> dict:
    """The ID's four parts (ParseResourceId) and the owner and status Describe answers."""
    found = describe_instance_attachment(tf, attachment_id)
    cen_id, child_id, child_type, region_id = attachment_id.split(":")
    return {
        "instance_id": cen_id,
        "child_instance_id": child_id,
        "child_instance_type": child_type,
        "child_instance_region_id": region_id,
        "child_instance_owner_id": found["ChildInstanceOwnerId"],
        "status": found["Status"],
    }


# alicloud_cen_bandwidth_limit -------------------------------------------------------------------------------


def bandwidth_limit_set(tf: Provider, limit_id: str, bandwidth: int) -> None:
    """CenService.SetCenInterRegionBandwidthLimit (the Update when bandwidth_limit changed; 0 on Delete)."""
    cen_id, local, opposite = limit_id.split(":")
    tf.call(
        "SetCenInterRegionBandwidthLimit",
        CenId=cen_id,
        LocalRegionId=local,
        OppositeRegionId=opposite,
        BandwidthLimit=bandwidth,
    )


def bandwidth_limit_update(tf: Provider, limit_id: str, bandwidth: int) -> None:
    """Set, then wait (pending Modifying) for Active."""
    bandwidth_limit_set(tf, limit_id, bandwidth)
    tf.wait_for(lambda: (None, describe_bandwidth_limit(tf, limit_id)["Status"]), ["Active"])


def bandwidth_limit_create(tf: Provider, cen_id: str, regions: list[str], bandwidth: int) -> str:
    """The ID is the CEN and the two regions in order; then the Update."""
    local, opposite = sorted(regions)
    limit_id = f"{cen_id}:{local}:{opposite}"
    bandwidth_limit_update(tf, limit_id, bandwidth)
    return limit_id


def bandwidth_limit_read(tf: Provider, limit_id: str) -> dict:
    limit = describe_bandwidth_limit(tf, limit_id)
    return {
        "instance_id": limit["CenId"],
        "bandwidth_limit": limit["BandwidthLimit"],
        "region_ids": {limit["LocalRegionId"], limit["OppositeRegionId"]},
    }


# The data sources ------------------------------------------------------------------------------------


def data_sources(tf: Provider, cen_id: str, region_id: str) -> dict:
    cens = tf.call("DescribeCens", PageSize=PAGE_SIZE_LARGE, PageNumber=1)["Cens"]["Cen"]
    packages = tf.call(
        "DescribeCenBandwidthPackages",
        **{"Filter.1.Key": "CenId", "Filter.1.Value.1": cen_id},
        IncludeReservationData=True,
        PageSize=PAGE_SIZE_LARGE,
        PageNumber=1,
    )["CenBandwidthPackages"]["CenBandwidthPackage"]
    limits = tf.call("DescribeCenInterRegionBandwidthLimits", CenId=cen_id, PageSize=PAGE_SIZE_LARGE, PageNumber=1)[
        "CenInterRegionBandwidthLimits"
    ]["CenInterRegionBandwidthLimit"]
    routes = tf.call(
        "DescribeCenRegionDomainRouteEntries",
        CenId=cen_id,
        CenRegionId=region_id,
        PageSize=PAGE_SIZE_LARGE,
        PageNumber=1,
    )["CenRouteEntries"]["CenRouteEntry"]
    return {
        "cen_instances": sorted(cen["CenId"] for cen in cens),
        "bandwidth_packages": sorted(p["CenBandwidthPackageId"] for p in packages),
        "bandwidth_limits": sorted((limit["LocalRegionId"], limit["OppositeRegionId"]) for limit in limits),
        "region_route_entries": sorted(
            (entry["DestinationCidrBlock"], entry["NextHopInstanceId"], entry["NextHopType"], entry["NextHopRegionId"])
            for entry in routes
        ),
    }


# The plan: apply, refresh with no diff, update, import, destroy -----------------------------------------------

CEN = {
    "name": "tf-cen",
    "description": "made by terraform",
    "protection_level": "REDUCED",
    "resource_group_id": "rg-tfteam0001",
    "tags": {"team": "network", "env": "dev"},
}
PACKAGE = {
    "bandwidth": 10,
    "name": "tf-bwp",
    "description": "made by terraform",
    "geographic_region_a_id": "China",
    "geographic_region_b_id": "North-America",
    "payment_type": "PrePaid",
    "period": 1,
}
VPCS = [("vpc-tfhangzhou01", "cn-hangzhou"), ("vpc-tfvirginia01", "us-east-1")]
LIMIT_REGIONS = ["us-east-1", "cn-hangzhou"]


@pytest.fixture
def tf(sdk):
    return Provider(sdk)


def apply(tf: Provider) -> dict:
    cen_id = cen_instance_create(tf, CEN)
    package_id = package_create(tf, PACKAGE)
    package_attachment = package_attachment_create(tf, cen_id, package_id)
    attachments = [instance_attachment_create(tf, cen_id, child, region) for child, region in VPCS]
    limit_id = bandwidth_limit_create(tf, cen_id, LIMIT_REGIONS, 4)
    return {
        "cen": cen_id,
        "package": package_id,
        "package_attachment": package_attachment,
        "attachments": attachments,
        "limit": limit_id,
    }


def read_all(tf: Provider, ids: dict) -> dict:
    """Each resource's Read by its ID: a refresh, and also what an import of every ID puts in the state."""
    return {
        "cen": cen_instance_read(tf, ids["cen"]),
        "package": package_read(tf, ids["package"]),
        "package_attachment": package_attachment_read(tf, ids["package_attachment"]),
        "attachments": [instance_attachment_read(tf, each) for each in ids["attachments"]],
        "limit": bandwidth_limit_read(tf, ids["limit"]),
    }


def refresh(tf: Provider, ids: dict) -> dict:
    return {**read_all(tf, ids), "data": data_sources(tf, ids["cen"], "cn-hangzhou")}


def configured(state: dict, config: dict) -> dict:
    """The arguments of the configuration, as Read put them in the state."""
    return {key: state[key] for key in config if key in state}


def test_apply_converges_and_state_matches_the_configuration(tf, user):
    """apply: every resource reaches its target state on the first poll; Read gives what was configured."""
    ids = apply(tf)
    state = refresh(tf, ids)
    assert configured(state["cen"], CEN) == CEN
    assert state["cen"]["status"] == "Active"
    assert configured(state["package"], PACKAGE) == {key: PACKAGE[key] for key in PACKAGE if key != "period"}
    assert state["package_attachment"] == {"instance_id": ids["cen"], "bandwidth_package_id": ids["package"]}
    assert [each["status"] for each in state["attachments"]] == ["Attached", "Attached"]
    assert state["attachments"][0]["child_instance_owner_id"] == account_uid(user.pk)
    assert state["limit"] == {"instance_id": ids["cen"], "bandwidth_limit": 4, "region_ids": set(LIMIT_REGIONS)}
    assert len(state["data"]["region_route_entries"]) == 2
    assert state["data"]["bandwidth_limits"] == [("cn-hangzhou", "us-east-1")]


def test_refresh_after_apply_shows_no_diff(tf):
    """A second refresh reads exactly what the first did: plan is empty."""
    ids = apply(tf)
    assert refresh(tf, ids) == refresh(tf, ids)


def test_update_of_every_updatable_argument_then_no_diff(tf):
    """The CEN instance's name, description, resource group and tags (one removed, one changed, one added:
    UntagResources then TagResources), the package's name and description, the limit's bandwidth change
    in place (protection_level has one value, REDUCED; the attachments' arguments are all ForceNew); the
    next refresh matches the new configuration and then itself."""
    ids = apply(tf)
    before = refresh(tf, ids)
    new_cen = {
        **CEN,
        "name": "tf-cen-2",
        "description": "changed",
        "resource_group_id": "rg-tfteam0002",
        "tags": {"team": "platform", "owner": "tf"},
    }
    cen_instance_update(tf, ids["cen"], new_cen, old=CEN)
    new_package = {**PACKAGE, "name": "tf-bwp-2", "description": "changed"}
    package_update(tf, ids["package"], new_package, PACKAGE)
    bandwidth_limit_update(tf, ids["limit"], 6)
    after = refresh(tf, ids)
    assert configured(after["cen"], new_cen) == new_cen
    assert (after["package"]["name"], after["package"]["description"]) == ("tf-bwp-2", "changed")
    assert after["limit"]["bandwidth_limit"] == 6
    assert after["package"]["expired_time"] == before["package"]["expired_time"]
    assert refresh(tf, ids) == after


def test_update_of_the_bandwidth_of_an_idle_package_then_no_diff(tf):
    """A package of its own (no attachment) gets a new bandwidth, name and description: the provider's
    wait for Idle at the new bandwidth ends on its first poll; the next refresh matches, then itself."""
    package_id = package_create(tf, PACKAGE)
    new_package = {**PACKAGE, "bandwidth": 12, "name": "tf-bwp-2", "description": "changed"}
    package_update(tf, package_id, new_package, PACKAGE)
    after = package_read(tf, package_id)
    assert configured(after, new_package) == {key: new_package[key] for key in new_package if key != "period"}
    assert package_read(tf, package_id) == after


def test_import_reads_each_resource_by_its_id_and_plans_no_diff(tf):
    """terraform import (ImportStatePassthrough) of every resource: a provider with no state reads each by
    its ID alone (the attachment's cen:child:type:region, the package attachment's package ID, the limit's
    cen:region:region) and gets the state apply left, so the plan that follows is empty."""
    ids = apply(tf)
    state = read_all(tf, ids)
    imported = read_all(Provider(tf.sdk), ids)
    assert imported == state
    assert configured(imported["cen"], CEN) == CEN
    assert imported["attachments"][1] == {
        "instance_id": ids["cen"],
        "child_instance_id": "vpc-tfvirginia01",
        "child_instance_type": "VPC",
        "child_instance_region_id": "us-east-1",
        "child_instance_owner_id": state["attachments"][1]["child_instance_owner_id"],
        "status": "Attached",
    }


def test_destroy_removes_everything_but_the_valid_subscription_package(tf, user, later):  # noqa: F811
    """destroy: the limit, the attachments, the package's attachment and the CEN instance (Deleting, then
    gone) go; the package is refused with Forbidden.Release (in the provider's retry list, so destroy
    retries until its timeout and fails), as on the real cloud: it stays until a deletion ticket is
    approved."""
    ids = apply(tf)
    # alicloud_cen_bandwidth_limit: BandwidthLimit 0, then wait until gone; a second destroy finds it gone.
    for _ in range(2):
        bandwidth_limit_set(tf, ids["limit"], 0)
        tf.wait_for(lambda: (None, describe_bandwidth_limit(tf, ids["limit"])["Status"]), [])
    for attachment_id in ids["attachments"]:
        cen_id, child_id, child_type, region_id = attachment_id.split(":")
        # child_instance_owner_id is Computed: Read put it in the state, so Delete sends it.
        owner_id = instance_attachment_read(tf, attachment_id)["child_instance_owner_id"]
        tf.expect(
            "DetachCenChildInstance",
            ["Bid.NotFound", "ParameterInstanceId"],
            ChildInstanceId=child_id,
            ChildInstanceRegionId=region_id,
            ChildInstanceType=child_type,
            CenId=cen_id,
            ChildInstanceOwnerId=owner_id,
        )
        tf.wait_for(lambda each=attachment_id: (None, describe_instance_attachment(tf, each)["Status"]), [])
    tf.call("UnassociateCenBandwidthPackage", CenId=ids["cen"], CenBandwidthPackageId=ids["package"])
    tf.wait_for(lambda: (None, describe_package_attachment(tf, ids["package"])["Status"]), [])
    refused = tf.expect(
        "DeleteCenBandwidthPackage",
        ["InvalidOperation.CenBandwidthLimitsNotZero", "ParameterBwpInstanceId", "Forbidden.Release"],
        CenBandwidthPackageId=ids["package"],
    )
    assert isinstance(refused, ServerException) and refused.get_error_code() == "Forbidden.Release"
    tf.expect("DeleteCen", ["ParameterCenInstanceId"], CenId=ids["cen"])
    # DeleteCen is asynchronous: the provider's 5-second poll meets Deleting, then the instance is gone.
    assert describe_cen(tf, ids["cen"])["Status"] == "Deleting"
    later()
    tf.wait_for(lambda: (None, describe_cen(tf, ids["cen"])["Status"]), [])
    assert not RegionConnection.objects.exists() and not NetworkInstance.objects.filter(owner=user).exists()
    assert CenInstance.objects.get(pk=ids["cen"]).deleted_at is not None
    package = BandwidthPackage.objects.get(pk=ids["package"])
    assert (package.cen_instance_id, package.released_at) == (None, None)


def test_every_call_of_the_replay_is_answered(tf):
    """No call of the whole lifecycle meets an unknown action (the 404 the provider reads as gone)."""
    ids = apply(tf)
    refresh(tf, ids)
    assert set(tf.calls) >= {
        "CreateCen",
        "MoveResourceGroup",
        "TagResources",
        "DescribeCens",
        "CreateCenBandwidthPackage",
        "DescribeCenBandwidthPackages",
        "AssociateCenBandwidthPackage",
        "AttachCenChildInstance",
        "DescribeCenAttachedChildInstanceAttribute",
        "SetCenInterRegionBandwidthLimit",
        "DescribeCenInterRegionBandwidthLimits",
        "DescribeCenRegionDomainRouteEntries",
    }
