from django.contrib import admin
from django.contrib.auth.admin import UserAdmin

from .models import User


@admin.register(User)
class ConsoleUserAdmin(UserAdmin):
    list_display = ["username", "balance", "is_staff", "date_joined"]
    readonly_fields = ["balance"]
    fieldsets = [*UserAdmin.fieldsets, ("Billing", {"fields": ["balance"]})]
