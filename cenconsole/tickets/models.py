from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock


class DeletionTicketQuerySet(models.QuerySet):
    def open(self):
        """Tickets not yet handled: a package has at most one."""
        return self.filter(status=DeletionTicket.Status.PENDING)


class DeletionTicket(models.Model):
    """A user's request to delete a bandwidth package: the only way a package ever goes away."""

    class Status(models.TextChoices):
        PENDING = "Pending", _("Pending")
        APPROVED = "Approved", _("Approved")
        REJECTED = "Rejected", _("Rejected")

    # A handled ticket is final.
    ALLOWED_TRANSITIONS = {
        Status.PENDING: {Status.APPROVED, Status.REJECTED},
        Status.APPROVED: set(),
        Status.REJECTED: set(),
    }

    requester = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="deletion_tickets", verbose_name=_("requester")
    )
    package = models.ForeignKey(
        "bandwidth.BandwidthPackage",
        on_delete=models.PROTECT,
        related_name="deletion_tickets",
        verbose_name=_("bandwidth package"),
    )
    reason = models.TextField(
        max_length=1000, help_text=_("Why the user wants the package deleted."), verbose_name=_("reason")
    )
    status = models.CharField(
        max_length=16, choices=Status.choices, default=Status.PENDING, db_index=True, verbose_name=_("status")
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    handled_at = models.DateTimeField(_("handled"), null=True, blank=True)
    handled_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Staff member who approved or rejected the ticket."),
        verbose_name=_("handled by"),
    )
    refund_order = models.OneToOneField(
        "bandwidth.Order",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="deletion_ticket",
        help_text=_("The refund of the package's unused time, when staff approved with a refund."),
        verbose_name=_("refund order"),
    )
    staff_note = models.TextField(
        blank=True, max_length=1000, help_text=_("Shown to the user on the Tickets page."), verbose_name=_("staff note")
    )

    objects = DeletionTicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("deletion ticket")
        verbose_name_plural = _("deletion tickets")
        permissions = [("handle_deletionticket", "Can approve or reject deletion tickets")]
        constraints = [
            models.UniqueConstraint(
                fields=["package"], condition=models.Q(status="Pending"), name="one_open_ticket_per_package"
            ),
            models.CheckConstraint(
                condition=models.Q(status="Pending") | models.Q(handled_at__isnull=False),
                name="handled_ticket_has_time",
            ),
        ]
        indexes = [models.Index(fields=["requester", "-created_at"], name="ticket_requester_created_idx")]

    def __str__(self):
        return gettext("Ticket %(number)s") % {"number": self.pk}

    @property
    def is_open(self) -> bool:
        return self.status == self.Status.PENDING

    @property
    def number(self) -> str:
        return f"TK{self.pk:06d}"
