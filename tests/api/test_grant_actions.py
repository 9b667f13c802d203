"""The grant actions through the API: answers with every key of the SDK's response models, the grant
rules they make and change, the refusals; and the attach paths honouring another account's grant."""

import pytest

from cenconsole.accounts.uids import account_uid
from cenconsole.grants import services as grants
from cenconsole.grants.models import GrantRule
from cenconsole.multicast.models import NetworkInterface
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.factories import CenInstanceFactory
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

ZONES = {"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.1.VSwitchId": "vsw-granted01"}


def ok(answer, action):
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer(action)) == []
    return answer.body


def refused(answer, code, status=400):
    assert (answer.status, answer.body["Code"]) == (status, code), answer.body


@pytest.fixture
def granted(other_user, user, cen_instance):
    """other_user's VPC vpc-granted01 in cn-hangzhou, granted to user's CEN instance."""
    return grants.grant_rule_create(
        owner=other_user,
        instance_type="VPC",
        instance_id="vpc-granted01",
        region_code="cn-hangzhou",
        cen_id=cen_instance.pk,
        cen_owner_uid=str(account_uid(user.pk)),
    )


def grant_mine(client, other_user, **extra):
    cen = CenInstanceFactory(owner=other_user)
    parameters = {
        "CenId": cen.pk,
        "CenOwnerId": str(account_uid(other_user.pk)),
        "InstanceId": "vpc-mine0001",
        "InstanceType": "VPC",
        "RegionId": "cn-hangzhou",
        **extra,
    }
    return cen, api_call(client, "GrantInstanceToTransitRouter", **parameters)


def test_grant_instance_to_transit_router_makes_a_grant_rule(client, access_key, user, other_user):
    """GrantInstanceToTransitRouter: the caller's VPC granted to another account's CEN instance."""
    cen, answer = grant_mine(client, other_user, OrderType="PayByResourceOwner")
    ok(answer, "GrantInstanceToTransitRouter")
    rule = GrantRule.objects.get()
    assert (rule.owner, rule.cen_owner, rule.cen_id, rule.order_type) == (
        user,
        other_user,
        cen.pk,
        "PayByResourceOwner",
    )


def test_grant_of_an_unknown_account_is_refused(client, access_key):
    """A CenOwnerId that names no account: IllegalParam.CenOwnerId."""
    answer = api_call(
        client,
        "GrantInstanceToTransitRouter",
        CenId="cen-nobody01",
        CenOwnerId="1999999999999999",
        InstanceId="vpc-mine0001",
        InstanceType="VPC",
    )
    refused(answer, "IllegalParam.CenOwnerId")


def test_granting_twice_is_refused(client, access_key, other_user):
    """The same instance granted to the same CEN instance again: InstanceExist.GrantRule."""
    cen, _ = grant_mine(client, other_user)
    again = api_call(
        client,
        "GrantInstanceToTransitRouter",
        CenId=cen.pk,
        CenOwnerId=str(account_uid(other_user.pk)),
        InstanceId="vpc-mine0001",
        InstanceType="VPC",
    )
    refused(again, "InstanceExist.GrantRule")


def test_describe_grant_rules_to_resource_lists_the_rules_of_the_instance(client, access_key, other_user):
    """DescribeGrantRulesToResource: the rule Terraform reads back, with the CEN instance's account."""
    cen, _ = grant_mine(client, other_user)
    body = ok(
        api_call(client, "DescribeGrantRulesToResource", ProductType="VPC", ResourceId="vpc-mine0001", RegionId="x"),
        "DescribeGrantRulesToResource",
    )
    assert [(rule["CenId"], rule["CenOwnerId"], rule["OrderType"]) for rule in body["GrantRules"]] == [
        (cen.pk, account_uid(other_user.pk), "PayByCenOwner")
    ]


