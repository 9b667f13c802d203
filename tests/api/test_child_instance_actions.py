"""AttachCenChildInstance, DetachCenChildInstance, DescribeCenAttachedChildInstances and
DescribeChildInstanceRegions: the Networks tab's network instances through the API, and refusals."""

import pytest

from cenconsole.accounts.uids import account_uid
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance
from cenconsole.regions.models import Region
from tests.api.conftest import api_call
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

VPC_ID = "vpc-bp18sth14qii3pnvx0001"


def attach(client, cen_id, child_id=VPC_ID, region="cn-hangzhou", **overrides):
    parameters = {
        "CenId": cen_id,
        "ChildInstanceId": child_id,
        "ChildInstanceRegionId": region,
        "ChildInstanceType": "VPC",
        **overrides,
    }
    return api_call(client, "AttachCenChildInstance", **parameters)


def detach(client, cen_id, child_id=VPC_ID, region="cn-hangzhou"):
    return api_call(
        client,
        "DetachCenChildInstance",
        CenId=cen_id,
        ChildInstanceId=child_id,
        ChildInstanceRegionId=region,
        ChildInstanceType="VPC",
    )


def test_attach_makes_a_network_instance_on_the_networks_tab(client, access_key, client_user, cen_instance):
    """A VPC attached by API is the Networks tab's network instance, with the ChildInstanceId as its ID."""
    answer = attach(client, cen_instance.pk)
    assert answer.status == 200, answer.body
    network = NetworkInstance.objects.get(instance_id=VPC_ID)
    assert (network.cen_instance_id, network.region_id, network.owner) == (
        cen_instance.pk,
        "cn-hangzhou",
        cen_instance.owner,
    )
    page = client.get(f"/cen/instances/{cen_instance.pk}/networks/")
    assert VPC_ID in page.content.decode()


def test_a_network_attached_in_the_console_is_described_by_the_api(client, access_key, user, cen_instance):
    """DescribeCenAttachedChildInstances lists the Networks tab's network instances."""
    network = network_services.network_instance_attach(
        owner=user, cen_instance_id=cen_instance.pk, region_code="us-east-1"
    )
    answer = api_call(client, "DescribeCenAttachedChildInstances", CenId=cen_instance.pk)
    (child,) = answer.body["ChildInstances"]["ChildInstance"]
    assert child["ChildInstanceId"] == network.instance_id
    assert (child["CenId"], child["ChildInstanceType"], child["ChildInstanceRegionId"], child["Status"]) == (
        cen_instance.pk,
        "VPC",
        "us-east-1",
        "Attached",
    )
    assert answer.body["TotalCount"] == 1


def test_describe_attached_filters_by_region(client, access_key, user, cen_instance):
    """ChildInstanceRegionId keeps the network instances of that region."""
    attach(client, cen_instance.pk, "vpc-hangzhou1", "cn-hangzhou")
    attach(client, cen_instance.pk, "vpc-virginia1", "us-east-1")
    answer = api_call(
        client, "DescribeCenAttachedChildInstances", CenId=cen_instance.pk, ChildInstanceRegionId="us-east-1"
    )
    assert [child["ChildInstanceId"] for child in answer.body["ChildInstances"]["ChildInstance"]] == ["vpc-virginia1"]


def test_detach_removes_the_network_instance(client, access_key, cen_instance):
    """DetachCenChildInstance: the network instance leaves the CEN instance (and the Networks tab)."""
    attach(client, cen_instance.pk)
    assert detach(client, cen_instance.pk).status == 200
    assert not NetworkInstance.objects.filter(instance_id=VPC_ID).exists()


def test_a_detached_vpc_can_be_attached_again(client, access_key, user, cen_instance):
    """Detached, the same VPC ID can be attached to another CEN instance."""
    other = CenInstanceFactory(owner=user)
    attach(client, cen_instance.pk)
    detach(client, cen_instance.pk)
    assert attach(client, other.pk).status == 200


def test_describe_child_instance_regions_lists_the_seed_regions(client, access_key):
    """DescribeChildInstanceRegions: every region of the seed's table, with its name."""
    answer = api_call(client, "DescribeChildInstanceRegions", ProductType="VPC")
    regions = answer.body["Regions"]["Region"]
    assert len(regions) == Region.objects.count() == 18
    assert {"RegionId": "cn-hangzhou", "LocalName": "China (Hangzhou)"} in regions


# Refusals ------------------------------------------------------------------------------------------------


def test_attaching_a_vpc_attached_elsewhere_is_refused(client, access_key, user, cen_instance):
    """A VPC already attached to a CEN instance: InvalidOperation.ChildInstanceAlreadyAttached, 409."""
    attach(client, cen_instance.pk)
    answer = attach(client, CenInstanceFactory(owner=user).pk)
    assert (answer.status, answer.code) == (409, "InvalidOperation.ChildInstanceAlreadyAttached")


