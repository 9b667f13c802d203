from django.contrib import admin

from .models import InterRegionQosPolicy, InterRegionQosQueue, TrafficMarkingPolicy, TrafficMatchRule


class ReadOnly(admin.ModelAdmin):
    """Read-only: these change through the API's services, which audit every change."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(TrafficMarkingPolicy)
class TrafficMarkingPolicyAdmin(ReadOnly):
    list_display = ["id", "transit_router", "priority", "marking_dscp", "owner"]
    search_fields = ["id", "transit_router__id", "owner__username"]


@admin.register(TrafficMatchRule)
class TrafficMatchRuleAdmin(ReadOnly):
    list_display = ["id", "policy", "protocol", "src_cidr", "dst_cidr", "match_dscp"]
    search_fields = ["id", "policy__id"]


@admin.register(InterRegionQosPolicy)
class InterRegionQosPolicyAdmin(ReadOnly):
    list_display = ["id", "transit_router", "attachment", "guarantee_mode", "owner"]
    search_fields = ["id", "attachment__id", "owner__username"]


@admin.register(InterRegionQosQueue)
class InterRegionQosQueueAdmin(ReadOnly):
    list_display = ["id", "policy", "remain_bandwidth_percent", "bandwidth"]
    search_fields = ["id", "policy__id"]
