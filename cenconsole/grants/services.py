"""Writes of grant rules: grant (GrantInstanceToTransitRouter, the VPC product's GrantInstanceToCen
through `manage.py grant_instance`, and the console's CEN Cross-account Authorization page), change who
pays (ModifyGrantInstanceToTransitRouter), revoke (RevokeInstanceFromTransitRouter, and Revoke on that
page); the check the attach paths make for another account's VPC, and the attach of a granted VPC
(AttachCenChildInstance with ChildInstanceOwnerId, and Attach Network's Different Account)."""

import re

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.accounts.uids import account_pk
from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core.errors import field_error, refusal
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance
from cenconsole.products.messages import UNKNOWN_REGION
from cenconsole.products.models import ProductResource
from cenconsole.products.services import product_resource_ensure
from cenconsole.regions.models import Region
from cenconsole.transit.models import TransitRouterVpcAttachment

from .messages import (
    GRANT_EXISTS,
    GRANT_IN_USE,
    GRANT_TO_SELF,
    INSTANCE_ID_FORMAT,
    NOT_GRANTED,
    UNKNOWN_CEN_OWNER,
    UNKNOWN_GRANT,
    UNKNOWN_INSTANCE_TYPE,
    UNKNOWN_ORDER_TYPE,
)
from .models import GrantRule

Type = GrantRule.InstanceType
# The types the SDK's requests spell otherwise: ExpressConnect (GrantInstanceToTransitRouter) is a VBR.
TYPE_SPELLINGS = {"EXPRESSCONNECT": Type.VBR}
OWN_PREFIXES = {Type.VPC: "vpc-", Type.CCN: "ccn-"}
PRODUCT_KINDS = {
    Type.VBR: ProductResource.Kind.VBR,
    Type.VPN: ProductResource.Kind.VPN,
    Type.ECR: ProductResource.Kind.ECR,
}


def instance_type_clean(value: str | None) -> str:
    """VPC, VBR (or ExpressConnect), VPN, ECR or CCN, in any case."""
    text = (value or "").strip().upper()
    text = TYPE_SPELLINGS.get(text, text)
    if text not in Type.values:
        raise field_error("instance_type", UNKNOWN_INSTANCE_TYPE, "grant_instance_type")
    return text


def order_type_clean(value: str | None) -> str:
    if value not in GrantRule.OrderType.values:
        raise field_error("order_type", UNKNOWN_ORDER_TYPE, "grant_order_type")
    return value


def account_named(uid: str | None, *, field: str = "cen_owner_id"):
    """The account an Alibaba Cloud account ID names (16 digits, or an earlier release's row key)."""
    pk = account_pk(str(uid or ""))
    account = get_user_model().objects.filter(pk=pk).first() if pk is not None else None
    if account is None:
        raise field_error(field, UNKNOWN_CEN_OWNER, "grant_unknown_account", cen_owner_id=uid)
    return account


def _instance_region(*, owner, instance_type: str, instance_id: str, region_code: str | None) -> Region | None:
    """The instance's region, after checking its ID; a VBR, VPN or ECR is the account's products record
    (made on first mention), a VPC or CCN ID is only checked for its form."""
    if instance_type in PRODUCT_KINDS:
        kind = PRODUCT_KINDS[instance_type]
        region = None if kind == ProductResource.Kind.ECR else region_code
        return product_resource_ensure(
            owner=owner, kind=kind, resource_id=instance_id, region_code=region, field="instance_id"
        ).region
    prefix = OWN_PREFIXES[instance_type]
    if not re.fullmatch(re.escape(prefix) + r"[a-z0-9]{1,28}", instance_id or ""):
        raise field_error(
            "instance_id", INSTANCE_ID_FORMAT, "grant_instance_id_format", instance_type=instance_type, prefix=prefix
        )
    if instance_type == Type.CCN or region_code is None:
        return None
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        raise field_error("region", UNKNOWN_REGION, "unknown_region")
    return region


@transaction.atomic
def grant_rule_create(
    *,
    owner,
    instance_type: str,
    instance_id: str,
    cen_id: str,
    cen_owner_uid: str,
    region_code: str | None = None,
    order_type: str | None = None,
) -> GrantRule:
    """Grant a network instance of `owner`'s to another account's CEN instance. One rule per instance
    and CEN instance; the CEN instance's account pays unless order_type says otherwise."""
    instance_type = instance_type_clean(instance_type)
    order_type = order_type_clean(order_type) if order_type else GrantRule.OrderType.PAY_BY_CEN_OWNER
    cen_owner = account_named(cen_owner_uid)
    if cen_owner.pk == owner.pk:
        raise field_error("cen_owner_id", GRANT_TO_SELF, "grant_to_self")
    region = _instance_region(
        owner=owner, instance_type=instance_type, instance_id=instance_id, region_code=region_code
    )
    exists = refusal(GRANT_EXISTS, "grant_exists", instance_id=instance_id, cen_id=cen_id)
    try:
        with transaction.atomic():
            rule = GrantRule.objects.create(
                owner=owner,
                instance_type=instance_type,
                instance_id=instance_id,
                region=region,
                cen_id=cen_id,
                cen_owner=cen_owner,
                order_type=order_type,
            )
    except IntegrityError:
        raise exists from None
    audit_record(
        actor=owner,
        action="grant.granted",
        target=rule,
        changes={"instance_id": (None, instance_id), "cen_id": (None, cen_id), "order_type": (None, order_type)},
    )
    return rule


