"""What the QoS services share: the owned marking policy, QoS policy and queue (locked), their Active
checks, and names and descriptions by the console's rules."""

from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_texts

from ..messages import (
    MARKING_POLICY_NOT_ACTIVE,
    QOS_POLICY_NOT_ACTIVE,
    QOS_QUEUE_NOT_ACTIVE,
    UNKNOWN_MARKING_POLICY,
    UNKNOWN_QOS_POLICY,
    UNKNOWN_QOS_QUEUE,
)
from ..models import InterRegionQosPolicy, InterRegionQosQueue, TrafficMarkingPolicy


def texts(**given) -> dict:
    """Name and description (None: not given) by the console's rules."""
    return clean_texts(**{field: value for field, value in given.items() if value is not None})


def owned_marking_policy(*, owner, policy_id: str, transit_router_id: str | None = None) -> TrafficMarkingPolicy:
    """The owner's traffic marking policy not being deleted (of that router, when named), locked."""
    policy = (
        TrafficMarkingPolicy.objects.live()
        .select_for_update(of=("self",))
        .filter(owner=owner, pk=policy_id, transit_router__deleted_at__isnull=True)
        .first()
    )
    if policy is None or (transit_router_id and policy.transit_router_id != transit_router_id):
        raise field_error("traffic_marking_policy", UNKNOWN_MARKING_POLICY, "unknown_traffic_marking_policy")
    return policy


def refuse_unless_marking_active(policy: TrafficMarkingPolicy) -> None:
    if not policy.is_active:
        raise refusal(
            MARKING_POLICY_NOT_ACTIVE, "traffic_marking_policy_status", policy_id=policy.pk, status=policy.status_label
        )


def owned_qos_policy(*, owner, policy_id: str) -> InterRegionQosPolicy:
    """The owner's QoS policy not being deleted, with its connection, locked."""
    policy = (
        InterRegionQosPolicy.objects.live()
        .select_for_update(of=("self",))
        .select_related("attachment")
        .filter(owner=owner, pk=policy_id, transit_router__deleted_at__isnull=True)
        .first()
    )
    if policy is None:
        raise field_error("qos_policy", UNKNOWN_QOS_POLICY, "unknown_qos_policy")
    return policy


def refuse_unless_qos_active(policy: InterRegionQosPolicy) -> None:
    if not policy.is_active:
        raise refusal(QOS_POLICY_NOT_ACTIVE, "qos_policy_status", policy_id=policy.pk, status=policy.status_label)


def owned_qos_queue(*, owner, queue_id: str) -> tuple[InterRegionQosPolicy, InterRegionQosQueue]:
    """The owner's QoS queue not being deleted and its policy (not being deleted either), both locked:
    the policy first, as every write of its queues locks it."""
    queues = InterRegionQosQueue.objects.live().filter(policy__owner=owner, policy__deleted_at__isnull=True)
    policy_id = queues.filter(pk=queue_id).values_list("policy_id", flat=True).first()
    if policy_id is None:
        raise field_error("qos_queue", UNKNOWN_QOS_QUEUE, "unknown_qos_queue")
    policy = owned_qos_policy(owner=owner, policy_id=policy_id)
    queue = queues.select_for_update(of=("self",)).filter(pk=queue_id).first()
    if queue is None:
        raise field_error("qos_queue", UNKNOWN_QOS_QUEUE, "unknown_qos_queue")
    return policy, queue


def refuse_unless_queue_active(queue: InterRegionQosQueue) -> None:
    if not queue.is_active:
        raise refusal(QOS_QUEUE_NOT_ACTIVE, "qos_queue_status", queue_id=queue.pk, status=queue.status_label)
