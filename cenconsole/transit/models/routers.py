"""Transit routers: one Enterprise Edition router per CEN instance and region."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.regions.models import Region

from .common import TransitResource, new_transit_router_id


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
    support_multicast = models.BooleanField(
        _("multicast"),
        default=False,
        help_text=_("Made with multicast enabled (SupportMulticast): only such a router has multicast domains."),
    )

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


class TransitRouterService(models.Model):
    """The account's transit router service (OpenTransitRouterService): opened once, by an order. An
    account that has made a transit router has the service too (selectors.transit_router_service_enabled),
    as the console opens it with the first router."""

    owner = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transit_router_service",
        verbose_name=_("account"),
    )
    order_id = models.CharField(_("order number"), max_length=20, unique=True)
    opened_at = models.DateTimeField(_("opened"), default=clock.now)

    class Meta:
        verbose_name = _("transit router service")
        verbose_name_plural = _("transit router services")

    def __str__(self):
        return self.order_id