def test_modify_grant_changes_who_pays(client, access_key, other_user):
    """ModifyGrantInstanceToTransitRouter: the OrderType changes."""
    cen, _ = grant_mine(client, other_user)
    parameters = {"CenId": cen.pk, "InstanceId": "vpc-mine0001", "OrderType": "PayByResourceOwner"}
    ok(api_call(client, "ModifyGrantInstanceToTransitRouter", **parameters), "ModifyGrantInstanceToTransitRouter")
    assert GrantRule.objects.get().order_type == "PayByResourceOwner"


def test_revoke_removes_the_rule(client, access_key, other_user):
    """RevokeInstanceFromTransitRouter: the rule is gone."""
    cen, _ = grant_mine(client, other_user)
    parameters = {
        "CenId": cen.pk,
        "CenOwnerId": str(account_uid(other_user.pk)),
        "InstanceId": "vpc-mine0001",
        "InstanceType": "VPC",
    }
    ok(api_call(client, "RevokeInstanceFromTransitRouter", **parameters), "RevokeInstanceFromTransitRouter")
    assert not GrantRule.objects.exists()


def test_revoking_an_unknown_grant_answers_not_found(client, access_key, other_user):
    """No such rule: InvalidGrantRule.NotFound with 404 (Terraform's destroy reads it as gone)."""
    parameters = {
        "CenId": "cen-none0001",
        "CenOwnerId": str(account_uid(other_user.pk)),
        "InstanceId": "vpc-mine0001",
        "InstanceType": "VPC",
    }
    refused(api_call(client, "RevokeInstanceFromTransitRouter", **parameters), "InvalidGrantRule.NotFound", 404)


def test_describe_grant_rules_to_cen_lists_what_was_granted(client, access_key, cen_instance, other_user, granted):
    """DescribeGrantRulesToCen: the other account's VPC, with both accounts' IDs."""
    body = ok(api_call(client, "DescribeGrantRulesToCen", CenId=cen_instance.pk), "DescribeGrantRulesToCen")
    (rule,) = body["GrantRules"]["GrantRule"]
    assert (rule["ChildInstanceId"], rule["ChildInstanceOwnerId"], rule["ChildInstanceType"]) == (
        "vpc-granted01",
        account_uid(other_user.pk),
        "VPC",
    )


def test_attach_of_a_granted_vpc_attaches_it(client, access_key, cen_instance, other_user, granted):
    """AttachCenChildInstance with the granting account's ChildInstanceOwnerId: attached, and listed as its."""
    attach = {
        "CenId": cen_instance.pk,
        "ChildInstanceId": "vpc-granted01",
        "ChildInstanceRegionId": "cn-hangzhou",
        "ChildInstanceType": "VPC",
        "ChildInstanceOwnerId": str(account_uid(other_user.pk)),
    }
    assert api_call(client, "AttachCenChildInstance", **attach).status == 200
    listed = api_call(client, "DescribeCenAttachedChildInstances", CenId=cen_instance.pk).body
    (child,) = listed["ChildInstances"]["ChildInstance"]
    assert child["ChildInstanceOwnerId"] == account_uid(other_user.pk)


def test_attach_of_another_accounts_vpc_without_a_grant_is_refused(client, access_key, cen_instance, other_user):
    """No grant: Forbbiden.AttachChildInstanceAcrossUid (409), as before grants existed."""
    attach = {
        "CenId": cen_instance.pk,
        "ChildInstanceId": "vpc-granted01",
        "ChildInstanceRegionId": "cn-hangzhou",
        "ChildInstanceType": "VPC",
        "ChildInstanceOwnerId": str(account_uid(other_user.pk)),
    }
    refused(api_call(client, "AttachCenChildInstance", **attach), "Forbbiden.AttachChildInstanceAcrossUid", 409)


