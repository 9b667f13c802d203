"""terraform-provider-alicloud's call sequences for alicloud_cen_traffic_marking_policy,
alicloud_cen_inter_region_traffic_qos_policy and alicloud_cen_inter_region_traffic_qos_queue, and the data
sources alicloud_cen_traffic_marking_policies, _inter_region_traffic_qos_policies and _queues, replayed
against the live server with the V1 SDK's CommonRequest (tests/api/terraform.py's Provider).
Read from aliyun/terraform-provider-alicloud at commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14:
alicloud/resource_alicloud_cen_traffic_marking_policy.go, resource_alicloud_cen_inter_region_traffic_qos_policy.go,
resource_alicloud_cen_inter_region_traffic_qos_queue.go, the three data_source_alicloud_cen_*.go, and
service_alicloud_cen_v2.go (DescribeCenTrafficMarkingPolicy: ListTrafficMarkingPolicies by TransitRouterId
and TrafficMarkingPolicyId; DescribeCenInterRegionTrafficQosPolicy / ...Queue: the List by ID; an empty
list is NotFound). The parameters each call sends (a rule's every field, as the Go map holds them; a list
as Name.N), the waits (Active after every write, gone after a delete, a 5-second poll), the retry lists
and the IDs (router:policy for a marking policy, the QoS policy's and queue's own). Each resource: apply,
refresh with no diff, import, update of every updatable argument, destroy."""

import pytest

from tests.api.terraform import PAGE_SIZE_LARGE, NotFound, Provider, token
from tests.api.test_terraform_routing_replay import retrying, wait
from tests.qos.conftest import connection  # noqa: F401 (the fixture)
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def tf(sdk, later):  # noqa: F811
    provider = Provider(sdk)
    provider.later = later
    return provider


# alicloud_cen_traffic_marking_policy ---------------------------------------------------------------------

RULE_FIELDS = {
    "src_port_range": "SrcPortRange",
    "traffic_match_rule_description": "TrafficMatchRuleDescription",
    "traffic_match_rule_name": "TrafficMatchRuleName",
    "match_dscp": "MatchDscp",
    "address_family": "AddressFamily",
    "protocol": "Protocol",
    "src_cidr": "SrcCidr",
    "dst_cidr": "DstCidr",
    "dst_port_range": "DstPortRange",
}


def rules_flat(name: str, rules: list[dict]) -> dict:
    """The provider's []map of rules as RpcPost flattens it: Name.N.Field, a list as Name.N.Field.M."""
    flat = {}
    for n, rule in enumerate(rules, start=1):
        for key, api in RULE_FIELDS.items():
            value = rule[key]
            if isinstance(value, list):
                flat.update({f"{name}.{n}.{api}.{m}": each for m, each in enumerate(value, start=1)})
            else:
                flat[f"{name}.{n}.{api}"] = value
    return flat


def describe_marking(tf: Provider, resource_id: str) -> dict:
    router_id, policy_id = resource_id.split(":")
    found = tf.call("ListTrafficMarkingPolicies", TrafficMarkingPolicyId=policy_id, TransitRouterId=router_id)
    if not found["TrafficMarkingPolicies"]:
        raise NotFound(resource_id)
    return found["TrafficMarkingPolicies"][0]


def marking_status(tf: Provider, resource_id: str):
    return lambda: (None, describe_marking(tf, resource_id)["TrafficMarkingPolicyStatus"])


def marking_read(tf: Provider, resource_id: str) -> dict:
    found = describe_marking(tf, resource_id)
    rules = [{key: rule[api] for key, api in RULE_FIELDS.items()} for rule in found["TrafficMatchRules"]]
    return {
        "description": found["TrafficMarkingPolicyDescription"],
        "marking_dscp": found["MarkingDscp"],
        "priority": found["Priority"],
        "status": found["TrafficMarkingPolicyStatus"],
        "traffic_marking_policy_name": found["TrafficMarkingPolicyName"],
        "traffic_marking_policy_id": found["TrafficMarkingPolicyId"],
        "transit_router_id": found["TransitRouterId"],
        "traffic_match_rules": sorted(rules, key=repr),  # a TypeSet
    }


