from django.contrib import admin

from .models import RouteMap


@admin.register(RouteMap)
class RouteMapAdmin(admin.ModelAdmin):
    """Read-only: route maps change through the API's services, which audit every change."""

    list_display = ["id", "cen_instance", "region", "transmit_direction", "priority", "map_result", "owner"]
    list_filter = ["transmit_direction", "map_result"]
    search_fields = ["id", "cen_instance__id", "owner__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
