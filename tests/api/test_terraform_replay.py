"""terraform-provider-alicloud's own call sequences, replayed against the live server with the V1 SDK's
CommonRequest (POST, form body: what the provider's tea-rpc and Go SDK clients send). Read from the
provider's source (aliyun/terraform-provider-alicloud: alicloud/resource_alicloud_cen_*.go,
data_source_alicloud_cen_*.go, service_alicloud_cbn.go, service_alicloud_cen.go, errors.go): each
resource's Create, Read, Update and Delete, with its waits (BuildStateConf / WaitFor...) and its
retry lists (IsExpectedErrors), and NotFoundError's rule that any HTTP 404, or the codes a
Describe maps to NotFound, means "gone". The replica answers at once, so every wait must reach its
target on the first poll and no retryable error may appear, except where the real cloud refuses too
(a valid subscription package is deleted only through a ticket)."""

import json
import uuid
from dataclasses import dataclass, field

import pytest
from aliyunsdkcore.acs_exception.exceptions import ServerException
from aliyunsdkcore.request import CommonRequest

from cenconsole.accounts.uids import account_uid
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from cenconsole.networks.models import NetworkInstance, RegionConnection
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

PAGE_SIZE_LARGE = 50  # alicloud/common.go


class NotFound(Exception):
    """The provider's NotFoundError: the resource is gone."""


