from django.contrib import admin

from .models import MulticastAssociation, MulticastDomain, MulticastGroupResource, NetworkInterface


class ReadOnlyAdmin(admin.ModelAdmin):
    """Changed through the API's services only (their rules and audit records): the admin shows."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(MulticastDomain)
class MulticastDomainAdmin(ReadOnlyAdmin):
    list_display = ["id", "name", "transit_router", "owner", "igmpv2_support", "created_at", "deleted_at"]
    search_fields = ["id", "name", "transit_router__id", "owner__username"]


@admin.register(MulticastAssociation)
class MulticastAssociationAdmin(ReadOnlyAdmin):
    list_display = ["domain", "vswitch_id", "attachment", "created_at", "deleted_at"]
    search_fields = ["domain__id", "vswitch_id", "attachment__id"]


@admin.register(MulticastGroupResource)
class MulticastGroupResourceAdmin(ReadOnlyAdmin):
    list_display = ["domain", "group_ip", "role", "network_interface", "peer_domain", "created_at", "deleted_at"]
    list_filter = ["role"]
    search_fields = ["domain__id", "group_ip", "network_interface__eni_id", "peer_domain__id"]


@admin.register(NetworkInterface)
class NetworkInterfaceAdmin(ReadOnlyAdmin):
    list_display = ["eni_id", "vpc_id", "vswitch_id", "region", "owner", "created_at"]
    search_fields = ["eni_id", "vpc_id", "vswitch_id", "owner__username"]
