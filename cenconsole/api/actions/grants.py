"""Cross-account grant rules: a network instance's account grants it to another account's CEN instance
(GrantInstanceToTransitRouter, ModifyGrantInstanceToTransitRouter, RevokeInstanceFromTransitRouter,
DescribeGrantRulesToResource), and the CEN instance's account reads what it was granted
(DescribeGrantRulesToCen) and what the replica knows of a granted VPC (ListGrantVSwitchesToCen,
ListGrantVSwitchEnis)."""

from django.core.exceptions import ValidationError

from cenconsole.accounts.uids import account_pk
from cenconsole.cen.selectors import owned_cen
from cenconsole.grants import selectors as grant_selectors
from cenconsole.grants import services as grant_services
from cenconsole.grants.models import GrantRule
from cenconsole.regions.models import Region

from .. import errors
from .. import representations as show
from ..params import Params
from .common import read_ignored, token_page

ENI_RESULTS_DEFAULT, ENI_RESULTS_MIN, ENI_RESULTS_MAX = 20, 10, 500


def grant_instance_to_transit_router(*, owner, params: Params) -> dict:
    grant_services.grant_rule_create(
        owner=owner,
        instance_type=params.string("InstanceType", required=True),
        instance_id=params.string("InstanceId", required=True),
        cen_id=params.string("CenId", required=True),
        cen_owner_uid=params.string("CenOwnerId", required=True),
        region_code=params.string("RegionId"),
        order_type=params.string("OrderType"),
    )
    return {}


def modify_grant_instance_to_transit_router(*, owner, params: Params) -> dict:
    read_ignored(params, "ClientToken")
    grant_services.grant_rule_order_type_change(
        owner=owner,
        instance_id=params.string("InstanceId", required=True),
        cen_id=params.string("CenId", required=True),
        order_type=params.string("OrderType", required=True),
    )
    return {}


def revoke_instance_from_transit_router(*, owner, params: Params) -> dict:
    read_ignored(params, "RegionId")
    grant_services.grant_rule_revoke(
        owner=owner,
        instance_type=params.string("InstanceType", required=True),
        instance_id=params.string("InstanceId", required=True),
        cen_id=params.string("CenId", required=True),
        cen_owner_uid=params.string("CenOwnerId", required=True),
    )
    return {}


def describe_grant_rules_to_resource(*, owner, params: Params) -> dict:
    """The rules of one of the caller's instances (ProductType VPC, ExpressConnect, VPN or ECR)."""
    instance_type = _instance_type(params, "ProductType", required=True)
    read_ignored(params, "RegionId")
    rules = grant_selectors.grant_rules_of_instance(
        owner=owner, instance_type=instance_type, instance_id=params.string("ResourceId", required=True)
    )
    return token_page(rules, params, wrapper="GrantRules", show_item=show.grant_rule_of_resource)


def describe_grant_rules_to_cen(*, owner, params: Params) -> dict:
    """The rules granting other accounts' instances to the caller's CEN instance, filtered by the
    instance (ChildInstanceId, ChildInstanceOwnerId, ProductType, RegionId). The replica's VPCs have no
    IPv6: EnabledIpv6=true matches none."""
    cen = owned_cen(owner=owner, cen_instance_id=params.string("CenId", required=True))
    rules = grant_selectors.grant_rules_to_cen(owner=owner, cen_id=cen.pk)
    instance_type = _instance_type(params, "ProductType", required=False)
    if instance_type:
        rules = rules.filter(instance_type=instance_type)
    if child_id := params.string("ChildInstanceId"):
        rules = rules.filter(instance_id=child_id)
    if child_owner := params.string("ChildInstanceOwnerId"):
        rules = rules.filter(owner_id=account_pk(child_owner))
    if region_id := params.string("RegionId"):
        rules = rules.filter(region_id=region_id)
    if params.boolean("EnabledIpv6"):
        rules = rules.none()
    answer = token_page(rules, params, wrapper="GrantRules", show_item=show.grant_rule_to_cen)
    answer["GrantRules"] = {"GrantRule": answer["GrantRules"]}
    return answer


def list_grant_vswitches_to_cen(*, owner, params: Params) -> dict:
    """The vSwitches the replica knows of a VPC granted to (or owned with) the caller's CEN instance:
    those its VPC connections name (the replica keeps no vSwitch of its own, nor its name)."""
    rule = _granted_vpc(owner, params, "VpcId")
    region_id = params.string("RegionId", required=True)
    if not Region.objects.filter(pk=region_id).exists():
        raise errors.invalid_parameter("RegionId", "a region ID expected (DescribeChildInstanceRegions).")
    zone_id = params.string("ZoneId")
    vswitches = grant_selectors.granted_vswitches(rule=rule, zone_id=zone_id)
    if params.boolean("EnabledIpv6"):
        vswitches = []
    number, size = params.page()
    shown = [show.granted_vswitch(each, rule.instance_id) for each in vswitches[(number - 1) * size : number * size]]
    return {"VSwitches": shown, "TotalCount": len(vswitches), "PageNumber": number, "PageSize": size}


def list_grant_vswitch_enis(*, owner, params: Params) -> dict:
    """The ENIs the replica knows in a granted VPC's vSwitch: those multicast has named."""
    rule = _granted_vpc(owner, params, "VpcId")
    interfaces = grant_selectors.granted_network_interfaces(rule=rule)
    if vswitch_id := params.string("VSwitchId"):
        interfaces = interfaces.filter(vswitch_id=vswitch_id)
    if eni_ids := params.indexed("NetworkInterfaceId"):
        interfaces = interfaces.filter(eni_id__in=eni_ids)
    # The replica records no ENI name or address: a filter on either matches none.
    if params.string("NetworkInterfaceName") or params.string("PrimaryIpAddress"):
        interfaces = interfaces.none()
    size = params.integer("MaxResults", default=ENI_RESULTS_DEFAULT)
    size = min(max(size, ENI_RESULTS_MIN), ENI_RESULTS_MAX)
    token = params.string("NextToken") or "0"
    if not token.isascii() or not token.isdigit() or len(token) > 18:
        raise errors.invalid_parameter("NextToken", "the NextToken of a previous answer expected.")
    start, total = int(token), interfaces.count()
    return {
        "GrantVSwitchEnis": [show.granted_network_interface(each) for each in interfaces[start : start + size]],
        "TotalCount": str(total),
        "MaxResults": size,
        "NextToken": str(start + size) if start + size < total else "",
    }


def _instance_type(params: Params, name: str, *, required: bool) -> str | None:
    value = params.string(name, required=required)
    if value is None:
        return None
    try:
        return grant_services.instance_type_clean(value)
    except ValidationError:
        raise errors.invalid_parameter(name, "VPC, ExpressConnect (VBR), VPN, ECR or CCN expected.") from None


def _granted_vpc(owner, params: Params, name: str) -> GrantRule:
    """The rule granting VpcId to the caller's CenId; the caller's own VPC stands as a rule of its own."""
    cen = owned_cen(owner=owner, cen_instance_id=params.string("CenId", required=True))
    vpc_id = params.string(name, required=True)
    rule = grant_selectors.granted_vpc_rule(owner=owner, cen_id=cen.pk, vpc_id=vpc_id)
    return rule or GrantRule(owner=owner, cen_owner=owner, cen_id=cen.pk, instance_id=vpc_id, instance_type="VPC")
