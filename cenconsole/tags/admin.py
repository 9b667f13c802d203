from django.contrib import admin

from cenconsole.core.admin import ReadOnlyAdmin

from .models import Tag


@admin.register(Tag)
class TagAdmin(ReadOnlyAdmin):
    """Read-only: tags are changed by their owners (Edit Tags, or the API), whose changes are audited."""

    list_display = ["resource_type", "resource_id", "key", "value", "owner", "created_at"]
    list_filter = ["resource_type"]
    search_fields = ["resource_id", "key", "value", "owner__username"]
    fields = list_display
    readonly_fields = fields
