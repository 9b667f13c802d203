"""Health checks of virtual border routers (VBRs, another product's resource: products.ProductResource)
through a CEN instance: one per VBR, probing the customer-side IP address from a source IP address at an
interval, a number of probe packets at a time. The replica keeps the configuration; it probes nothing."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.validators import validate_description

MIN_INTERVAL, MAX_INTERVAL, DEFAULT_INTERVAL = 2, 3, 2
MIN_THRESHOLD, MAX_THRESHOLD, DEFAULT_THRESHOLD = 3, 8, 8


class VbrHealthCheck(models.Model):
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="vbr_health_checks", verbose_name=_("account")
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance", on_delete=models.CASCADE, related_name="vbr_health_checks", verbose_name=_("CEN instance")
    )
    vbr = models.OneToOneField(
        "products.ProductResource",
        on_delete=models.PROTECT,
        related_name="health_check",
        verbose_name=_("VBR"),
        help_text=_("The virtual border router checked: one health check per VBR."),
    )
    source_ip = models.GenericIPAddressField(_("source IP address"), protocol="IPv4")
    target_ip = models.GenericIPAddressField(_("destination IP address"), protocol="IPv4")
    interval = models.PositiveSmallIntegerField(
        _("probe interval (seconds)"), default=DEFAULT_INTERVAL, help_text=_("2 or 3 seconds.")
    )
    healthy_threshold = models.PositiveSmallIntegerField(
        _("probe packets"), default=DEFAULT_THRESHOLD, help_text=_("3 to 8 packets.")
    )
    health_check_only = models.BooleanField(
        _("probe only"), default=False, help_text=_("When set, a failed check does not switch routes.")
    )
    description = models.CharField(_("description"), max_length=256, blank=True, validators=[validate_description])
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("VBR health check")
        verbose_name_plural = _("VBR health checks")
        constraints = [
            models.CheckConstraint(
                condition=Q(interval__gte=MIN_INTERVAL, interval__lte=MAX_INTERVAL), name="health_check_interval_range"
            ),
            models.CheckConstraint(
                condition=Q(healthy_threshold__gte=MIN_THRESHOLD, healthy_threshold__lte=MAX_THRESHOLD),
                name="health_check_threshold_range",
            ),
        ]

    def __str__(self):
        return f"{self.vbr.resource_id} ({self.cen_instance_id})"
