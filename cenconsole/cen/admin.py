from django.contrib import admin

from .models import CenInstance


@admin.register(CenInstance)
class CenInstanceAdmin(admin.ModelAdmin):
    list_display = ["id", "name", "owner", "status", "created_at"]
    search_fields = ["id", "name", "owner__username"]
    list_select_related = ["owner"]
    readonly_fields = ["id", "owner", "created_at"]
