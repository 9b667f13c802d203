"""Reads of grant rules: those to a CEN instance (its owner's view), those of a network instance (the
granting account's view), and what the replica knows of a granted VPC: its vSwitches (from the VPC
connections' zone mappings) and its ENIs (those named as multicast members or sources)."""

from django.db.models import Q, QuerySet

from cenconsole.multicast.models import NetworkInterface
from cenconsole.transit.models import TransitRouterVpcAttachment

from .models import GrantRule


def grant_rules_to_cen(*, owner, cen_id: str) -> QuerySet[GrantRule]:
    """The rules granting other accounts' instances to `owner`'s CEN instance cen_id, oldest first."""
    return (
        GrantRule.objects.filter(cen_owner=owner, cen_id=cen_id).select_related("region").order_by("created_at", "id")
    )


def grant_rules_of_instance(*, owner, instance_type: str, instance_id: str) -> QuerySet[GrantRule]:
    """The rules `owner` made for its instance, oldest first."""
    return GrantRule.objects.filter(owner=owner, instance_type=instance_type, instance_id=instance_id).order_by(
        "created_at", "id"
    )


def granted_vpc_rule(*, owner, cen_id: str, vpc_id: str) -> GrantRule | None:
    """The rule granting VPC vpc_id to `owner`'s CEN instance cen_id, if one does."""
    return (
        grant_rules_to_cen(owner=owner, cen_id=cen_id)
        .filter(instance_type=GrantRule.InstanceType.VPC, instance_id=vpc_id)
        .select_related("owner")
        .first()
    )


def granted_vswitches(*, rule: GrantRule, zone_id: str | None = None) -> list[dict]:
    """The vSwitches of a granted VPC that the replica knows: those its VPC connections (in the granting
    account or the grantee's) name in their zone mappings; each once, by ID. {VSwitchId, ZoneId}."""
    connections = TransitRouterVpcAttachment.objects.filter(
        Q(owner=rule.owner) | Q(owner=rule.cen_owner), vpc_id=rule.instance_id
    ).order_by("created_at", "id")
    found: dict[str, dict] = {}
    for mappings in connections.values_list("zone_mappings", flat=True):
        for zone in mappings or []:
            vswitch, zone_of = zone.get("VSwitchId"), zone.get("ZoneId")
            if vswitch and (zone_id is None or zone_of == zone_id):
                found.setdefault(vswitch, {"VSwitchId": vswitch, "ZoneId": zone_of})
    return sorted(found.values(), key=lambda each: each["VSwitchId"])


def granted_network_interfaces(*, rule: GrantRule) -> QuerySet[NetworkInterface]:
    """The ENIs of a granted VPC that the replica knows: multicast's records of it (in the granting
    account or the grantee's)."""
    return NetworkInterface.objects.filter(
        Q(owner=rule.owner) | Q(owner=rule.cen_owner), vpc_id=rule.instance_id
    ).order_by("eni_id")


def grant_rules_made(*, owner) -> QuerySet[GrantRule]:
    """The CEN Cross-account Authorization page: the rules `owner` made, newest first."""
    return GrantRule.objects.filter(owner=owner).select_related("region").order_by("-created_at", "-id")
