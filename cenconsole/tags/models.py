from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock

MAX_KEY_LENGTH = 128
MAX_VALUE_LENGTH = 128
MAX_TAGS_PER_RESOURCE = 20


class Tag(models.Model):
    """A key and value the user attached to one of their resources (a CEN instance or a bandwidth
    package). The resource is named by type and ID rather than a foreign key, so one table serves
    both kinds; the services check that the resource is the owner's."""

    class ResourceType(models.TextChoices):
        CEN = "cen", _("CEN instance")
        BANDWIDTH_PACKAGE = "bandwidthpackage", _("bandwidth package")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tags", verbose_name=_("account")
    )
    resource_type = models.CharField(_("resource type"), max_length=32, choices=ResourceType.choices)
    resource_id = models.CharField(
        _("resource ID"), max_length=32, help_text=_("The ID of the CEN instance or bandwidth package.")
    )
    key = models.CharField(_("key"), max_length=MAX_KEY_LENGTH, help_text=_("1 to 128 characters."))
    value = models.CharField(_("value"), max_length=MAX_VALUE_LENGTH, blank=True, help_text=_("0 to 128 characters."))
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["resource_type", "resource_id", "key"]
        verbose_name = _("tag")
        constraints = [
            models.UniqueConstraint(fields=["resource_type", "resource_id", "key"], name="one_tag_value_per_key"),
        ]
        indexes = [models.Index(fields=["owner", "resource_type", "key", "value"], name="tag_owner_key_value_idx")]

    def __str__(self):
        return f"{self.key}:{self.value}"
