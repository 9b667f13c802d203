"""Inter-region traffic QoS: policies on an inter-region connection's end, and their queues."""

from cenconsole.qos import selectors as qos_selectors
from cenconsole.qos import services as qos_services

from .. import representations as show
from ..params import Params
from .common import dry_run_or_run, once, read_ignored, token_page
from .qos_common import integers, objects

QUEUE_FIELDS = {
    "QosQueueName": "string",
    "QosQueueDescription": "string",
    "Dscps": "integers",
    "RemainBandwidthPercent": "integer",
    "Bandwidth": "integer",
}
FIELD_NAMES = {
    "QosQueueName": "name",
    "QosQueueDescription": "description",
    "Dscps": "dscps",
    "RemainBandwidthPercent": "remain_bandwidth_percent",
    "Bandwidth": "bandwidth",
}
MODES = ("byBandwidthPercent", "byBandwidth")


def create_cen_inter_region_traffic_qos_policy(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    name = params.string("TrafficQosPolicyName") or ""
    description = params.string("TrafficQosPolicyDescription") or ""
    mode = params.string("BandwidthGuaranteeMode", choices=MODES) or MODES[0]
    queues = [
        {FIELD_NAMES[key]: value for key, value in queue.items()}
        for queue in objects(params, "TrafficQosQueues", QUEUE_FIELDS)
    ]

    def create():
        return qos_services.qos_policy_create(
            owner=owner,
            transit_router_id=router_id,
            attachment_id=attachment_id,
            name=name,
            description=description,
            guarantee_mode=mode,
            queues=queues,
        ).pk

    policy_id = dry_run_or_run(params, lambda: once(owner, params, "CreateCenInterRegionTrafficQosPolicy", create))
    return {"TrafficQosPolicyId": policy_id}


def list_cen_inter_region_traffic_qos_policies(*, owner, params: Params) -> dict:
    policies = qos_selectors.qos_policies_for(owner=owner)
    for parameter, field in (
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterAttachmentId", "attachment_id"),
        ("TrafficQosPolicyId", "pk"),
        ("TrafficQosPolicyName", "name"),
        ("TrafficQosPolicyDescription", "description"),
    ):
        value = params.string(parameter)
        if value:
            policies = policies.filter(**{field: value})
    return token_page(policies, params, wrapper="TrafficQosPolicies", show_item=show.qos_policy)


def update_cen_inter_region_traffic_qos_policy_attribute(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficQosPolicyId", required=True)
    name = params.string("TrafficQosPolicyName")
    description = params.string("TrafficQosPolicyDescription")
    read_ignored(params, "ClientToken")
    dry_run_or_run(
        params,
        lambda: qos_services.qos_policy_update(owner=owner, policy_id=policy_id, name=name, description=description),
    )
    return {}


def delete_cen_inter_region_traffic_qos_policy(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficQosPolicyId", required=True)
    read_ignored(params, "ClientToken")
    dry_run_or_run(params, lambda: qos_services.qos_policy_delete(owner=owner, policy_id=policy_id))
    return {}


def create_cen_inter_region_traffic_qos_queue(*, owner, params: Params) -> dict:
    policy_id = params.string("TrafficQosPolicyId", required=True)
    given = {
        "dscps": integers(params, "Dscps") or [],
        "remain_bandwidth_percent": params.integer("RemainBandwidthPercent"),
        "bandwidth": params.integer("Bandwidth"),
        "name": params.string("QosQueueName") or "",
        "description": params.string("QosQueueDescription") or "",
    }

    def create():
        return qos_services.qos_queue_create(owner=owner, policy_id=policy_id, **given).pk

    queue_id = dry_run_or_run(params, lambda: once(owner, params, "CreateCenInterRegionTrafficQosQueue", create))
    return {"QosQueueId": queue_id}


def list_cen_inter_region_traffic_qos_queues(*, owner, params: Params) -> dict:
    """EffectiveBandwidthFilter.Gte/Lte keep the queues whose effective bandwidth (Mbit/s) is within them.
    The answer has no TotalCount or MaxResults: the SDK's model has neither."""
    queues = qos_selectors.qos_queues_for(owner=owner)
    for parameter, field in (
        ("TransitRouterId", "policy__transit_router_id"),
        ("TransitRouterAttachmentId", "policy__attachment_id"),
        ("TrafficQosPolicyId", "policy_id"),
        ("TrafficQosQueueId", "pk"),
        ("TrafficQosQueueName", "name"),
        ("TrafficQosQueueDescription", "description"),
    ):
        value = params.string(parameter)
        if value:
            queues = queues.filter(**{field: value})
    low = params.integer("EffectiveBandwidthFilter.Gte")
    high = params.integer("EffectiveBandwidthFilter.Lte")
    if low is not None or high is not None:
        queues = [
            queue
            for queue in queues
            if (low is None or float(show.qos_queue(queue)["EffectiveBandwidth"]) >= low)
            and (high is None or float(show.qos_queue(queue)["EffectiveBandwidth"]) <= high)
        ]
    answer = token_page(queues, params, wrapper="TrafficQosQueues", show_item=show.qos_queue)
    return {"TrafficQosQueues": answer["TrafficQosQueues"], "NextToken": answer["NextToken"]}


def update_cen_inter_region_traffic_qos_queue_attribute(*, owner, params: Params) -> dict:
    queue_id = params.string("QosQueueId", required=True)
    given = {
        "dscps": integers(params, "Dscps"),
        "remain_bandwidth_percent": params.integer("RemainBandwidthPercent"),
        "bandwidth": params.integer("Bandwidth"),
        "name": params.string("QosQueueName"),
        "description": params.string("QosQueueDescription"),
    }
    read_ignored(params, "ClientToken")
    dry_run_or_run(params, lambda: qos_services.qos_queue_update(owner=owner, queue_id=queue_id, **given))
    return {}


def delete_cen_inter_region_traffic_qos_queue(*, owner, params: Params) -> dict:
    queue_id = params.string("QosQueueId", required=True)
    read_ignored(params, "ClientToken")
    dry_run_or_run(params, lambda: qos_services.qos_queue_delete(owner=owner, queue_id=queue_id))
    return {}
