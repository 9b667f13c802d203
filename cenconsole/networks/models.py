from datetime import timedelta

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models.functions import Greatest, Least
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_name
from cenconsole.regions.models import Region

MIN_CONNECTION_BANDWIDTH = 1
REGION_PAIR_TAKEN = (
    "This CEN instance already has a region connection between these two regions. Set it again to modify its bandwidth."
)


def new_vpc_id():
    return random_id("vpc-", 23)


def new_row_id():
    """The row's own key, never shown: the VPC ID is instance_id, unique per account only."""
    return random_id("ni-", 23)


def default_cidr_block(region: Region) -> str:
    """The CIDR block a VPC attached without one gets: 10.x.0.0/16, x from the region's place in the
    seed table (needs region.area loaded), so VPCs of different regions never overlap by default."""
    return f"10.{(region.area.position * 32 + region.position) % 256}.0.0/16"


def region_sort_key(region: Region):
    """Regions in the seed table's order. Needs region.area loaded."""
    return (region.area.position, region.position)


def region_pair(region_a: Region, region_b: Region) -> tuple[Region, Region]:
    """The two regions of a connection in the order it is stored and shown: the seed table's order,
    so Hangzhou -> Virginia and Virginia -> Hangzhou are the same pair."""
    return tuple(sorted([region_a, region_b], key=region_sort_key))


def regions_covered_by(*, area_a_id: str, area_b_id: str, region_a: Region, region_b: Region) -> bool:
    """A package carries traffic between two regions when their areas are its area pair, in either order."""
    return sorted([region_a.area_id, region_b.area_id]) == sorted([area_a_id, area_b_id])


