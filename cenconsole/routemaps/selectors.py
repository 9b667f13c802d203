"""Reads for route maps: the account's own, not yet gone."""

from .models import RouteMap


def route_maps_for(*, owner):
    """The account's route maps of CEN instances it still has, oldest first (Deleting ones until gone)."""
    return (
        RouteMap.objects.present()
        .filter(owner=owner, cen_instance__deleted_at__isnull=True)
        .order_by("created_at", "id")
    )


def cen_route_maps(*, owner, cen_instance):
    """The Route Maps tab's rows: the CEN instance's route maps with their regions, in one query."""
    return (
        route_maps_for(owner=owner)
        .filter(cen_instance=cen_instance)
        .select_related("region")
        .order_by("region_id", "transmit_direction", "priority", "id")
    )
