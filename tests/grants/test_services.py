"""Grant rules' services: grant, change who pays, revoke, and the check the attach paths make."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.accounts.uids import account_uid
from cenconsole.audit.models import AuditRecord
from cenconsole.grants import services
from cenconsole.grants.models import GrantRule
from cenconsole.products.models import ProductResource
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db


def code_of(error: ValidationError) -> str:
    """The refusal's code, whether it names a field or not."""
    errors = (
        [each for group in error.error_dict.values() for each in group]
        if hasattr(error, "error_dict")
        else error.error_list
    )
    return errors[0].code


def grant(owner, cen_owner, **overrides):
    arguments = {
        "owner": owner,
        "instance_type": "VPC",
        "instance_id": "vpc-grant0001",
        "region_code": "cn-hangzhou",
        "cen_id": "cen-theirs0001",
        "cen_owner_uid": str(account_uid(cen_owner.pk)),
        **overrides,
    }
    return services.grant_rule_create(**arguments)


def test_a_grant_is_paid_by_the_cen_owner_by_default_and_audited(user, other_user):
    """A new rule: PayByCenOwner, and one audit record."""
    rule = grant(user, other_user)
    assert rule.order_type == GrantRule.OrderType.PAY_BY_CEN_OWNER
    assert AuditRecord.objects.filter(action="grant.granted", target_id=str(rule.pk)).count() == 1


def test_expressconnect_is_a_vbr_recorded_in_products(user, other_user):
    """InstanceType ExpressConnect grants a VBR, recorded as the account's products VBR."""
    rule = grant(user, other_user, instance_type="ExpressConnect", instance_id="vbr-grant0001")
    assert rule.instance_type == "VBR"
    assert ProductResource.objects.filter(owner=user, kind="VBR", resource_id="vbr-grant0001").exists()


def test_a_grant_to_ones_own_cen_is_refused(user):
    """An account's own CEN instance needs no grant."""
    with pytest.raises(ValidationError) as refusal:
        grant(user, user)
    assert code_of(refusal.value) == "grant_to_self"


def test_a_vpc_id_of_another_form_is_refused(user, other_user):
    """A VPC ID starts with vpc-."""
    with pytest.raises(ValidationError) as refusal:
        grant(user, other_user, instance_id="vbr-grant0001")
    assert code_of(refusal.value) == "grant_instance_id_format"


def test_an_unknown_order_type_is_refused(user, other_user):
    """OrderType is PayByCenOwner or PayByResourceOwner."""
    with pytest.raises(ValidationError) as refusal:
        grant(user, other_user, order_type="PayByNobody")
    assert code_of(refusal.value) == "grant_order_type"


def test_changing_who_pays_is_audited_once(user, other_user):
    """ModifyGrantInstanceToTransitRouter's service: the order type changes, with one audit record."""
    rule = grant(user, other_user)
    services.grant_rule_order_type_change(
        owner=user, instance_id=rule.instance_id, cen_id=rule.cen_id, order_type="PayByResourceOwner"
    )
    rule.refresh_from_db()
    assert rule.order_type == "PayByResourceOwner"
    assert AuditRecord.objects.filter(action="grant.modified").count() == 1


def test_only_the_granting_account_revokes(user, other_user):
    """Another account's revoke finds no rule of its own: grant_unknown."""
    rule = grant(user, other_user)
    with pytest.raises(ValidationError) as refusal:
        services.grant_rule_revoke(
            owner=other_user, instance_type="VPC", instance_id=rule.instance_id, cen_id=rule.cen_id
        )
    assert code_of(refusal.value) == "grant_unknown"


def test_the_attach_check_refuses_an_ungranted_vpc(user, other_user):
    """granted_vpc_check: no rule for that VPC and CEN instance, grant_missing."""
    grant(other_user, user, cen_id="cen-mine00001")
    with pytest.raises(ValidationError) as refusal:
        services.granted_vpc_check(
            owner=user, vpc_owner_uid=str(account_uid(other_user.pk)), vpc_id="vpc-grant0001", cen_id="cen-other0001"
        )
    assert code_of(refusal.value) == "grant_missing"


def test_the_attach_check_answers_the_granting_account(user, other_user):
    """granted_vpc_check: with the rule, the account that granted the VPC."""
    grant(other_user, user, cen_id="cen-mine00001")
    granting = services.granted_vpc_check(
        owner=user, vpc_owner_uid=str(account_uid(other_user.pk)), vpc_id="vpc-grant0001", cen_id="cen-mine00001"
    )
    assert granting == other_user


def test_granted_vpc_attach_attaches_the_vpc_naming_the_granting_account(user, other_user):
    """A VPC granted to the CEN instance is attached in the CEN instance's account, naming the granting one."""
    cen = CenInstanceFactory(owner=other_user)
    grant(user, other_user, cen_id=cen.pk)
    network = services.granted_vpc_attach(
        owner=other_user,
        cen_instance_id=cen.pk,
        vpc_owner_uid=str(account_uid(user.pk)),
        vpc_id="vpc-grant0001",
        region_code="cn-hangzhou",
    )
    assert (network.owner, network.vpc_owner, network.instance_id) == (other_user, user, "vpc-grant0001")


def test_granted_vpc_attach_refuses_a_vpc_not_granted_on_its_network_field(user, other_user):
    """Without a grant the attach is refused on network_id (grant_missing); nothing is attached."""
    cen = CenInstanceFactory(owner=other_user)
    with pytest.raises(ValidationError) as refused:
        services.granted_vpc_attach(
            owner=other_user,
            cen_instance_id=cen.pk,
            vpc_owner_uid=str(account_uid(user.pk)),
            vpc_id="vpc-grant0001",
            region_code="cn-hangzhou",
        )
    assert list(refused.value.error_dict) == ["network_id"] and code_of(refused.value) == "grant_missing"
    assert not cen.network_instances.exists()


def test_granted_vpc_attach_refuses_text_that_is_no_account_id(user, other_user):
    """A peer account UID that is not an account ID is refused on its own field."""
    cen = CenInstanceFactory(owner=other_user)
    with pytest.raises(ValidationError) as refused:
        services.granted_vpc_attach(
            owner=other_user, cen_instance_id=cen.pk, vpc_owner_uid="abc", vpc_id="vpc-x1", region_code="cn-hangzhou"
        )
    assert list(refused.value.error_dict) == ["vpc_owner_uid"]
