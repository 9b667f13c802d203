from django.contrib import admin

from .models import GrantRule


@admin.register(GrantRule)
class GrantRuleAdmin(admin.ModelAdmin):
    """Changed through the services only (their rules and audit records): the admin shows."""

    list_display = [
        "instance_id",
        "instance_type",
        "region",
        "owner",
        "cen_id",
        "cen_owner",
        "order_type",
        "created_at",
    ]
    list_filter = ["instance_type", "order_type"]
    search_fields = ["instance_id", "cen_id", "owner__username", "cen_owner__username"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
