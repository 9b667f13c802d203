"""Route maps (routing policies) of a CEN instance: in one region and one direction (RegionIn, routes
coming into the region's gateway; RegionOut, routes leaving it), ordered by priority (1 to 100, unique
per region and direction), each a set of match conditions and the actions taken on a matching route.
On an Enterprise Edition CEN a route map belongs to a route table of the region's transit router (its
default route table unless another is named).

The replica stores the conditions and actions as the API gives them and applies none of them to the
routes it shows. Like the transit resources, a route map is Creating, then Active; Modifying after a
change; Deleting, then gone: derived from its timestamps and the one clock (transit.models.transition),
never from a background job."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description
from cenconsole.regions.models import Region
from cenconsole.transit.models import TransitionQuerySet, transition

MIN_PRIORITY, MAX_PRIORITY = 1, 100


def new_route_map_id():
    return random_id("cenrmap-", 18)


class RouteMapStatus(models.TextChoices):
    CREATING = "Creating", _("Creating")
    ACTIVE = "Active", _("Active")
    MODIFYING = "Modifying", _("Modifying")
    DELETING = "Deleting", _("Deleting")


class RouteMap(models.Model):
    class Direction(models.TextChoices):
        REGION_IN = "RegionIn", _("Inbound (into the regional gateway)")
        REGION_OUT = "RegionOut", _("Outbound (out of the regional gateway)")

    class MapResult(models.TextChoices):
        PERMIT = "Permit", _("Permit")
        DENY = "Deny", _("Deny")

    id = models.CharField(_("route map ID"), max_length=32, primary_key=True, default=new_route_map_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="route_maps", verbose_name=_("account")
    )
    cen_instance = models.ForeignKey(
        "cen.CenInstance", on_delete=models.CASCADE, related_name="route_maps", verbose_name=_("CEN instance")
    )
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    transit_router_route_table = models.ForeignKey(
        "transit.TransitRouterRouteTable",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="route_maps",
        verbose_name=_("route table"),
        help_text=_("Empty on a Basic Edition CEN instance, which has no transit router in the region."),
    )
    transmit_direction = models.CharField(_("direction"), max_length=10, choices=Direction.choices)
    priority = models.PositiveSmallIntegerField(_("priority"), help_text=_("1 to 100; a smaller number goes first."))
    map_result = models.CharField(_("policy action"), max_length=6, choices=MapResult.choices)
    next_priority = models.PositiveSmallIntegerField(_("next priority"), null=True, blank=True)
    description = models.CharField(_("description"), max_length=256, blank=True, validators=[validate_description])
    conditions = models.JSONField(
        _("conditions and actions"),
        default=dict,
        blank=True,
        help_text=_("The match conditions and route actions as the API gave them (CidrMatchMode, MatchAsns...)."),
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)
    modified_at = models.DateTimeField(_("modified"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("route map")
        verbose_name_plural = _("route maps")
        constraints = [
            models.UniqueConstraint(
                fields=["cen_instance", "region", "transmit_direction", "priority"],
                condition=Q(deleted_at__isnull=True),
                name="one_route_map_per_priority",
            ),
            models.CheckConstraint(
                condition=Q(priority__gte=MIN_PRIORITY, priority__lte=MAX_PRIORITY), name="route_map_priority_range"
            ),
        ]

    def __str__(self):
        return self.pk

    @property
    def status(self) -> RouteMapStatus:
        now = clock.now()
        if self.deleted_at is not None:
            return RouteMapStatus.DELETING
        if now < self.created_at + transition():
            return RouteMapStatus.CREATING
        if self.modified_at is not None and now < self.modified_at + transition():
            return RouteMapStatus.MODIFYING
        return RouteMapStatus.ACTIVE