def test_two_accounts_may_attach_the_same_vpc_id(client, access_key, other_user):
    """A VPC ID another account has attached: mine attaches too, each to its own CEN instance."""
    theirs = CenInstanceFactory(owner=other_user)
    network_services.network_instance_attach(
        owner=other_user, cen_instance_id=theirs.pk, region_code="cn-hangzhou", network_id=VPC_ID
    )
    mine = CenInstanceFactory(owner=access_key.owner)
    answer = attach(client, mine.pk)
    assert answer.status == 200, answer.body
    owners = {network.owner: network.cen_instance_id for network in NetworkInstance.objects.filter(instance_id=VPC_ID)}
    assert owners == {other_user: theirs.pk, access_key.owner: mine.pk}


def test_neither_account_learns_of_the_others_vpc(client, access_key, other_user):
    """Each account's describe and detach see its own VPC only; the other's stays attached."""
    theirs = CenInstanceFactory(owner=other_user)
    network_services.network_instance_attach(
        owner=other_user, cen_instance_id=theirs.pk, region_code="cn-hangzhou", network_id=VPC_ID
    )
    mine = CenInstanceFactory(owner=access_key.owner)
    attach(client, mine.pk)
    answer = api_call(client, "DescribeCenAttachedChildInstances", CenId=mine.pk)
    assert [child["CenId"] for child in answer.body["ChildInstances"]["ChildInstance"]] == [mine.pk]
    assert detach(client, mine.pk).status == 200
    assert NetworkInstance.objects.get(instance_id=VPC_ID).owner == other_user


def test_attach_to_an_unknown_cen_is_refused(client, access_key):
    """Attach to a CEN ID that does not exist: ParameterCenInstanceId."""
    answer = attach(client, "cen-doesnotexist00000")
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")


def test_attach_to_another_accounts_cen_is_refused(client, access_key, other_user):
    """Attach to another account's CEN instance: refused as unknown, nothing attached."""
    answer = attach(client, CenInstanceFactory(owner=other_user).pk)
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")
    assert not NetworkInstance.objects.exists()


@pytest.mark.parametrize("child_id", ["bp18sth14qii3pnvx", "vpc-", "vpc-UPPER", "vpc-has space", "vpc-" + "a" * 29])
def test_a_child_instance_id_not_of_the_vpc_form_is_refused(client, access_key, cen_instance, child_id):
    """ChildInstanceId must be vpc- and lower-case letters and digits: InvalidParameter."""
    answer = attach(client, cen_instance.pk, child_id)
    assert (answer.status, answer.code) == (400, "InvalidParameter")


def test_attach_in_an_unknown_region_is_refused(client, access_key, cen_instance):
    """ChildInstanceRegionId not in the seed's table: ParameterIllegal.RegionId."""
    answer = attach(client, cen_instance.pk, region="mars-north-1")
    assert (answer.status, answer.code) == (400, "ParameterIllegal.RegionId")


def test_attach_of_another_type_is_refused(client, access_key, cen_instance):
    """Only VPCs: ChildInstanceType VBR is InvalidParameter."""
    answer = attach(client, cen_instance.pk, ChildInstanceType="VBR")
    assert (answer.status, answer.code) == (400, "InvalidParameter")


def test_attach_across_accounts_is_refused(client, access_key, cen_instance):
    """ChildInstanceOwnerId of another account: Forbbiden.AttachChildInstanceAcrossUid, 409 (sic)."""
    answer = attach(client, cen_instance.pk, ChildInstanceOwnerId="1688000000000000")
    assert (answer.status, answer.code) == (409, "Forbbiden.AttachChildInstanceAcrossUid")


def test_detach_of_an_unattached_vpc_is_refused(client, access_key, cen_instance):
    """Detach a VPC that is not attached to the CEN instance: ParameterInstanceId."""
    answer = detach(client, cen_instance.pk)
    assert (answer.status, answer.code) == (400, "ParameterInstanceId")


def test_detach_in_the_wrong_region_is_refused(client, access_key, cen_instance):
    """ChildInstanceRegionId other than the VPC's: ParameterInstanceId, and the VPC stays."""
    attach(client, cen_instance.pk)
    answer = detach(client, cen_instance.pk, region="us-east-1")
    assert (answer.status, answer.code) == (400, "ParameterInstanceId")
    assert NetworkInstance.objects.filter(instance_id=VPC_ID).exists()


def test_detach_from_another_accounts_cen_is_refused(client, access_key, other_user):
    """Detach from another account's CEN instance: ParameterCenInstanceId, and their VPC stays."""
    theirs = CenInstanceFactory(owner=other_user)
    network_services.network_instance_attach(
        owner=other_user, cen_instance_id=theirs.pk, region_code="cn-hangzhou", network_id=VPC_ID
    )
    answer = detach(client, theirs.pk)
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")
    assert NetworkInstance.objects.filter(instance_id=VPC_ID).exists()