def test_a_granted_vpc_connects_to_a_transit_router(client, access_key, cen_instance, other_user, granted, later):  # noqa: F811
    """CreateTransitRouterVpcAttachment with VpcOwnerId of the granting account: connected, VpcOwnerId its."""
    router_id = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou").body[
        "TransitRouterId"
    ]
    later()
    create = {"TransitRouterId": router_id, "VpcId": "vpc-granted01", "VpcOwnerId": str(account_uid(other_user.pk))}
    assert api_call(client, "CreateTransitRouterVpcAttachment", **create, **ZONES).status == 200
    listed = api_call(client, "ListTransitRouterVpcAttachments", TransitRouterId=router_id).body
    assert listed["TransitRouterAttachments"][0]["VpcOwnerId"] == account_uid(other_user.pk)


def test_a_vpc_connection_of_an_ungranted_vpc_is_refused(client, access_key, cen_instance, other_user, later):  # noqa: F811
    """VpcOwnerId of an account that granted nothing: Forbbiden.AttachChildInstanceAcrossUid."""
    router_id = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou").body[
        "TransitRouterId"
    ]
    later()
    create = {"TransitRouterId": router_id, "VpcId": "vpc-granted01", "VpcOwnerId": str(account_uid(other_user.pk))}
    answer = api_call(client, "CreateTransitRouterVpcAttachment", **create, **ZONES)
    refused(answer, "Forbbiden.AttachChildInstanceAcrossUid", 409)


def test_revoke_is_refused_while_the_vpc_is_attached(client, access_key, cen_instance, other_user, user, granted):
    """The granting account cannot revoke while the grantee still has the VPC attached."""
    api_call(
        client,
        "AttachCenChildInstance",
        CenId=cen_instance.pk,
        ChildInstanceId="vpc-granted01",
        ChildInstanceRegionId="cn-hangzhou",
        ChildInstanceType="VPC",
        ChildInstanceOwnerId=str(account_uid(other_user.pk)),
    )
    with pytest.raises(Exception) as refusal:
        grants.grant_rule_revoke(
            owner=other_user,
            instance_type="VPC",
            instance_id="vpc-granted01",
            cen_id=cen_instance.pk,
            cen_owner_uid=str(account_uid(user.pk)),
        )
    assert refusal.value.error_list[0].code == "grant_in_use"


def test_list_grant_vswitches_to_cen_answers_the_vswitches_the_replica_knows(
    client,
    access_key,
    cen_instance,
    other_user,
    granted,
    later,  # noqa: F811
):
    """ListGrantVSwitchesToCen: the vSwitches the granted VPC's connection names."""
    router_id = api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId="cn-hangzhou").body[
        "TransitRouterId"
    ]
    later()
    create = {"TransitRouterId": router_id, "VpcId": "vpc-granted01", "VpcOwnerId": str(account_uid(other_user.pk))}
    api_call(client, "CreateTransitRouterVpcAttachment", **create, **ZONES)
    query = {"CenId": cen_instance.pk, "VpcId": "vpc-granted01", "RegionId": "cn-hangzhou"}
    body = ok(api_call(client, "ListGrantVSwitchesToCen", **query), "ListGrantVSwitchesToCen")
    assert [(each["VSwitchId"], each["ZoneId"]) for each in body["VSwitches"]] == [("vsw-granted01", "cn-hangzhou-h")]


def test_list_grant_vswitch_enis_answers_the_enis_the_replica_knows(
    client, access_key, cen_instance, other_user, granted
):
    """ListGrantVSwitchEnis: the ENIs recorded in the granted VPC (TotalCount a string, as the model has it)."""
    NetworkInterface.objects.create(
        owner=other_user, eni_id="eni-granted01", region_id="cn-hangzhou", vpc_id="vpc-granted01", vswitch_id="vsw-g1"
    )
    body = ok(
        api_call(client, "ListGrantVSwitchEnis", CenId=cen_instance.pk, VpcId="vpc-granted01"), "ListGrantVSwitchEnis"
    )
    assert [each["NetworkInterfaceId"] for each in body["GrantVSwitchEnis"]] == ["eni-granted01"]
    assert body["TotalCount"] == "1"
