"""Multicast on Enterprise Edition transit routers: a multicast domain of a router (made with
SupportMulticast), the vSwitches of its VPC connections associated with it, and its multicast groups'
members and sources: elastic network interfaces (ENIs) in those vSwitches, or, as members, the
multicast domains of other regions' routers (over an inter-region connection).

As the rest of transit, each is asynchronous on the real service and derives its status from its
timestamps and the one clock (TRANSIT_TRANSITION_SECONDS): a domain Creating, Active, Deleting; an
association Associating, Associated, Dissociating; a member or source Registering, Registered,
Deregistering. A removed row is kept (deleted_at) and is gone from every list once its transition has
passed."""

import ipaddress

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.regions.models import Region
from cenconsole.transit.models import (
    RouterStatus,
    TransitionMixin,
    TransitionQuerySet,
    TransitResource,
    TransitRouter,
    TransitRouterVpcAttachment,
)

# Group addresses: 224.0.0.0/4 without its first and last address; a source's group also outside the
# local network control block (224.0.0.0/24), which the real service reserves.
MULTICAST_NETWORK = ipaddress.IPv4Network("224.0.0.0/4")
RESERVED_FOR_SOURCES = ipaddress.IPv4Network("224.0.0.0/24")


def new_multicast_domain_id():
    return random_id("tr-mcast-domain-", 18)


class MulticastDomain(TransitResource):
    """A multicast domain of a transit router: the scope in its region within which its members receive
    what its sources send."""

    id = models.CharField(_("multicast domain ID"), max_length=40, primary_key=True, default=new_multicast_domain_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="multicast_domains", verbose_name=_("account")
    )
    transit_router = models.ForeignKey(
        TransitRouter, on_delete=models.CASCADE, related_name="multicast_domains", verbose_name=_("transit router")
    )
    igmpv2_support = models.BooleanField(
        _("IGMPv2"),
        default=False,
        help_text=_("Hosts may join and leave its groups by IGMPv2 (Options.Igmpv2Support); once on, it stays on."),
    )

    class Meta(TransitResource.Meta):
        verbose_name = _("multicast domain")
        verbose_name_plural = _("multicast domains")


class TransitionRow(TransitionMixin, models.Model):
    """A row made at created_at and, perhaps, removed at deleted_at (TransitionMixin derives its status);
    oldest first. Abstract."""

    created_at = models.DateTimeField(_("created"), default=clock.now)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TransitionQuerySet.as_manager()

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]


class AssociationStatus(models.TextChoices):
    ASSOCIATING = "Associating", _("Associating")
    ASSOCIATED = "Associated", _("Associated")
    DISSOCIATING = "Dissociating", _("Dissociating")