def test_describe_attached_of_another_accounts_cen_is_refused(client, access_key, other_user):
    """DescribeCenAttachedChildInstances of another account's CEN instance: ParameterCenInstanceId."""
    answer = api_call(client, "DescribeCenAttachedChildInstances", CenId=CenInstanceFactory(owner=other_user).pk)
    assert (answer.status, answer.code) == (400, "ParameterCenInstanceId")


def test_describe_child_instance_regions_of_another_type_is_refused(client, access_key):
    """ProductType other than VPC: InvalidParameter."""
    answer = api_call(client, "DescribeChildInstanceRegions", ProductType="VBR")
    assert (answer.status, answer.code) == (400, "InvalidParameter")


# DescribeCenAttachedChildInstanceAttribute: what Terraform's provider polls after an attach ------------


def describe_attribute(client, cen_id, child_id=VPC_ID, region="cn-hangzhou"):
    return api_call(
        client,
        "DescribeCenAttachedChildInstanceAttribute",
        CenId=cen_id,
        ChildInstanceId=child_id,
        ChildInstanceRegionId=region,
        ChildInstanceType="VPC",
    )


def test_attribute_of_an_attached_vpc_says_attached(client, access_key, user, cen_instance):
    """An attached VPC: Status Attached, its region, type, owner, attach time, name and CIDR block."""
    network = network_services.network_instance_attach(
        owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", network_id=VPC_ID, name="web"
    )
    answer = describe_attribute(client, cen_instance.pk)
    assert answer.status == 200, answer.body
    body = answer.body
    assert (body["Status"], body["CenId"], body["ChildInstanceId"], body["ChildInstanceName"]) == (
        "Attached",
        cen_instance.pk,
        VPC_ID,
        "web",
    )
    assert (body["ChildInstanceRegionId"], body["ChildInstanceType"], body["ChildInstanceOwnerId"]) == (
        "cn-hangzhou",
        "VPC",
        account_uid(user.pk),
    )
    assert body["ChildInstanceAttachTime"] == network.created_at.strftime("%Y-%m-%dT%H:%MZ")
    assert body["ChildInstanceAttributes"]["CidrBlock"] == network.cidr_block


def test_attribute_of_a_vpc_not_attached_is_parameter_instance_id(client, access_key, cen_instance):
    """A VPC that is not attached: ParameterInstanceId with 400, never a 404 (which Terraform reads as gone)."""
    answer = describe_attribute(client, cen_instance.pk)
    assert (answer.status, answer.code) == (400, "ParameterInstanceId")


def test_attribute_of_another_accounts_vpc_is_parameter_instance_id(client, access_key, other_user):
    """Another account's VPC with that ID, attached to my CEN ID's namesake: refused as not attached."""
    theirs = CenInstanceFactory(owner=other_user)
    network_services.network_instance_attach(
        owner=other_user, cen_instance_id=theirs.pk, region_code="cn-hangzhou", network_id=VPC_ID
    )
    mine = CenInstanceFactory(owner=access_key.owner)
    answer = describe_attribute(client, mine.pk)
    assert (answer.status, answer.code) == (400, "ParameterInstanceId")


def test_detach_takes_the_callers_own_owner_ids(client, access_key, cen_instance):
    """ChildInstanceOwnerId and CenOwnerId of the caller (Terraform sends them from its state): detached."""
    attach(client, cen_instance.pk)
    answer = api_call(
        client,
        "DetachCenChildInstance",
        CenId=cen_instance.pk,
        ChildInstanceId=VPC_ID,
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
        ChildInstanceOwnerId=str(access_key.owner.pk),
        CenOwnerId=str(access_key.owner.pk),
    )
    assert answer.status == 200, answer.body
    assert not NetworkInstance.objects.filter(instance_id=VPC_ID).exists()


def test_detach_naming_another_owner_is_refused(client, access_key, cen_instance):
    """ChildInstanceOwnerId of another account on detach: Forbbiden.AttachChildInstanceAcrossUid, the VPC stays."""
    attach(client, cen_instance.pk)
    answer = api_call(
        client,
        "DetachCenChildInstance",
        CenId=cen_instance.pk,
        ChildInstanceId=VPC_ID,
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
        ChildInstanceOwnerId="1688000000000000",
    )
    assert (answer.status, answer.code) == (409, "Forbbiden.AttachChildInstanceAcrossUid")
    assert NetworkInstance.objects.filter(instance_id=VPC_ID).exists()


def test_detach_takes_the_callers_16_digit_account_id(client, access_key, cen_instance):
    """ChildInstanceOwnerId as the API answers it (the account's 16-digit ID): the caller's own, detached."""
    attach(client, cen_instance.pk)
    answer = api_call(
        client,
        "DetachCenChildInstance",
        CenId=cen_instance.pk,
        ChildInstanceId=VPC_ID,
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
        ChildInstanceOwnerId=str(account_uid(access_key.owner.pk)),
    )
    assert answer.status == 200
