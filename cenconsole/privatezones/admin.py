from django.contrib import admin

from .models import PrivateZoneRoute, RouteService


@admin.register(PrivateZoneRoute)
class PrivateZoneRouteAdmin(admin.ModelAdmin):
    list_display = ["cen_instance", "access_region", "host_network", "owner", "created_at", "deleted_at"]
    search_fields = ["cen_instance__id", "owner__username"]
    readonly_fields = ["owner", "cen_instance", "access_region", "host_network", "created_at", "deleted_at"]


@admin.register(RouteService)
class RouteServiceAdmin(admin.ModelAdmin):
    list_display = ["host", "host_region", "access_region", "cen_instance", "owner", "created_at", "deleted_at"]
    search_fields = ["host", "cen_instance__id", "owner__username"]
    readonly_fields = [
        "owner",
        "cen_instance",
        "access_region",
        "host_region",
        "host",
        "host_network",
        "description",
        "created_at",
        "deleted_at",
    ]
