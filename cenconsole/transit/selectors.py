"""Reads for transit routers and their VPC connections: the account's own, not yet gone."""

from .models import TransitRouter, TransitRouterPeerAttachment, TransitRouterVpcAttachment


def transit_routers_for(*, owner):
    return (
        TransitRouter.objects.present()
        .filter(owner=owner, cen_instance__deleted_at__isnull=True)
        .select_related("region__area")
        .order_by("created_at", "id")
    )


def vpc_attachments_for(*, owner):
    return (
        TransitRouterVpcAttachment.objects.present()
        .filter(owner=owner, transit_router__cen_instance__deleted_at__isnull=True)
        .select_related("transit_router__region")
        .order_by("created_at", "id")
    )


def cen_transit_routers(*, owner, cen_instance):
    """The Transit Router tab: the CEN instance's routers, each with its VPC connections."""
    routers = list(transit_routers_for(owner=owner).filter(cen_instance=cen_instance))
    attachments = vpc_attachments_for(owner=owner).filter(transit_router__in=routers)
    by_router = {}
    for attachment in attachments:
        by_router.setdefault(attachment.transit_router_id, []).append(attachment)
    peers = peer_attachments_for(owner=owner).filter(transit_router__in=routers)
    peers_by_router = {}
    for peer in peers:
        peers_by_router.setdefault(peer.transit_router_id, []).append(peer)
        peers_by_router.setdefault(peer.peer_transit_router_id, []).append(peer)
    for router in routers:
        router.connections = by_router.get(router.pk, [])
        router.peer_connections = peers_by_router.get(router.pk, [])
    return routers


def peer_attachments_for(*, owner):
    return (
        TransitRouterPeerAttachment.objects.present()
        .filter(owner=owner, transit_router__cen_instance__deleted_at__isnull=True)
        .select_related("transit_router__region", "peer_transit_router__region", "package")
        .order_by("created_at", "id")
    )
