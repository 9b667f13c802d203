"""The transit router page's Traffic Marking Policy and QoS Policy tabs, and their create, modify and
delete pages: each change through the same service as its API action."""

from .marking import (
    marking_policies,
    marking_policy_create,
    marking_policy_delete,
    marking_policy_modify,
    match_rule_add,
    match_rule_delete,
    match_rule_modify,
)
from .qos import (
    qos_policies,
    qos_policy_create,
    qos_policy_delete,
    qos_policy_modify,
    qos_queue_create,
    qos_queue_delete,
    qos_queue_modify,
)

__all__ = [
    "marking_policies",
    "marking_policy_create",
    "marking_policy_delete",
    "marking_policy_modify",
    "match_rule_add",
    "match_rule_delete",
    "match_rule_modify",
    "qos_policies",
    "qos_policy_create",
    "qos_policy_delete",
    "qos_policy_modify",
    "qos_queue_create",
    "qos_queue_delete",
    "qos_queue_modify",
]
