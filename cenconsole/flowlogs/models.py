"""Flow logs of a CEN instance's transit router (or of one of its connections): the traffic they
capture goes to a Simple Log Service (SLS) project and Logstore, by name. The replica stores the names
and captures nothing. A flow log is Creating, then Active; Active or Inactive as it is turned on and off
(Modifying meanwhile); Deleting, then gone: derived from its timestamps and the one clock
(transit.models.transition), never from a background job."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.regions.models import Region
from cenconsole.transit.models import TransitionQuerySet, transition

FLOW_LOG_VERSION = "3"  # every flow log is made in the current version


def new_flow_log_id():
    return random_id("flowlog-", 18)


class FlowLogStatus(models.TextChoices):
    CREATING = "Creating", _("Creating")
    ACTIVE = "Active", _("Active")
    INACTIVE = "Inactive", _("Inactive")
    MODIFYING = "Modifying", _("Modifying")
    DELETING = "Deleting", _("Deleting")


class FlowLog(models.Model):
    class Interval(models.IntegerChoices):
        ONE_MINUTE = 60, _("1 minute")
        TEN_MINUTES = 600, _("10 minutes")

    id = models.CharField(_("flow log ID"), max_length=32, primary_key=True, default=new_flow_log_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="flow_logs", verbose_name=_("account")
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance", on_delete=models.CASCADE, related_name="flow_logs", verbose_name=_("CEN instance")
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    transit_router = models.ForeignKey(
        "transit.TransitRouter",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="flow_logs",
        verbose_name=_("transit router"),
    )
    attachment_id = models.CharField(
        _("connection ID"), max_length=40, blank=True, help_text=_("Empty for a flow log of the whole transit router.")
    )
    name = models.CharField(_("name"), max_length=128, blank=True, validators=[validate_name])
    description = models.CharField(_("description"), max_length=256, blank=True, validators=[validate_description])
    project_name = models.CharField(_("SLS project"), max_length=63)
    log_store_name = models.CharField(_("Logstore"), max_length=63)
    interval = models.PositiveIntegerField(
        _("capture window (seconds)"), choices=Interval.choices, default=Interval.TEN_MINUTES
    )
    log_format_string = models.CharField(_("log fields"), max_length=1024, blank=True)
    active = models.BooleanField(_("turned on"), default=True)
    created_at = models.DateTimeField(_("created"), default=clock.now)
    toggled_at = models.DateTimeField(_("turned on or off"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("flow log")
        verbose_name_plural = _("flow logs")

    def __str__(self):
        return self.pk

    @property
    def status(self) -> FlowLogStatus:
        now = clock.now()
        if self.deleted_at is not None:
            return FlowLogStatus.DELETING
        if now < self.created_at + transition():
            return FlowLogStatus.CREATING
        if self.toggled_at is not None and now < self.toggled_at + transition():
            return FlowLogStatus.MODIFYING
        return FlowLogStatus.ACTIVE if self.active else FlowLogStatus.INACTIVE