class MulticastAssociation(TransitionRow):
    """A vSwitch of one of the router's VPC connections, associated with a multicast domain: its ENIs may
    then be the domain's members and sources. A vSwitch is in one multicast domain at a time."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+", verbose_name=_("account")
    )
    domain = models.ForeignKey(
        MulticastDomain, on_delete=models.CASCADE, related_name="associations", verbose_name=_("multicast domain")
    )
    attachment = models.ForeignKey(
        TransitRouterVpcAttachment,
        on_delete=models.CASCADE,
        related_name="multicast_associations",
        verbose_name=_("VPC connection"),
    )
    vswitch_id = models.CharField(_("vSwitch ID"), max_length=32)

    class Meta(TransitionRow.Meta):
        verbose_name = _("multicast domain association")
        verbose_name_plural = _("multicast domain associations")
        constraints = [
            models.UniqueConstraint(
                fields=["owner", "vswitch_id"],
                condition=Q(deleted_at__isnull=True),
                name="one_multicast_domain_per_vswitch",
            ),
        ]

    def __str__(self):
        return f"{self.domain_id} {self.vswitch_id}"

    @property
    def association_status(self) -> AssociationStatus:
        return {
            RouterStatus.CREATING: AssociationStatus.ASSOCIATING,
            RouterStatus.ACTIVE: AssociationStatus.ASSOCIATED,
            RouterStatus.DELETING: AssociationStatus.DISSOCIATING,
        }[self.status]


class NetworkInterface(models.Model):
    """An elastic network interface (ECS) named as a multicast member or source: the replica's minimal
    record of it, made by the first registration that names it, in a vSwitch associated with that
    domain (the caller's VpcId narrows which). It stays in that vSwitch: a later registration elsewhere
    must find its vSwitch associated too."""

    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="multicast_network_interfaces",
        verbose_name=_("account"),
    )
    eni_id = models.CharField(_("ENI ID"), max_length=32)
    region = models.ForeignKey(Region, on_delete=models.PROTECT, related_name="+", verbose_name=_("region"))
    vpc_id = models.CharField(_("VPC ID"), max_length=32)
    vswitch_id = models.CharField(_("vSwitch ID"), max_length=32)
    created_at = models.DateTimeField(_("created"), default=clock.now)

    class Meta:
        ordering = ["eni_id"]
        verbose_name = _("elastic network interface")
        verbose_name_plural = _("elastic network interfaces")
        constraints = [
            models.UniqueConstraint(fields=["owner", "eni_id"], name="one_network_interface_record_per_account"),
        ]

    def __str__(self):
        return self.eni_id


class GroupResourceStatus(models.TextChoices):
    REGISTERING = "Registering", _("Registering")
    REGISTERED = "Registered", _("Registered")
    DEREGISTERING = "Deregistering", _("Deregistering")


class MulticastGroupResource(TransitionRow):
    """A member or a source of a multicast group (a group IP address) of a domain: an ENI, or (a member
    only) a multicast domain of another region, whose members of the same group then receive too."""

    class Role(models.TextChoices):
        MEMBER = "member", _("member")
        SOURCE = "source", _("source")

    domain = models.ForeignKey(
        MulticastDomain, on_delete=models.CASCADE, related_name="group_resources", verbose_name=_("multicast domain")
    )
    group_ip = models.GenericIPAddressField(_("group IP address"), protocol="IPv4")
    role = models.CharField(_("role"), max_length=8, choices=Role.choices)
    network_interface = models.ForeignKey(
        NetworkInterface,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="group_resources",
        verbose_name=_("ENI"),
    )
    peer_domain = models.ForeignKey(
        MulticastDomain,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="peer_memberships",
        verbose_name=_("peer multicast domain"),
    )
    attachment_id = models.CharField(
        _("connection ID"),
        max_length=40,
        help_text=_("The VPC connection of the ENI's vSwitch, or the inter-region connection to the peer domain."),
    )
    vswitch_id = models.CharField(_("vSwitch ID"), max_length=32, blank=True)

    class Meta(TransitionRow.Meta):
        verbose_name = _("multicast group member or source")
        verbose_name_plural = _("multicast group members and sources")
        constraints = [
            models.CheckConstraint(
                condition=Q(network_interface__isnull=False, peer_domain__isnull=True)
                | Q(role="member", network_interface__isnull=True, peer_domain__isnull=False),
                name="multicast_resource_is_an_eni_or_a_peer_domain_member",
            ),
            models.UniqueConstraint(
                fields=["domain", "group_ip", "role", "network_interface"],
                condition=Q(deleted_at__isnull=True, network_interface__isnull=False),
                name="one_registration_per_eni_group_and_role",
            ),
            models.UniqueConstraint(
                fields=["domain", "group_ip", "peer_domain"],
                condition=Q(deleted_at__isnull=True, peer_domain__isnull=False),
                name="one_registration_per_peer_domain_and_group",
            ),
        ]

    def __str__(self):
        return f"{self.domain_id} {self.group_ip} {self.role}"

    @property
    def registration_status(self) -> GroupResourceStatus:
        return {
            RouterStatus.CREATING: GroupResourceStatus.REGISTERING,
            RouterStatus.ACTIVE: GroupResourceStatus.REGISTERED,
            RouterStatus.DELETING: GroupResourceStatus.DEREGISTERING,
        }[self.status]
