"""Inter-region connections of transit routers (peer attachments): two routers of one CEN instance in
different regions, their bandwidth from a bound package or paid by the data carried."""

from cenconsole.tags.models import Tag
from cenconsole.tags.selectors import tags_for
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouterPeerAttachment

from .. import errors
from .. import representations as show
from ..params import Params
from .common import dry_run_or_run, once, read_ignored, token_page
from .tags import tag_created, tags_to_set


def _default_link_type(params: Params) -> str | None:
    """DefaultLinkType as given (None when absent): Platinum or Gold, the reference's two values."""
    link_type = params.string("DefaultLinkType")
    if link_type and link_type not in TransitRouterPeerAttachment.LinkType.values:
        raise errors.invalid_parameter("DefaultLinkType", "Platinum or Gold expected.")
    return link_type or None


def create_transit_router_peer_attachment(*, owner, params: Params) -> dict:
    """A retry with the same ClientToken answers the connection the first call made, if it asks the same."""
    cen_id = params.string("CenId")
    router_id = params.string("TransitRouterId", required=True)
    peer_id = params.string("PeerTransitRouterId", required=True)
    peer_region = params.string("PeerTransitRouterRegionId")
    bandwidth_type = params.string("BandwidthType") or "BandwidthPackage"
    package_id = params.string("CenBandwidthPackageId") or ""
    bandwidth = params.integer("Bandwidth", default=2)  # the API's default
    name = params.string("TransitRouterAttachmentName") or ""
    description = params.string("TransitRouterAttachmentDescription") or ""
    auto_publish = params.boolean("AutoPublishRouteEnabled", default=True)
    link_type = _default_link_type(params) or TransitRouterPeerAttachment.LinkType.GOLD
    tags = tags_to_set(params)
    read_ignored(params, "RegionId")
    found = {
        each.pk: each for each in transit_selectors.transit_routers_for(owner=owner).filter(pk__in=[router_id, peer_id])
    }
    router, peer = found.get(router_id), found.get(peer_id)
    if cen_id and router is not None and router.cen_instance_id != cen_id:
        raise errors.invalid_parameter("CenId", "the transit router belongs to another CEN instance.")
    if peer_region and peer is not None and peer.region_id != peer_region:
        raise errors.invalid_parameter("PeerTransitRouterRegionId", "the peer transit router is in another region.")

    def create():
        attachment = transit_services.peer_attachment_create(
            owner=owner,
            transit_router_id=router_id,
            peer_transit_router_id=peer_id,
            bandwidth_type=bandwidth_type,
            package_id=package_id,
            bandwidth=bandwidth,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
            default_link_type=link_type,
        )
        tag_created(
            owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_PEER_ATTACHMENT, resource=attachment, tags=tags
        )
        return attachment.pk

    attachment_id = dry_run_or_run(params, lambda: once(owner, params, "CreateTransitRouterPeerAttachment", create))
    return {"TransitRouterAttachmentId": attachment_id}


def list_transit_router_peer_attachments(*, owner, params: Params) -> dict:
    attachments = transit_selectors.peer_attachments_for(owner=owner)
    for parameter, field in (
        ("CenId", "transit_router__cen_instance_id"),
        ("TransitRouterId", "transit_router_id"),
        ("TransitRouterAttachmentId", "pk"),
        ("RegionId", "transit_router__region_id"),
    ):
        value = params.string(parameter)
        if value:
            attachments = attachments.filter(**{field: value})
    tags = tags_for(owner=owner, resource_type=Tag.ResourceType.TRANSIT_ROUTER_PEER_ATTACHMENT)
    return token_page(
        attachments,
        params,
        wrapper="TransitRouterAttachments",
        show_item=lambda attachment: show.peer_attachment(attachment, tags[attachment.pk]),
    )


def update_transit_router_peer_attachment_attribute(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    bandwidth = params.integer("Bandwidth")
    name = params.string("TransitRouterAttachmentName")
    description = params.string("TransitRouterAttachmentDescription")
    link_type = _default_link_type(params)
    read_ignored(params, "ClientToken")
    found = transit_selectors.peer_attachments_for(owner=owner).filter(pk=attachment_id).first()
    for parameter, current in (
        ("BandwidthType", found.bandwidth_type if found else None),
        ("CenBandwidthPackageId", (found.package_id or "") if found else None),
    ):
        value = params.string(parameter)
        if value is not None and found is not None and value != current:
            raise errors.invalid_parameter(
                parameter, "the replica does not move a connection to another bandwidth type or package."
            )
    auto_publish = None
    if "AutoPublishRouteEnabled" in params.data:
        auto_publish = params.boolean("AutoPublishRouteEnabled")

    def attempt():
        transit_services.peer_attachment_update(
            owner=owner,
            attachment_id=attachment_id,
            bandwidth=bandwidth,
            name=name,
            description=description,
            auto_publish_route=auto_publish,
            default_link_type=link_type,
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_peer_attachment(*, owner, params: Params) -> dict:
    attachment_id = params.string("TransitRouterAttachmentId", required=True)
    if params.boolean("Force"):
        raise errors.invalid_parameter("Force", "the replica's connections have nothing to remove by force.")
    read_ignored(params, "ClientToken")

    def attempt():
        transit_services.peer_attachment_delete(owner=owner, attachment_id=attachment_id)

    dry_run_or_run(params, attempt)
    return {}
