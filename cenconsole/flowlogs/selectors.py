"""Reads for flow logs: the account's own, not yet gone."""

from django.db.models import Q

from .models import FlowLog


def flow_logs_for(*, owner):
    """The account's flow logs of CEN instances it still has, oldest first (Deleting ones until gone)."""
    return (
        FlowLog.objects.present()
        .filter(owner=owner, cen_instance__deleted_at__isnull=True)
        .order_by("created_at", "id")
    )


def router_flow_logs(*, owner, router):
    """A transit router's Flow Logs tab: the flow logs of the router or of its connections, and those
    made (through the API) of its CEN instance in its region without naming a router."""
    return flow_logs_for(owner=owner).filter(
        Q(transit_router=router)
        | Q(transit_router__isnull=True, cen_instance_id=router.cen_instance_id, region_id=router.region_id)
    )
