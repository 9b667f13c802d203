"""Workshops in the admin: read-only (they are made and run on /workshops/, where the rules are)."""

from django.contrib import admin

from .models import Trainee, Workshop


class TraineeInline(admin.TabularInline):
    model = Trainee
    fields = ["seat", "username", "account", "joined_at", "tour_stop", "bought", "paid", "opened_ticket"]
    readonly_fields = fields
    extra = 0
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


@admin.register(Workshop)
class WorkshopAdmin(admin.ModelAdmin):
    list_display = ["title", "facilitator", "scenario", "seat_limit", "created_at", "ends_at", "ended_at"]
    list_filter = ["scenario"]
    search_fields = ["title", "code", "facilitator__username"]
    fields = [
        "title",
        "code",
        "facilitator",
        "scenario",
        "length_hours",
        "seat_limit",
        "joins_per_address",
        "created_at",
        "ends_at",
        "ended_at",
    ]
    readonly_fields = fields
    inlines = [TraineeInline]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
