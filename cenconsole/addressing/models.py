"""A transit router's address space and its route tables' extras: the router's CIDR blocks (and the
blocks allocated from them to connections), prefix lists associated with a route table, and aggregate
routes on a route table. Each row names its router or route table by a foreign key to the transit app;
the transit app reads them back only through those relations (router.cidr_blocks)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.transit.models import TransitionQuerySet, transition


def new_cidr_id():
    return random_id("cidr-", 20)


def _name_field():
    return models.CharField(
        _("name"), max_length=128, blank=True, validators=[validate_name], help_text=_("Empty or 1 to 128 characters.")
    )


def _description_field():
    return models.CharField(
        _("description"),
        max_length=256,
        blank=True,
        validators=[validate_description],
        help_text=_("Empty or 1 to 256 characters."),
    )


class TransitRouterCidr(models.Model):
    """A CIDR block of a transit router (like a router's loopback range): the addresses it gives its
    connections (IPsec-VPN connections) come from it. At most five per router, each /16 to /24."""

    id = models.CharField(_("CIDR block ID"), max_length=32, primary_key=True, default=new_cidr_id)
    transit_router = models.ForeignKey(
        "transit.TransitRouter", on_delete=models.CASCADE, related_name="cidr_blocks", verbose_name=_("transit router")
    )
    cidr = models.CharField(_("CIDR block"), max_length=18)
    name = _name_field()
    description = _description_field()
    publish_cidr_route = models.BooleanField(
        _("publish the CIDR block's route"),
        default=True,
        help_text=_("Whether the router adds a blackhole route to the block for the VBRs it learns routes from."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("transit router CIDR block")
        verbose_name_plural = _("transit router CIDR blocks")
        constraints = [
            models.UniqueConstraint(fields=["transit_router", "cidr"], name="one_cidr_block_per_router_and_cidr"),
        ]

    def __str__(self):
        return f"{self.pk} ({self.cidr})"


class TransitRouterCidrAllocation(models.Model):
    """A block allocated from a router's CIDR block: one of the three blocks reserved for VPN connections
    when the first is made (no connection), or the block a connection was given."""

    cidr_block = models.ForeignKey(
        TransitRouterCidr, on_delete=models.CASCADE, related_name="allocations", verbose_name=_("CIDR block")
    )
    allocated_cidr_block = models.CharField(_("allocated block"), max_length=18)
    attachment_id = models.CharField(_("connection ID"), max_length=40, blank=True)
    attachment_name = models.CharField(_("connection name"), max_length=128, blank=True)
    created_at = models.DateTimeField(_("allocated"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("CIDR block allocation")
        verbose_name_plural = _("CIDR block allocations")
        constraints = [
            models.UniqueConstraint(fields=["cidr_block", "allocated_cidr_block"], name="one_allocation_per_block"),
        ]

    def __str__(self):
        return f"{self.allocated_cidr_block} of {self.cidr_block_id}"


class PrefixListAssociation(models.Model):
    """A prefix list (another product's resource, products.ProductResource) associated with a route table
    of a transit router: its CIDR blocks are routes to one next hop (a connection of the router, or a
    blackhole). Updating for a few seconds after it is made, then Active."""

    class NextHopType(models.TextChoices):
        BLACKHOLE = "BlackHole", _("Blackhole")
        VPC = "VPC", _("VPC connection")
        VBR = "VBR", _("VBR connection")
        TR = "TR", _("Inter-region connection")
        ECR = "ECR", _("ECR connection")

    class Status(models.TextChoices):
        UPDATING = "Updating", _("Updating")
        ACTIVE = "Active", _("Active")

    BLACKHOLE = "BlackHole"  # the next hop of a blackhole association

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="prefix_list_associations",
        verbose_name=_("account"),
    )
    prefix_list = models.ForeignKey(
        "products.ProductResource",
        on_delete=models.PROTECT,
        related_name="prefix_list_associations",
        verbose_name=_("prefix list"),
    )
    transit_router = models.ForeignKey(
        "transit.TransitRouter",
        on_delete=models.CASCADE,
        related_name="prefix_list_associations",
        verbose_name=_("transit router"),
    )
    route_table = models.ForeignKey(
        "transit.TransitRouterRouteTable",
        on_delete=models.CASCADE,
        related_name="prefix_list_associations",
        verbose_name=_("route table"),
    )
    next_hop = models.CharField(_("next hop"), max_length=40)
    next_hop_type = models.CharField(_("next hop type"), max_length=12, choices=NextHopType.choices)
    next_hop_instance_id = models.CharField(
        _("next hop's network instance"),
        max_length=40,
        blank=True,
        help_text=_("The VPC or router behind the next hop."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("prefix list association")
        verbose_name_plural = _("prefix list associations")
        constraints = [
            models.UniqueConstraint(
                fields=["route_table", "prefix_list", "next_hop"], name="one_prefix_list_association_per_next_hop"
            ),
        ]

    def __str__(self):
        return f"{self.prefix_list_id} -> {self.next_hop} ({self.route_table_id})"

    @property
    def status(self) -> "PrefixListAssociation.Status":
        if clock.now() < self.created_at + transition():
            return self.Status.UPDATING
        return self.Status.ACTIVE


class TransitRouteTableAggregation(models.Model):
    """An aggregate route on a transit router's route table, advertised to the VPCs whose connections
    are associated with the table: Configuring for a few seconds after it is made, changed or refreshed,
    then AllConfigured; Deleting for a few seconds once deleted, then gone."""

    class Status(models.TextChoices):
        CONFIGURING = "Configuring", _("Configuring")
        ALL_CONFIGURED = "AllConfigured", _("Configured")
        DELETING = "Deleting", _("Deleting")

    SCOPES = ("VPC",)

    route_table = models.ForeignKey(
        "transit.TransitRouterRouteTable",
        on_delete=models.CASCADE,
        related_name="aggregations",
        verbose_name=_("route table"),
    )
    cidr = models.CharField(_("aggregate CIDR block"), max_length=18)
    name = _name_field()
    description = _description_field()
    scope = models.CharField(
        _("scope"), max_length=8, blank=True, help_text=_("VPC, or empty when a scope list is given.")
    )
    scope_list = models.JSONField(_("scope list"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now)
    configured_at = models.DateTimeField(
        _("configuration started"), default=clock.now, help_text=_("Made, changed or refreshed at.")
    )
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("aggregate route")
        verbose_name_plural = _("aggregate routes")
        constraints = [
            models.UniqueConstraint(
                fields=["route_table", "cidr"],
                condition=Q(deleted_at__isnull=True),
                name="one_aggregate_route_per_table_and_cidr",
            ),
        ]

    def __str__(self):
        return f"{self.cidr} ({self.route_table_id})"

    @property
    def status(self) -> "TransitRouteTableAggregation.Status":
        if self.deleted_at is not None:
            return self.Status.DELETING
        if clock.now() < self.configured_at + transition():
            return self.Status.CONFIGURING
        return self.Status.ALL_CONFIGURED
