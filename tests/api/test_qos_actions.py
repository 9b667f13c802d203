"""The traffic marking and inter-region QoS actions through the API: answers with every key of the SDK's
response models, rules and queues read from the SDK's flattened lists, ClientToken, DryRun, the
misspelt twins, statuses on the clock, the refusals and their codes."""

import pytest

from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.qos.conftest import connection  # noqa: F401 (the fixture)
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

RULE = {
    "TrafficMatchRules.1.Protocol": "TCP",
    "TrafficMatchRules.1.SrcCidr": "10.0.0.0/16",
    "TrafficMatchRules.1.DstPortRange.1": "443",
    "TrafficMatchRules.1.DstPortRange.2": "443",
    "TrafficMatchRules.1.MatchDscp": "-1",
    "TrafficMatchRules.1.TrafficMatchRuleName": "https",
}


def ok(answer):
    assert answer.status == 200, answer.body
    return answer.body


def create_marking(client, connection, **extra):  # noqa: F811
    given = {"TransitRouterId": connection.transit_router_id, "Priority": "3", "MarkingDscp": "12", **extra}
    return api_call(client, "CreateTrafficMarkingPolicy", **given)


def markings(client, **filters):
    return ok(api_call(client, "ListTrafficMarkingPolicies", **filters))


def create_qos(client, connection, **extra):  # noqa: F811
    given = {"TransitRouterId": connection.transit_router_id, "TransitRouterAttachmentId": connection.pk, **extra}
    return api_call(client, "CreateCenInterRegionTrafficQosPolicy", **given)


def test_a_marking_policy_is_listed_as_the_sdk_models_it(client, access_key, connection, later):  # noqa: F811
    """Create answers the tm- ID; the list shows the policy and its rule Creating, then Active."""
    created = ok(create_marking(client, connection, TrafficMarkingPolicyName="marks", **RULE))
    assert mismatches(created, sample_answer("CreateTrafficMarkingPolicy")) == []
    assert created["TrafficMarkingPolicyId"].startswith("tm-")
    listed = markings(client, TransitRouterId=connection.transit_router_id)
    assert mismatches(listed, sample_answer("ListTrafficMarkingPolicies")) == []
    (policy,) = listed["TrafficMarkingPolicies"]
    (rule,) = policy["TrafficMatchRules"]
    assert (policy["TrafficMarkingPolicyStatus"], policy["Priority"], policy["MarkingDscp"]) == ("Creating", 3, 12)
    assert (rule["Protocol"], rule["DstPortRange"], rule["MatchDscp"], rule["TrafficMatchRuleName"]) == (
        "TCP",
        [443, 443],
        -1,
        "https",
    )
    assert rule["TrafficMatchRuleId"].startswith("tm-rule-")
    later(30)
    assert markings(client)["TrafficMarkingPolicies"][0]["TrafficMarkingPolicyStatus"] == "Active"


def test_the_same_client_token_makes_one_marking_policy(client, access_key, connection):  # noqa: F811
    """A retry with the same token answers the first ID; the same token asking otherwise is refused."""
    first = ok(create_marking(client, connection, ClientToken="tm-1"))["TrafficMarkingPolicyId"]
    assert ok(create_marking(client, connection, ClientToken="tm-1"))["TrafficMarkingPolicyId"] == first
    assert create_marking(client, connection, ClientToken="tm-1", Priority="4").code == "IdempotentParameterMismatch"
    assert markings(client)["TotalCount"] == 1


def test_dry_run_creates_no_marking_policy(client, access_key, connection):  # noqa: F811
    """DryRun=true answers DryRunOperation and makes nothing."""
    assert create_marking(client, connection, DryRun="true").code == "DryRunOperation"
    assert markings(client)["TotalCount"] == 0


@pytest.mark.parametrize(
    ("extra", "code"),
    [
        ({"Priority": "0"}, "InvalidParameter"),
        ({"MarkingDscp": "64"}, "InvalidParameter"),
        ({"TransitRouterId": "tr-nothere"}, "InvalidTransitRouterInstance.NotFound"),
        ({"TrafficMatchRules.1.Protocol": "SCTP"}, "InvalidParameter"),
        ({"TrafficMatchRules.1.Colour": "red"}, "InvalidParameter"),
    ],
)
def test_marking_refusals(client, access_key, connection, extra, code):  # noqa: F811
    """Values out of range, an unknown router, an unknown protocol or rule field: refused with their codes."""
    assert create_marking(client, connection, **{**RULE, **extra}).code == code


def test_a_repeated_priority_is_refused(client, access_key, connection):  # noqa: F811
    """Two policies of one router never share a priority."""
    ok(create_marking(client, connection))
    assert create_marking(client, connection).code == "InvalidPriority.Duplicated"


def test_the_misspelt_twins_add_and_remove_rules(client, access_key, connection, later):  # noqa: F811
    """AddTraficMatchRule... and RemoveTraficMatchRule... answer as their well-spelt twins do."""
    policy_id = ok(create_marking(client, connection))["TrafficMarkingPolicyId"]
    later(30)
    added = api_call(client, "AddTraficMatchRuleToTrafficMarkingPolicy", TrafficMarkingPolicyId=policy_id, **RULE)
    assert mismatches(ok(added), sample_answer("AddTraficMatchRuleToTrafficMarkingPolicy")) == []
    (rule,) = markings(client)["TrafficMarkingPolicies"][0]["TrafficMatchRules"]
    assert markings(client)["TrafficMarkingPolicies"][0]["TrafficMarkingPolicyStatus"] == "Updating"
    later(60)
    removed = api_call(
        client,
        "RemoveTraficMatchRuleFromTrafficMarkingPolicy",
        TrafficMarkingPolicyId=policy_id,
        **{"TrafficMarkRuleIds.1": rule["TrafficMatchRuleId"]},
    )
    ok(removed)
    later(90)
    assert markings(client)["TrafficMarkingPolicies"][0]["TrafficMatchRules"] == []


