"""Traffic marking policies and their match rules: priorities, DSCP values, rules, statuses on the clock."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.qos import services
from cenconsole.qos.models import TrafficMarkingPolicy

pytestmark = pytest.mark.django_db

RULE = {"protocol": "TCP", "src_cidr": "10.0.0.0/16", "dst_port_range": [443, 443]}


def codes(error: ValidationError) -> set[str]:
    if hasattr(error, "error_dict"):
        return {each.code for errors in error.error_dict.values() for each in errors}
    return {each.code for each in error.error_list}


def make(connection, **extra):
    given = {"priority": 1, "marking_dscp": 5, **extra}
    return services.traffic_marking_policy_create(
        owner=connection.owner, transit_router_id=connection.transit_router_id, **given
    )


def test_a_policy_is_creating_then_active_with_its_rules(connection, later):
    """A new policy and its rule are Creating, then Active."""
    policy = make(connection, rules=[RULE])
    assert (policy.status, policy.rules.get().status) == ("Creating", "Creating")
    later(30)
    policy.refresh_from_db()
    assert (policy.status, policy.rules.get().status) == ("Active", "Active")


def test_two_policies_of_a_router_never_share_a_priority(connection):
    """A second policy of the same priority on the router is refused."""
    make(connection)
    with pytest.raises(ValidationError) as refused:
        make(connection, marking_dscp=7)
    assert codes(refused.value) == {"traffic_marking_priority_taken"}


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"priority": 0}, "traffic_marking_priority"),
        ({"priority": 101}, "traffic_marking_priority"),
        ({"marking_dscp": 64}, "traffic_marking_dscp"),
        ({"rules": [{**RULE, "protocol": "SCTP"}]}, "traffic_match_rule_value"),
        ({"rules": [{**RULE, "src_cidr": "10.0.0.0/33"}]}, "traffic_match_rule_value"),
        ({"rules": [{**RULE, "dst_port_range": [443, 80]}]}, "traffic_match_rule_value"),
        ({"rules": [{**RULE, "match_dscp": 64}]}, "traffic_match_rule_value"),
        ({"rules": [RULE, RULE]}, "traffic_match_rule_repeated"),
    ],
)
def test_values_out_of_their_ranges_are_refused(connection, extra, code):
    """Priority 1-100, DSCP 0-63, a known protocol, a valid CIDR and port range, no repeated rule."""
    with pytest.raises(ValidationError) as refused:
        make(connection, **extra)
    assert codes(refused.value) == {code}


def test_rules_are_added_and_removed_while_the_policy_is_updating(connection, later):
    """Adding a rule leaves the policy Updating; removing it leaves it Deleting, then gone."""
    policy = make(connection)
    later(30)
    (rule,) = services.match_rules_add(owner=connection.owner, policy_id=policy.pk, rules=[RULE])
    policy.refresh_from_db()
    assert policy.status == "Updating"
    later(60)
    services.match_rules_remove(owner=connection.owner, policy_id=policy.pk, rule_ids=[rule.pk])
    assert policy.rules.get().status == "Deleting"
    later(90)
    assert not policy.rules.present().exists()


def test_an_updating_policy_refuses_another_change(connection, later):
    """A policy still Creating refuses a new rule (IncorrectStatus, which Terraform retries)."""
    policy = make(connection)
    with pytest.raises(ValidationError) as refused:
        services.match_rules_add(owner=connection.owner, policy_id=policy.pk, rules=[RULE])
    assert codes(refused.value) == {"traffic_marking_policy_status"}


def test_update_removes_a_rule_named_by_what_it_matches(connection, later):
    """UpdateTrafficMarkingPolicyAttribute's DeleteTrafficMatchRules names a rule by its fields."""
    policy = make(connection, rules=[RULE])
    later(30)
    services.traffic_marking_policy_update(
        owner=connection.owner, policy_id=policy.pk, name="new", delete_rules=[RULE], add_rules=[{"protocol": "UDP"}]
    )
    assert [rule.protocol for rule in policy.rules.live()] == ["UDP"]
    assert TrafficMarkingPolicy.objects.get(pk=policy.pk).name == "new"


def test_a_deleted_policy_takes_its_rules_and_frees_its_priority(connection, later):
    """Deleting, then gone with its rules; the priority is free again at once."""
    policy = make(connection, rules=[RULE])
    later(30)
    services.traffic_marking_policy_delete(owner=connection.owner, policy_id=policy.pk)
    assert policy.rules.live().count() == 0
    assert make(connection).priority == 1
