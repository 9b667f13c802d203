"""Reads for transit routers and their connections: the account's own, not yet gone; the account's
transit router service, and the zones a region offers transit routers."""

from dataclasses import dataclass

from django.db.models import Q

from .models import (
    PRODUCT_ATTACHMENT_MODELS,
    AttachmentStatus,
    RouteTableLink,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterRouteTable,
    TransitRouterService,
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
    """The Transit Router tab: the CEN instance's routers, each with its VPC connections (connections),
    inter-region connections (peer_connections) and VBR, VPN and ECR connections (product_connections,
    oldest first): one query per kind of connection, however many routers."""
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
    products_by_router = {}
    for model in PRODUCT_ATTACHMENT_MODELS:
        for attachment in product_attachments_for(model, owner=owner).filter(transit_router__in=routers):
            products_by_router.setdefault(attachment.transit_router_id, []).append(attachment)
    for router in routers:
        router.connections = by_router.get(router.pk, [])
        router.peer_connections = peers_by_router.get(router.pk, [])
        router.product_connections = sorted(
            products_by_router.get(router.pk, []), key=lambda attachment: (attachment.created_at, attachment.pk)
        )
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
    """The router's connections by ID: (resource type, resource ID), VPC and its VPC ID, TR and the
    router at the other end, or VBR, VPN, ECR and that resource's ID."""
    kinds = {each.pk: ("VPC", each.vpc_id) for each in router.vpc_attachments.live()}
    for peer in TransitRouterPeerAttachment.objects.live().filter(
        Q(transit_router=router) | Q(peer_transit_router=router)
    ):
        other = peer.peer_transit_router_id if peer.transit_router_id == router.pk else peer.transit_router_id
        kinds[peer.pk] = ("TR", other)
    for model in PRODUCT_ATTACHMENT_MODELS:
        for each in model.objects.live().filter(transit_router=router).select_related("product_resource"):
            kinds[each.pk] = (model.RESOURCE_TYPE, each.resource_id)
    return kinds


def product_attachments_for(model, *, owner):
    """The account's VBR, VPN or ECR connections (model) not yet gone, oldest first."""
    return (
        model.objects.present()
        .filter(owner=owner, transit_router__cen_instance__deleted_at__isnull=True)
        .select_related("transit_router__region", "product_resource")
        .order_by("created_at", "id")
    )


def transit_router_service_enabled(*, owner) -> bool:
    """Open once OpenTransitRouterService opened it, or once the account made a transit router (the
    console opens the service with the first router)."""
    return (
        TransitRouterService.objects.filter(owner=owner).exists() or TransitRouter.objects.filter(owner=owner).exists()
    )


# The zones each region offers Enterprise Edition transit routers (ListTransitRouterAvailableResource):
# a replica choice, as Alibaba Cloud publishes them only through that action. The first two are the
# primary (master) and secondary (slave) zones routers made before May 2022 connect VPCs through.
ZONE_LETTERS = {
    "cn-qingdao": "bc",
    "cn-beijing": "hijkl",
    "cn-zhangjiakou": "abc",
    "cn-huhehaote": "ab",
    "cn-shenzhen": "acdef",
    "cn-hangzhou": "hijk",
    "cn-shanghai": "befgl",
    "us-west-1": "ab",
    "us-east-1": "ab",
    "cn-hongkong": "bcd",
    "ap-southeast-1": "abc",
    "ap-southeast-3": "ab",
    "ap-northeast-1": "abc",
    "ap-south-1": "ab",
    "ap-southeast-5": "abc",
    "eu-central-1": "abc",
    "eu-west-1": "ab",
    "ap-southeast-2": "ab",
}


def transit_router_zones(region_code: str) -> list[str]:
    """The region's zones for transit routers (cn-hangzhou-h, us-east-1a), or none for a region the
    replica does not know."""
    joiner = "" if region_code[-1:].isdigit() else "-"
    return [f"{region_code}{joiner}{letter}" for letter in ZONE_LETTERS.get(region_code, "")]


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
