"""VPC connections and inter-region (peer) connections of transit routers."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.bandwidth.pricing import data_transfer_price

from .common import TransitAttachment, new_attachment_id
from .routers import TransitRouter


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
    vpc_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("VPC's account"),
        help_text=_("Another account that granted its VPC to the CEN instance; empty: the VPC is the account's own."),
    )
    cidr_block = models.CharField(_("CIDR block"), max_length=18)
    zone_mappings = models.JSONField(
        _("zones"), default=list, help_text=_("The zones and vSwitches the connection uses: [{ZoneId, VSwitchId}].")
    )
    auto_publish_route = models.BooleanField(_("publish routes automatically"), default=False)
    attachment_options = models.JSONField(
        _("features"),
        default=dict,
        blank=True,
        help_text=_("The connection's features as the API names them: {ipv6Support: enable or disable}."),
    )

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

    class LinkType(models.TextChoices):
        """The line the connection's traffic takes (the API's DefaultLinkType). Platinum only for
        pay-by-data-transfer; Gold is the default (CreateTransitRouterPeerAttachment, List...)."""

        GOLD = "Gold", _("Gold")
        PLATINUM = "Platinum", _("Platinum")

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
    default_link_type = models.CharField(
        _("link type"),
        max_length=10,
        choices=LinkType.choices,
        default=LinkType.GOLD,
        help_text=_("Gold, or Platinum for a pay-by-data-transfer connection only."),
    )

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
            models.CheckConstraint(
                condition=Q(default_link_type="Gold") | Q(default_link_type="Platinum", bandwidth_type="DataTransfer"),
                name="peer_attachment_platinum_only_data_transfer",
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