@dataclass
class Provider:
    """The provider's client: RpcPost / WithCbnClient, as CommonRequest with a form body."""

    sdk: object
    calls: list = field(default_factory=list)

    def call(self, action: str, **parameters) -> dict:
        request = CommonRequest(domain=self.sdk.endpoint, version="2017-09-12", action_name=action)
        request.set_method("POST")
        request.set_protocol_type("http")
        request.set_accept_format("json")
        for name, value in parameters.items():
            request.add_body_params(name, str(value).lower() if isinstance(value, bool) else str(value))
        self.calls.append(action)
        return json.loads(self.sdk.client.do_action_with_exception(request))

    def expect(self, action: str, codes: list[str], **parameters) -> dict | ServerException:
        """A call whose refusal with one of codes is an answer (a retry list, a NotFound mapping)."""
        try:
            return self.call(action, **parameters)
        except ServerException as error:
            if error.get_error_code() in codes:
                return error
            raise

    def wait_for(self, refresh, target: list[str]) -> object:
        """BuildStateConf(...).WaitForState(): the replica is never pending, so the first poll must
        reach the target ([] meaning "gone": the refresh raised NotFound)."""
        try:
            found, state = refresh()
        except NotFound:
            assert target == [], "gone while the provider waits for " + repr(target)
            return None
        assert state in target, f"the provider would keep polling: {state!r} is not {target!r}"
        return found

    # service_alicloud_cbn.go / service_alicloud_cen.go, the Describe functions ----------------------

    def describe_cen(self, cen_id: str) -> dict:
        answer = self.call(
            "DescribeCens",
            **{"Filter.1.Key": "CenId", "Filter.1.Value.1": cen_id},
            PageSize=PAGE_SIZE_LARGE,
            PageNumber=1,
        )
        for cen in answer["Cens"]["Cen"]:
            if cen["CenId"] == cen_id:
                return cen
        raise NotFound(cen_id)

    def describe_package(self, package_id: str) -> dict:
        answer = self.call(
            "DescribeCenBandwidthPackages", **{"Filter.1.Key": "CenBandwidthPackageId", "Filter.1.Value.1": package_id}
        )
        packages = answer["CenBandwidthPackages"]["CenBandwidthPackage"]
        if not packages or packages[0]["CenBandwidthPackageId"] != package_id:
            raise NotFound(package_id)
        return packages[0]

    def describe_package_attachment(self, package_id: str) -> dict:
        package = self.describe_package(package_id)
        if len(package["CenIds"]["CenId"]) != 1 or package["Status"] != "InUse":
            raise NotFound(package_id)
        return package

    def describe_instance_attachment(self, attachment_id: str) -> dict:
        cen_id, child_id, child_type, region_id = attachment_id.split(":")
        answer = self.expect(
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

    def describe_bandwidth_limit(self, limit_id: str) -> dict:
        cen_id, local, opposite = limit_id.split(":")
        page = 1
        while True:
            answer = self.call(
                "DescribeCenInterRegionBandwidthLimits", CenId=cen_id, PageNumber=page, PageSize=PAGE_SIZE_LARGE
            )
            for limit in answer["CenInterRegionBandwidthLimits"]["CenInterRegionBandwidthLimit"]:
                if {limit["LocalRegionId"], limit["OppositeRegionId"]} == {local, opposite}:
                    return limit
            if page * answer["PageSize"] >= answer["TotalCount"]:
                raise NotFound(limit_id)
            page += 1


# The resources: what Create, Read, Update and Delete call, and what Read puts in the state. -------------


def cen_instance_create(tf: Provider, config: dict) -> str:
    answer = tf.call(
        "CreateCen",
        ClientToken=uuid.uuid4().hex,
        Name=config["name"],
        Description=config["description"],
        **{"Tag.1.Key": "team", "Tag.1.Value": "network"},
    )
    cen_id = answer["CenId"]
    tf.wait_for(lambda: (None, tf.describe_cen(cen_id)["Status"]), ["Active"])
    cen_instance_update(tf, cen_id, config, new=True)
    return cen_id


def cen_instance_update(tf: Provider, cen_id: str, config: dict, *, old: dict | None = None, new=False) -> None:
    if not new and old and (old["name"], old["description"]) != (config["name"], config["description"]):
        tf.call("ModifyCenAttribute", CenId=cen_id, Name=config["name"], Description=config["description"])
        tf.wait_for(lambda: (None, tf.describe_cen(cen_id)["Status"]), ["Active"])
    if config.get("resource_group_id") and (new or old.get("resource_group_id") != config["resource_group_id"]):
        tf.call(
            "MoveResourceGroup",
            ResourceId=cen_id,
            ClientToken=uuid.uuid4().hex,
            NewResourceGroupId=config["resource_group_id"],
            ResourceType="cen",
        )


def cen_instance_read(tf: Provider, cen_id: str) -> dict:
    cen = tf.describe_cen(cen_id)
    return {
        "name": cen["Name"],
        "description": cen["Description"],
        "resource_group_id": cen["ResourceGroupId"],
        "status": cen["Status"],
        "tags": {tag["Key"]: tag["Value"] for tag in cen["Tags"]["Tag"]},
    }


def package_create(tf: Provider, config: dict) -> str:
    answer = tf.expect(
        "CreateCenBandwidthPackage",
        [],
        AutoPay=True,
        Bandwidth=config["bandwidth"],
        Name=config["name"],
        GeographicRegionAId=config["geographic_region_a_id"],
        GeographicRegionBId=config["geographic_region_b_id"],
        BandwidthPackageChargeType="PREPAY",  # convertPaymentTypeRequest("PrePaid")
        PricingCycle="Month",
        Period=1,
    )
    package_id = answer["CenBandwidthPackageId"]
    tf.wait_for(lambda: (None, tf.describe_package(package_id)["Status"]), ["Idle"])
    return package_id


def package_read(tf: Provider, package_id: str) -> dict:
    package = tf.describe_package(package_id)
    return {
        "bandwidth": package["Bandwidth"],
        "name": package["Name"],
        "geographic_region_a_id": package["GeographicRegionAId"],
        "geographic_region_b_id": package["GeographicRegionBId"],
        "payment_type": package["BandwidthPackageChargeType"],
        "expired_time": package["ExpiredTime"],
    }


def package_update(tf: Provider, package_id: str, config: dict, old: dict) -> None:
    if config["bandwidth"] != old["bandwidth"]:
        tf.call("ModifyCenBandwidthPackageSpec", CenBandwidthPackageId=package_id, Bandwidth=config["bandwidth"])
        # WaitForCenBandwidthPackage(id, InUse, bandwidth): the status and the new bandwidth.
        tf.wait_for(
            lambda: (None, (lambda p: (p["Status"], p["Bandwidth"]))(tf.describe_package(package_id))),
            [("InUse", config["bandwidth"])],
        )
    if config["name"] != old["name"]:
        tf.call("ModifyCenBandwidthPackageAttribute", CenBandwidthPackageId=package_id, Name=config["name"])


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
    tf.wait_for(lambda: (None, tf.describe_instance_attachment(attachment_id)["Status"]), ["Attached"])
    return attachment_id


def instance_attachment_read(tf: Provider, attachment_id: str) -> dict:
    found = tf.describe_instance_attachment(attachment_id)
    return {"child_instance_owner_id": found["ChildInstanceOwnerId"], "status": found["Status"]}


def bandwidth_limit_set(tf: Provider, limit_id: str, bandwidth: int) -> None:
    cen_id, local, opposite = limit_id.split(":")
    tf.call(
        "SetCenInterRegionBandwidthLimit",
        CenId=cen_id,
        LocalRegionId=local,
        OppositeRegionId=opposite,
        BandwidthLimit=bandwidth,
    )


def bandwidth_limit_create(tf: Provider, cen_id: str, regions: list[str], bandwidth: int) -> str:
    local, opposite = sorted(regions)
    limit_id = f"{cen_id}:{local}:{opposite}"
    bandwidth_limit_set(tf, limit_id, bandwidth)
    tf.wait_for(lambda: (None, tf.describe_bandwidth_limit(limit_id)["Status"]), ["Active"])
    return limit_id


def bandwidth_limit_read(tf: Provider, limit_id: str) -> dict:
    limit = tf.describe_bandwidth_limit(limit_id)
    return {"bandwidth_limit": limit["BandwidthLimit"], "regions": {limit["LocalRegionId"], limit["OppositeRegionId"]}}


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


# The plan: apply, refresh with no diff, update, refresh, destroy ---------------------------------------------

CEN = {"name": "tf-cen", "description": "made by terraform", "resource_group_id": "rg-tfteam0001"}
PACKAGE = {
    "bandwidth": 10,
    "name": "tf-bwp",
    "geographic_region_a_id": "China",
    "geographic_region_b_id": "North-America",
}
VPCS = [("vpc-tfhangzhou01", "cn-hangzhou"), ("vpc-tfvirginia01", "us-east-1")]
LIMIT_REGIONS = ["us-east-1", "cn-hangzhou"]


@pytest.fixture
def tf(sdk):
    return Provider(sdk)


def apply(tf: Provider) -> dict:
    cen_id = cen_instance_create(tf, CEN)
    package_id = package_create(tf, PACKAGE)
    tf.call("AssociateCenBandwidthPackage", CenId=cen_id, CenBandwidthPackageId=package_id)
    tf.wait_for(lambda: (None, tf.describe_package_attachment(package_id)["Status"]), ["InUse"])
    attachments = [instance_attachment_create(tf, cen_id, child, region) for child, region in VPCS]
    limit_id = bandwidth_limit_create(tf, cen_id, LIMIT_REGIONS, 4)
    return {"cen": cen_id, "package": package_id, "attachments": attachments, "limit": limit_id}


def refresh(tf: Provider, ids: dict) -> dict:
    return {
        "cen": cen_instance_read(tf, ids["cen"]),
        "package": package_read(tf, ids["package"]),
        "package_attachment": tf.describe_package_attachment(ids["package"])["CenIds"]["CenId"],
        "attachments": [instance_attachment_read(tf, each) for each in ids["attachments"]],
        "limit": bandwidth_limit_read(tf, ids["limit"]),
        "data": data_sources(tf, ids["cen"], "cn-hangzhou"),
    }


def test_apply_converges_and_state_matches_the_configuration(tf, user):
    """apply: every resource reaches its target state on the first poll; Read gives what was configured."""
    ids = apply(tf)
    state = refresh(tf, ids)
    assert {key: state["cen"][key] for key in CEN} == CEN
    assert state["cen"]["tags"] == {"team": "network"}
    assert (state["package"]["bandwidth"], state["package"]["name"], state["package"]["payment_type"]) == (
        10,
        "tf-bwp",
        "PREPAY",
    )
    assert state["package_attachment"] == [ids["cen"]]
    assert [each["status"] for each in state["attachments"]] == ["Attached", "Attached"]
    assert state["attachments"][0]["child_instance_owner_id"] == account_uid(user.pk)
    assert state["limit"] == {"bandwidth_limit": 4, "regions": set(LIMIT_REGIONS)}
    assert len(state["data"]["region_route_entries"]) == 2
    assert state["data"]["bandwidth_limits"] == [("cn-hangzhou", "us-east-1")]


def test_refresh_after_apply_shows_no_diff(tf):
    """A second refresh reads exactly what the first did: plan is empty."""
    ids = apply(tf)
    assert refresh(tf, ids) == refresh(tf, ids)


def test_update_changes_in_place_and_refresh_shows_no_diff(tf):
    """Rename the CEN instance, move its resource group, resize and rename the package, change the limit."""
    ids = apply(tf)
    before = refresh(tf, ids)
    new_cen = {"name": "tf-cen-2", "description": "changed", "resource_group_id": "rg-tfteam0002"}
    cen_instance_update(tf, ids["cen"], new_cen, old=CEN)
    new_package = {**PACKAGE, "bandwidth": 12, "name": "tf-bwp-2"}
    package_update(tf, ids["package"], new_package, PACKAGE)
    bandwidth_limit_set(tf, ids["limit"], 6)
    tf.wait_for(lambda: (None, tf.describe_bandwidth_limit(ids["limit"])["Status"]), ["Active"])
    after = refresh(tf, ids)
    assert {key: after["cen"][key] for key in new_cen} == new_cen
    assert (after["package"]["bandwidth"], after["package"]["name"]) == (12, "tf-bwp-2")
    assert after["limit"]["bandwidth_limit"] == 6
    assert after["package"]["expired_time"] == before["package"]["expired_time"]
    assert refresh(tf, ids) == after


def test_destroy_removes_everything_but_the_valid_subscription_package(tf, user, later):  # noqa: F811
    """destroy: the limit, the attachments, the package's attachment and the CEN instance (Deleting, then
    gone) go; the package
    is refused with Forbidden.Release (in the provider's retry list, so destroy retries until its
    timeout and fails), as on the real cloud: it stays until a deletion ticket is approved."""
    ids = apply(tf)
    # alicloud_cen_bandwidth_limit: BandwidthLimit 0, then wait until gone; a second destroy finds it gone.
    for _ in range(2):
        bandwidth_limit_set(tf, ids["limit"], 0)
        tf.wait_for(lambda: (None, tf.describe_bandwidth_limit(ids["limit"])["Status"]), [])
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
        tf.wait_for(lambda each=attachment_id: (None, tf.describe_instance_attachment(each)["Status"]), [])
    tf.call("UnassociateCenBandwidthPackage", CenId=ids["cen"], CenBandwidthPackageId=ids["package"])
    tf.wait_for(lambda: (None, tf.describe_package_attachment(ids["package"])["Status"]), [])
    refused = tf.expect(
        "DeleteCenBandwidthPackage",
        ["InvalidOperation.CenBandwidthLimitsNotZero", "ParameterBwpInstanceId", "Forbidden.Release"],
        CenBandwidthPackageId=ids["package"],
    )
    assert isinstance(refused, ServerException) and refused.get_error_code() == "Forbidden.Release"
    tf.call("DeleteCen", CenId=ids["cen"])
    # DeleteCen is asynchronous: the provider's 5-second poll meets Deleting, then the instance is gone.
    assert tf.describe_cen(ids["cen"])["Status"] == "Deleting"
    later()
    tf.wait_for(lambda: (None, tf.describe_cen(ids["cen"])["Status"]), [])
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