def marking_create(tf: Provider, config: dict) -> str:
    request = {
        api: config[key]
        for key, api in (
            ("description", "TrafficMarkingPolicyDescription"),
            ("traffic_marking_policy_name", "TrafficMarkingPolicyName"),
        )
        if config.get(key)
    }
    answer = retrying(
        tf,
        "CreateTrafficMarkingPolicy",
        ["Operation.Blocking"],
        TransitRouterId=config["transit_router_id"],
        ClientToken=token(),
        Priority=config["priority"],
        MarkingDscp=config["marking_dscp"],
        **rules_flat("TrafficMatchRules", config.get("traffic_match_rules", [])),
        **request,
    )
    resource_id = f"{config['transit_router_id']}:{answer['TrafficMarkingPolicyId']}"
    wait(tf, marking_status(tf, resource_id), ["Active"])
    return resource_id


def marking_update(tf: Provider, resource_id: str, config: dict, old: dict) -> None:
    policy_id = resource_id.split(":")[1]
    changed = {
        api: config[key]
        for key, api in (
            ("description", "TrafficMarkingPolicyDescription"),
            ("traffic_marking_policy_name", "TrafficMarkingPolicyName"),
        )
        if config.get(key) != old.get(key)
    }
    if changed:
        retrying(
            tf,
            "UpdateTrafficMarkingPolicyAttribute",
            ["Operation.Blocking"],
            TrafficMarkingPolicyId=policy_id,
            ClientToken=token(),
            **changed,
        )
        wait(tf, marking_status(tf, resource_id), ["Active"])
    removed = [rule for rule in old["traffic_match_rules"] if rule not in config["traffic_match_rules"]]
    added = [rule for rule in config["traffic_match_rules"] if rule not in old["traffic_match_rules"]]
    retry = ["Operation.Blocking", "IncorrectStatus.TrafficMarkingPolicy", "Throttling.User"]
    for name, rules in (("DeleteTrafficMatchRules", removed), ("AddTrafficMatchRules", added)):
        if rules:
            retrying(
                tf,
                "UpdateTrafficMarkingPolicyAttribute",
                retry,
                TrafficMarkingPolicyId=policy_id,
                ClientToken=token(),
                **rules_flat(name, rules),
            )
            wait(tf, marking_status(tf, resource_id), ["Active"])


def marking_delete(tf: Provider, resource_id: str, force: bool | None = None) -> None:
    extra = {} if force is None else {"Force": force}
    retrying(
        tf,
        "DeleteTrafficMarkingPolicy",
        ["Operation.Blocking"],
        TrafficMarkingPolicyId=resource_id.split(":")[1],
        ClientToken=token(),
        **extra,
    )
    wait(tf, marking_status(tf, resource_id), [])


def markings_data_source(tf: Provider, router_id: str, **filters) -> list[str]:
    """alicloud_cen_traffic_marking_policies: ListTrafficMarkingPolicies by router, MaxResults 50, paged
    by NextToken; status filtered by the provider; IDs as router:policy."""
    request = {"TransitRouterId": router_id, "MaxResults": PAGE_SIZE_LARGE}
    ids, status = [], filters.pop("status", "")
    while True:
        found = tf.call("ListTrafficMarkingPolicies", **request, **filters)
        ids += [
            f"{router_id}:{item['TrafficMarkingPolicyId']}"
            for item in found["TrafficMarkingPolicies"]
            if not status or item["TrafficMarkingPolicyStatus"] == status
        ]
        if not found.get("NextToken"):
            return ids
        request["NextToken"] = found["NextToken"]


def rule(protocol: str, **extra) -> dict:
    return {
        "src_port_range": [-1, -1],
        "traffic_match_rule_description": "made by terraform",
        "traffic_match_rule_name": f"tf-{protocol.lower()}",
        "match_dscp": 5,
        "address_family": "IPv4",
        "protocol": protocol,
        "src_cidr": "10.0.0.0/16",
        "dst_cidr": "10.1.0.0/16",
        "dst_port_range": [80, 80],
        **extra,
    }


