from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock


class AuditRecordQuerySet(models.QuerySet):
    def for_target(self, target):
        return self.filter(target_type=type(target).__name__, target_id=str(target.pk))


class AuditRecord(models.Model):
    """One change of state of a package or a ticket: who, when, what, and each field's old -> new.
    Written only through audit.services.audit_record; never edited or deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who made the change; empty for the system (scheduled jobs)."),
    )
    action = models.CharField(max_length=64, help_text=_("What happened, e.g. package.bought, ticket.approved."))
    target_type = models.CharField(max_length=64, help_text=_("The model changed, e.g. BandwidthPackage."))
    target_id = models.CharField(max_length=64, help_text=_("The id of the changed object."))
    changes = models.JSONField(default=dict, blank=True, help_text='Each changed field as {"field": [old, new]}.')
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(_("when"), default=clock.now)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.action} {self.target_type} {self.target_id}"

    def change_lines(self):
        """["status: Pending → Approved", ...], for pages and the admin."""
        return [
            f"{field}: {old if old not in (None, '') else '-'} → {new if new not in (None, '') else '-'}"
            for field, (old, new) in self.changes.items()
        ]
