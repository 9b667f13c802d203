"""Inter-region connections between two transit routers of one CEN instance."""

from django.db import transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.core import clock
from cenconsole.core.errors import field_error
from cenconsole.core.validators import clean_texts
from cenconsole.networks import services as network_services
from cenconsole.networks.models import regions_covered_by

from ..messages import (
    PACKAGE_NOT_FOR_DATA_TRANSFER,
    PACKAGE_REQUIRED,
    PEER_BANDWIDTH_RANGE,
    PEER_OTHER_CEN,
    PEER_PAIR_TAKEN,
    PEER_SAME_REGION,
    PLATINUM_NEEDS_DATA_TRANSFER,
    UNKNOWN_BANDWIDTH_TYPE,
    UNKNOWN_LINK_TYPE,
    UNKNOWN_PEER_ATTACHMENT,
)
from ..models import (
    RouteTableLink,
    TransitRouter,
    TransitRouterPeerAttachment,
)
from ..signals import attachment_deleting
from .common import link_to_default, owned_attachment, owned_router, refuse_unless_active, refuse_unless_attached

MAX_PEER_BANDWIDTH = 10000  # Mbps: a pay-by-data-transfer connection's bandwidth limit (replica's bound)


def _peer_bandwidth(bandwidth) -> int:
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, int) or not 1 <= bandwidth <= MAX_PEER_BANDWIDTH:
        raise field_error("bandwidth", PEER_BANDWIDTH_RANGE, "bandwidth_too_low", maximum=MAX_PEER_BANDWIDTH)
    return bandwidth


def _link_type(link_type, *, bandwidth_type: str) -> str:
    """A link type the connection can have: Gold or Platinum, Platinum only for pay-by-data-transfer."""
    LinkType = TransitRouterPeerAttachment.LinkType
    if link_type not in LinkType.values:
        raise field_error("default_link_type", UNKNOWN_LINK_TYPE, "unknown_link_type")
    if link_type == LinkType.PLATINUM and bandwidth_type != TransitRouterPeerAttachment.BandwidthType.DATA_TRANSFER:
        raise field_error("default_link_type", PLATINUM_NEEDS_DATA_TRANSFER, "platinum_needs_data_transfer")
    return link_type


def _package_for(*, owner, router: TransitRouter, peer: TransitRouter, package_id: str):
    """The bound package the connection draws from, locked, covering the two routers' regions."""
    if not package_id:
        raise field_error("package", PACKAGE_REQUIRED, "unknown_package")
    package = network_services.locked_bound_package(
        owner=owner, cen_instance=router.cen_instance, package_id=package_id
    )
    if not regions_covered_by(
        area_a_id=package.area_a_id, area_b_id=package.area_b_id, region_a=router.region, region_b=peer.region
    ):
        raise field_error(
            "package",
            network_services.REGIONS_NOT_COVERED,
            "regions_not_covered",
            package_id=package.pk,
            areas=package.areas_label,
            regions=f"{router.region.display_name} ↔ {peer.region.display_name}",
        )
    return package