def _owned_rule(*, owner, instance_id: str, cen_id: str, instance_type: str | None = None, cen_owner=None):
    rules = GrantRule.objects.select_for_update(of=("self",)).filter(
        owner=owner, instance_id=instance_id, cen_id=cen_id
    )
    if instance_type is not None:
        rules = rules.filter(instance_type=instance_type)
    if cen_owner is not None:
        rules = rules.filter(cen_owner=cen_owner)
    rule = rules.first()
    if rule is None:
        raise refusal(UNKNOWN_GRANT, "grant_unknown", instance_id=instance_id, cen_id=cen_id)
    return rule


@transaction.atomic
def grant_rule_order_type_change(*, owner, instance_id: str, cen_id: str, order_type: str) -> GrantRule:
    """Who pays for the granted instance's connection: PayByCenOwner or PayByResourceOwner."""
    order_type = order_type_clean(order_type)
    rule = _owned_rule(owner=owner, instance_id=instance_id, cen_id=cen_id)
    audited_update(
        actor=owner, action="grant.modified", instance=rule, fields=["order_type"], data={"order_type": order_type}
    )
    return rule


def _attached(rule: GrantRule) -> bool:
    """Whether the grantee's CEN instance still has the instance attached (the replica records a granted
    VPC's attachment in the CEN instance's account)."""
    if rule.instance_type != Type.VPC:
        return False
    networks = NetworkInstance.objects.filter(
        owner=rule.cen_owner, cen_instance_id=rule.cen_id, instance_id=rule.instance_id
    )
    connections = TransitRouterVpcAttachment.objects.live().filter(
        owner=rule.cen_owner, vpc_id=rule.instance_id, transit_router__cen_instance_id=rule.cen_id
    )
    return networks.exists() or connections.exists()


@transaction.atomic
def grant_rule_revoke(
    *, owner, instance_type: str, instance_id: str, cen_id: str, cen_owner_uid: str | None = None
) -> None:
    """Revoke a grant; refused while the grantee's CEN instance still has the instance attached."""
    instance_type = instance_type_clean(instance_type)
    cen_owner = account_named(cen_owner_uid) if cen_owner_uid else None
    rule = _owned_rule(
        owner=owner, instance_id=instance_id, cen_id=cen_id, instance_type=instance_type, cen_owner=cen_owner
    )
    if _attached(rule):
        raise refusal(GRANT_IN_USE, "grant_in_use", instance_id=instance_id, cen_id=cen_id)
    audit_record(actor=owner, action="grant.revoked", target=rule, changes={"cen_id": (cen_id, None)})
    rule.delete()


def granted_vpc_check(*, owner, vpc_owner_uid: str, vpc_id: str, cen_id: str | None):
    """Before `owner` attaches a VPC of another account (vpc_owner_uid) to its CEN instance cen_id: the
    VPC's account must have granted it to that CEN instance. Returns the granting account."""
    pk = account_pk(str(vpc_owner_uid))
    rule = GrantRule.objects.filter(
        owner_id=pk, instance_type=Type.VPC, instance_id=vpc_id, cen_id=cen_id, cen_owner=owner
    ).first()
    if pk is None or rule is None:
        raise refusal(NOT_GRANTED, "grant_missing", instance_id=vpc_id, cen_id=cen_id)
    return rule.owner


@transaction.atomic
def granted_vpc_attach(*, owner, cen_instance_id: str, vpc_owner_uid: str, vpc_id: str, region_code: str):
    """Attach a VPC another account (vpc_owner_uid) granted to `owner`'s CEN instance: refused unless
    that account granted it; the network instance record stays in the CEN instance's account, naming
    the granting account."""
    if account_pk(str(vpc_owner_uid or "")) is None:
        raise field_error("vpc_owner_uid", UNKNOWN_CEN_OWNER, "grant_unknown_account", cen_owner_id=vpc_owner_uid)
    try:
        vpc_owner = granted_vpc_check(owner=owner, vpc_owner_uid=vpc_owner_uid, vpc_id=vpc_id, cen_id=cen_instance_id)
    except ValidationError:
        raise field_error(
            "network_id", NOT_GRANTED, "grant_missing", instance_id=vpc_id, cen_id=cen_instance_id
        ) from None
    return network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance_id, region_code=region_code, network_id=vpc_id, vpc_owner=vpc_owner
    )
