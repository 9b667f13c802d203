from django.contrib import admin

from .models import FlowLog


@admin.register(FlowLog)
class FlowLogAdmin(admin.ModelAdmin):
    """Read-only: flow logs change through the API's services, which audit every change."""

    list_display = ["id", "cen_instance", "region", "transit_router", "project_name", "log_store_name", "owner"]
    search_fields = ["id", "cen_instance__id", "owner__username", "project_name"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
