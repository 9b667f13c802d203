"""Inter-region traffic QoS: a policy on one end of an Attached inter-region connection (one per end) and
its queues, each taking DSCP values no other queue of the policy takes and a share of the connection's
bandwidth, all queues together within 100 % (or within the connection's bandwidth, byBandwidth). A queue
made, changed or removed leaves the policy Modifying for a few seconds."""

from django.db import transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.transit.models import AttachmentStatus, TransitRouterPeerAttachment
from cenconsole.transit.services.common import owned_router

from ..messages import (
    BANDWIDTH_RANGE,
    BANDWIDTH_TOTAL,
    CONNECTION_HAS_POLICY,
    CONNECTION_NOT_ATTACHED,
    DSCP_RANGE,
    DSCP_TAKEN,
    NOT_INTER_REGION,
    PERCENT_RANGE,
    PERCENT_TOTAL,
    SHARE_MISSING,
)
from ..models import InterRegionQosPolicy, InterRegionQosQueue
from .common import owned_qos_policy, owned_qos_queue, refuse_unless_qos_active, refuse_unless_queue_active, texts

GuaranteeMode = InterRegionQosPolicy.GuaranteeMode


def _share(policy: InterRegionQosPolicy, *, percent, bandwidth) -> dict:
    """The queue's share in the policy's mode: a percentage (0 to 100) or Mbit/s (1 or more)."""
    if policy.guarantee_mode == GuaranteeMode.BY_PERCENT:
        if percent is None:
            raise field_error(
                "remain_bandwidth_percent",
                SHARE_MISSING,
                "qos_queue_share",
                mode=policy.guarantee_mode,
                parameter="RemainBandwidthPercent",
            )
        if not 0 <= percent <= 100:
            raise field_error("remain_bandwidth_percent", PERCENT_RANGE, "qos_queue_share")
        return {"remain_bandwidth_percent": percent, "bandwidth": None}
    if bandwidth is None:
        raise field_error(
            "bandwidth", SHARE_MISSING, "qos_queue_share", mode=policy.guarantee_mode, parameter="Bandwidth"
        )
    if bandwidth < 1:
        raise field_error("bandwidth", BANDWIDTH_RANGE, "qos_queue_share")
    return {"remain_bandwidth_percent": None, "bandwidth": bandwidth}


def _queue_check(policy: InterRegionQosPolicy, queue: InterRegionQosQueue, others: list) -> None:
    """The queue's DSCP values are 0 to 63 and in no other queue; the queues' shares stay within the whole."""
    if any(not 0 <= dscp <= 63 for dscp in queue.dscps):
        raise field_error("dscps", DSCP_RANGE, "qos_queue_dscp")
    taken = {dscp for other in others for dscp in other.dscps}
    for dscp in queue.dscps:
        if dscp in taken:
            raise refusal(DSCP_TAKEN, "qos_queue_dscp_taken", dscp=dscp, policy_id=policy.pk)
    if policy.guarantee_mode == GuaranteeMode.BY_PERCENT:
        total = sum(each.remain_bandwidth_percent or 0 for each in [*others, queue])
        if total > 100:
            raise refusal(PERCENT_TOTAL, "qos_queue_share_total", policy_id=policy.pk, total=total)
    else:
        total = sum(each.bandwidth or 0 for each in [*others, queue])
        if total > policy.attachment.bandwidth:
            raise refusal(
                BANDWIDTH_TOTAL,
                "qos_queue_share_total",
                policy_id=policy.pk,
                total=total,
                bandwidth=policy.attachment.bandwidth,
            )


def _queue_make(policy, given: dict, *, others: list, now) -> InterRegionQosQueue:
    queue = InterRegionQosQueue(
        policy=policy,
        created_at=now,
        dscps=list(dict.fromkeys(given.get("dscps") or [])),
        **_share(policy, percent=given.get("remain_bandwidth_percent"), bandwidth=given.get("bandwidth")),
        **texts(name=given.get("name"), description=given.get("description")),
    )
    _queue_check(policy, queue, others)
    queue.save(force_insert=True)
    return queue


