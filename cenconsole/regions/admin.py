from django.contrib import admin

from .models import Area, Region


class ReadOnlyAdmin(admin.ModelAdmin):
    """Reference data from the seed: loaded by a migration, never edited by hand."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RegionInline(admin.TabularInline):
    model = Region
    fields = ["code", "name", "position"]
    can_delete = False
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Area)
class AreaAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "position"]
    inlines = [RegionInline]


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "area"]
    list_filter = ["area"]
