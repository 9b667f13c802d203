from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from cenconsole.accounts.resource_groups import resource_group_of
from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name


def new_cen_id():
    return random_id("cen-", 18)


# The descriptions the demo seeds (stored in English). Shown in the console's language while they are
# unchanged; a description the user wrote (and every name) is shown as written.
SAMPLE_DESCRIPTION = gettext_noop("Sample CEN instance")
SEEDED_INSTANCES_DESCRIPTION = gettext_noop("Created by seed_demo")
SEEDED_DESCRIPTIONS = frozenset({SAMPLE_DESCRIPTION, SEEDED_INSTANCES_DESCRIPTION})


class CenInstance(models.Model):
    """A Cloud Enterprise Network instance, owned by one account."""

    class Status(models.TextChoices):
        ACTIVE = "Active", _("Ready")

    id = models.CharField(_("instance ID"), max_length=32, primary_key=True, default=new_cen_id, editable=False)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="cen_instances", verbose_name=_("account")
    )
    name = models.CharField(
        max_length=128,
        blank=True,
        validators=[validate_name],
        help_text=_("Empty or 1 to 128 characters."),
        verbose_name=_("name"),
    )
    description = models.CharField(
        max_length=256,
        blank=True,
        validators=[MaxLengthValidator(256), validate_description],
        help_text=_("Empty or 1 to 256 characters."),
        verbose_name=_("description"),
    )
    status = models.CharField(max_length=16, choices=Status.choices, default=Status.ACTIVE, verbose_name=_("status"))
    resource_group_id = models.CharField(
        _("resource group ID"),
        max_length=32,
        blank=True,
        help_text=_("Empty: the account's default resource group."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    deleted_at = models.DateTimeField(
        _("deleted"),
        null=True,
        blank=True,
        help_text=_("Set when the user deletes the instance; the row stays for history."),
    )

    @property
    def description_display(self) -> str:
        """The description in the console's language if it is the demo's seeded one, else as written."""
        return gettext(self.description) if self.description in SEEDED_DESCRIPTIONS else self.description

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("CEN instance")
        verbose_name_plural = _("CEN instances")
        indexes = [models.Index(fields=["owner", "deleted_at", "-created_at", "-id"], name="cen_owner_listed_idx")]

    def __str__(self):
        return f"{self.id} ({self.name})" if self.name else self.id

    @property
    def resource_group(self) -> str:
        """The resource group's ID (the account's default group when none was set)."""
        return resource_group_of(self)
