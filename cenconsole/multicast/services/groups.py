"""Multicast group members and sources: ENIs in vSwitches associated with the domain, and (members
only) multicast domains of other regions joined by an inter-region connection. A group exists while
it has a member or a source; registering names it."""

import re

from django.db import IntegrityError, transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.transit.models import AttachmentStatus, TransitRouterPeerAttachment

from ..messages import (
    ALREADY_REGISTERED,
    ASSOCIATION_NOT_ASSOCIATED,
    ENI_ID_FORMAT,
    ENI_IN_OTHER_VPC,
    ENI_NOT_ASSOCIATED,
    NO_PEER_CONNECTION,
    PEER_CONNECTION_NOT_ATTACHED,
    PEER_DOMAIN_NOT_ACTIVE,
    PEER_DOMAIN_OTHER_CEN,
    PEER_DOMAIN_SAME_REGION,
    REGISTRATION_IN_TRANSITION,
    UNKNOWN_PEER_DOMAIN,
)
from ..models import (
    AssociationStatus,
    GroupResourceStatus,
    MulticastAssociation,
    MulticastDomain,
    MulticastGroupResource,
    NetworkInterface,
)
from .common import group_ip_clean, owned_domain, refuse_unless_domain_active

ENI_ID_PATTERN = re.compile(r"eni-[a-z0-9]{1,28}")
MEMBER, SOURCE = MulticastGroupResource.Role.MEMBER, MulticastGroupResource.Role.SOURCE


def _refuse_unless_associated(domain: MulticastDomain, association: MulticastAssociation) -> None:
    if association.association_status != AssociationStatus.ASSOCIATED:
        raise refusal(
            ASSOCIATION_NOT_ASSOCIATED,
            "multicast_association_not_associated",
            vswitch_id=association.vswitch_id,
            status=association.association_status.label,
            domain_id=domain.pk,
        )


def _placed(domain: MulticastDomain, eni_id: str, vpc_id: str | None) -> tuple[NetworkInterface, MulticastAssociation]:
    """The ENI and the domain's association of its vSwitch. An ENI first named here is recorded in the
    domain's oldest associated vSwitch (of VPC vpc_id, when given)."""
    if not ENI_ID_PATTERN.fullmatch(eni_id or ""):
        raise field_error("network_interface", ENI_ID_FORMAT, "eni_id_format", eni_id=eni_id)
    associations = domain.associations.live().select_related("attachment")
    not_associated = refusal(ENI_NOT_ASSOCIATED, "eni_not_associated", eni_id=eni_id, domain_id=domain.pk)
    eni = NetworkInterface.objects.filter(owner=domain.owner, eni_id=eni_id).first()
    if eni is not None:
        if vpc_id and eni.vpc_id != vpc_id:
            raise field_error(
                "vpc_id", ENI_IN_OTHER_VPC, "eni_in_other_vpc", eni_id=eni_id, vpc_id=eni.vpc_id, expected=vpc_id
            )
        association = associations.filter(vswitch_id=eni.vswitch_id).first()
        if association is None:
            raise not_associated
        _refuse_unless_associated(domain, association)
        return eni, association
    if vpc_id:
        associations = associations.filter(attachment__vpc_id=vpc_id)
    candidates = list(associations)
    if not candidates:
        raise not_associated
    association = next(
        (each for each in candidates if each.association_status == AssociationStatus.ASSOCIATED), candidates[0]
    )
    _refuse_unless_associated(domain, association)
    try:
        with transaction.atomic():
            eni = NetworkInterface.objects.create(
                owner=domain.owner,
                eni_id=eni_id,
                region=domain.transit_router.region,
                vpc_id=association.attachment.vpc_id,
                vswitch_id=association.vswitch_id,
            )
    except IntegrityError:  # named by a concurrent request meanwhile: placed as it placed it
        return _placed(domain, eni_id, vpc_id)
    return eni, association


def _peer(domain: MulticastDomain, peer_id: str) -> tuple[MulticastDomain, TransitRouterPeerAttachment]:
    """An Active multicast domain of another region's router of the same CEN instance, and the Attached
    inter-region connection joining the two routers."""
    peer = (
        MulticastDomain.objects.live()
        .select_related("transit_router")
        .filter(owner=domain.owner, pk=peer_id, transit_router__deleted_at__isnull=True)
        .first()
    )
    if peer is None:
        raise field_error("peer_domain", UNKNOWN_PEER_DOMAIN, "unknown_peer_domain")
    router, other = domain.transit_router, peer.transit_router
    if other.region_id == router.region_id:
        raise refusal(PEER_DOMAIN_SAME_REGION, "peer_domain_same_region", peer_id=peer.pk, domain_id=domain.pk)
    if other.cen_instance_id != router.cen_instance_id:
        raise refusal(PEER_DOMAIN_OTHER_CEN, "peer_domain_other_cen", peer_id=peer.pk)
    if not peer.is_active:
        raise refusal(PEER_DOMAIN_NOT_ACTIVE, "peer_domain_not_active", peer_id=peer.pk, status=peer.status_label)
    connection = (
        TransitRouterPeerAttachment.objects.live()
        .filter(
            Q(transit_router=router, peer_transit_router=other) | Q(transit_router=other, peer_transit_router=router)
        )
        .first()
    )
    if connection is None:
        raise refusal(
            NO_PEER_CONNECTION, "no_peer_connection", transit_router_id=router.pk, peer_transit_router_id=other.pk
        )
    if connection.attachment_status != AttachmentStatus.ATTACHED:
        raise refusal(
            PEER_CONNECTION_NOT_ATTACHED,
            "peer_connection_not_attached",
            attachment_id=connection.pk,
            status=connection.status_label,
        )
    return peer, connection


