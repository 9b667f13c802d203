from django.contrib import admin

from .models import VbrHealthCheck


@admin.register(VbrHealthCheck)
class VbrHealthCheckAdmin(admin.ModelAdmin):
    """Read-only: health checks change through the API's services, which audit every change."""

    list_display = ["vbr", "cen_instance", "target_ip", "source_ip", "interval", "healthy_threshold", "owner"]
    search_fields = ["vbr__resource_id", "cen_instance__id", "owner__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
