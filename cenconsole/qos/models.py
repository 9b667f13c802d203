"""Traffic marking policies of a transit router (they mark the traffic their match rules capture with a
DSCP value) and inter-region traffic QoS policies of an inter-region connection (their queues share the
connection's bandwidth by the DSCP values they hold). The replica stores the rules and shapes no traffic.
Statuses are derived from the row's timestamps and the one clock (transit.models.transition): Creating,
Active, Updating (Modifying for a QoS policy while a queue is added, changed or removed), Deleting, then
gone; never from a background job."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock
from cenconsole.core.ids import random_id
from cenconsole.core.validators import validate_description, validate_name
from cenconsole.transit.models import TransitionQuerySet, transition


def new_marking_policy_id():
    return random_id("tm-", 18)


def new_match_rule_id():
    return random_id("tm-rule-", 18)


def new_qos_policy_id():
    return random_id("qos-", 18)


def new_qos_queue_id():
    return random_id("qos-queue-", 18)


class QosStatus(models.TextChoices):
    CREATING = "Creating", _("Creating")
    ACTIVE = "Active", _("Active")
    UPDATING = "Updating", _("Updating")
    MODIFYING = "Modifying", _("Modifying")
    DELETING = "Deleting", _("Deleting")


class QosResource(models.Model):
    """What the four resources share: a name, a description and the timestamps their status is read from."""

    name = models.CharField(_("name"), max_length=128, blank=True, validators=[validate_name])
    description = models.CharField(_("description"), max_length=256, blank=True, validators=[validate_description])
    created_at = models.DateTimeField(_("created"), default=clock.now)
    updated_at = models.DateTimeField(_("last changed"), null=True, blank=True)
    deleted_at = models.DateTimeField(_("deleted"), null=True, blank=True)

    objects = TransitionQuerySet.as_manager()

    # The status a change shows until it settles: Updating for marking policies, Modifying for QoS.
    CHANGING = QosStatus.UPDATING

    class Meta:
        abstract = True
        ordering = ["created_at", "id"]

    def __str__(self):
        return self.pk

    @property
    def status(self) -> QosStatus:
        now = clock.now()
        if self.deleted_at is not None:
            return QosStatus.DELETING
        if now < self.created_at + transition():
            return QosStatus.CREATING
        if self.updated_at is not None and now < self.updated_at + transition():
            return self.CHANGING
        return QosStatus.ACTIVE

    @property
    def is_active(self) -> bool:
        return self.status == QosStatus.ACTIVE

    @property
    def status_label(self) -> str:
        return QosStatus(self.status).label


class TrafficMarkingPolicy(QosResource):
    id = models.CharField(
        _("traffic marking policy ID"), max_length=40, primary_key=True, default=new_marking_policy_id
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="traffic_marking_policies",
        verbose_name=_("account"),
    )
    transit_router = models.ForeignKey(
        "transit.TransitRouter",
        on_delete=models.CASCADE,
        related_name="traffic_marking_policies",
        verbose_name=_("transit router"),
    )
    priority = models.PositiveSmallIntegerField(_("priority"))
    marking_dscp = models.PositiveSmallIntegerField(_("marking DSCP"))

    class Meta(QosResource.Meta):
        verbose_name = _("traffic marking policy")
        verbose_name_plural = _("traffic marking policies")
        constraints = [
            models.CheckConstraint(condition=Q(priority__gte=1, priority__lte=100), name="marking_priority_range"),
            models.CheckConstraint(condition=Q(marking_dscp__lte=63), name="marking_dscp_range"),
            models.UniqueConstraint(
                fields=["transit_router", "priority"],
                condition=Q(deleted_at__isnull=True),
                name="one_marking_policy_per_router_priority",
            ),
        ]


class TrafficMatchRule(QosResource):
    """A traffic classification rule of a marking policy: what it matches (-1: any DSCP or port)."""

    id = models.CharField(_("match rule ID"), max_length=40, primary_key=True, default=new_match_rule_id)
    policy = models.ForeignKey(
        TrafficMarkingPolicy, on_delete=models.CASCADE, related_name="rules", verbose_name=_("traffic marking policy")
    )
    address_family = models.CharField(_("address family"), max_length=8, default="IPv4")
    src_cidr = models.CharField(_("source CIDR block"), max_length=64, blank=True)
    dst_cidr = models.CharField(_("destination CIDR block"), max_length=64, blank=True)
    src_port_range = models.JSONField(_("source ports"), default=list, blank=True)
    dst_port_range = models.JSONField(_("destination ports"), default=list, blank=True)
    protocol = models.CharField(_("protocol"), max_length=16)
    match_dscp = models.SmallIntegerField(_("matched DSCP"), default=-1)

    class Meta(QosResource.Meta):
        verbose_name = _("traffic match rule")
        verbose_name_plural = _("traffic match rules")

    def matches(self) -> tuple:
        """What the rule captures: two rules of one policy never capture the same."""
        return (
            self.address_family,
            self.src_cidr,
            self.dst_cidr,
            tuple(self.src_port_range),
            tuple(self.dst_port_range),
            self.protocol,
            self.match_dscp,
        )


class InterRegionQosPolicy(QosResource):
    class GuaranteeMode(models.TextChoices):
        BY_PERCENT = "byBandwidthPercent", _("By bandwidth percentage")
        BY_BANDWIDTH = "byBandwidth", _("By bandwidth")

    id = models.CharField(_("QoS policy ID"), max_length=40, primary_key=True, default=new_qos_policy_id)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="qos_policies", verbose_name=_("account")
    )
    transit_router = models.ForeignKey(
        "transit.TransitRouter", on_delete=models.CASCADE, related_name="qos_policies", verbose_name=_("transit router")
    )
    attachment = models.ForeignKey(
        "transit.TransitRouterPeerAttachment",
        on_delete=models.CASCADE,
        related_name="qos_policies",
        verbose_name=_("inter-region connection"),
    )
    guarantee_mode = models.CharField(
        _("bandwidth guarantee"), max_length=20, choices=GuaranteeMode.choices, default=GuaranteeMode.BY_PERCENT
    )

    CHANGING = QosStatus.MODIFYING

    class Meta(QosResource.Meta):
        verbose_name = _("inter-region QoS policy")
        verbose_name_plural = _("inter-region QoS policies")
        constraints = [
            models.UniqueConstraint(
                fields=["attachment", "transit_router"],
                condition=Q(deleted_at__isnull=True),
                name="one_qos_policy_per_connection_end",
            ),
        ]


class InterRegionQosQueue(QosResource):
    """A queue of a QoS policy: the DSCP values it takes and its share of the connection's bandwidth, as a
    percentage (byBandwidthPercent) or in Mbit/s (byBandwidth)."""

    id = models.CharField(_("QoS queue ID"), max_length=40, primary_key=True, default=new_qos_queue_id)
    policy = models.ForeignKey(
        InterRegionQosPolicy, on_delete=models.CASCADE, related_name="queues", verbose_name=_("QoS policy")
    )
    dscps = models.JSONField(_("DSCP values"), default=list, blank=True)
    remain_bandwidth_percent = models.PositiveSmallIntegerField(_("bandwidth percentage"), null=True, blank=True)
    bandwidth = models.PositiveIntegerField(_("bandwidth (Mbps)"), null=True, blank=True)

    CHANGING = QosStatus.MODIFYING

    class Meta(QosResource.Meta):
        verbose_name = _("QoS queue")
        verbose_name_plural = _("QoS queues")
        constraints = [
            models.CheckConstraint(
                condition=Q(remain_bandwidth_percent__isnull=True) | Q(remain_bandwidth_percent__lte=100),
                name="qos_queue_percent_range",
            ),
        ]
