"""Traffic marking policies of an Active transit router and their match rules: create (with rules), add,
modify and remove rules (AddTrafficMatchRule..., ModifyTrafficMatchRule..., RemoveTrafficMatchRule...,
UpdateTrafficMarkingPolicyAttribute), delete. A change leaves the policy Updating for a few seconds."""

import ipaddress

from django.db import transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.transit.services.common import owned_router, refuse_unless_active

from ..messages import (
    ADDRESS_FAMILY,
    CIDR_FORMAT,
    DSCP_RANGE,
    MATCH_DSCP_RANGE,
    PORT_RANGE,
    PRIORITY_RANGE,
    PRIORITY_TAKEN,
    PROTOCOL,
    RULE_REPEATED,
    RULES_MAX,
    UNKNOWN_MATCH_RULE,
)
from ..models import TrafficMarkingPolicy, TrafficMatchRule
from .common import owned_marking_policy, refuse_unless_marking_active, texts

PROTOCOLS = ("HTTP", "HTTPS", "TCP", "UDP", "SSH", "Telnet", "ICMP", "ICMPv6", "GRE", "ALL")
MAX_RULES = 50  # the replica's quota of match rules per policy
ANY = -1


def _cidr(value: str, family: str) -> str:
    if not value:
        return ""
    try:
        network = ipaddress.ip_network(value.strip(), strict=False)
    except ValueError:
        network = None
    if network is None or network.version != (4 if family == "IPv4" else 6):
        raise field_error("traffic_match_rule", CIDR_FORMAT, "traffic_match_rule_value", value=value)
    return value.strip()  # as given (listed back as written: Terraform compares it)


def _ports(value) -> list[int]:
    if not value:
        return []
    ports = list(value)
    valid = len(ports) == 2 and (
        ports == [ANY, ANY] or (1 <= ports[0] <= 65535 and 1 <= ports[1] <= 65535 and ports[0] <= ports[1])
    )
    if not valid:
        raise field_error("traffic_match_rule", PORT_RANGE, "traffic_match_rule_value")
    return ports


def rule_clean(rule: dict) -> dict:
    """One match rule's fields as the model keeps them (name, description, what it matches)."""
    family = rule.get("address_family") or "IPv4"
    if family not in ("IPv4", "IPv6"):
        raise field_error("traffic_match_rule", ADDRESS_FAMILY, "traffic_match_rule_value")
    protocol = rule.get("protocol") or ""
    if protocol not in PROTOCOLS:
        raise field_error("traffic_match_rule", PROTOCOL, "traffic_match_rule_value", choices=", ".join(PROTOCOLS))
    dscp = rule.get("match_dscp")
    dscp = ANY if dscp is None else dscp
    if not ANY <= dscp <= 63:
        raise field_error("traffic_match_rule", MATCH_DSCP_RANGE, "traffic_match_rule_value")
    return {
        "address_family": family,
        "src_cidr": _cidr(rule.get("src_cidr") or "", family),
        "dst_cidr": _cidr(rule.get("dst_cidr") or "", family),
        "src_port_range": _ports(rule.get("src_port_range")),
        "dst_port_range": _ports(rule.get("dst_port_range")),
        "protocol": protocol,
        "match_dscp": dscp,
        **texts(name=rule.get("name"), description=rule.get("description")),
    }


def _rules_make(policy: TrafficMarkingPolicy, rules: list[dict], *, now) -> list[TrafficMatchRule]:
    """New rules of the policy (Creating until now + the transition): none matching what another matches."""
    present = {rule.matches() for rule in policy.rules.live()}
    made = []
    for given in rules:
        rule = TrafficMatchRule(policy=policy, created_at=now, **rule_clean(given))
        if rule.matches() in present:
            raise refusal(RULE_REPEATED, "traffic_match_rule_repeated", policy_id=policy.pk)
        present.add(rule.matches())
        made.append(rule)
    if len(present) > MAX_RULES:
        raise refusal(RULES_MAX, "traffic_match_rules_max", limit=MAX_RULES)
    TrafficMatchRule.objects.bulk_create(made)
    return made


def _changed(policy: TrafficMarkingPolicy, now) -> None:
    policy.updated_at = now
    policy.save(update_fields=["updated_at"])


