from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from cenconsole.core.admin import ReadOnlyAdmin

from .models import AuditRecord


@admin.register(AuditRecord)
class AuditRecordAdmin(ReadOnlyAdmin):
    list_display = ["created_at", "action_label", "target_type", "target_id", "actor"]
    list_filter = ["action", "target_type"]
    search_fields = ["target_id", "actor__username", "note"]
    list_select_related = ["actor"]
    readonly_fields = ["created_at", "actor", "action_label", "target_type", "target_id", "change_words", "note"]

    @admin.display(description=_("action"), ordering="action")
    def action_label(self, record):
        return record.action_label

    @admin.display(description=_("changes"))
    def change_words(self, record):
        return "; ".join(record.change_lines()) or "-"
