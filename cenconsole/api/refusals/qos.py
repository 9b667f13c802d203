"""Traffic marking policies and inter-region traffic QoS."""

ERRORS = {
    # Traffic marking policies and their match rules.
    (None, "unknown_traffic_marking_policy"): (
        "ResourceNotFound.TrafficMarkingPolicyId",  # the replica's (Terraform reads an empty list as gone)
        400,
        "The specified TrafficMarkingPolicyId does not exist.",
    ),
    (None, "unknown_traffic_match_rule"): ("ResourceNotFound.TrafficMarkRuleId", 400, None),  # the replica's
    (None, "traffic_marking_policy_status"): (
        "IncorrectStatus.TrafficMarkingPolicy",
        400,
        None,
    ),  # Terraform retries it
    (None, "traffic_marking_priority"): ("InvalidParameter", 400, None),  # documented code
    (None, "traffic_marking_dscp"): ("InvalidParameter", 400, None),  # documented code
    (None, "traffic_marking_priority_taken"): ("InvalidPriority.Duplicated", 400, None),  # the replica's
    (None, "traffic_match_rule_value"): ("InvalidParameter", 400, None),  # documented code
    (None, "traffic_match_rule_repeated"): ("InvalidTrafficMatchRule.Duplicated", 400, None),  # the replica's
    (None, "traffic_match_rules_max"): ("QuotaExceeded.TrafficMatchRule", 400, None),  # the replica's
    # Inter-region QoS policies and their queues.
    (None, "unknown_qos_policy"): (
        "ResourceNotFound.TrafficQosPolicyId",  # the replica's
        400,
        "The specified TrafficQosPolicyId does not exist.",
    ),
    (None, "unknown_qos_queue"): (
        "ResourceNotFound.QosQueueId",  # the replica's
        400,
        "The specified QosQueueId does not exist.",
    ),
    (None, "qos_policy_status"): ("IncorrectStatus.TrafficQosPolicy", 400, None),  # Terraform retries it
    (None, "qos_queue_status"): ("IncorrectStatus.TrafficQosQueue", 400, None),  # the replica's
    (None, "qos_connection_unknown"): ("IllegalParam.TransitRouterAttachmentId", 400, None),  # the replica's
    (None, "qos_connection_status"): ("IncorrectStatus.TransitRouterAttachment", 400, None),  # Terraform retries it
    (None, "qos_connection_taken"): ("InstanceExist.TrafficQosPolicy", 400, None),  # the replica's
    (None, "qos_queue_dscp"): ("InvalidParameter", 400, None),  # documented code
    (None, "qos_queue_dscp_taken"): ("InvalidDscp.Duplicated", 400, None),  # the replica's
    (None, "qos_queue_share"): ("InvalidParameter", 400, None),  # documented code
    (None, "qos_queue_share_total"): ("InvalidBandwidthPercent.Exceeded", 400, None),  # the replica's
    # What still names a transit router, a connection or a route table refuses its delete (the reference
    # names no code for these dependencies).
    (None, "traffic_marking_policies_exist"): (
        "InvalidOperation.TrafficMarkingPolicyExist",
        400,
        None,
    ),  # the replica's
    (None, "qos_policies_exist"): ("InvalidOperation.TrafficQosPolicyExist", 400, None),  # the replica's
}