@transaction.atomic
def traffic_marking_policy_create(
    *,
    owner,
    transit_router_id: str,
    priority: int,
    marking_dscp: int,
    name: str = "",
    description: str = "",
    rules: list[dict] = (),
) -> TrafficMarkingPolicy:
    """CreateTrafficMarkingPolicy: a policy of an Active router, of a priority (1 to 100) no other
    policy of the router has, marking with a DSCP value (0 to 63); Creating, then Active."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    refuse_unless_active(router)
    if not 1 <= priority <= 100:
        raise field_error("priority", PRIORITY_RANGE, "traffic_marking_priority")
    if not 0 <= marking_dscp <= 63:
        raise field_error("marking_dscp", DSCP_RANGE, "traffic_marking_dscp")
    if TrafficMarkingPolicy.objects.live().filter(transit_router=router, priority=priority).exists():
        raise refusal(PRIORITY_TAKEN, "traffic_marking_priority_taken", transit_router_id=router.pk, priority=priority)
    policy = TrafficMarkingPolicy(
        owner=owner,
        transit_router=router,
        priority=priority,
        marking_dscp=marking_dscp,
        **texts(name=name, description=description),
    )
    policy.save(force_insert=True)
    _rules_make(policy, list(rules), now=policy.created_at)
    audit_record(
        actor=owner,
        action="traffic_marking_policy.created",
        target=policy,
        changes={"transit_router": (None, router.pk), "priority": (None, priority), "rules": (None, len(rules))},
    )
    return policy


@transaction.atomic
def match_rules_add(*, owner, policy_id: str, rules: list[dict]) -> list[TrafficMatchRule]:
    """AddTrafficMatchRuleToTrafficMarkingPolicy: more rules of an Active policy (Updating meanwhile)."""
    policy = owned_marking_policy(owner=owner, policy_id=policy_id)
    refuse_unless_marking_active(policy)
    now = clock.now()
    made = _rules_make(policy, rules, now=now)
    _changed(policy, now)
    audit_record(
        actor=owner, action="traffic_match_rule.added", target=policy, changes={"rules": (None, [r.pk for r in made])}
    )
    return made


def _rules_drop(policy: TrafficMarkingPolicy, rules, now) -> list[str]:
    ids = [rule.pk for rule in rules]
    TrafficMatchRule.objects.filter(pk__in=ids).update(deleted_at=now)
    return ids


@transaction.atomic
def match_rules_remove(*, owner, policy_id: str, rule_ids: list[str]) -> list[str]:
    """RemoveTrafficMatchRuleFromTrafficMarkingPolicy: the named rules of an Active policy are Deleting,
    then gone."""
    policy = owned_marking_policy(owner=owner, policy_id=policy_id)
    refuse_unless_marking_active(policy)
    rules = list(policy.rules.live().filter(pk__in=rule_ids))
    missing = sorted(set(rule_ids) - {rule.pk for rule in rules})
    if missing:
        raise field_error(
            "traffic_match_rule",
            UNKNOWN_MATCH_RULE,
            "unknown_traffic_match_rule",
            policy_id=policy.pk,
            rule_id=missing[0],
        )
    now = clock.now()
    removed = _rules_drop(policy, rules, now)
    _changed(policy, now)
    audit_record(actor=owner, action="traffic_match_rule.removed", target=policy, changes={"rules": (removed, None)})
    return removed


@transaction.atomic
def match_rule_modify(
    *, owner, policy_id: str, rule_id: str, name: str | None = None, description: str | None = None
) -> TrafficMatchRule:
    """ModifyTrafficMatchRuleToTrafficMarkingPolicy: a rule's name or description (None: as it is)."""
    policy = owned_marking_policy(owner=owner, policy_id=policy_id)
    refuse_unless_marking_active(policy)
    rule = policy.rules.live().select_for_update().filter(pk=rule_id).first()
    if rule is None:
        raise field_error(
            "traffic_match_rule", UNKNOWN_MATCH_RULE, "unknown_traffic_match_rule", policy_id=policy.pk, rule_id=rule_id
        )
    audited_update(
        actor=owner,
        action="traffic_match_rule.modified",
        instance=rule,
        fields=["name", "description"],
        data=texts(name=name, description=description),
    )
    return rule


@transaction.atomic
def traffic_marking_policy_update(
    *,
    owner,
    policy_id: str,
    name: str | None = None,
    description: str | None = None,
    add_rules: list[dict] = (),
    delete_rules: list[dict] = (),
) -> TrafficMarkingPolicy:
    """UpdateTrafficMarkingPolicyAttribute: a new name or description, and rules added and removed (a
    rule to remove is named by what it matches, as AddTrafficMatchRules names a new one)."""
    policy = owned_marking_policy(owner=owner, policy_id=policy_id)
    refuse_unless_marking_active(policy)
    now = clock.now()
    if delete_rules:
        wanted = {TrafficMatchRule(**rule_clean(given)).matches() for given in delete_rules}
        removed = _rules_drop(policy, [rule for rule in policy.rules.live() if rule.matches() in wanted], now)
        audit_record(
            actor=owner, action="traffic_match_rule.removed", target=policy, changes={"rules": (removed, None)}
        )
    if add_rules:
        made = _rules_make(policy, list(add_rules), now=now)
        audit_record(
            actor=owner,
            action="traffic_match_rule.added",
            target=policy,
            changes={"rules": (None, [r.pk for r in made])},
        )
    changed = audited_update(
        actor=owner,
        action="traffic_marking_policy.modified",
        instance=policy,
        fields=["name", "description"],
        data=texts(name=name, description=description),
    )
    if changed or add_rules or delete_rules:
        _changed(policy, now)
    return policy


@transaction.atomic
def traffic_marking_policy_delete(*, owner, policy_id: str) -> TrafficMarkingPolicy:
    """DeleteTrafficMarkingPolicy: an Active policy and its rules are Deleting, then gone."""
    policy = owned_marking_policy(owner=owner, policy_id=policy_id)
    refuse_unless_marking_active(policy)
    now = clock.now()
    policy.rules.live().update(deleted_at=now)
    policy.deleted_at = now
    policy.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner, action="traffic_marking_policy.deleted", target=policy, changes={"deleted_at": (None, now)}
    )
    return policy