def marking_config(router_id: str) -> dict:
    return {
        "transit_router_id": router_id,
        "priority": 5,
        "marking_dscp": 10,
        "traffic_marking_policy_name": "tf-marking",
        "description": "made by terraform",
        "traffic_match_rules": [rule("TCP")],
    }


def test_traffic_marking_policy_apply_refresh_and_import_show_no_diff(tf, connection):  # noqa: F811
    """apply waits out Creating; Read (and import by router:policy) gives the configuration back."""
    config = marking_config(connection.transit_router_id)
    resource_id = marking_create(tf, config)
    state = marking_read(tf, resource_id)
    assert {key: state[key] for key in config} == config
    assert marking_read(tf, resource_id) == state
    assert markings_data_source(tf, connection.transit_router_id) == [resource_id]
    assert markings_data_source(tf, connection.transit_router_id, status="Active") == [resource_id]


def test_traffic_marking_policy_update_of_every_argument_and_destroy(tf, connection):  # noqa: F811
    """Name and description, then a rule renamed (removed, then added) and one more added; destroy
    waits until gone."""
    config = marking_config(connection.transit_router_id)
    resource_id = marking_create(tf, config)
    changed = {
        **config,
        "traffic_marking_policy_name": "tf-marking-2",
        "description": "changed",
        "traffic_match_rules": [rule("TCP", traffic_match_rule_name="tf-tcp-2"), rule("UDP", dst_port_range=[53, 53])],
    }
    marking_update(tf, resource_id, changed, config)
    state = marking_read(tf, resource_id)
    assert {key: state[key] for key in changed if key != "traffic_match_rules"} == {
        key: value for key, value in changed.items() if key != "traffic_match_rules"
    }
    assert state["traffic_match_rules"] == sorted(changed["traffic_match_rules"], key=repr)
    marking_delete(tf, resource_id, force=True)
    with pytest.raises(NotFound):
        marking_read(tf, resource_id)
    assert markings_data_source(tf, connection.transit_router_id) == []


# alicloud_cen_inter_region_traffic_qos_policy ----------------------------------------------------------


def describe_qos(tf: Provider, policy_id: str) -> dict:
    found = tf.call("ListCenInterRegionTrafficQosPolicies", TrafficQosPolicyId=policy_id)
    if not found["TrafficQosPolicies"]:
        raise NotFound(policy_id)
    return found["TrafficQosPolicies"][0]


def qos_read(tf: Provider, policy_id: str) -> dict:
    found = describe_qos(tf, policy_id)
    return {
        "bandwidth_guarantee_mode": found["BandwidthGuaranteeMode"],
        "inter_region_traffic_qos_policy_description": found["TrafficQosPolicyDescription"],
        "inter_region_traffic_qos_policy_name": found["TrafficQosPolicyName"],
        "status": found["TrafficQosPolicyStatus"],
        "transit_router_attachment_id": found["TransitRouterAttachmentId"],
        "transit_router_id": found["TransitRouterId"],
    }


def qos_status(tf: Provider, policy_id: str):
    return lambda: (None, describe_qos(tf, policy_id)["TrafficQosPolicyStatus"])


def qos_create(tf: Provider, config: dict) -> str:
    request = {
        api: config[key]
        for key, api in (
            ("inter_region_traffic_qos_policy_name", "TrafficQosPolicyName"),
            ("inter_region_traffic_qos_policy_description", "TrafficQosPolicyDescription"),
            ("bandwidth_guarantee_mode", "BandwidthGuaranteeMode"),
        )
        if config.get(key)
    }
    answer = retrying(
        tf,
        "CreateCenInterRegionTrafficQosPolicy",
        ["IncorrectStatus.TransitRouterAttachment", "IncorrectStatus.TransitRouterInstance", "Operation.Blocking"],
        ClientToken=token(),
        TransitRouterId=config["transit_router_id"],
        TransitRouterAttachmentId=config["transit_router_attachment_id"],
        **request,
    )
    policy_id = answer["TrafficQosPolicyId"]
    wait(tf, qos_status(tf, policy_id), ["Active"])
    return policy_id


