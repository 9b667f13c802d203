from django.contrib import admin

from .models import BandwidthPackage, Order


@admin.register(BandwidthPackage)
class BandwidthPackageAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "owner", "cen_instance", "area_a", "area_b", "bandwidth", "expires_at"]
    list_select_related = ["owner", "cen_instance", "area_a", "area_b"]
    search_fields = ["id", "name", "owner__username", "cen_instance__id"]
    readonly_fields = ["id", "owner", "cen_instance", "area_a", "area_b", "geographic_span", "created_at"]

    def has_add_permission(self, request):
        return False  # packages are bought, never typed in

    def has_change_permission(self, request, obj=None):
        return False  # areas never change; bandwidth and expiry change through paid orders only

    def has_delete_permission(self, request, obj=None):
        return False  # only an approved deletion ticket releases a package


@admin.register(Order)
class OrderAdmin(admin.ModelAdmin):
    list_display = ["id", "owner", "order_type", "status", "cen_instance", "bandwidth", "amount", "created_at"]
    list_filter = ["status", "order_type"]
    list_select_related = ["owner", "cen_instance"]
    search_fields = ["owner__username", "cen_instance__id", "package__id"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
