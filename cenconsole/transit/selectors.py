"""Reads for transit routers and their VPC connections: the account's own, not yet gone."""

from dataclasses import dataclass

from django.db.models import Q

from .models import (
    AttachmentStatus,
    RouteTableLink,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteTable,
    TransitRouterVpcAttachment,
)


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


@dataclass(frozen=True)
class Route:
    """A route of a route table: a static entry, or one learned from a connection's propagation."""

    id: str
    destination_cidr: str
    route_type: str  # Static or Propagated
    next_hop_type: str  # Attachment or BlackHole
    next_hop_id: str
    next_hop_resource_type: str  # VPC, TR or ""
    next_hop_resource_id: str
    origin_resource_type: str
    origin_resource_id: str
    created_at: object
    name: str = ""
    description: str = ""


def route_tables_for(*, owner):
    return (
        TransitRouterRouteTable.objects.present()
        .filter(transit_router__owner=owner, transit_router__deleted_at__isnull=True)
        .select_related("transit_router")
        .order_by("created_at", "id")
    )


def routes_of(table: TransitRouterRouteTable) -> list[Route]:
    """The table's static entries, then what its propagations teach it: a VPC connection its VPC's
    CIDR block; an inter-region connection the CIDR blocks of the VPCs connected to the router at its
    other end. Learned routes have no ID of their own in the replica: theirs is the connection's."""
    router = table.transit_router
    routes = [
        Route(
            id=entry.pk,
            destination_cidr=entry.destination_cidr,
            route_type="Static",
            next_hop_type=entry.next_hop_type,
            next_hop_id=entry.next_hop_id,
            next_hop_resource_type="",
            next_hop_resource_id="",
            origin_resource_type="",
            origin_resource_id="",
            created_at=entry.created_at,
            name=entry.name,
            description=entry.description,
        )
        for entry in table.entries.live()
    ]
    propagating = set(table.links.filter(kind=RouteTableLink.Kind.PROPAGATION).values_list("attachment_id", flat=True))
    for vpc in router.vpc_attachments.live().filter(pk__in=propagating):
        routes.append(
            Route(
                id=f"{table.pk}:{vpc.pk}",
                destination_cidr=vpc.cidr_block,
                route_type="Propagated",
                next_hop_type="Attachment",
                next_hop_id=vpc.pk,
                next_hop_resource_type="VPC",
                next_hop_resource_id=vpc.vpc_id,
                origin_resource_type="VPC",
                origin_resource_id=vpc.vpc_id,
                created_at=vpc.created_at,
            )
        )
    peers = TransitRouterPeerAttachment.objects.live().filter(
        Q(transit_router=router) | Q(peer_transit_router=router), pk__in=propagating
    )
    for peer in peers:
        other_id = peer.peer_transit_router_id if peer.transit_router_id == router.pk else peer.transit_router_id
        for vpc in TransitRouterVpcAttachment.objects.live().filter(transit_router_id=other_id):
            routes.append(
                Route(
                    id=f"{table.pk}:{peer.pk}:{vpc.pk}",
                    destination_cidr=vpc.cidr_block,
                    route_type="Propagated",
                    next_hop_type="Attachment",
                    next_hop_id=peer.pk,
                    next_hop_resource_type="TR",
                    next_hop_resource_id=other_id,
                    origin_resource_type="VPC",
                    origin_resource_id=vpc.vpc_id,
                    created_at=max(peer.created_at, vpc.created_at),
                )
            )
    return routes


def connection_kinds(router: TransitRouter) -> dict[str, tuple[str, str]]:
    """The router's connections by ID: (resource type, resource ID), VPC and its VPC ID or TR and the
    router at the other end."""
    kinds = {each.pk: ("VPC", each.vpc_id) for each in router.vpc_attachments.live()}
    for peer in TransitRouterPeerAttachment.objects.live().filter(
        Q(transit_router=router) | Q(peer_transit_router=router)
    ):
        other = peer.peer_transit_router_id if peer.transit_router_id == router.pk else peer.transit_router_id
        kinds[peer.pk] = ("TR", other)
    return kinds


def transit_connectivity(routers, peers) -> list[dict]:
    """Who reaches whom among the routers' regions: each row a router, each cell the inter-region
    connection joining the two (None where there is none; "self" on the diagonal)."""
    joined = {}
    for peer in peers:
        if peer.attachment_status != AttachmentStatus.DETACHING:
            joined[frozenset({peer.transit_router_id, peer.peer_transit_router_id})] = peer
    return [
        {
            "router": source,
            "cells": [
                "self" if source.pk == target.pk else joined.get(frozenset({source.pk, target.pk}))
                for target in routers
            ],
        }
        for source in routers
    ]
