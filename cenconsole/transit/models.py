"""Enterprise Edition: transit routers (one per CEN instance and region) and what attaches to them.

The real service creates and deletes these asynchronously: a router is Creating, then Active; an
attachment Attaching, then Attached; deleting either is Deleting (Detaching) until it is gone. The
replica derives those statuses from the row's timestamps and the one clock (TRANSIT_TRANSITION_SECONDS
later), never from a background job, so the SDK's and Terraform's waits are exercised and every app
server agrees. A deleted row is kept (deleted_at) for the audit trail and is gone from every list
once its Deleting has passed."""

from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.bandwidth.pricing import data_transfer_price
from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.regions.models import Region


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


class TransitRouter(TransitResource):
    """An Enterprise Edition transit router: one per region of a CEN instance."""

    id = models.CharField(_("transit router ID"), max_length=32, primary_key=True, default=new_transit_router_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="transit_routers", verbose_name=_("account")
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance", on_delete=models.CASCADE, related_name="transit_routers", verbose_name=_("CEN instance")
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))

    class Meta(TransitResource.Meta):
        verbose_name = _("transit router")
        verbose_name_plural = _("transit routers")
        constraints = [
            models.UniqueConstraint(
                fields=["cen_instance", "region"],
                condition=Q(deleted_at__isnull=True),
                name="one_transit_router_per_cen_region",
            ),
        ]


class TransitRouterVpcAttachment(TransitAttachment):
    """A VPC connected to a transit router (a VPC connection). The VPC's CIDR block is the route the
    router learns from it. A VPC is attached to a CEN instance either this way or as a network
    instance (Basic Edition), never both: the services refuse either while the other exists."""

    id = models.CharField(_("connection ID"), max_length=40, primary_key=True, default=new_attachment_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transit_vpc_attachments",
        verbose_name=_("account"),
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="vpc_attachments", verbose_name=_("transit router")
    )
    vpc_id = models.CharField(_("VPC ID"), max_length=32)
    cidr_block = models.CharField(_("CIDR block"), max_length=18)
    zone_mappings = models.JSONField(
        _("zones"), default=list, help_text=_("The zones and vSwitches the connection uses: [{ZoneId, VSwitchId}].")
    )
    auto_publish_route = models.BooleanField(_("publish routes automatically"), default=False)

    class Meta(TransitAttachment.Meta):
        verbose_name = _("VPC connection")
        verbose_name_plural = _("VPC connections")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "vpc_id"], condition=Q(deleted_at__isnull=True), name="one_transit_attachment_per_vpc"
            ),
        ]


class TransitRouterPeerAttachment(TransitAttachment):
    """An inter-region connection between two transit routers of one CEN instance. Its bandwidth is
    drawn from a bound bandwidth package whose area pair covers the two regions (BandwidthPackage,
    shared with the package's region connections under one budget rule, in networks.services), or
    is paid by the data it carries (DataTransfer, priced in bandwidth.pricing)."""

    class BandwidthType(models.TextChoices):
        BANDWIDTH_PACKAGE = "BandwidthPackage", _("Bandwidth package")
        DATA_TRANSFER = "DataTransfer", _("Pay-by-data-transfer")

    id = models.CharField(_("connection ID"), max_length=40, primary_key=True, default=new_attachment_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transit_peer_attachments",
        verbose_name=_("account"),
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="peer_attachments", verbose_name=_("transit router")
    )
    peer_transit_router = models.ForeignKey(
        TransitRouter,
        on_delete=models.CASCADE,
        related_name="peer_attachments_from_peers",
        verbose_name=_("peer transit router"),
    )
    bandwidth_type = models.CharField(_("bandwidth type"), max_length=20, choices=BandwidthType.choices)
    package = models.ForeignKey(
        "bandwidth.BandwidthPackage",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="transit_peer_attachments",
        verbose_name=_("bandwidth package"),
    )
    bandwidth = models.PositiveIntegerField(_("bandwidth (Mbps)"))
    auto_publish_route = models.BooleanField(_("publish routes automatically"), default=True)

    class Meta(TransitAttachment.Meta):
        verbose_name = _("inter-region connection")
        verbose_name_plural = _("inter-region connections")
        constraints = [
            models.CheckConstraint(
                condition=~Q(transit_router=models.F("peer_transit_router")), name="peer_attachment_two_routers"
            ),
            models.CheckConstraint(condition=Q(bandwidth__gte=1), name="peer_attachment_bandwidth_min"),
            models.CheckConstraint(
                condition=Q(bandwidth_type="DataTransfer", package__isnull=True)
                | Q(bandwidth_type="BandwidthPackage", package__isnull=False),
                name="peer_attachment_package_iff_bandwidth_package",
            ),
        ]

    @property
    def regions_label(self) -> str:
        return f"{self.transit_router.region.display_name} ↔ {self.peer_transit_router.region.display_name}"

    @property
    def is_data_transfer(self) -> bool:
        return self.bandwidth_type == self.BandwidthType.DATA_TRANSFER

    @property
    def data_transfer_price(self):
        """USD per GB carried, for a pay-by-data-transfer connection (illustrative, bandwidth.pricing)."""
        return data_transfer_price(self.transit_router.region.area_id, self.peer_transit_router.region.area_id)


