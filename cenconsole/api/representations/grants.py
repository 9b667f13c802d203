"""Cross-account grant rules, and what the replica knows of a granted VPC (its vSwitches and ENIs)."""

from cenconsole.accounts.uids import account_uid

from .common import api_time


def grant_rule_to_cen(rule) -> dict:
    """A rule as DescribeGrantRulesToCen shows it (CreateTime in milliseconds since the epoch)."""
    return {
        "CenId": rule.cen_id,
        "CenOwnerId": account_uid(rule.cen_owner_id),
        "ChildInstanceId": rule.instance_id,
        "ChildInstanceOwnerId": account_uid(rule.owner_id),
        "ChildInstanceRegionId": rule.region_id or "",
        "ChildInstanceType": rule.instance_type,
        "CreateTime": int(rule.created_at.timestamp() * 1000),
        "EffectiveOrderType": rule.order_type,
        "OrderType": rule.order_type,
    }


def grant_rule_of_resource(rule) -> dict:
    """A rule as DescribeGrantRulesToResource shows it."""
    return {
        "CenId": rule.cen_id,
        "CenOwnerId": account_uid(rule.cen_owner_id),
        "CreateTime": api_time(rule.created_at),
        "EffectiveOrderType": rule.order_type,
        "OrderType": rule.order_type,
    }


def granted_vswitch(vswitch: dict, vpc_id: str) -> dict:
    return {"VSwitchId": vswitch["VSwitchId"], "VSwitchName": "", "VpcId": vpc_id, "ZoneId": vswitch["ZoneId"] or ""}


def granted_network_interface(interface) -> dict:
    return {
        "Description": "",
        "NetworkInterfaceId": interface.eni_id,
        "NetworkInterfaceName": "",
        "PrimaryIpAddress": "",
        "TransitRouterFlag": False,
        "VSwitchId": interface.vswitch_id,
        "VpcId": interface.vpc_id,
    }
