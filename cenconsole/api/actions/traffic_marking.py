"""Traffic marking policies of transit routers and their match rules. The SDK spells two actions twice
(AddTraficMatchRule..., RemoveTraficMatchRule...): each misspelt twin is the same function."""

from cenconsole.qos import selectors as qos_selectors
from cenconsole.qos import services as qos_services

from .. import errors
from .. import representations as show
from ..params import Params
from .common import dry_run_or_run, once, read_ignored, token_page
from .qos_common import objects

RULE_FIELDS = {
    "AddressFamily": "string",
    "SrcCidr": "string",
    "DstCidr": "string",
    "SrcPortRange": "integers",
    "DstPortRange": "integers",
    "Protocol": "string",
    "MatchDscp": "integer",
    "TrafficMatchRuleName": "string",
    "TrafficMatchRuleDescription": "string",
}
FIELD_NAMES = {
    "AddressFamily": "address_family",
    "SrcCidr": "src_cidr",
    "DstCidr": "dst_cidr",
    "SrcPortRange": "src_port_range",
    "DstPortRange": "dst_port_range",
    "Protocol": "protocol",
    "MatchDscp": "match_dscp",
    "TrafficMatchRuleName": "name",
    "TrafficMatchRuleDescription": "description",
}


def _rules(params: Params, name: str) -> list[dict]:
    return [{FIELD_NAMES[key]: value for key, value in rule.items()} for rule in objects(params, name, RULE_FIELDS)]


def create_traffic_marking_policy(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    priority = params.integer("Priority", required=True)
    marking_dscp = params.integer("MarkingDscp", required=True)
    name = params.string("TrafficMarkingPolicyName") or ""
    description = params.string("TrafficMarkingPolicyDescription") or ""
    rules = _rules(params, "TrafficMatchRules")

    def create():
        return qos_services.traffic_marking_policy_create(
            owner=owner,
            transit_router_id=router_id,
            priority=priority,
            marking_dscp=marking_dscp,
            name=name,
            description=description,
            rules=rules,
        ).pk

    policy_id = dry_run_or_run(params, lambda: once(owner, params, "CreateTrafficMarkingPolicy", create))
    return {"TrafficMarkingPolicyId": policy_id}


def list_traffic_marking_policies(*, owner, params: Params) -> dict:
    policies = qos_selectors.marking_policies_for(owner=owner)
    for parameter, field in (
        ("TransitRouterId", "transit_router_id"),
        ("TrafficMarkingPolicyId", "pk"),
        ("TrafficMarkingPolicyName", "name"),
        ("TrafficMarkingPolicyDescription", "description"),
    ):
        value = params.string(parameter)
        if value:
            policies = policies.filter(**{field: value})
    return token_page(policies, params, wrapper="TrafficMarkingPolicies", show_item=show.traffic_marking_policy)


def add_traffic_match_rule_to_traffic_marking_policy(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficMarkingPolicyId", required=True)
    rules = _rules(params, "TrafficMatchRules")
    if not rules:
        raise errors.missing_parameter("TrafficMatchRules.1.Protocol")

    def add():
        qos_services.match_rules_add(owner=owner, policy_id=policy_id, rules=rules)
        return policy_id

    dry_run_or_run(params, lambda: once(owner, params, "AddTrafficMatchRuleToTrafficMarkingPolicy", add))
    return {}


def remove_traffic_match_rule_from_traffic_marking_policy(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficMarkingPolicyId", required=True)
    rule_ids = params.indexed("TrafficMarkRuleIds")
    if not rule_ids:
        raise errors.missing_parameter("TrafficMarkRuleIds.1")
    read_ignored(params, "ClientToken")
    dry_run_or_run(params, lambda: qos_services.match_rules_remove(owner=owner, policy_id=policy_id, rule_ids=rule_ids))
    return {}


def modify_traffic_match_rule_to_traffic_marking_policy(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficMarkingPolicyId", required=True)
    rule_id = params.string("TrafficMatchRuleId", required=True)
    name = params.string("TrafficMatchRuleName")
    description = params.string("TrafficMatchRuleDescription")
    read_ignored(params, "ClientToken")
    dry_run_or_run(
        params,
        lambda: qos_services.match_rule_modify(
            owner=owner, policy_id=policy_id, rule_id=rule_id, name=name, description=description
        ),
    )
    return {}


def update_traffic_marking_policy_attribute(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficMarkingPolicyId", required=True)
    name = params.string("TrafficMarkingPolicyName")
    description = params.string("TrafficMarkingPolicyDescription")
    add_rules = _rules(params, "AddTrafficMatchRules")
    delete_rules = _rules(params, "DeleteTrafficMatchRules")
    read_ignored(params, "ClientToken")
    dry_run_or_run(
        params,
        lambda: qos_services.traffic_marking_policy_update(
            owner=owner,
            policy_id=policy_id,
            name=name,
            description=description,
            add_rules=add_rules,
            delete_rules=delete_rules,
        ),
    )
    return {}


def delete_traffic_marking_policy(*, owner, params: Params) -> dict:
    """Force is read and changes nothing: the policy's rules go with it either way."""
    policy_id = params.string("TrafficMarkingPolicyId", required=True)
    params.boolean("Force")
    read_ignored(params, "ClientToken")
    dry_run_or_run(params, lambda: qos_services.traffic_marking_policy_delete(owner=owner, policy_id=policy_id))
    return {}
