from django.contrib import admin

from .models import (
    PrefixListAssociation,
    TransitRouterCidr,
    TransitRouterCidrAllocation,
    TransitRouteTableAggregation,
)


class AllocationInline(admin.TabularInline):
    model = TransitRouterCidrAllocation
    extra = 0
    can_delete = False
    readonly_fields = ["allocated_cidr_block", "attachment_id", "attachment_name", "created_at"]


@admin.register(TransitRouterCidr)
class TransitRouterCidrAdmin(admin.ModelAdmin):
    list_display = ["id", "cidr", "transit_router", "name", "publish_cidr_route", "created_at"]
    search_fields = ["id", "cidr", "transit_router__id"]
    readonly_fields = ["id", "transit_router", "cidr", "publish_cidr_route", "created_at"]
    inlines = [AllocationInline]


@admin.register(PrefixListAssociation)
class PrefixListAssociationAdmin(admin.ModelAdmin):
    list_display = ["prefix_list", "route_table", "next_hop", "next_hop_type", "owner", "created_at"]
    list_filter = ["next_hop_type"]
    search_fields = ["prefix_list__resource_id", "route_table__id", "next_hop"]
    readonly_fields = [
        "owner",
        "prefix_list",
        "transit_router",
        "route_table",
        "next_hop",
        "next_hop_type",
        "next_hop_instance_id",
        "created_at",
    ]


@admin.register(TransitRouteTableAggregation)
class TransitRouteTableAggregationAdmin(admin.ModelAdmin):
    list_display = ["cidr", "route_table", "name", "scope", "created_at", "deleted_at"]
    search_fields = ["cidr", "route_table__id"]
    readonly_fields = ["route_table", "cidr", "scope", "scope_list", "created_at", "configured_at", "deleted_at"]
