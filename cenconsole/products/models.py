"""Other Alibaba Cloud products' resources that CEN actions name: a virtual border router (Express
Connect), an IPsec-VPN connection or VPN gateway (VPN Gateway), an Express Connect Router, a prefix list
(VPC). The replica keeps a minimal record of each per account (its ID, region, status), made by the
first action that names it (as a VPC is by Attach) or by `manage.py product_resource_add`; it models
none of those products."""

import re

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.regions.models import Region


class ProductResource(models.Model):
    class Kind(models.TextChoices):
        VBR = "VBR", _("Virtual border router (VBR)")
        VPN = "VPN", _("IPsec-VPN connection")
        VPN_GATEWAY = "VPN_GATEWAY", _("VPN gateway")
        ECR = "ECR", _("Express Connect Router (ECR)")
        PREFIX_LIST = "PREFIX_LIST", _("Prefix list")

    # The real IDs' forms: the prefix each product gives, then lower-case letters and digits.
    ID_PREFIXES = {
        Kind.VBR: "vbr-",
        Kind.VPN: "vco-",
        Kind.VPN_GATEWAY: "vpn-",
        Kind.ECR: "ecr-",
        Kind.PREFIX_LIST: "pl-",
    }
    ID_PATTERNS = {kind: re.compile(re.escape(prefix) + r"[a-z0-9]{1,28}") for kind, prefix in ID_PREFIXES.items()}

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="product_resources", verbose_name=_("account")
    )
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    resource_id = models.CharField(
        _("resource ID"),
        max_length=32,
        help_text=_("The resource's ID in its own product, unique within the account and kind."),
    )
    region = models.ForeignKey(
        Region,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        verbose_name=_("region"),
        help_text=_("Empty for a global resource (an Express Connect Router)."),
    )
    name = models.CharField(_("name"), max_length=128, blank=True)
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["kind", "resource_id"]
        verbose_name = _("other product's resource")
        verbose_name_plural = _("other products' resources")
        constraints = [
            models.UniqueConstraint(fields=["owner", "kind", "resource_id"], name="product_resource_per_account"),
        ]

    def __str__(self):
        return f"{self.resource_id} ({self.get_kind_display()})"
