from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.validators import validate_multiline_text


class DeletionTicketQuerySet(models.QuerySet):
    def open(self):
        """Tickets not yet handled: a package has at most one."""
        return self.filter(status__in=DeletionTicket.OPEN_STATUSES)

    def desk(self):
        """What the staff's desk works: every ticket but a workshop's practice tickets."""
        return self.filter(practice=False)

    def overdue(self, *, since):
        """Open tickets waiting for a staff answer since before `since` (the SLA's limit)."""
        return self.open().filter(awaiting_staff_since__lt=since)


class DeletionTicket(models.Model):
    """A user's request to delete a bandwidth package: the only way a package ever goes away. A
    conversation between the user and support staff, kept as TicketMessage rows."""

    class Status(models.TextChoices):
        PENDING = "Pending", _("Pending")
        PROCESSING = "Processing", _("Processing")
        AWAITING_USER = "AwaitingUser", _("Awaiting your reply")
        APPROVED = "Approved", _("Approved")
        REJECTED = "Rejected", _("Rejected")
        WITHDRAWN = "Withdrawn", _("Withdrawn")

    OPEN_STATUSES = (Status.PENDING, Status.PROCESSING, Status.AWAITING_USER)
    # What staff call the statuses where the user's word would mislead them ("Awaiting your reply").
    STAFF_STATUS_LABELS = {Status.AWAITING_USER: _("Awaiting user")}
    # Every status change a ticket can make; a handled (approved, rejected, withdrawn) ticket is final.
    # Staff may decide a Pending ticket at once: deciding takes it.
    ALLOWED_TRANSITIONS = {
        Status.PENDING: {Status.PROCESSING, Status.AWAITING_USER, Status.APPROVED, Status.REJECTED, Status.WITHDRAWN},
        Status.PROCESSING: {Status.AWAITING_USER, Status.APPROVED, Status.REJECTED, Status.WITHDRAWN},
        Status.AWAITING_USER: {Status.PROCESSING, Status.APPROVED, Status.REJECTED, Status.WITHDRAWN},
        Status.APPROVED: set(),
        Status.REJECTED: set(),
        Status.WITHDRAWN: set(),
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
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("assigned to"),
        help_text=_("The staff member handling the ticket."),
    )
    awaiting_staff_since = models.DateTimeField(
        _("waiting for staff since"),
        null=True,
        blank=True,
        db_index=True,
        help_text=_("When the user last wrote without a staff answer since; empty while the user is to answer."),
    )
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
    practice = models.BooleanField(
        _("practice"),
        default=False,
        editable=False,
        help_text=_(
            "Opened by a workshop's scenario: out of the staff's queue, never handled by staff; the trainee's "
            "Withdraw or the workshop's end closes it."
        ),
    )

    objects = DeletionTicketQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("deletion ticket")
        verbose_name_plural = _("deletion tickets")
        permissions = [("handle_deletionticket", "Can approve or reject deletion tickets")]
        constraints = [
            models.UniqueConstraint(
                fields=["package"],
                condition=models.Q(status__in=["Pending", "Processing", "AwaitingUser"]),
                name="one_open_ticket_per_package",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["Pending", "Processing", "AwaitingUser"])
                | models.Q(handled_at__isnull=False),
                name="handled_ticket_has_time",
            ),
        ]
        indexes = [models.Index(fields=["requester", "-created_at"], name="ticket_requester_created_idx")]

    def __str__(self):
        return gettext("Ticket %(number)s") % {"number": self.number}

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN_STATUSES

    @property
    def is_approved(self) -> bool:
        return self.status == self.Status.APPROVED

    @property
    def is_rejected(self) -> bool:
        return self.status == self.Status.REJECTED

    @property
    def number(self) -> str:
        return f"TK{self.pk:06d}"

    @property
    def staff_status_display(self) -> str:
        """The status in staff words (the admin's): "Awaiting user" where the user reads "Awaiting your reply"."""
        return staff_status_label(self.status)

    @property
    def status_css(self) -> str:
        """The status dot's class on the console's pages."""
        return {
            self.Status.APPROVED: "status-ok",
            self.Status.REJECTED: "status-bad",
            self.Status.WITHDRAWN: "status-off",
        }.get(self.status, "status-warn")


def staff_status_label(status: str) -> str:
    """A status code in staff words, in the active language."""
    if not status:
        return ""
    return str(DeletionTicket.STAFF_STATUS_LABELS.get(status, DeletionTicket.Status(status).label))


