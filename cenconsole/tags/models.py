from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock

MAX_KEY_LENGTH = 128
MAX_VALUE_LENGTH = 128
MAX_TAGS_PER_RESOURCE = 20


class Tag(models.Model):
    """A key and value the user attached to one of their resources (a CEN instance, a bandwidth package,
    a transit router, one of its connections, route tables or multicast domains, a flow log). The
    resource is named by type and ID rather than a foreign key, so one table serves every kind, those
    of the apps above this one too; the callers check that the resource is the owner's."""

    class ResourceType(models.TextChoices):
        """The API's ResourceType values (matched in any case): the two first as the replica has always
        stored them, the others as Alibaba Cloud's SDK spells them (TransitRouterEcrAttachment, which the
        SDK's list omits, as Terraform's provider sends it)."""

        CEN = "cen", _("CEN instance")
        BANDWIDTH_PACKAGE = "bandwidthpackage", _("bandwidth package")
        TRANSIT_ROUTER = "TransitRouter", _("transit router")
        TRANSIT_ROUTER_VPC_ATTACHMENT = "TransitRouterVpcAttachment", _("VPC connection")
        TRANSIT_ROUTER_PEER_ATTACHMENT = "TransitRouterPeerAttachment", _("inter-region connection")
        TRANSIT_ROUTER_ROUTE_TABLE = "TransitRouterRouteTable", _("route table")
        TRANSIT_ROUTER_VBR_ATTACHMENT = "TransitRouterVbrAttachment", _("VBR connection")
        TRANSIT_ROUTER_VPN_ATTACHMENT = "TransitRouterVpnAttachment", _("VPN connection")
        TRANSIT_ROUTER_ECR_ATTACHMENT = "TransitRouterEcrAttachment", _("ECR connection")
        FLOWLOG = "Flowlog", _("flow log")
        TRANSIT_ROUTER_MULTICAST_DOMAIN = "TransitRouterMulticastDomain", _("multicast domain")

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="tags", verbose_name=_("account")
    )
    resource_type = models.CharField(_("resource type"), max_length=32, choices=ResourceType.choices)
    resource_id = models.CharField(_("resource ID"), max_length=64, help_text=_("The ID of the tagged resource."))
    key = models.CharField(_("key"), max_length=MAX_KEY_LENGTH, help_text=_("1 to 128 characters."))
    value = models.CharField(_("value"), max_length=MAX_VALUE_LENGTH, blank=True, help_text=_("0 to 128 characters."))
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["resource_type", "resource_id", "key"]
        verbose_name = _("tag")
        constraints = [
            models.UniqueConstraint(fields=["resource_type", "resource_id", "key"], name="one_tag_value_per_key"),
        ]
        indexes = [models.Index(fields=["owner", "resource_type", "key", "value"], name="tag_owner_key_value_idx")]

    def __str__(self):
        return f"{self.key}:{self.value}"
