from django.contrib import admin

from cenconsole.core.admin import ReadOnlyAdmin

from .models import Area, Region


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
    """Reference data from the seed: loaded by a migration, never edited by hand."""

    list_display = ["name", "code", "position"]
    inlines = [RegionInline]


@admin.register(Region)
class RegionAdmin(ReadOnlyAdmin):
    list_display = ["name", "code", "area"]
    list_filter = ["area"]
