from django.contrib import admin

from .models import AccessKey


@admin.register(AccessKey)
class AccessKeyAdmin(admin.ModelAdmin):
    """Read-only: keys are created, disabled and deleted by their owners on AccessKey Management. The
    secret is never shown, not even encrypted."""

    list_display = ["id", "owner", "status", "created_at", "last_used_at", "deleted_at"]
    list_filter = ["status"]
    search_fields = ["id", "owner__username"]
    fields = ["id", "owner", "status", "created_at", "last_used_at", "deleted_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
