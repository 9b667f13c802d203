"""Reads for traffic marking policies and QoS policies and queues: the account's own, not yet gone, on
transit routers it still has."""

from django.db.models import Prefetch

from .models import InterRegionQosPolicy, InterRegionQosQueue, TrafficMarkingPolicy, TrafficMatchRule


def marking_policies_for(*, owner):
    """The account's traffic marking policies, oldest first, with their rules not yet gone."""
    return (
        TrafficMarkingPolicy.objects.present()
        .filter(owner=owner, transit_router__deleted_at__isnull=True)
        .prefetch_related(Prefetch("rules", queryset=TrafficMatchRule.objects.present().order_by("created_at", "id")))
        .order_by("created_at", "id")
    )


def qos_policies_for(*, owner):
    """The account's QoS policies, oldest first, with their connection and queues not yet gone."""
    return (
        InterRegionQosPolicy.objects.present()
        .filter(owner=owner, transit_router__deleted_at__isnull=True)
        .select_related("attachment")
        .prefetch_related(
            Prefetch("queues", queryset=InterRegionQosQueue.objects.present().order_by("created_at", "id"))
        )
        .order_by("created_at", "id")
    )


def qos_queues_for(*, owner):
    """The account's QoS queues not yet gone, of policies not yet gone, oldest first."""
    policies = qos_policies_for(owner=owner).values("pk")
    return (
        InterRegionQosQueue.objects.present()
        .filter(policy__in=policies)
        .select_related("policy__attachment")
        .order_by("created_at", "id")
    )
