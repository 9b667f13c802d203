"""Traffic marking policies (with their match rules) and inter-region QoS policies (with their queues)."""

__all__ = ["qos_policy", "qos_queue", "traffic_marking_policy"]


def _match_rule(rule) -> dict:
    return {
        "AddressFamily": rule.address_family,
        "DstCidr": rule.dst_cidr,
        "DstPortRange": list(rule.dst_port_range),
        "MatchDscp": rule.match_dscp,
        "Protocol": rule.protocol,
        "SrcCidr": rule.src_cidr,
        "SrcPortRange": list(rule.src_port_range),
        "TrafficMatchRuleDescription": rule.description,
        "TrafficMatchRuleId": rule.pk,
        "TrafficMatchRuleName": rule.name,
        "TrafficMatchRuleStatus": rule.status,
    }


def traffic_marking_policy(policy) -> dict:
    """As ListTrafficMarkingPolicies shows it (its rules from a prefetch of those not yet gone)."""
    return {
        "MarkingDscp": policy.marking_dscp,
        "Priority": policy.priority,
        "TrafficMarkingPolicyDescription": policy.description,
        "TrafficMarkingPolicyId": policy.pk,
        "TrafficMarkingPolicyName": policy.name,
        "TrafficMarkingPolicyStatus": policy.status,
        "TrafficMatchRules": [_match_rule(rule) for rule in policy.rules.all()],
        "TransitRouterId": policy.transit_router_id,
    }


def _effective(queue) -> str:
    """What the queue may use, in Mbit/s: its share of the connection's bandwidth."""
    if queue.bandwidth is not None:
        return str(queue.bandwidth)
    return str(queue.policy.attachment.bandwidth * (queue.remain_bandwidth_percent or 0) / 100)


def qos_policy(policy) -> dict:
    """As ListCenInterRegionTrafficQosPolicies shows it, with its queues."""
    return {
        "BandwidthGuaranteeMode": policy.guarantee_mode,
        "TrafficQosPolicyDescription": policy.description,
        "TrafficQosPolicyId": policy.pk,
        "TrafficQosPolicyName": policy.name,
        "TrafficQosPolicyStatus": policy.status,
        "TransitRouterAttachmentId": policy.attachment_id,
        "TransitRouterId": policy.transit_router_id,
        "TrafficQosQueues": [
            {
                "Bandwidth": "" if queue.bandwidth is None else str(queue.bandwidth),
                "Dscps": list(queue.dscps),
                "EffectiveBandwidth": _effective(queue),
                "QosQueueDescription": queue.description,
                "QosQueueId": queue.pk,
                "QosQueueName": queue.name,
                "RemainBandwidthPercent": queue.remain_bandwidth_percent or 0,
            }
            for queue in policy.queues.all()
        ],
    }


def qos_queue(queue) -> dict:
    """As ListCenInterRegionTrafficQosQueues shows it."""
    return {
        "Bandwidth": "" if queue.bandwidth is None else str(queue.bandwidth),
        "Dscps": list(queue.dscps),
        "EffectiveBandwidth": _effective(queue),
        "RemainBandwidthPercent": queue.remain_bandwidth_percent or 0,
        "Status": queue.status,
        "TrafficQosPolicyId": queue.policy_id,
        "TrafficQosQueueDescription": queue.description,
        "TrafficQosQueueId": queue.pk,
        "TrafficQosQueueName": queue.name,
        "TransitRouterAttachmentId": queue.policy.attachment_id,
        "TransitRouterId": queue.policy.transit_router_id,
    }