def qos_update(tf: Provider, policy_id: str, config: dict, old: dict) -> None:
    """No wait after the update: the provider reads straight away."""
    changed = {
        api: config[key]
        for key, api in (
            ("inter_region_traffic_qos_policy_name", "TrafficQosPolicyName"),
            ("inter_region_traffic_qos_policy_description", "TrafficQosPolicyDescription"),
        )
        if config.get(key) != old.get(key)
    }
    if changed:
        retrying(
            tf,
            "UpdateCenInterRegionTrafficQosPolicyAttribute",
            [],
            TrafficQosPolicyId=policy_id,
            ClientToken=token(),
            **changed,
        )


def qos_delete(tf: Provider, policy_id: str) -> None:
    retrying(tf, "DeleteCenInterRegionTrafficQosPolicy", [], TrafficQosPolicyId=policy_id, ClientToken=token())
    wait(tf, qos_status(tf, policy_id), [])


def qos_config(attachment) -> dict:
    return {
        "transit_router_id": attachment.transit_router_id,
        "transit_router_attachment_id": attachment.pk,
        "inter_region_traffic_qos_policy_name": "tf-qos",
        "inter_region_traffic_qos_policy_description": "made by terraform",
        "bandwidth_guarantee_mode": "byBandwidthPercent",
    }


def qos_policies_data_source(tf: Provider, attachment, **filters) -> list[str]:
    """alicloud_cen_inter_region_traffic_qos_policies: MaxResults 50, the router and connection always
    sent, paged by NextToken; status filtered by the provider."""
    request = {
        "MaxResults": PAGE_SIZE_LARGE,
        "TransitRouterId": attachment.transit_router_id,
        "TransitRouterAttachmentId": attachment.pk,
    }
    ids, status = [], filters.pop("status", "")
    while True:
        found = tf.call("ListCenInterRegionTrafficQosPolicies", **request, **filters)
        ids += [
            item["TrafficQosPolicyId"]
            for item in found["TrafficQosPolicies"]
            if not status or item["TrafficQosPolicyStatus"] == status
        ]
        if not found.get("NextToken"):
            return ids
        request["NextToken"] = found["NextToken"]


def test_qos_policy_apply_refresh_update_import_and_destroy(tf, connection):  # noqa: F811
    """apply waits for Active; Read gives the configuration back; name and description updated; destroy
    waits until gone."""
    config = qos_config(connection)
    policy_id = qos_create(tf, config)
    state = qos_read(tf, policy_id)
    assert {key: state[key] for key in config} == config
    assert qos_read(tf, policy_id) == state
    assert qos_policies_data_source(tf, connection, status="Active") == [policy_id]
    changed = {
        **config,
        "inter_region_traffic_qos_policy_name": "tf-qos-2",
        "inter_region_traffic_qos_policy_description": "changed",
    }
    qos_update(tf, policy_id, changed, config)
    assert {key: qos_read(tf, policy_id)[key] for key in changed} == changed
    qos_delete(tf, policy_id)
    with pytest.raises(NotFound):
        qos_read(tf, policy_id)
    assert qos_policies_data_source(tf, connection) == []


# alicloud_cen_inter_region_traffic_qos_queue -----------------------------------------------------------


def describe_queue(tf: Provider, queue_id: str) -> dict:
    found = tf.call("ListCenInterRegionTrafficQosQueues", TrafficQosQueueId=queue_id)
    if not found["TrafficQosQueues"]:
        raise NotFound(queue_id)
    return found["TrafficQosQueues"][0]


def queue_read(tf: Provider, queue_id: str) -> dict:
    found = describe_queue(tf, queue_id)
    return {
        "bandwidth": found["Bandwidth"],
        "inter_region_traffic_qos_queue_description": found["TrafficQosQueueDescription"],
        "inter_region_traffic_qos_queue_name": found["TrafficQosQueueName"],
        "remain_bandwidth_percent": found["RemainBandwidthPercent"],
        "status": found["Status"],
        "traffic_qos_policy_id": found["TrafficQosPolicyId"],
        "dscps": found["Dscps"],
    }


def queue_status(tf: Provider, queue_id: str):
    return lambda: (None, describe_queue(tf, queue_id)["Status"])


QUEUE_RETRY = ["Operation.Blocking", "IncorrectStatus.TrafficQosPolicy"]


