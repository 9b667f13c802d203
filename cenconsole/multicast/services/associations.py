"""vSwitches of a router's VPC connections associated with (and disassociated from) its multicast
domains: a vSwitch in one domain at a time, at most ten in a domain."""

from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.transit.models import AttachmentStatus, TransitRouterVpcAttachment

from ..messages import (
    ASSOCIATION_NOT_ASSOCIATED,
    ATTACHMENT_IN_DOMAIN,
    ATTACHMENT_NOT_ATTACHED,
    ATTACHMENT_OF_OTHER_ROUTER,
    UNKNOWN_ATTACHMENT,
    VSWITCH_ASSOCIATED,
    VSWITCH_HAS_GROUPS,
    VSWITCH_NOT_IN_ATTACHMENT,
    VSWITCHES_PER_DOMAIN,
)
from ..models import AssociationStatus, MulticastAssociation, MulticastDomain
from .common import owned_domain, refuse_unless_domain_active

MAX_VSWITCHES_PER_DOMAIN = 10


def _attachment_of(domain: MulticastDomain, attachment_id: str) -> TransitRouterVpcAttachment:
    """The owner's VPC connection, locked: a connection of the domain's router."""
    attachment = (
        TransitRouterVpcAttachment.objects.present()
        .select_for_update(of=("self",))
        .filter(owner=domain.owner, pk=attachment_id)
        .first()
    )
    if attachment is None:
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "multicast_unknown_attachment")
    if attachment.transit_router_id != domain.transit_router_id:
        raise field_error(
            "attachment",
            ATTACHMENT_OF_OTHER_ROUTER,
            "attachment_of_other_router",
            attachment_id=attachment.pk,
            transit_router_id=attachment.transit_router_id,
        )
    return attachment


@transaction.atomic
def multicast_domain_associate(
    *, owner, domain_id: str, attachment_id: str, vswitch_ids: list[str]
) -> list[MulticastAssociation]:
    """Associate vSwitches of an Attached VPC connection of the domain's router with an Active domain:
    each Associating for a few seconds, then Associated."""
    domain = owned_domain(owner=owner, domain_id=domain_id, lock=True)
    refuse_unless_domain_active(domain)
    attachment = _attachment_of(domain, attachment_id)
    if attachment.attachment_status != AttachmentStatus.ATTACHED:
        raise refusal(
            ATTACHMENT_NOT_ATTACHED,
            "multicast_attachment_not_attached",
            attachment_id=attachment.pk,
            status=attachment.status_label,
        )
    own = [zone["VSwitchId"] for zone in attachment.zone_mappings]
    vswitch_ids = list(dict.fromkeys(vswitch_ids))
    for vswitch_id in vswitch_ids:
        if vswitch_id not in own:
            raise field_error(
                "vswitch_ids",
                VSWITCH_NOT_IN_ATTACHMENT,
                "vswitch_not_in_attachment",
                vswitch_id=vswitch_id,
                attachment_id=attachment.pk,
                vswitches=", ".join(own),
            )
    taken = MulticastAssociation.objects.live().filter(owner=owner, vswitch_id__in=vswitch_ids).first()
    if taken is not None:
        raise _associated(taken)
    if domain.associations.live().count() + len(vswitch_ids) > MAX_VSWITCHES_PER_DOMAIN:
        raise refusal(VSWITCHES_PER_DOMAIN, "vswitches_per_domain", limit=MAX_VSWITCHES_PER_DOMAIN)
    try:
        with transaction.atomic():
            made = [
                MulticastAssociation.objects.create(
                    owner=owner, domain=domain, attachment=attachment, vswitch_id=vswitch_id
                )
                for vswitch_id in vswitch_ids
            ]
    except IntegrityError:  # associated by a concurrent request meanwhile
        taken = MulticastAssociation.objects.live().filter(owner=owner, vswitch_id__in=vswitch_ids).first()
        raise _associated(taken) from None
    audit_record(
        actor=owner,
        action="multicast.vswitches_associated",
        target=domain,
        changes={vswitch_id: (None, attachment.pk) for vswitch_id in vswitch_ids},
    )
    return made


def _associated(association: MulticastAssociation | None):
    return refusal(
        VSWITCH_ASSOCIATED,
        "vswitch_associated",
        vswitch_id=association.vswitch_id if association else "",
        domain_id=association.domain_id if association else "",
    )


@transaction.atomic
def multicast_domain_disassociate(
    *, owner, domain_id: str, attachment_id: str, vswitch_ids: list[str]
) -> list[MulticastAssociation]:
    """Disassociate vSwitches (all of the connection's when none are named) with no member or source
    left: each Dissociating for a few seconds, then gone. vSwitches not associated through that
    connection are passed over, as the real service does."""
    domain = owned_domain(owner=owner, domain_id=domain_id, lock=True)
    refuse_unless_domain_active(domain)
    associations = domain.associations.live().select_for_update(of=("self",)).filter(attachment_id=attachment_id)
    if vswitch_ids:
        associations = associations.filter(vswitch_id__in=vswitch_ids)
    associations = list(associations)
    for association in associations:
        if association.association_status != AssociationStatus.ASSOCIATED:
            raise refusal(
                ASSOCIATION_NOT_ASSOCIATED,
                "multicast_association_not_associated",
                vswitch_id=association.vswitch_id,
                status=association.association_status.label,
                domain_id=domain.pk,
            )
        enis = sorted(
            domain.group_resources.present()
            .filter(vswitch_id=association.vswitch_id)
            .values_list("network_interface__eni_id", flat=True)
        )
        refuse_if_any(
            enis, VSWITCH_HAS_GROUPS, "multicast_groups_exist", listed_as="enis", vswitch_id=association.vswitch_id
        )
    now = clock.now()
    MulticastAssociation.objects.filter(pk__in=[each.pk for each in associations]).update(deleted_at=now)
    if associations:
        audit_record(
            actor=owner,
            action="multicast.vswitches_disassociated",
            target=domain,
            changes={each.vswitch_id: (each.attachment_id, None) for each in associations},
        )
    return associations


def refuse_attachment_delete_with_associations(sender, *, owner, attachment, **kwargs) -> None:
    """Receiver of transit's vpc_attachment_deleting: a VPC connection whose vSwitches are in multicast
    domains stays."""
    refuse_if_any(
        MulticastAssociation.objects.present().filter(attachment=attachment).values_list("vswitch_id", flat=True),
        ATTACHMENT_IN_DOMAIN,
        "vpc_attachment_in_multicast_domain",
        listed_as="vswitches",
        attachment_id=attachment.pk,
    )
