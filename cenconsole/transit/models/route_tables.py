"""Route tables of transit routers, their static entries, and the links (associations and propagations)
between a router's connections and its route tables."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id

from .common import TransitResource
from .routers import TransitRouter


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
