"""Cross-account grants: the owner of a network instance (a VPC, a VBR, an IPsec-VPN connection, an
Express Connect Router, a Cloud Connect Network instance) lets another account's CEN instance connect it.
The real service keeps one grant rule per instance and CEN instance; the VPC product's GrantInstanceToCen
and Cbn's GrantInstanceToTransitRouter both make one, and the CEN instance's owner may then attach the
instance (AttachCenChildInstance, CreateTransitRouterVpcAttachment with VpcOwnerId). A grant takes effect
at once: it has no status."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.accounts.uids import account_uid
from cenconsole.core import clock
from cenconsole.regions.models import Region


class GrantRule(models.Model):
    class InstanceType(models.TextChoices):
        VPC = "VPC", _("VPC")
        VBR = "VBR", _("Virtual border router (VBR)")
        VPN = "VPN", _("IPsec-VPN connection")
        ECR = "ECR", _("Express Connect Router (ECR)")
        CCN = "CCN", _("Cloud Connect Network (CCN)")

    class OrderType(models.TextChoices):
        PAY_BY_CEN_OWNER = "PayByCenOwner", _("The CEN instance's account pays")
        PAY_BY_RESOURCE_OWNER = "PayByResourceOwner", _("The network instance's account pays")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grant_rules",
        verbose_name=_("granting account"),
        help_text=_("The account that owns the network instance."),
    )
    instance_type = models.CharField(_("instance type"), max_length=8, choices=InstanceType.choices)
    instance_id = models.CharField(_("instance ID"), max_length=40)
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("region"),
        help_text=_("Empty for a global instance (an Express Connect Router, a CCN instance)."),
    )
    cen_id = models.CharField(
        _("CEN instance ID"), max_length=40, help_text=_("The CEN instance granted, of the grantee account.")
    )
    cen_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="grant_rules_received",
        verbose_name=_("CEN instance's account"),
    )
    order_type = models.CharField(
        _("order type"), max_length=24, choices=OrderType.choices, default=OrderType.PAY_BY_CEN_OWNER
    )
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("grant rule")
        verbose_name_plural = _("grant rules")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "instance_type", "instance_id", "cen_id"], name="one_grant_rule_per_instance_and_cen"
            ),
        ]

    def __str__(self):
        return f"{self.instance_id} → {self.cen_id}"

    @property
    def owner_uid(self) -> int:
        """The granting account's 16-digit ID."""
        return account_uid(self.owner_id)

    @property
    def cen_owner_uid(self) -> int:
        """The 16-digit ID of the CEN instance's account."""
        return account_uid(self.cen_owner_id)