class NetworkInstance(models.Model):
    """A network instance (a VPC) attached to a CEN instance. Instances in the same region reach each
    other at once; instances in different regions need a region connection between their regions."""

    class NetworkType(models.TextChoices):
        VPC = "VPC", "VPC"

    id = models.CharField(max_length=32, primary_key=True, default=new_row_id, editable=False)
    instance_id = models.CharField(
        _("instance ID"),
        max_length=32,
        default=new_vpc_id,
        editable=False,
        help_text=_("The VPC's ID. Unique within the account: another account may have a VPC with the same ID."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="network_instances", verbose_name=_("account")
    )
    vpc_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("VPC's account"),
        help_text=_("Another account that granted its VPC to the CEN instance; empty: the VPC is the account's own."),
    )
    cidr_block = models.CharField(
        _("CIDR block"),
        max_length=18,
        blank=True,
        help_text=_("The VPC's IPv4 CIDR block, such as 10.0.0.0/16: the route CEN learns from it."),
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance",
        on_delete=models.PROTECT,
        related_name="network_instances",
        verbose_name=_("CEN instance"),
        help_text=_("The CEN instance the network instance is attached to."),
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    name = models.CharField(
        max_length=128,
        blank=True,
        validators=[validate_name],
        help_text=_("Empty or 1 to 128 characters."),
        verbose_name=_("name"),
    )
    network_type = models.CharField(
        _("network type"), max_length=16, choices=NetworkType.choices, default=NetworkType.VPC
    )
    created_at = models.DateTimeField(_("attached"), default=clock.now)

    class Meta:
        ordering = ["region__area__position", "region__position", "created_at", "id"]
        verbose_name = _("network instance")
        verbose_name_plural = _("network instances")
        indexes = [models.Index(fields=["cen_instance", "created_at"], name="network_cen_created_idx")]
        constraints = [
            models.UniqueConstraint(fields=["owner", "instance_id"], name="network_instance_id_per_account"),
        ]

    def __str__(self):
        return f"{self.instance_id} ({self.name})" if self.name else self.instance_id


class RegionConnection(models.Model):
    """Cross-region bandwidth between two regions of one CEN instance, taken from the bound bandwidth
    package whose area pair covers the two regions. The regions are stored in the seed table's order
    (see region_pair); the unique constraint holds in either order all the same."""

    cen_instance = models.ForeignKey(
        "cen.CenInstance", on_delete=models.PROTECT, related_name="region_connections", verbose_name=_("CEN instance")
    )
    package = models.ForeignKey(
        "bandwidth.BandwidthPackage",
        on_delete=models.PROTECT,
        related_name="region_connections",
        verbose_name=_("bandwidth package"),
        help_text=_("The bound package whose bandwidth the connection uses."),
    )
    local_region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("local region"))
    opposite_region = models.ForeignKey(
        Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("opposite region")
    )
    bandwidth = models.PositiveIntegerField(
        _("bandwidth (Mbps)"),
        validators=[MinValueValidator(MIN_CONNECTION_BANDWIDTH)],
        help_text=_("Whole Mbps. The package's connections together may not use more than its bandwidth."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    updated_at = models.DateTimeField(_("modified"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("region connection")
        verbose_name_plural = _("region connections")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(local_region=models.F("opposite_region")),
                name="region_connection_distinct_regions",
            ),
            models.CheckConstraint(
                condition=models.Q(bandwidth__gte=MIN_CONNECTION_BANDWIDTH), name="region_connection_bandwidth_min"
            ),
            models.UniqueConstraint(
                models.F("cen_instance"),
                Least("local_region", "opposite_region"),
                Greatest("local_region", "opposite_region"),
                name="one_connection_per_region_pair",
                violation_error_message=REGION_PAIR_TAKEN,
            ),
        ]

    def __str__(self):
        return f"{self.cen_instance_id}: {self.regions_name}"

    @property
    def regions_name(self) -> str:
        """The region pair in English, as stored: what audit records keep."""
        return f"{self.local_region.name} ↔ {self.opposite_region.name}"

    @property
    def regions_label(self) -> str:
        """The region pair in the active language, for pages and messages."""
        return f"{self.local_region.display_name} ↔ {self.opposite_region.display_name}"


def new_route_entry_id():
    return random_id("rte-", 20)


class VpcRouteEntry(models.Model):
    """A custom route entry of a VPC's route table. The replica keeps one route table per VPC (its
    system route table, networks.routes.route_table_id) and, of the VPC product's entries, only those
    the CEN API adds or names, by next hop: an ECS instance (a custom route the VPC may publish to its
    CEN instance; made on its first mention by PublishRouteEntries), the CEN instance
    (CreateCenChildInstanceRouteEntryToCen) or a transit router's VPC connection
    (CreateCenChildInstanceRouteEntryToAttachment: Pending, then Available). A Basic Edition entry
    belongs to its network instance and goes with it when it is detached; an Enterprise Edition one
    names its VPC and connection, and goes with the connection."""

    class NextHopType(models.TextChoices):
        INSTANCE = "Instance", _("ECS instance")
        CEN = "CEN", _("CEN instance")
        ATTACHMENT = "Attachment", _("Transit router connection")

    id = models.CharField(_("route entry ID"), max_length=32, primary_key=True, default=new_route_entry_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="vpc_route_entries", verbose_name=_("account")
    )
    network = models.ForeignKey(
        NetworkInstance,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="route_entries",
        verbose_name=_("network instance"),
        help_text=_("The attached VPC whose route table holds the entry; empty for a VPC of a transit router."),
    )
    vpc_id = models.CharField(_("VPC ID"), max_length=32)
    route_table_id = models.CharField(_("route table ID"), max_length=32)
    destination_cidr = models.CharField(_("destination CIDR block"), max_length=18)
    next_hop_type = models.CharField(_("next hop type"), max_length=12, choices=NextHopType.choices)
    next_hop_id = models.CharField(_("next hop"), max_length=40, blank=True)
    published_at = models.DateTimeField(
        _("published"),
        null=True,
        blank=True,
        help_text=_("When the route was published to the CEN instance (an ECS instance route only); empty: not."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("VPC route entry")
        verbose_name_plural = _("VPC route entries")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "route_table_id", "destination_cidr"], name="one_vpc_route_per_destination"
            ),
            models.CheckConstraint(
                condition=models.Q(next_hop_type="Attachment", network__isnull=True)
                | (~models.Q(next_hop_type="Attachment") & models.Q(network__isnull=False)),
                name="vpc_route_network_unless_attachment",
            ),
            models.CheckConstraint(
                condition=models.Q(published_at__isnull=True) | models.Q(next_hop_type="Instance"),
                name="vpc_route_published_instance_only",
            ),
        ]

    def __str__(self):
        return f"{self.route_table_id}: {self.destination_cidr} -> {self.next_hop_id or self.next_hop_type}"

    @property
    def is_published(self) -> bool:
        return self.published_at is not None

    @property
    def status(self) -> str:
        """Pending for a few seconds after it is added (TRANSIT_TRANSITION_SECONDS), then Available: the
        words ListCenChildInstanceRouteEntriesToAttachment uses."""
        ready_at = self.created_at + timedelta(seconds=settings.TRANSIT_TRANSITION_SECONDS)
        return "Pending" if clock.now() < ready_at else "Available"
