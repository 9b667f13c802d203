"""Reads for PrivateZone and cloud-service access: the account's own, not yet gone."""

from django.db.models import QuerySet

from .models import PrivateZoneRoute, RouteService


def private_zone_routes_for(*, owner, cen_instance) -> QuerySet[PrivateZoneRoute]:
    return (
        PrivateZoneRoute.objects.present()
        .filter(owner=owner, cen_instance=cen_instance)
        .select_related("host_network")
        .order_by("created_at", "id")
    )


def route_services_for(*, owner, cen_instance) -> QuerySet[RouteService]:
    return (
        RouteService.objects.present()
        .filter(owner=owner, cen_instance=cen_instance)
        .select_related("host_network")
        .order_by("created_at", "id")
    )