def queue_create(tf: Provider, config: dict) -> str:
    request = {
        api: config[key]
        for key, api in (
            ("inter_region_traffic_qos_queue_name", "QosQueueName"),
            ("inter_region_traffic_qos_queue_description", "QosQueueDescription"),
            ("remain_bandwidth_percent", "RemainBandwidthPercent"),
            ("bandwidth", "Bandwidth"),
        )
        if config.get(key) not in (None, "")
    }
    answer = retrying(
        tf,
        "CreateCenInterRegionTrafficQosQueue",
        QUEUE_RETRY,
        ClientToken=token(),
        TrafficQosPolicyId=config["traffic_qos_policy_id"],
        **{f"Dscps.{n}": dscp for n, dscp in enumerate(config["dscps"], start=1)},
        **request,
    )
    queue_id = answer["QosQueueId"]
    wait(tf, queue_status(tf, queue_id), ["Active"])
    return queue_id


def queue_update(tf: Provider, queue_id: str, config: dict, old: dict) -> None:
    changed = {
        api: config[key]
        for key, api in (
            ("remain_bandwidth_percent", "RemainBandwidthPercent"),
            ("inter_region_traffic_qos_queue_name", "QosQueueName"),
            ("inter_region_traffic_qos_queue_description", "QosQueueDescription"),
            ("bandwidth", "Bandwidth"),
        )
        if config.get(key) != old.get(key)
    }
    if changed or config["dscps"] != old["dscps"]:
        retrying(
            tf,
            "UpdateCenInterRegionTrafficQosQueueAttribute",
            QUEUE_RETRY,
            QosQueueId=queue_id,
            ClientToken=token(),
            **{f"Dscps.{n}": dscp for n, dscp in enumerate(config["dscps"], start=1)},
            **changed,
        )
        wait(tf, queue_status(tf, queue_id), ["Active"])


def queue_delete(tf: Provider, queue_id: str) -> None:
    retrying(tf, "DeleteCenInterRegionTrafficQosQueue", QUEUE_RETRY, QosQueueId=queue_id, ClientToken=token())
    wait(tf, queue_status(tf, queue_id), [])


def queues_data_source(tf: Provider, policy_id: str) -> list[str]:
    """alicloud_cen_inter_region_traffic_qos_queues: by policy, MaxResults 50, paged by NextToken."""
    request = {"TrafficQosPolicyId": policy_id, "MaxResults": PAGE_SIZE_LARGE}
    ids = []
    while True:
        found = tf.call("ListCenInterRegionTrafficQosQueues", **request)
        ids += [item["TrafficQosQueueId"] for item in found["TrafficQosQueues"]]
        if not found.get("NextToken"):
            return ids
        request["NextToken"] = found["NextToken"]


def test_qos_queue_apply_refresh_update_import_and_destroy(tf, connection):  # noqa: F811
    """A queue of a new policy: apply (retried while the policy is Creating), Read gives it back; every
    argument updated; destroy waits until gone, then the policy goes."""
    policy_id = qos_create(tf, qos_config(connection))
    config = {
        "traffic_qos_policy_id": policy_id,
        "dscps": [1, 2],
        "remain_bandwidth_percent": 40,
        "inter_region_traffic_qos_queue_name": "tf-queue",
        "inter_region_traffic_qos_queue_description": "made by terraform",
        "bandwidth": "",
    }
    queue_id = queue_create(tf, config)
    state = queue_read(tf, queue_id)
    assert {key: state[key] for key in config} == config
    assert queue_read(tf, queue_id) == state
    assert queues_data_source(tf, policy_id) == [queue_id]
    changed = {
        **config,
        "dscps": [1, 2, 3],
        "remain_bandwidth_percent": 60,
        "inter_region_traffic_qos_queue_name": "tf-queue-2",
        "inter_region_traffic_qos_queue_description": "changed",
    }
    queue_update(tf, queue_id, changed, config)
    assert {key: queue_read(tf, queue_id)[key] for key in changed} == changed
    queue_delete(tf, queue_id)
    with pytest.raises(NotFound):
        queue_read(tf, queue_id)
    assert queues_data_source(tf, policy_id) == []
    qos_delete(tf, policy_id)
