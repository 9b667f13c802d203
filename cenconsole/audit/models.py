from django.conf import settings
from django.db import models
from django.utils.translation import gettext, gettext_noop
from django.utils.translation import gettext_lazy as _

from cenconsole.core import clock

# What each action is called on pages and in the admin (the action code is what is stored).
ACTION_LABELS = {
    "access_key.created": gettext_noop("AccessKey created"),
    "access_key.deleted": gettext_noop("AccessKey deleted"),
    "access_key.ensured": gettext_noop("AccessKey set"),
    "access_key.status_changed": gettext_noop("AccessKey status changed"),
    "balance.adjusted": gettext_noop("Balance adjusted"),
    "cen.deleted": gettext_noop("CEN instance deleted"),
    "cen.modified": gettext_noop("CEN instance modified"),
    "demo.reset": gettext_noop("Demo reset"),
    "cen.moved": gettext_noop("Resource group changed"),
    "network.attached": gettext_noop("Network instance attached"),
    "network.detached": gettext_noop("Network instance detached"),
    "package.auto_renewal_changed": gettext_noop("Auto-renewal changed"),
    "package.auto_renewed": gettext_noop("Auto-renewed"),
    "package.bought": gettext_noop("Bandwidth package bought"),
    "package.bound": gettext_noop("Bandwidth package bound"),
    "package.connection_deleted": gettext_noop("Region connection deleted"),
    "package.connection_set": gettext_noop("Region connection set"),
    "package.connections_removed": gettext_noop("Region connections removed"),
    "package.connections_trimmed": gettext_noop("Region connections reduced"),
    "package.expired": gettext_noop("Bandwidth package expired"),
    "package.modified": gettext_noop("Bandwidth package modified"),
    "package.moved": gettext_noop("Resource group changed"),
    "package.refunded": gettext_noop("Refunded"),
    "package.released": gettext_noop("Bandwidth package released"),
    "package.renewed": gettext_noop("Bandwidth package renewed"),
    "package.upgraded": gettext_noop("Bandwidth package upgraded"),
    "package.temporarily_upgraded": gettext_noop("Bandwidth package temporarily upgraded"),
    "package.temporary_upgrade_ended": gettext_noop("Temporary upgrade ended"),
    "package.downgraded": gettext_noop("Bandwidth package downgraded"),
    "package.unbound": gettext_noop("Bandwidth package unbound"),
    "sandbox.purged": gettext_noop("Sandbox removed"),
    "tags.added": gettext_noop("Tags added"),
    "tags.removed": gettext_noop("Tags removed"),
    "ticket.opened": gettext_noop("Ticket opened"),
    "ticket.assigned": gettext_noop("Ticket assigned"),
    "ticket.processing": gettext_noop("Ticket being processed"),
    "ticket.awaitinguser": gettext_noop("Information requested from the user"),
    "ticket.reply": gettext_noop("Reply"),
    "ticket.internal_note": gettext_noop("Internal note"),
    "ticket.approved": gettext_noop("Ticket approved"),
    "ticket.rejected": gettext_noop("Ticket rejected"),
    "ticket.withdrawn": gettext_noop("Ticket withdrawn"),
    "transit_router.created": gettext_noop("Transit router created"),
    "transit_router.modified": gettext_noop("Transit router modified"),
    "transit_router.deleted": gettext_noop("Transit router deleted"),
    "transit_router.vpc_attached": gettext_noop("VPC connection created"),
    "transit_router.vpc_attachment_modified": gettext_noop("VPC connection modified"),
    "transit_router.vpc_detached": gettext_noop("VPC connection deleted"),
    "transit_router.peer_attached": gettext_noop("Inter-region connection created"),
    "transit_router.peer_attachment_modified": gettext_noop("Inter-region connection modified"),
    "transit_router.peer_detached": gettext_noop("Inter-region connection deleted"),
    "transit_router.vpc_attachment_zones_modified": gettext_noop("VPC connection zones changed"),
    "transit_router.vbr_attached": gettext_noop("VBR connection created"),
    "transit_router.vbr_attachment_modified": gettext_noop("VBR connection modified"),
    "transit_router.vbr_detached": gettext_noop("VBR connection deleted"),
    "transit_router.vpn_attached": gettext_noop("VPN connection created"),
    "transit_router.vpn_attachment_modified": gettext_noop("VPN connection modified"),
    "transit_router.vpn_detached": gettext_noop("VPN connection deleted"),
    "transit_router.ecr_attached": gettext_noop("ECR connection created"),
    "transit_router.ecr_attachment_modified": gettext_noop("ECR connection modified"),
    "transit_router.ecr_detached": gettext_noop("ECR connection deleted"),
    "transit_router.service_opened": gettext_noop("Transit router service opened"),
    "transit_router.route_table_created": gettext_noop("Route table created"),
    "transit_router.route_table_deleted": gettext_noop("Route table deleted"),
    "transit_router.route_added": gettext_noop("Route entry added"),
    "transit_router.route_deleted": gettext_noop("Route entry deleted"),
    "transit_router.route_table_modified": gettext_noop("Route table modified"),
    "transit_router.route_modified": gettext_noop("Route entry modified"),
    "transit_router.association_replaced": gettext_noop("Route table association replaced"),
    "transit_router.association_added": gettext_noop("Route table association added"),
    "transit_router.association_removed": gettext_noop("Route table association removed"),
    "transit_router.propagation_added": gettext_noop("Route propagation enabled"),
    "transit_router.propagation_removed": gettext_noop("Route propagation disabled"),
    "route_map.created": gettext_noop("Route map created"),
    "route_map.modified": gettext_noop("Route map modified"),
    "route_map.deleted": gettext_noop("Route map deleted"),
    "health_check.enabled": gettext_noop("Health check set"),
    "health_check.modified": gettext_noop("Health check modified"),
    "health_check.disabled": gettext_noop("Health check deleted"),
    "flow_log.created": gettext_noop("Flow log created"),
    "flow_log.modified": gettext_noop("Flow log modified"),
    "flow_log.turned": gettext_noop("Flow log turned on or off"),
    "flow_log.deleted": gettext_noop("Flow log deleted"),
    "traffic_marking_policy.created": gettext_noop("Traffic marking policy created"),
    "traffic_marking_policy.modified": gettext_noop("Traffic marking policy modified"),
    "traffic_marking_policy.deleted": gettext_noop("Traffic marking policy deleted"),
    "traffic_match_rule.added": gettext_noop("Traffic classification rules added"),
    "traffic_match_rule.modified": gettext_noop("Traffic classification rule modified"),
    "traffic_match_rule.removed": gettext_noop("Traffic classification rules removed"),
    "qos_policy.created": gettext_noop("QoS policy created"),
    "qos_policy.modified": gettext_noop("QoS policy modified"),
    "qos_policy.deleted": gettext_noop("QoS policy deleted"),
    "qos_queue.created": gettext_noop("QoS queue created"),
    "qos_queue.modified": gettext_noop("QoS queue modified"),
    "qos_queue.deleted": gettext_noop("QoS queue deleted"),
    "cen.private_zone_routed": gettext_noop("PrivateZone access added"),
    "cen.private_zone_unrouted": gettext_noop("PrivateZone access removed"),
    "cen.route_service_added": gettext_noop("Cloud service access added"),
    "cen.route_service_deleted": gettext_noop("Cloud service access deleted"),
    "network.route_entry_added": gettext_noop("Custom route entry added"),
    "network.route_entry_deleted": gettext_noop("Custom route entry deleted"),
    "network.route_published": gettext_noop("Route published"),
    "network.route_withdrawn": gettext_noop("Route withdrawn"),
    "prefix_list_association.created": gettext_noop("Prefix list associated"),
    "prefix_list_association.deleted": gettext_noop("Prefix list association deleted"),
    "route_table_aggregation.created": gettext_noop("Aggregate route created"),
    "route_table_aggregation.deleted": gettext_noop("Aggregate route deleted"),
    "route_table_aggregation.modified": gettext_noop("Aggregate route modified"),
    "route_table_aggregation.refreshed": gettext_noop("Aggregate route refreshed"),
    "transit_router_cidr.created": gettext_noop("Transit router CIDR block added"),
    "transit_router_cidr.deleted": gettext_noop("Transit router CIDR block deleted"),
    "transit_router_cidr.modified": gettext_noop("Transit router CIDR block modified"),
    "multicast.domain_created": gettext_noop("Multicast domain created"),
    "multicast.domain_deleted": gettext_noop("Multicast domain deleted"),
    "multicast.domain_modified": gettext_noop("Multicast domain modified"),
    "grant.granted": gettext_noop("Network instance granted to a CEN instance"),
    "grant.modified": gettext_noop("Grant's payer changed"),
    "grant.revoked": gettext_noop("Grant revoked"),
    "multicast.vswitches_associated": gettext_noop("vSwitches associated with a multicast domain"),
    "multicast.vswitches_disassociated": gettext_noop("vSwitches disassociated from a multicast domain"),
    "multicast.members_registered": gettext_noop("Multicast members registered"),
    "multicast.sources_registered": gettext_noop("Multicast sources registered"),
    "multicast.members_deregistered": gettext_noop("Multicast members deregistered"),
    "multicast.sources_deregistered": gettext_noop("Multicast sources deregistered"),
    "workshop.created": gettext_noop("Workshop created"),
    "workshop.joined": gettext_noop("Workshop joined"),
    "workshop.ended": gettext_noop("Workshop ended"),
}
# The changed fields' names on pages and in the admin; other keys (region pairs) are shown as stored.
FIELD_LABELS = {
    "status": gettext_noop("status"),
    "bandwidth": gettext_noop("bandwidth"),
    "cen_instance": gettext_noop("CEN instance"),
    "region": gettext_noop("region"),
    "expires_at": gettext_noop("expiration time"),
    "business_status": gettext_noop("business status"),
    "refund": gettext_noop("refund"),
    "balance": gettext_noop("balance"),
    "deleted_at": gettext_noop("deleted"),
    "assigned_to": gettext_noop("assigned to"),
    "username": gettext_noop("user name"),
    "resource_group": gettext_noop("resource group"),
    "temporary_upgrade_ends_at": gettext_noop("temporary upgrade ends"),
}
# Stored values that are codes, not words (statuses as the models store them), in words.
VALUE_LABELS = {
    "AwaitingUser": gettext_noop("Awaiting your reply"),
    "InUse": gettext_noop("In Use"),
    "Idle": gettext_noop("Available"),
    "Normal": gettext_noop("Normal"),
    "FinancialLocked": gettext_noop("Expired"),
}


