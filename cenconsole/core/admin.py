from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """An admin that shows and never edits: rows written only by the services (orders, packages,
    ledger entries, audit records, AccessKeys, tags) or loaded by a migration (areas and regions)."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
