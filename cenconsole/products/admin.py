from django.contrib import admin

from .models import ProductResource


@admin.register(ProductResource)
class ProductResourceAdmin(admin.ModelAdmin):
    list_display = ["resource_id", "kind", "region", "owner", "created_at"]
    list_filter = ["kind"]
    search_fields = ["resource_id", "owner__username"]
    readonly_fields = ["owner", "kind", "resource_id", "region", "created_at"]
