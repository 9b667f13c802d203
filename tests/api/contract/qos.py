"""Traffic marking and inter-region QoS through the V3 SDK: a CEN instance with a China <-> North America
package, routers in cn-hangzhou and us-east-1 joined by an inter-region connection; a traffic marking
policy with a rule, rules added through both spellings, modified, updated and removed through both; a QoS
policy with a queue, another queue added, both listed, changed and removed; then everything removed."""

from alibabacloud_cbn20170912 import models


def _rule(model, protocol: str, *, family: bool = True):
    """A rule of the SDK's `model` (the misspelt twin's has no AddressFamily: IPv4 then)."""
    return model(
        protocol=protocol,
        **({"address_family": "IPv4"} if family else {}),
        src_cidr="10.0.0.0/16",
        dst_cidr="10.1.0.0/16",
        src_port_range=[-1, -1],
        dst_port_range=[443, 443],
        match_dscp=-1,
        traffic_match_rule_name=f"contract-{protocol.lower()}",
        traffic_match_rule_description="contract",
    )


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    package = lambda: state["CenBandwidthPackageId"][0]  # noqa: E731
    router = lambda n: lambda: state["TransitRouterId"][n]  # noqa: E731
    hangzhou, virginia = router(0), router(1)
    peer = lambda: state["TransitRouterAttachmentId"][0]  # noqa: E731
    marking = lambda: state["TrafficMarkingPolicyId"][0]  # noqa: E731
    qos = lambda: state["TrafficQosPolicyId"][0]  # noqa: E731
    queue = lambda n: lambda: state["QosQueueId"][n]  # noqa: E731

    def rule_ids(*protocols):
        policy = state["answers"]["ListTrafficMarkingPolicies"]["TrafficMarkingPolicies"][0]
        return [rule["TrafficMatchRuleId"] for rule in policy["TrafficMatchRules"] if rule["Protocol"] in protocols]

    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-qos")),
        (
            "CreateCenBandwidthPackage",
            lambda: models.CreateCenBandwidthPackageRequest(
                geographic_region_aid="China", geographic_region_bid="North-America", bandwidth=10, period=1
            ),
        ),
        (
            "AssociateCenBandwidthPackage",
            lambda: models.AssociateCenBandwidthPackageRequest(cen_id=cen(), cen_bandwidth_package_id=package()),
        ),
        *(
            (
                "CreateTransitRouter",
                lambda region=region: models.CreateTransitRouterRequest(cen_id=cen(), region_id=region),
            )
            for region in ("cn-hangzhou", "us-east-1")
        ),
        (
            "CreateTransitRouterPeerAttachment",
            lambda: models.CreateTransitRouterPeerAttachmentRequest(
                transit_router_id=hangzhou(),
                peer_transit_router_id=virginia(),
                cen_bandwidth_package_id=package(),
                bandwidth=10,
            ),
        ),
        (
            "CreateTrafficMarkingPolicy",
            lambda: models.CreateTrafficMarkingPolicyRequest(
                transit_router_id=hangzhou(),
                priority=5,
                marking_dscp=10,
                traffic_marking_policy_name="contract",
                traffic_marking_policy_description="contract",
                traffic_match_rules=[_rule(models.CreateTrafficMarkingPolicyRequestTrafficMatchRules, "TCP")],
                client_token="contract-marking",
            ),
        ),
        (
            "AddTrafficMatchRuleToTrafficMarkingPolicy",
            lambda: models.AddTrafficMatchRuleToTrafficMarkingPolicyRequest(
                traffic_marking_policy_id=marking(),
                traffic_match_rules=[
                    _rule(models.AddTrafficMatchRuleToTrafficMarkingPolicyRequestTrafficMatchRules, "UDP")
                ],
            ),
        ),
        (
            "AddTraficMatchRuleToTrafficMarkingPolicy",
            lambda: models.AddTraficMatchRuleToTrafficMarkingPolicyRequest(
                traffic_marking_policy_id=marking(),
                traffic_match_rules=[
                    _rule(models.AddTraficMatchRuleToTrafficMarkingPolicyRequestTrafficMatchRules, "HTTP", family=False)
                ],
            ),
        ),
        (
            "UpdateTrafficMarkingPolicyAttribute",
            lambda: models.UpdateTrafficMarkingPolicyAttributeRequest(
                traffic_marking_policy_id=marking(),
                traffic_marking_policy_name="contract-2",
                add_traffic_match_rules=[
                    _rule(models.UpdateTrafficMarkingPolicyAttributeRequestAddTrafficMatchRules, "HTTPS")
                ],
                delete_traffic_match_rules=[
                    _rule(models.UpdateTrafficMarkingPolicyAttributeRequestDeleteTrafficMatchRules, "HTTP")
                ],
            ),
        ),
        (
            "ListTrafficMarkingPolicies",
            lambda: models.ListTrafficMarkingPoliciesRequest(transit_router_id=hangzhou(), max_results=10),
        ),
        (
            "ModifyTrafficMatchRuleToTrafficMarkingPolicy",
            lambda: models.ModifyTrafficMatchRuleToTrafficMarkingPolicyRequest(
                traffic_marking_policy_id=marking(),
                traffic_match_rule_id=rule_ids("TCP")[0],
                traffic_match_rule_name="contract-tcp-2",
            ),
        ),
        (
            "RemoveTrafficMatchRuleFromTrafficMarkingPolicy",
            lambda: models.RemoveTrafficMatchRuleFromTrafficMarkingPolicyRequest(
                traffic_marking_policy_id=marking(), traffic_mark_rule_ids=rule_ids("UDP")
            ),
        ),
        (
            "RemoveTraficMatchRuleFromTrafficMarkingPolicy",
            lambda: models.RemoveTraficMatchRuleFromTrafficMarkingPolicyRequest(
                traffic_marking_policy_id=marking(), traffic_mark_rule_ids=rule_ids("HTTPS")
            ),
        ),
        (
            "CreateCenInterRegionTrafficQosPolicy",
            lambda: models.CreateCenInterRegionTrafficQosPolicyRequest(
                transit_router_id=hangzhou(),
                transit_router_attachment_id=peer(),
                traffic_qos_policy_name="contract",
                traffic_qos_policy_description="contract",
                bandwidth_guarantee_mode="byBandwidthPercent",
                traffic_qos_queues=[
                    models.CreateCenInterRegionTrafficQosPolicyRequestTrafficQosQueues(
                        dscps=[10, 11], remain_bandwidth_percent="40", qos_queue_name="contract-a"
                    )
                ],
            ),
        ),
        (
            "CreateCenInterRegionTrafficQosQueue",
            lambda: models.CreateCenInterRegionTrafficQosQueueRequest(
                traffic_qos_policy_id=qos(),
                dscps=[20],
                remain_bandwidth_percent=30,
                qos_queue_name="contract-b",
                qos_queue_description="contract",
            ),
        ),
        (
            "ListCenInterRegionTrafficQosPolicies",
            lambda: models.ListCenInterRegionTrafficQosPoliciesRequest(transit_router_id=hangzhou()),
        ),
        (
            "ListCenInterRegionTrafficQosQueues",
            lambda: models.ListCenInterRegionTrafficQosQueuesRequest(
                traffic_qos_policy_id=qos(),
                effective_bandwidth_filter=models.ListCenInterRegionTrafficQosQueuesRequestEffectiveBandwidthFilter(
                    gte=1, lte=10
                ),
            ),
        ),
        (
            "UpdateCenInterRegionTrafficQosPolicyAttribute",
            lambda: models.UpdateCenInterRegionTrafficQosPolicyAttributeRequest(
                traffic_qos_policy_id=qos(), traffic_qos_policy_name="contract-2"
            ),
        ),
        (
            "UpdateCenInterRegionTrafficQosQueueAttribute",
            lambda: models.UpdateCenInterRegionTrafficQosQueueAttributeRequest(
                qos_queue_id=queue(0)(), dscps=[20, 21], remain_bandwidth_percent=35, qos_queue_name="contract-b2"
            ),
        ),
        (
            "DeleteCenInterRegionTrafficQosQueue",
            lambda: models.DeleteCenInterRegionTrafficQosQueueRequest(qos_queue_id=queue(0)()),
        ),
        (
            "DeleteCenInterRegionTrafficQosPolicy",
            lambda: models.DeleteCenInterRegionTrafficQosPolicyRequest(traffic_qos_policy_id=qos()),
        ),
        (
            "DeleteTrafficMarkingPolicy",
            lambda: models.DeleteTrafficMarkingPolicyRequest(traffic_marking_policy_id=marking(), force=True),
        ),
        (
            "DeleteTransitRouterPeerAttachment",
            lambda: models.DeleteTransitRouterPeerAttachmentRequest(transit_router_attachment_id=peer()),
        ),
        *(
            ("DeleteTransitRouter", lambda each=each: models.DeleteTransitRouterRequest(transit_router_id=each()))
            for each in (hangzhou, virginia)
        ),
        (
            "UnassociateCenBandwidthPackage",
            lambda: models.UnassociateCenBandwidthPackageRequest(cen_id=cen(), cen_bandwidth_package_id=package()),
        ),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
