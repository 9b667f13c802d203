from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from .models import SignInFailure, User


@admin.register(User)
class ConsoleUserAdmin(UserAdmin):
    list_display = ["username", "balance", "is_staff", "date_joined"]
    readonly_fields = ["balance"]
    fieldsets = [*UserAdmin.fieldsets, (_("Billing"), {"fields": ["balance"]})]


@admin.register(SignInFailure)
class SignInFailureAdmin(admin.ModelAdmin):
    list_display = ["created_at", "username", "ip_address"]
    search_fields = ["username", "ip_address"]
    readonly_fields = ["created_at", "username", "ip_address"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
