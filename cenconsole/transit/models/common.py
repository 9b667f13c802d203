"""What every transit resource shares: IDs in the real forms, the transition time, the statuses derived
from the clock (TransitionMixin), and the abstract bases TransitResource and TransitAttachment."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name


def new_transit_router_id():
    return random_id("tr-", 20)


def new_attachment_id():
    return random_id("tr-attach-", 20)


def transition() -> timedelta:
    """How long Creating, Attaching and Deleting last: a few seconds (TRANSIT_TRANSITION_SECONDS)."""
    return timedelta(seconds=settings.TRANSIT_TRANSITION_SECONDS)


class TransitionQuerySet(models.QuerySet):
    def present(self):
        """Rows not yet gone: never deleted, or still Deleting on the current clock."""
        return self.filter(Q(deleted_at__isnull=True) | Q(deleted_at__gt=clock.now() - transition()))

    def live(self):
        """Rows not being deleted: what still holds its parent (a CEN instance, a router)."""
        return self.filter(deleted_at__isnull=True)


class RouterStatus(models.TextChoices):
    """A router's or route table's status, derived from its timestamps (never stored)."""

    CREATING = "Creating", _("Creating")
    ACTIVE = "Active", _("Active")
    DELETING = "Deleting", _("Deleting")


class AttachmentStatus(models.TextChoices):
    """A connection's status: the words the API uses for Creating, Active and Deleting."""

    ATTACHING = "Attaching", _("Attaching")
    ATTACHED = "Attached", _("Attached")
    DETACHING = "Detaching", _("Detaching")


class TransitionMixin:
    """The status of a row made at created_at and, perhaps, deleted at deleted_at (the migrations
    name this class as a base of the transit models)."""

    @property
    def status(self) -> RouterStatus:
        if self.deleted_at is not None:
            return RouterStatus.DELETING
        if clock.now() < self.created_at + transition():
            return RouterStatus.CREATING
        return RouterStatus.ACTIVE

    @property
    def is_active(self) -> bool:
        return self.status == RouterStatus.ACTIVE

    @property
    def status_label(self) -> str:
        return RouterStatus(self.status).label


class TransitResource(TransitionMixin, models.Model):
    """What every transit resource shares: a name and a description (the console's rules), made at
    created_at and perhaps deleted at deleted_at (TransitionMixin derives its status); oldest first.
    Abstract: each resource keeps its own table."""

    name = models.CharField(
        _("name"), max_length=128, blank=True, validators=[validate_name], help_text=_("Empty or 1 to 128 characters.")
    )
    description = models.CharField(
        _("description"),
        max_length=256,
        blank=True,
        validators=[validate_description],
        help_text=_("Empty or 1 to 256 characters."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.pk


class TransitAttachment(TransitResource):
    """A connection of a transit router: Attaching, Attached, Detaching."""

    class Meta(TransitResource.Meta):
        abstract = True

    @property
    def attachment_status(self) -> AttachmentStatus:
        """Attaching, Attached or Detaching: the words the API uses for connections."""
        return {
            RouterStatus.CREATING: AttachmentStatus.ATTACHING,
            RouterStatus.ACTIVE: AttachmentStatus.ATTACHED,
            RouterStatus.DELETING: AttachmentStatus.DETACHING,
        }[self.status]

    @property
    def status_label(self) -> str:
        return AttachmentStatus(self.attachment_status).label
