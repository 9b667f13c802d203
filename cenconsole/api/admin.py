from django.contrib import admin

from cenconsole.core.admin import ReadOnlyAdmin

from .models import AccessKey


@admin.register(AccessKey)
class AccessKeyAdmin(ReadOnlyAdmin):
    """Read-only: keys are created, disabled and deleted by their owners on AccessKey Management. The
    secret is never shown, not even encrypted."""

    list_display = ["id", "owner", "status", "created_at", "last_used_at", "deleted_at"]
    list_filter = ["status"]
    search_fields = ["id", "owner__username"]
    fields = ["id", "owner", "status", "created_at", "last_used_at", "deleted_at"]
    readonly_fields = fields