class TicketMessageQuerySet(models.QuerySet):
    def for_user(self):
        """What the ticket's requester may read: everything but the staff's internal notes."""
        return self.filter(internal=False)

    def unread_by_user(self):
        """Staff messages the ticket's requester has not seen yet (internal notes are never theirs)."""
        return self.for_user().filter(from_staff=True, read_by_user_at__isnull=True)


class TicketMessage(models.Model):
    """One entry of a ticket's conversation (a follow-up): who wrote, what, and the status change it
    made, if any. The opening message holds the user's reason."""

    ticket = models.ForeignKey(DeletionTicket, on_delete=models.PROTECT, related_name="messages")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    from_staff = models.BooleanField(_("from staff"), default=False)
    internal = models.BooleanField(
        _("internal note"),
        default=False,
        help_text=_("A note among staff: never shown to the user, never emailed, never changes the ticket."),
    )
    text = models.TextField(blank=True, max_length=1000)
    old_status = models.CharField(max_length=16, blank=True, choices=DeletionTicket.Status.choices)
    new_status = models.CharField(max_length=16, blank=True, choices=DeletionTicket.Status.choices)
    created_at = models.DateTimeField(_("when"), default=clock.now)
    read_by_user_at = models.DateTimeField(
        _("read by the user"), null=True, blank=True, help_text=_("When the requester first saw a staff message.")
    )

    objects = TicketMessageQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("ticket message")
        verbose_name_plural = _("ticket messages")
        indexes = [models.Index(fields=["ticket", "created_at"], name="ticket_message_ticket_idx")]
        constraints = [
            # An internal note is staff's and changes nothing: no status in it.
            models.CheckConstraint(
                condition=models.Q(internal=False) | models.Q(from_staff=True, new_status=""),
                name="internal_note_is_staff_and_changes_nothing",
            ),
        ]

    def __str__(self):
        return f"{self.ticket} message {self.pk}"

    @property
    def staff_old_status_display(self) -> str:
        return staff_status_label(self.old_status)

    @property
    def staff_new_status_display(self) -> str:
        return staff_status_label(self.new_status)


class SavedReply(models.Model):
    """A reply template staff insert on a ticket's page and edit before sending. Its text may name
    {ticket}, {package} and {user}, filled in from the ticket."""

    class Action(models.TextChoices):
        REPLY = "reply", _("Send Reply (the ticket stays where it is)")
        ASK_INFO = "ask_info", _("Ask for information (awaiting user)")
        RELEASE = "release", _("Release (after confirmation; with a refund where one is due)")
        REJECT = "reject", _("Reject (after confirmation)")

    name = models.CharField(_("name"), max_length=80, unique=True, help_text=_("What staff pick it by."))
    text = models.TextField(
        _("text"),
        max_length=1000,
        validators=[validate_multiline_text],
        help_text=_("{ticket}, {package} and {user} are replaced by the ticket's number, package ID and user name."),
    )
    action = models.CharField(
        _("status change"),
        max_length=8,
        choices=Action.choices,
        default=Action.REPLY,
        help_text=_("What the reply is meant for: the ticket page suggests that button."),
    )

    class Meta:
        ordering = ["name"]
        verbose_name = _("saved reply")
        verbose_name_plural = _("saved replies")

    def __str__(self):
        return self.name


class EmailNotification(models.Model):
    """An email about a ticket (the outbox): written in the ticket's transaction, sent after it
    commits, and retried by `send_notifications` while it fails. A worker claims a row (`sending`,
    with a lease) before it talks to the mail server, so no two workers send it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    ticket = models.ForeignKey(DeletionTicket, on_delete=models.PROTECT, related_name="notifications")
    recipient = models.EmailField(_("to"))
    subject = models.CharField(max_length=200)
    body_text = models.TextField()
    body_html = models.TextField()
    status = models.CharField(max_length=8, choices=Status.choices, default=Status.PENDING, db_index=True)
    attempts = models.PositiveIntegerField(default=0)
    claimed_until = models.DateTimeField(
        _("claimed until"),
        null=True,
        blank=True,
        editable=False,
        help_text=_(
            "Sending: the worker that claimed it holds it until then (real time); a row still sending after "
            "that (its worker crashed) is tried again."
        ),
    )
    last_error = models.TextField(blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("email notification")
        verbose_name_plural = _("email notifications")

    def __str__(self):
        return f"{self.subject} → {self.recipient}"