def _connection(*, owner, router, attachment_id: str) -> TransitRouterPeerAttachment:
    attachment = (
        TransitRouterPeerAttachment.objects.live()
        .select_for_update(of=("self",))
        .filter(Q(transit_router=router) | Q(peer_transit_router=router), owner=owner, pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise field_error(
            "attachment",
            NOT_INTER_REGION,
            "qos_connection_unknown",
            attachment_id=attachment_id,
            transit_router_id=router.pk,
        )
    if attachment.attachment_status != AttachmentStatus.ATTACHED:
        raise refusal(
            CONNECTION_NOT_ATTACHED,
            "qos_connection_status",
            attachment_id=attachment.pk,
            status=attachment.status_label,
        )
    return attachment


@transaction.atomic
def qos_policy_create(
    *,
    owner,
    transit_router_id: str,
    attachment_id: str,
    name: str = "",
    description: str = "",
    guarantee_mode: str = GuaranteeMode.BY_PERCENT,
    queues: list[dict] = (),
) -> InterRegionQosPolicy:
    """CreateCenInterRegionTrafficQosPolicy: a policy on the router's end of an Attached inter-region
    connection (one per end), with its first queues; Creating, then Active."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    attachment = _connection(owner=owner, router=router, attachment_id=attachment_id)
    existing = InterRegionQosPolicy.objects.live().filter(attachment=attachment, transit_router=router).first()
    if existing is not None:
        raise refusal(CONNECTION_HAS_POLICY, "qos_connection_taken", attachment_id=attachment.pk, policy_id=existing.pk)
    policy = InterRegionQosPolicy(
        owner=owner,
        transit_router=router,
        attachment=attachment,
        guarantee_mode=guarantee_mode,
        **texts(name=name, description=description),
    )
    policy.save(force_insert=True)
    made = []
    for given in queues:
        made.append(_queue_make(policy, given, others=made, now=policy.created_at))
    audit_record(
        actor=owner,
        action="qos_policy.created",
        target=policy,
        changes={"attachment": (None, attachment.pk), "queues": (None, [queue.pk for queue in made])},
    )
    return policy


def _changed(policy: InterRegionQosPolicy, now) -> None:
    policy.updated_at = now
    policy.save(update_fields=["updated_at"])


@transaction.atomic
def qos_policy_update(*, owner, policy_id: str, name: str | None = None, description: str | None = None):
    """UpdateCenInterRegionTrafficQosPolicyAttribute: a new name or description (None: as it is)."""
    policy = owned_qos_policy(owner=owner, policy_id=policy_id)
    refuse_unless_qos_active(policy)
    audited_update(
        actor=owner,
        action="qos_policy.modified",
        instance=policy,
        fields=["name", "description"],
        data=texts(name=name, description=description),
    )
    return policy


@transaction.atomic
def qos_policy_delete(*, owner, policy_id: str) -> InterRegionQosPolicy:
    """DeleteCenInterRegionTrafficQosPolicy: an Active policy and its queues are Deleting, then gone."""
    policy = owned_qos_policy(owner=owner, policy_id=policy_id)
    refuse_unless_qos_active(policy)
    now = clock.now()
    policy.queues.live().update(deleted_at=now)
    policy.deleted_at = now
    policy.save(update_fields=["deleted_at"])
    audit_record(actor=owner, action="qos_policy.deleted", target=policy, changes={"deleted_at": (None, now)})
    return policy


@transaction.atomic
def qos_queue_create(
    *,
    owner,
    policy_id: str,
    dscps: list[int],
    remain_bandwidth_percent: int | None = None,
    bandwidth: int | None = None,
    name: str = "",
    description: str = "",
) -> InterRegionQosQueue:
    """CreateCenInterRegionTrafficQosQueue: a queue of an Active policy (Modifying meanwhile)."""
    policy = owned_qos_policy(owner=owner, policy_id=policy_id)
    refuse_unless_qos_active(policy)
    now = clock.now()
    given = {
        "dscps": dscps,
        "remain_bandwidth_percent": remain_bandwidth_percent,
        "bandwidth": bandwidth,
        "name": name,
        "description": description,
    }
    queue = _queue_make(policy, given, others=list(policy.queues.live()), now=now)
    _changed(policy, now)
    audit_record(actor=owner, action="qos_queue.created", target=queue, changes={"policy": (None, policy.pk)})
    return queue


@transaction.atomic
def qos_queue_update(
    *,
    owner,
    queue_id: str,
    dscps: list[int] | None = None,
    remain_bandwidth_percent: int | None = None,
    bandwidth: int | None = None,
    name: str | None = None,
    description: str | None = None,
) -> InterRegionQosQueue:
    """UpdateCenInterRegionTrafficQosQueueAttribute: new DSCP values, share, name or description of a
    queue of an Active policy (None: as it is); the queue and its policy are Modifying meanwhile."""
    policy, queue = owned_qos_queue(owner=owner, queue_id=queue_id)
    refuse_unless_qos_active(policy)
    refuse_unless_queue_active(queue)
    data = texts(name=name, description=description)
    if dscps is not None:
        data["dscps"] = list(dict.fromkeys(dscps))
    if remain_bandwidth_percent is not None or bandwidth is not None:
        data.update(
            _share(
                policy,
                percent=queue.remain_bandwidth_percent
                if remain_bandwidth_percent is None
                else remain_bandwidth_percent,
                bandwidth=queue.bandwidth if bandwidth is None else bandwidth,
            )
        )
    candidate = InterRegionQosQueue(
        policy=policy,
        dscps=data.get("dscps", queue.dscps),
        remain_bandwidth_percent=data.get("remain_bandwidth_percent", queue.remain_bandwidth_percent),
        bandwidth=data.get("bandwidth", queue.bandwidth),
    )
    _queue_check(policy, candidate, list(policy.queues.live().exclude(pk=queue.pk)))
    changes = audited_update(
        actor=owner,
        action="qos_queue.modified",
        instance=queue,
        fields=["name", "description", "dscps", "remain_bandwidth_percent", "bandwidth"],
        data=data,
    )
    if changes:
        now = clock.now()
        queue.updated_at = now
        queue.save(update_fields=["updated_at"])
        _changed(policy, now)
    return queue


@transaction.atomic
def qos_queue_delete(*, owner, queue_id: str) -> InterRegionQosQueue:
    """DeleteCenInterRegionTrafficQosQueue: a queue of an Active policy is Deleting, then gone."""
    policy, queue = owned_qos_queue(owner=owner, queue_id=queue_id)
    refuse_unless_qos_active(policy)
    now = clock.now()
    queue.deleted_at = now
    queue.save(update_fields=["deleted_at"])
    _changed(policy, now)
    audit_record(actor=owner, action="qos_queue.deleted", target=queue, changes={"deleted_at": (None, now)})
    return queue
