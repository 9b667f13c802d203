"""Basic Edition access through a CEN instance to what lives in one of its attached VPCs: PrivateZone's
DNS resolution (RoutePrivateZoneInCenToVpc) and a cloud service's addresses (ResolveAndRouteServiceInCen),
for the networks of an access region. The host VPC is an attached network instance: detaching it removes
them. Both are asynchronous in the real service: Creating, then Active; deleting one is Deleting until
it is gone. The replica derives those statuses from the row's timestamps and the one clock
(TRANSIT_TRANSITION_SECONDS later), as the transit app does; a deleted row is kept (deleted_at) until
its Deleting has passed, and for the audit trail."""

import ipaddress
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.validators import validate_description
from cenconsole.regions.models import Region


def transition() -> timedelta:
    return timedelta(seconds=settings.TRANSIT_TRANSITION_SECONDS)


class AccessQuerySet(models.QuerySet):
    def present(self):
        """Rows not yet gone: never deleted, or still Deleting on the current clock."""
        return self.filter(Q(deleted_at__isnull=True) | Q(deleted_at__gt=clock.now() - transition()))


class AccessStatus(models.TextChoices):
    CREATING = "Creating", _("Creating")
    ACTIVE = "Active", _("Active")
    DELETING = "Deleting", _("Deleting")


class CenAccess(models.Model):
    """What both kinds share: the CEN instance, the access region, the host VPC, the timestamps."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+", verbose_name=_("account")
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance", on_delete=models.CASCADE, related_name="+", verbose_name=_("CEN instance")
    )
    access_region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("access region"),
        help_text=_("The region whose networks reach the service through the CEN instance."),
    )
    host_network = models.ForeignKey(
        "networks.NetworkInstance",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("host VPC"),
        help_text=_("The attached VPC the service is associated with, in the host region."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = AccessQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    @property
    def status(self) -> AccessStatus:
        if self.deleted_at is not None:
            return AccessStatus.DELETING
        if clock.now() < self.created_at + transition():
            return AccessStatus.CREATING
        return AccessStatus.ACTIVE


class PrivateZoneRoute(CenAccess):
    """PrivateZone through a CEN instance: the access region's networks resolve the PrivateZone names
    of the host VPC. One per CEN instance and access region."""

    class Meta(CenAccess.Meta):
        verbose_name = _("PrivateZone access")
        verbose_name_plural = _("PrivateZone access")
        constraints = [
            models.UniqueConstraint(
                fields=["cen_instance", "access_region"],
                condition=Q(deleted_at__isnull=True),
                name="one_private_zone_route_per_access_region",
            ),
        ]

    def __str__(self):
        return f"{self.cen_instance_id}: {self.access_region_id} -> {self.host_network_id}"


class RouteService(CenAccess):
    """A cloud service through a CEN instance: the access region's networks reach the service's
    address (an IP address or CIDR block, in the host region) through the host VPC. One per CEN
    instance, host region, address and access region."""

    host_region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("host region"))
    host = models.CharField(_("service address"), max_length=64, help_text=_("An IPv4 address or CIDR block."))
    description = models.CharField(
        _("description"),
        max_length=256,
        blank=True,
        validators=[validate_description],
        help_text=_("Empty or 1 to 256 characters."),
    )

    class Meta(CenAccess.Meta):
        verbose_name = _("cloud service access")
        verbose_name_plural = _("cloud service access")
        constraints = [
            models.UniqueConstraint(
                fields=["cen_instance", "host_region", "host", "access_region"],
                condition=Q(deleted_at__isnull=True),
                name="one_route_service_per_host_and_access_region",
            ),
        ]

    def __str__(self):
        return f"{self.cen_instance_id}: {self.host} ({self.host_region_id}) for {self.access_region_id}"

    @property
    def cidrs(self) -> list[str]:
        """The CIDR blocks the address resolves to: an IP address as its /32, a CIDR block in its network form."""
        return [str(ipaddress.IPv4Network(self.host, strict=False))]