@transaction.atomic
def peer_attachment_create(
    *,
    owner,
    transit_router_id: str,
    peer_transit_router_id: str,
    bandwidth_type: str = TransitRouterPeerAttachment.BandwidthType.BANDWIDTH_PACKAGE,
    package_id: str = "",
    bandwidth: int,
    name: str = "",
    description: str = "",
    auto_publish_route: bool = True,
    default_link_type: str = TransitRouterPeerAttachment.LinkType.GOLD,
) -> TransitRouterPeerAttachment:
    """Create Inter-region Connection between two Active transit routers of one CEN instance, with
    bandwidth from a bound package (the package's budget, shared with its region connections) or
    paid by data transfer, on a Gold line (or Platinum, for data transfer only). Attaching for a few
    seconds, then Attached."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id, lock=True)
    peer = owned_router(owner=owner, transit_router_id=peer_transit_router_id, lock=True)
    if peer.cen_instance_id != router.cen_instance_id:
        raise field_error("peer_transit_router", PEER_OTHER_CEN, "unknown_transit_router")
    if peer.region_id == router.region_id:
        raise field_error("peer_transit_router", PEER_SAME_REGION, "same_region")
    refuse_unless_active(router)
    refuse_unless_active(peer)
    if bandwidth_type not in TransitRouterPeerAttachment.BandwidthType.values:
        raise field_error("bandwidth_type", UNKNOWN_BANDWIDTH_TYPE, "unknown_bandwidth_type")
    bandwidth = _peer_bandwidth(bandwidth)
    default_link_type = _link_type(default_link_type, bandwidth_type=bandwidth_type)
    texts = clean_texts(name=name, description=description)
    taken = (
        TransitRouterPeerAttachment.objects.live()
        .filter(Q(transit_router=router, peer_transit_router=peer) | Q(transit_router=peer, peer_transit_router=router))
        .values_list("pk", flat=True)
        .first()
    )
    if taken:
        raise field_error(
            "peer_transit_router",
            PEER_PAIR_TAKEN,
            "peer_pair_taken",
            transit_router_id=router.pk,
            peer_transit_router_id=peer.pk,
            attachment_id=taken,
        )
    package = None
    if bandwidth_type == TransitRouterPeerAttachment.BandwidthType.BANDWIDTH_PACKAGE:
        package = _package_for(owner=owner, router=router, peer=peer, package_id=package_id)
        network_services.package_budget_check(package=package, bandwidth=bandwidth)
    elif package_id:
        raise field_error("package", PACKAGE_NOT_FOR_DATA_TRANSFER, "package_not_for_data_transfer")
    attachment = TransitRouterPeerAttachment(
        owner=owner,
        transit_router=router,
        peer_transit_router=peer,
        bandwidth_type=bandwidth_type,
        package=package,
        bandwidth=bandwidth,
        auto_publish_route=bool(auto_publish_route),
        default_link_type=default_link_type,
        **texts,
    )
    attachment.full_clean(validate_constraints=False)
    attachment.save(force_insert=True)
    link_to_default(attachment_id=attachment.pk, router=router)
    link_to_default(attachment_id=attachment.pk, router=peer)
    audit_record(
        actor=owner,
        action="transit_router.peer_attached",
        target=router,
        changes={attachment.pk: (None, f"{router.region_id} ↔ {peer.region_id}, {bandwidth} Mbps")},
        note=f"Inter-region connection to {peer.pk}, {bandwidth_type}, {default_link_type}"
        + (f" from bandwidth package {package.pk}." if package else "."),
    )
    return attachment


def _owned_peer_attachment(*, owner, attachment_id: str) -> TransitRouterPeerAttachment:
    return owned_attachment(
        TransitRouterPeerAttachment,
        owner=owner,
        attachment_id=attachment_id,
        message=UNKNOWN_PEER_ATTACHMENT,
        related=("transit_router__region__area", "peer_transit_router__region__area", "transit_router__cen_instance"),
    )


@transaction.atomic
def peer_attachment_update(
    *,
    owner,
    attachment_id: str,
    bandwidth: int | None = None,
    name: str | None = None,
    description: str | None = None,
    auto_publish_route: bool | None = None,
    default_link_type: str | None = None,
) -> TransitRouterPeerAttachment:
    """Modify an Attached inter-region connection's bandwidth (within its package's budget), name,
    description, automatic route publishing or link type. The package is locked first, as for region
    connections."""
    found = _owned_peer_attachment(owner=owner, attachment_id=attachment_id)
    if found.package_id:
        package = network_services.locked_bound_package(
            owner=owner, cen_instance=found.transit_router.cen_instance, package_id=found.package_id
        )
    attachment = TransitRouterPeerAttachment.objects.select_for_update().get(pk=found.pk)
    attachment.transit_router, attachment.peer_transit_router = found.transit_router, found.peer_transit_router
    refuse_unless_attached(attachment)
    given = {field: value for field, value in (("name", name), ("description", description)) if value is not None}
    data = clean_texts(**given)
    if auto_publish_route is not None:
        data["auto_publish_route"] = bool(auto_publish_route)
    if default_link_type is not None:
        data["default_link_type"] = _link_type(default_link_type, bandwidth_type=attachment.bandwidth_type)
    if bandwidth is not None:
        data["bandwidth"] = _peer_bandwidth(bandwidth)
        if found.package_id:
            network_services.package_budget_check(
                package=package, bandwidth=data["bandwidth"], excluding_peer_attachment=attachment
            )
    audited_update(
        actor=owner,
        action="transit_router.peer_attachment_modified",
        instance=attachment,
        fields=["bandwidth", "name", "description", "auto_publish_route", "default_link_type"],
        data=data,
    )
    return attachment


@transaction.atomic
def peer_attachment_delete(*, owner, attachment_id: str) -> TransitRouterPeerAttachment:
    """Delete an inter-region connection: its bandwidth returns to the package at once; Detaching for
    a few seconds, then gone."""
    found = _owned_peer_attachment(owner=owner, attachment_id=attachment_id)
    attachment = TransitRouterPeerAttachment.objects.select_for_update().get(pk=found.pk)
    attachment.transit_router, attachment.peer_transit_router = found.transit_router, found.peer_transit_router
    refuse_unless_attached(attachment)
    attachment_deleting.send(sender=TransitRouterPeerAttachment, owner=owner, attachment=attachment)
    attachment.deleted_at = clock.now()
    attachment.save(update_fields=["deleted_at"])
    RouteTableLink.objects.filter(attachment_id=attachment.pk).delete()  # its associations and propagations
    audit_record(
        actor=owner,
        action="transit_router.peer_detached",
        target=attachment.transit_router,
        changes={attachment.pk: (f"{attachment.bandwidth} Mbps", None)},
        note=f"Inter-region connection to {attachment.peer_transit_router_id}.",
    )
    return attachment


def release_peer_attachments(sender, *, package, actor, **kwargs) -> None:
    """Receiver of bandwidth's package_releasing: a released package carries no inter-region connection."""
    now = clock.now()
    attachments = list(package.transit_peer_attachments.live().select_for_update())
    for attachment in attachments:
        audit_record(
            actor=actor,
            action="transit_router.peer_detached",
            target=attachment,
            changes={"deleted_at": (None, now)},
            note=f"Bandwidth package {package.pk} was released.",
        )
    TransitRouterPeerAttachment.objects.filter(pk__in=[each.pk for each in attachments]).update(deleted_at=now)
    RouteTableLink.objects.filter(attachment_id__in=[each.pk for each in attachments]).delete()