class AuditRecordQuerySet(models.QuerySet):
    def for_target(self, target):
        return self.filter(target_type=type(target).__name__, target_id=str(target.pk))


class AuditRecord(models.Model):
    """One change of state of a package or a ticket: who, when, what, and each field's old -> new.
    Written only through audit.services.audit_record; never edited or deleted."""

    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Who made the change; empty for the system (scheduled jobs)."),
        verbose_name=_("actor"),
    )
    action = models.CharField(
        max_length=64, help_text=_("What happened, e.g. package.bought, ticket.approved."), verbose_name=_("action")
    )
    target_type = models.CharField(
        max_length=64, help_text=_("The model changed, e.g. BandwidthPackage."), verbose_name=_("target type")
    )
    target_id = models.CharField(
        max_length=64, help_text=_("The id of the changed object."), verbose_name=_("target id")
    )
    changes = models.JSONField(
        default=dict, blank=True, help_text='Each changed field as {"field": [old, new]}.', verbose_name=_("changes")
    )
    note = models.TextField(blank=True, verbose_name=_("note"))
    created_at = models.DateTimeField(_("when"), default=clock.now)

    objects = AuditRecordQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("audit record")
        verbose_name_plural = _("audit records")
        indexes = [models.Index(fields=["target_type", "target_id", "created_at"], name="audit_target_idx")]

    def __str__(self):
        return f"{self.action_label}: {self.target_type} {self.target_id}"

    @property
    def action_label(self) -> str:
        """The action in the active language, e.g. "Ticket opened" (工单已提交)."""
        label = ACTION_LABELS.get(self.action)
        return gettext(label) if label else self.action

    def change_lines(self):
        """["status: Pending → Approved", ...] in the active language, for pages and the admin. Values
        that are the console's words (statuses) are translated; ids, amounts and times are not."""

        def shown(value):
            if value in (None, ""):
                return "-"
            if not isinstance(value, str):
                return value
            return gettext(VALUE_LABELS.get(value, value))

        return [
            f"{gettext(FIELD_LABELS[field]) if field in FIELD_LABELS else field}: {shown(old)} → {shown(new)}"
            for field, (old, new) in self.changes.items()
        ]
