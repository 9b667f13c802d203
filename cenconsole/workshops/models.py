"""Workshops: a facilitator runs the purchase flow with a room of trainees, each in a sandbox of their
own seeded with the workshop's scenario (docs/using/workshops.md)."""

import unicodedata

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core.errors import refusal
from cenconsole.core.validators import BIDI_CONTROLS, validate_name

from .messages import TITLE_CONTROL

MAX_LENGTH_HOURS = 8
MAX_SEATS = 200
# Trainees one network address may seat in one workshop: WORKSHOP_JOINS_PER_ADDRESS by default, which a
# facilitator raises for a room behind one address, up to MAX_JOINS_PER_ADDRESS.
MAX_JOINS_PER_ADDRESS = 200
DISPLAY_NAME_MAX_LENGTH = 40


def default_joins_per_address() -> int:
    """The operator's WORKSHOP_JOINS_PER_ADDRESS, within the field's bounds."""
    return max(1, min(settings.WORKSHOP_JOINS_PER_ADDRESS, MAX_JOINS_PER_ADDRESS))


def validate_title(value: str) -> None:
    """A title is shown large to a room: no control characters, bidirectional ones included."""
    if any(unicodedata.category(char) == "Cc" or char in BIDI_CONTROLS for char in value):
        raise refusal(TITLE_CONTROL, "title_control")


class Workshop(models.Model):
    code = models.CharField(
        _("join code"), max_length=16, unique=True, editable=False, help_text=_("The short join link's code.")
    )
    title = models.CharField(_("title"), max_length=100, validators=[validate_title])
    facilitator = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="workshops_run",
        verbose_name=_("facilitator"),
    )
    scenario = models.CharField(
        _("starting scenario"), max_length=32, help_text=_("The state every trainee's sandbox starts in.")
    )
    length_hours = models.PositiveSmallIntegerField(
        _("length (hours)"),
        default=3,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_LENGTH_HOURS)],
    )
    seat_limit = models.PositiveSmallIntegerField(
        _("seat limit"), default=40, validators=[MinValueValidator(1), MaxValueValidator(MAX_SEATS)]
    )
    joins_per_address = models.PositiveSmallIntegerField(
        _("joins per address"),
        default=default_joins_per_address,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_JOINS_PER_ADDRESS)],
        help_text=_("How many trainees may join from one network address (a room behind one address is one)."),
    )
    created_at = models.DateTimeField(_("created"), editable=False)
    ends_at = models.DateTimeField(
        _("ends"), editable=False, help_text=_("Real time after which nobody can join; trainee sandboxes expire then.")
    )
    ended_at = models.DateTimeField(
        _("ended"), null=True, blank=True, editable=False, help_text=_("When End workshop was clicked.")
    )
    # Room-wide actions (Advance everyone's clock, Reset everyone) are numbered: each trainee row keeps
    # the number of the last one done for it, so a press after a crash finishes the room's last action
    # instead of doing it twice for those it reached.
    room_action = models.CharField(
        _("last room-wide action"),
        max_length=16,
        blank=True,
        editable=False,
        help_text=_("The step of the last Advance everyone's clock, or reset."),
    )
    room_action_number = models.PositiveIntegerField(
        _("room-wide actions"), default=0, editable=False, help_text=_("How many room-wide actions were pressed.")
    )

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("workshop")
        verbose_name_plural = _("workshops")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(length_hours__gte=1, length_hours__lte=MAX_LENGTH_HOURS),
                name="workshop_length_within_limit",
            ),
            models.CheckConstraint(
                condition=models.Q(seat_limit__gte=1, seat_limit__lte=MAX_SEATS), name="workshop_seats_within_limit"
            ),
            models.CheckConstraint(
                condition=models.Q(joins_per_address__gte=1, joins_per_address__lte=MAX_JOINS_PER_ADDRESS),
                name="workshop_joins_per_address_within_limit",
            ),
        ]

    def __str__(self):
        return self.title

    def is_over(self, now) -> bool:
        """Ended by the facilitator, or past its length (real time)."""
        return self.ended_at is not None or now >= self.ends_at


class Trainee(models.Model):
    """One seat of a workshop: the trainee's sandbox while it lives, and the board's figures about it,
    kept on the row when End workshop removes the sandbox."""

    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, related_name="trainees", verbose_name=_("workshop")
    )
    seat = models.PositiveSmallIntegerField(_("seat"), editable=False)
    account = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="workshop_seat",
        verbose_name=_("sandbox"),
    )
    username = models.CharField(_("sandbox name"), max_length=150, editable=False)
    # Typed at Join workshop (optional): shown to the facilitator on the board, to nobody else.
    display_name = models.CharField(
        _("display name"),
        max_length=DISPLAY_NAME_MAX_LENGTH,
        blank=True,
        editable=False,
        validators=[validate_name],
        help_text=_("The name the trainee gave at Join workshop; only the facilitator's board shows it."),
    )
    ip_address = models.GenericIPAddressField(_("address"), null=True, blank=True, editable=False)
    joined_at = models.DateTimeField(_("joined"), editable=False)
    tour_stop = models.PositiveSmallIntegerField(
        _("tour stop reached"),
        default=0,
        editable=False,
        help_text=_("1 + the index of the furthest stop of the guided tour the trainee was shown; 0 for none."),
    )
    # The figures End workshop keeps once the sandbox is gone (null while it lives: read live).
    bought = models.BooleanField(_("bought a package"), null=True, editable=False)
    paid = models.BooleanField(_("paid"), null=True, editable=False)
    opened_ticket = models.BooleanField(_("opened a ticket"), null=True, editable=False)
    clock_offset = models.DurationField(_("test clock offset"), null=True, editable=False)
    room_action_number = models.PositiveIntegerField(
        _("room-wide actions done"),
        default=0,
        editable=False,
        help_text=_(
            "The number of the workshop's last room-wide action done for this trainee (or begun before they joined)."
        ),
    )

    class Meta:
        ordering = ["seat"]
        verbose_name = _("trainee")
        verbose_name_plural = _("trainees")
        constraints = [
            models.UniqueConstraint(fields=["workshop", "seat"], name="one_trainee_per_seat"),
            models.CheckConstraint(condition=models.Q(seat__gte=1), name="trainee_seat_positive"),
        ]

    def __str__(self):
        return self.username
