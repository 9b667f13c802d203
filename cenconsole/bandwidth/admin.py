from django.contrib import admin

from cenconsole.core.admin import ReadOnlyAdmin

from .models import BandwidthPackage, Order


@admin.register(BandwidthPackage)
class BandwidthPackageAdmin(ReadOnlyAdmin):
    """Packages are bought, never typed in; their areas never change; bandwidth and expiry change
    through paid orders only; only an approved deletion ticket releases one."""

    list_display = ["id", "name", "owner", "cen_instance", "area_a", "area_b", "bandwidth", "expires_at"]
    list_select_related = ["owner", "cen_instance", "area_a", "area_b"]
    search_fields = ["id", "name", "owner__username", "cen_instance__id"]
    readonly_fields = ["id", "owner", "cen_instance", "area_a", "area_b", "geographic_span", "created_at"]


@admin.register(Order)
class OrderAdmin(ReadOnlyAdmin):
    list_display = ["id", "owner", "order_type", "status", "cen_instance", "bandwidth", "amount", "created_at"]
    list_filter = ["status", "order_type"]
    list_select_related = ["owner", "cen_instance"]
    search_fields = ["owner__username", "cen_instance__id", "package__id"]
