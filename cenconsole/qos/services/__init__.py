"""Writes for traffic marking policies (and their match rules), and for inter-region QoS policies (and
their queues): one function per action, re-exported here."""

from .dependencies import refuse_attachment_delete_with_qos_policies, refuse_router_delete_with_marking_policies
from .marking import (
    match_rule_modify,
    match_rules_add,
    match_rules_remove,
    traffic_marking_policy_create,
    traffic_marking_policy_delete,
    traffic_marking_policy_update,
)
from .qos import (
    qos_policy_create,
    qos_policy_delete,
    qos_policy_update,
    qos_queue_create,
    qos_queue_delete,
    qos_queue_update,
)

__all__ = [
    "match_rule_modify",
    "match_rules_add",
    "match_rules_remove",
    "qos_policy_create",
    "qos_policy_delete",
    "qos_policy_update",
    "qos_queue_create",
    "qos_queue_delete",
    "qos_queue_update",
    "refuse_attachment_delete_with_qos_policies",
    "refuse_router_delete_with_marking_policies",
    "traffic_marking_policy_create",
    "traffic_marking_policy_delete",
    "traffic_marking_policy_update",
]