def new_route_table_id():
    return random_id("vtb-", 20)


def new_route_entry_id():
    return random_id("rte-", 20)


class TransitRouterRouteTable(TransitResource):
    """A route table of a transit router: the System one it is made with (its default route table),
    or a Custom one. Routes come from its static entries and from the connections propagating to it."""

    class TableType(models.TextChoices):
        SYSTEM = "System", _("Default route table")
        CUSTOM = "Custom", _("Custom route table")

    id = models.CharField(_("route table ID"), max_length=32, primary_key=True, default=new_route_table_id)
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="route_tables", verbose_name=_("transit router")
    )
    table_type = models.CharField(_("type"), max_length=8, choices=TableType.choices, default=TableType.CUSTOM)

    class Meta(TransitResource.Meta):
        verbose_name = _("route table")
        verbose_name_plural = _("route tables")
        constraints = [
            models.UniqueConstraint(
                fields=["transit_router"],
                condition=Q(table_type="System", deleted_at__isnull=True),
                name="one_system_route_table_per_router",
            ),
        ]

    @property
    def is_system(self) -> bool:
        return self.table_type == self.TableType.SYSTEM


class TransitRouterRouteEntry(TransitResource):
    """A static route in a route table: to a connection of the router, or a blackhole."""

    class NextHopType(models.TextChoices):
        ATTACHMENT = "Attachment", _("Connection")
        BLACKHOLE = "BlackHole", _("Blackhole")

    id = models.CharField(_("route entry ID"), max_length=32, primary_key=True, default=new_route_entry_id)
    route_table = models.ForeignKey(
        TransitRouterRouteTable, on_delete=models.CASCADE, related_name="entries", verbose_name=_("route table")
    )
    destination_cidr = models.CharField(_("destination CIDR block"), max_length=18)
    next_hop_type = models.CharField(_("next hop type"), max_length=12, choices=NextHopType.choices)
    next_hop_id = models.CharField(_("next hop"), max_length=40, blank=True)

    class Meta(TransitResource.Meta):
        verbose_name = _("route entry")
        verbose_name_plural = _("route entries")
        constraints = [
            models.UniqueConstraint(
                fields=["route_table", "destination_cidr"],
                condition=Q(deleted_at__isnull=True),
                name="one_static_route_per_destination",
            ),
        ]


class RouteTableLink(models.Model):
    """A connection's link to a route table of one of its routers: an association (the table that
    forwards the connection's traffic: one per connection and router) or a propagation (the table
    learns the connection's routes). Connections get both with the router's default route table."""

    class Kind(models.TextChoices):
        ASSOCIATION = "association", _("association")
        PROPAGATION = "propagation", _("propagation")

    route_table = models.ForeignKey(
        TransitRouterRouteTable, on_delete=models.CASCADE, related_name="links", verbose_name=_("route table")
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="route_table_links", verbose_name=_("transit router")
    )
    attachment_id = models.CharField(_("connection ID"), max_length=40)
    kind = models.CharField(_("kind"), max_length=12, choices=Kind.choices)
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("route table link")
        verbose_name_plural = _("route table links")
        constraints = [
            models.UniqueConstraint(
                fields=["attachment_id", "transit_router"],
                condition=Q(kind="association"),
                name="one_association_per_connection_and_router",
            ),
            models.UniqueConstraint(
                fields=["attachment_id", "route_table"],
                condition=Q(kind="propagation"),
                name="one_propagation_per_connection_and_table",
            ),
        ]

    def __str__(self):
        return f"{self.attachment_id} {self.kind} {self.route_table_id}"