def test_a_change_while_creating_is_refused_with_the_status_code(client, access_key, connection):  # noqa: F811
    """A policy still Creating: IncorrectStatus.TrafficMarkingPolicy (Terraform retries on it)."""
    policy_id = ok(create_marking(client, connection))["TrafficMarkingPolicyId"]
    answer = api_call(client, "AddTrafficMatchRuleToTrafficMarkingPolicy", TrafficMarkingPolicyId=policy_id, **RULE)
    assert answer.code == "IncorrectStatus.TrafficMarkingPolicy"


def test_an_unknown_marking_policy_is_not_found(client, access_key):
    """DeleteTrafficMarkingPolicy of an ID the caller does not have."""
    answer = api_call(client, "DeleteTrafficMarkingPolicy", TrafficMarkingPolicyId="tm-nothere")
    assert answer.code == "ResourceNotFound.TrafficMarkingPolicyId"


def test_a_qos_policy_and_its_queues_as_the_sdk_models_them(client, access_key, connection, later):  # noqa: F811
    """Create with a queue, add a second; both lists show them, every key typed."""
    created = ok(
        create_qos(
            client,
            connection,
            **{"TrafficQosQueues.1.Dscps.1": "1", "TrafficQosQueues.1.RemainBandwidthPercent": "40"},
        )
    )
    assert mismatches(created, sample_answer("CreateCenInterRegionTrafficQosPolicy")) == []
    policy_id = created["TrafficQosPolicyId"]
    assert policy_id.startswith("qos-")
    later(30)
    queue = ok(
        api_call(
            client,
            "CreateCenInterRegionTrafficQosQueue",
            TrafficQosPolicyId=policy_id,
            RemainBandwidthPercent="20",
            **{"Dscps.1": "2", "Dscps.2": "3"},
        )
    )
    assert queue["QosQueueId"].startswith("qos-queue-")
    policies = ok(api_call(client, "ListCenInterRegionTrafficQosPolicies", TrafficQosPolicyId=policy_id))
    assert mismatches(policies, sample_answer("ListCenInterRegionTrafficQosPolicies")) == []
    (policy,) = policies["TrafficQosPolicies"]
    assert policy["TrafficQosPolicyStatus"] == "Modifying"
    assert [each["EffectiveBandwidth"] for each in policy["TrafficQosQueues"]] == ["40.0", "20.0"]
    queues = ok(api_call(client, "ListCenInterRegionTrafficQosQueues", TrafficQosPolicyId=policy_id))
    assert mismatches(queues, sample_answer("ListCenInterRegionTrafficQosQueues")) == []
    assert [each["Dscps"] for each in queues["TrafficQosQueues"]] == [[1], [2, 3]]
    assert set(queues) == {"TrafficQosQueues", "NextToken", "RequestId"}


def test_queues_over_100_percent_are_refused(client, access_key, connection, later):  # noqa: F811
    """60 % then 50 %: the second queue is refused."""
    policy_id = ok(
        create_qos(
            client, connection, **{"TrafficQosQueues.1.Dscps.1": "1", "TrafficQosQueues.1.RemainBandwidthPercent": "60"}
        )
    )["TrafficQosPolicyId"]
    later(30)
    answer = api_call(
        client,
        "CreateCenInterRegionTrafficQosQueue",
        TrafficQosPolicyId=policy_id,
        RemainBandwidthPercent="50",
        **{"Dscps.1": "2"},
    )
    assert answer.code == "InvalidBandwidthPercent.Exceeded"


def test_a_second_qos_policy_on_the_connection_is_refused(client, access_key, connection):  # noqa: F811
    """One QoS policy per end of an inter-region connection."""
    ok(create_qos(client, connection))
    assert create_qos(client, connection).code == "InstanceExist.TrafficQosPolicy"


def test_a_vpc_connection_is_not_an_inter_region_one(client, access_key, connection):  # noqa: F811
    """An ID that is no inter-region connection of the router is refused by name."""
    answer = create_qos(client, connection, TransitRouterAttachmentId="tr-attach-nothere")
    assert answer.code == "IllegalParam.TransitRouterAttachmentId"


def test_dry_run_deletes_no_qos_policy(client, access_key, connection, later):  # noqa: F811
    """DryRun=true on a delete answers DryRunOperation; the policy stays Active."""
    policy_id = ok(create_qos(client, connection))["TrafficQosPolicyId"]
    later(30)
    answer = api_call(client, "DeleteCenInterRegionTrafficQosPolicy", TrafficQosPolicyId=policy_id, DryRun="true")
    assert answer.code == "DryRunOperation"
    listed = ok(api_call(client, "ListCenInterRegionTrafficQosPolicies"))["TrafficQosPolicies"]
    assert listed[0]["TrafficQosPolicyStatus"] == "Active"


def test_a_queue_change_while_the_policy_is_modifying_is_refused(client, access_key, connection, later):  # noqa: F811
    """IncorrectStatus.TrafficQosPolicy while a queue is being made (Terraform retries on it)."""
    policy_id = ok(create_qos(client, connection))["TrafficQosPolicyId"]
    later(30)
    queue_id = ok(
        api_call(
            client,
            "CreateCenInterRegionTrafficQosQueue",
            TrafficQosPolicyId=policy_id,
            RemainBandwidthPercent="10",
            **{"Dscps.1": "5"},
        )
    )["QosQueueId"]
    answer = api_call(client, "DeleteCenInterRegionTrafficQosQueue", QosQueueId=queue_id)
    assert answer.code == "IncorrectStatus.TrafficQosPolicy"
