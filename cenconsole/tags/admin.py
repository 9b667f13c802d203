from django.contrib import admin

from .models import Tag


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Read-only: tags are changed by their owners (Edit Tags, or the API), whose changes are audited."""

    list_display = ["resource_type", "resource_id", "key", "value", "owner", "created_at"]
    list_filter = ["resource_type"]
    search_fields = ["resource_id", "key", "value", "owner__username"]
    fields = list_display
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
