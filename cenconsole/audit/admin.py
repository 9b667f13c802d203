from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cenconsole.core.admin import ReadOnlyAdmin

from .models import AuditRecord


class ActionFilter(admin.SimpleListFilter):
    """By action, in words (the stored code is what the link filters on)."""

    title = _("action")
    parameter_name = "action__exact"

    def lookups(self, request, model_admin):
        codes = AuditRecord.objects.order_by("action").values_list("action", flat=True).distinct()
        return [(code, AuditRecord(action=code).action_label) for code in codes]

    def queryset(self, request, queryset):
        return queryset.filter(action=self.value()) if self.value() else queryset


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action_label", "target_type", "target_id", "actor"]
    list_filter = [ActionFilter, "target_type"]
    search_fields = ["target_id", "actor__username", "note"]
    list_select_related = ["actor"]
    readonly_fields = ["created_at", "actor", "action_label", "target_type", "target_id", "change_words", "note"]
    fields = readonly_fields

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, record):
        return record.action_label

    @admin.display(description=_("changes"))
    def change_words(self, record):
        return "; ".join(record.change_lines()) or "-"
