from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import SignInFailure, User


@admin.register(User)
class ConsoleUserAdmin(UserAdmin):
    list_display = ["username", "balance", "is_staff", "is_sandbox", "date_joined"]
    list_filter = [*UserAdmin.list_filter, "is_sandbox"]
    # The demo's fields are shown, never edited: only cenconsole.demo's services set them.
    readonly_fields = ["balance", "is_sandbox", "sandbox_expires_at", "clock_offset"]
    fieldsets = [
        *UserAdmin.fieldsets,
        (_("Billing"), {"fields": ["balance"]}),
        (_("Demo"), {"fields": ["is_sandbox", "sandbox_expires_at", "clock_offset"]}),
    ]


@admin.register(SignInFailure)
class SignInFailureAdmin(admin.ModelAdmin):
    list_display = ["created_at", "username", "ip_address"]
    search_fields = ["username", "ip_address"]
    readonly_fields = ["created_at", "username", "ip_address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
