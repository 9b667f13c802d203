"""Connections of a transit router to other products' resources: a virtual border router (VBR), an
IPsec-VPN connection (VPN) and an Express Connect Router (ECR). Each names a record of
cenconsole.products (made by the first action that names it); the replica models none of those
products, so these connections teach a route table no route of their own."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .common import TransitAttachment, new_attachment_id
from .routers import TransitRouter


class ProductAttachment(TransitAttachment):
    """What the three share: who pays for the connection (OrderType) and whether the router publishes its
    routes to the resource (AutoPublishRouteEnabled). RESOURCE_TYPE is the API's ResourceType."""

    class OrderType(models.TextChoices):
        PAY_BY_CEN_OWNER = "PayByCenOwner", _("The CEN instance's account")
        PAY_BY_RESOURCE_OWNER = "PayByResourceOwner", _("The network instance's account")

    RESOURCE_TYPE = ""

    auto_publish_route = models.BooleanField(_("publish routes automatically"), default=False)
    order_type = models.CharField(
        _("paid by"), max_length=20, choices=OrderType.choices, default=OrderType.PAY_BY_CEN_OWNER
    )

    class Meta(TransitAttachment.Meta):
        abstract = True

    @property
    def resource_id(self) -> str:
        """The VBR's, VPN connection's or ECR's own ID (vbr-..., vco-..., ecr-...)."""
        return self.product_resource.resource_id


class TransitRouterVbrAttachment(ProductAttachment):
    """A virtual border router (Express Connect) connected to a transit router of its region."""

    RESOURCE_TYPE = "VBR"

    id = models.CharField(_("connection ID"), max_length=40, primary_key=True, default=new_attachment_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transit_vbr_attachments",
        verbose_name=_("account"),
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="vbr_attachments", verbose_name=_("transit router")
    )
    product_resource = models.ForeignKey(
        "products.ProductResource",
        on_delete=models.PROTECT,
        related_name="transit_vbr_attachments",
        verbose_name=_("VBR"),
    )

    class Meta(ProductAttachment.Meta):
        verbose_name = _("VBR connection")
        verbose_name_plural = _("VBR connections")
        constraints = [
            models.UniqueConstraint(
                fields=["product_resource"], condition=Q(deleted_at__isnull=True), name="one_connection_per_vbr"
            ),
        ]


class TransitRouterVpnAttachment(ProductAttachment):
    """An IPsec-VPN connection attached to a transit router of its region, in one or more of its zones."""

    RESOURCE_TYPE = "VPN"

    id = models.CharField(_("connection ID"), max_length=40, primary_key=True, default=new_attachment_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transit_vpn_attachments",
        verbose_name=_("account"),
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="vpn_attachments", verbose_name=_("transit router")
    )
    product_resource = models.ForeignKey(
        "products.ProductResource",
        on_delete=models.PROTECT,
        related_name="transit_vpn_attachments",
        verbose_name=_("IPsec-VPN connection"),
    )
    zones = models.JSONField(_("zones"), default=list, blank=True, help_text=_("The zone IDs the connection uses."))

    class Meta(ProductAttachment.Meta):
        verbose_name = _("VPN connection")
        verbose_name_plural = _("VPN connections")
        constraints = [
            models.UniqueConstraint(
                fields=["product_resource"],
                condition=Q(deleted_at__isnull=True),
                name="one_connection_per_vpn_connection",
            ),
        ]


class TransitRouterEcrAttachment(ProductAttachment):
    """An Express Connect Router (a global resource) connected to a transit router: once per router."""

    RESOURCE_TYPE = "ECR"

    id = models.CharField(_("connection ID"), max_length=40, primary_key=True, default=new_attachment_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="transit_ecr_attachments",
        verbose_name=_("account"),
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="ecr_attachments", verbose_name=_("transit router")
    )
    product_resource = models.ForeignKey(
        "products.ProductResource",
        on_delete=models.PROTECT,
        related_name="transit_ecr_attachments",
        verbose_name=_("ECR"),
    )

    class Meta(ProductAttachment.Meta):
        verbose_name = _("ECR connection")
        verbose_name_plural = _("ECR connections")
        constraints = [
            models.UniqueConstraint(
                fields=["transit_router", "product_resource"],
                condition=Q(deleted_at__isnull=True),
                name="one_connection_per_ecr_and_router",
            ),
        ]


PRODUCT_ATTACHMENT_MODELS = (TransitRouterVbrAttachment, TransitRouterVpnAttachment, TransitRouterEcrAttachment)