def _already(role: str, group_ip: str, name: str):
    return refusal(
        ALREADY_REGISTERED,
        "already_registered",
        resource=name,
        role=MulticastGroupResource.Role(role).label,
        group_ip=group_ip,
    )


@transaction.atomic
def _register(*, owner, domain_id, group_ip, role, eni_ids=(), peer_domain_ids=(), vpc_id=None):
    domain = owned_domain(owner=owner, domain_id=domain_id, lock=True)
    refuse_unless_domain_active(domain, code="multicast_group_domain_not_active")
    group_ip = group_ip_clean(group_ip, role=role)
    registered = domain.group_resources.live().filter(group_ip=group_ip, role=role)
    rows = []
    for eni_id in dict.fromkeys(eni_ids):
        eni, association = _placed(domain, eni_id, vpc_id)
        if registered.filter(network_interface=eni).exists():
            raise _already(role, group_ip, eni_id)
        rows.append(
            MulticastGroupResource(
                domain=domain,
                group_ip=group_ip,
                role=role,
                network_interface=eni,
                attachment_id=association.attachment_id,
                vswitch_id=association.vswitch_id,
            )
        )
    for peer_id in dict.fromkeys(peer_domain_ids):
        peer, connection = _peer(domain, peer_id)
        if registered.filter(peer_domain=peer).exists():
            raise _already(role, group_ip, peer_id)
        rows.append(
            MulticastGroupResource(
                domain=domain, group_ip=group_ip, role=role, peer_domain=peer, attachment_id=connection.pk
            )
        )
    try:
        with transaction.atomic():
            for row in rows:
                row.save(force_insert=True)
    except IntegrityError:  # registered by a concurrent request meanwhile
        raise _already(role, group_ip, ", ".join([*eni_ids, *peer_domain_ids])) from None
    audit_record(
        actor=owner,
        action=f"multicast.{role}s_registered",
        target=domain,
        changes={_name(row): (None, group_ip) for row in rows},
    )
    return rows


def _name(row: MulticastGroupResource) -> str:
    return row.network_interface.eni_id if row.network_interface_id else row.peer_domain_id


@transaction.atomic
def _deregister(*, owner, domain_id, group_ip, role, eni_ids=(), peer_domain_ids=()):
    """Registered members (sources) named are Deregistering for a few seconds, then gone; names that
    are no member (source) of the group are passed over, as the real service does."""
    domain = owned_domain(owner=owner, domain_id=domain_id, lock=True)
    refuse_unless_domain_active(domain, code="multicast_group_domain_not_active")
    group_ip = group_ip_clean(group_ip, role=role)
    rows = list(
        domain.group_resources.live()
        .select_for_update(of=("self",))
        .select_related("network_interface")
        .filter(group_ip=group_ip, role=role)
        .filter(Q(network_interface__eni_id__in=list(eni_ids)) | Q(peer_domain_id__in=list(peer_domain_ids)))
    )
    for row in rows:
        if row.registration_status != GroupResourceStatus.REGISTERED:
            raise refusal(
                REGISTRATION_IN_TRANSITION,
                "registration_in_transition",
                resource=_name(row),
                status=row.registration_status.label,
                group_ip=group_ip,
            )
    MulticastGroupResource.objects.filter(pk__in=[row.pk for row in rows]).update(deleted_at=clock.now())
    if rows:
        audit_record(
            actor=owner,
            action=f"multicast.{role}s_deregistered",
            target=domain,
            changes={_name(row): (group_ip, None) for row in rows},
        )
    return rows


def multicast_members_register(*, owner, domain_id: str, group_ip: str, eni_ids=(), peer_domain_ids=(), vpc_id=None):
    """RegisterTransitRouterMulticastGroupMembers: ENIs, and other regions' domains, join the group
    (made by its first member or source): each Registering for a few seconds, then Registered."""
    return _register(
        owner=owner,
        domain_id=domain_id,
        group_ip=group_ip,
        role=MEMBER,
        eni_ids=eni_ids,
        peer_domain_ids=peer_domain_ids,
        vpc_id=vpc_id,
    )


def multicast_sources_register(*, owner, domain_id: str, group_ip: str, eni_ids=(), vpc_id=None):
    """RegisterTransitRouterMulticastGroupSources: ENIs send to the group (224.0.1.0 and above)."""
    return _register(owner=owner, domain_id=domain_id, group_ip=group_ip, role=SOURCE, eni_ids=eni_ids, vpc_id=vpc_id)


def multicast_members_deregister(*, owner, domain_id: str, group_ip: str, eni_ids=(), peer_domain_ids=()):
    return _deregister(
        owner=owner,
        domain_id=domain_id,
        group_ip=group_ip,
        role=MEMBER,
        eni_ids=eni_ids,
        peer_domain_ids=peer_domain_ids,
    )


def multicast_sources_deregister(*, owner, domain_id: str, group_ip: str, eni_ids=()):
    return _deregister(owner=owner, domain_id=domain_id, group_ip=group_ip, role=SOURCE, eni_ids=eni_ids)
