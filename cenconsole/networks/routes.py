"""The routes a CEN instance learns, derived from what the replica models. Each attached VPC publishes
its CIDR block (its system route) and the custom route entries of its route table it published
(PublishRouteEntries); every region domain of the CEN instance (a region where it has network
instances) learns each, from the VPC's own region at once and from other regions over their region
connection, else over CEN's test bandwidth (1 Kbps). Two routes of different VPCs conflict: two CIDR
blocks of VPCs when they overlap (the replica's rule), a custom route when its destination is the other
route's (the real service's "conflict"). The earlier route stays active, the later is rejected. Reads
only; three queries."""

import functools
import ipaddress
from dataclasses import dataclass, field

from cenconsole.regions.models import Region

from .models import NetworkInstance, RegionConnection, VpcRouteEntry, region_sort_key

LOCAL = "local"
CONNECTION = "connection"
TEST_BANDWIDTH = "test_bandwidth"

ACTIVE = "Active"
REJECTED = "Rejected"
SYSTEM = "System"  # the VPC's own route, in its own region
CUSTOM = "Custom"  # a custom route entry of the VPC's route table
LEARNED = "CEN"  # learned through CEN from another VPC
CONFLICT = "conflict"  # the reason DescribeRouteConflict gives for routes to the same destination


@functools.lru_cache(maxsize=4096)
def _block(cidr: str) -> ipaddress.IPv4Network:
    return ipaddress.IPv4Network(cidr)


@dataclass(frozen=True)
class Origin:
    """A route of a VPC's route table: its system route (entry None: its CIDR block) or a custom entry."""

    network: NetworkInstance
    entry: VpcRouteEntry | None = None

    @property
    def destination(self) -> str:
        return self.entry.destination_cidr if self.entry is not None else self.network.cidr_block

    @property
    def since(self):
        """When CEN learned it: a VPC's block when it was attached, a custom route when it was published."""
        return self.entry.published_at if self.entry is not None else self.network.created_at

    def conflicts_with(self, other: "Origin") -> bool:
        if self.network.pk == other.network.pk or not self.destination or not other.destination:
            return False
        if self.entry is None and other.entry is None:
            return _block(self.destination).overlaps(_block(other.destination))
        return self.destination == other.destination


@dataclass(frozen=True)
class Route:
    """One route of a region domain: where to (its origin's destination) and the VPC that is its next hop."""

    origin: Origin
    region: Region
    reached_by: str  # LOCAL, CONNECTION or TEST_BANDWIDTH
    bandwidth: int | None  # the region connection's Mbps (CONNECTION)
    conflicts: tuple[Origin, ...] = field(default=())

    @property
    def destination(self) -> str:
        return self.origin.destination

    @property
    def network(self) -> NetworkInstance:
        return self.origin.network

    @property
    def entry(self) -> VpcRouteEntry | None:
        return self.origin.entry

    def is_own(self, viewer: NetworkInstance | None) -> bool:
        return viewer is not None and viewer.pk == self.network.pk

    def route_type(self, viewer: NetworkInstance | None = None) -> str:
        """System: a VPC's own block (as every region domain holds it, and in the VPC's own table);
        Custom: a custom entry (in its VPC's table and the region domains); CEN: learned through CEN,
        in another VPC's route table."""
        if viewer is not None and not self.is_own(viewer):
            return LEARNED
        return SYSTEM if self.entry is None else CUSTOM

    def is_published(self, viewer: NetworkInstance) -> bool:
        """In the viewer's own table: its block and the entries it published; learned routes are not its to publish."""
        return self.is_own(viewer) and (self.entry is None or self.entry.is_published)

    @property
    def status(self) -> str:
        return REJECTED if self.conflicts else ACTIVE


def vpc_route_table_id(vpc_id: str) -> str:
    """A VPC's system route table: the replica keeps one per VPC, named after it."""
    return "vtb-" + vpc_id.removeprefix("vpc-")


def route_table_id(network: NetworkInstance) -> str:
    return vpc_route_table_id(network.instance_id)


def _networks(cen_instance) -> list[NetworkInstance]:
    return list(
        NetworkInstance.objects.filter(cen_instance=cen_instance)
        .select_related("region__area", "cen_instance")
        .order_by("created_at", "id")
    )


def _origins(networks: list[NetworkInstance]) -> list[Origin]:
    """Every route the VPCs publish, in the order CEN learned them."""
    by_key = {network.pk: network for network in networks}
    published = VpcRouteEntry.objects.filter(network__in=networks, published_at__isnull=False)
    found = [Origin(network) for network in networks]
    found += [Origin(by_key[entry.network_id], entry) for entry in published]
    return sorted(
        found, key=lambda origin: (origin.since, origin.entry is not None, (origin.entry or origin.network).pk)
    )


def conflicts_of(origins: list[Origin]) -> dict[Origin, tuple[Origin, ...]]:
    """For each route (in the order learned), the earlier routes it conflicts with."""
    return {
        origin: tuple(earlier for earlier in origins[:index] if origin.conflicts_with(earlier))
        for index, origin in enumerate(origins)
    }


def cen_routes(*, cen_instance, region_id: str | None = None) -> list[Route]:
    """Every route of the CEN instance's region domains (or of one region's), by region in the seed
    table's order, then in the order CEN learned them."""
    networks = _networks(cen_instance)
    origins = _origins(networks)
    conflicts = conflicts_of(origins)
    connections = {
        frozenset({c.local_region_id, c.opposite_region_id}): c
        for c in RegionConnection.objects.filter(cen_instance=cen_instance).select_related("package")
    }
    regions = sorted({network.region_id: network.region for network in networks}.values(), key=region_sort_key)
    return [
        _route(origin, region, connections, conflicts[origin])
        for region in regions
        if region_id is None or region.pk == region_id
        for origin in origins
    ]


def _route(origin, region, connections, conflicts) -> Route:
    bandwidth = None
    if origin.network.region_id == region.pk:
        reached_by = LOCAL
    else:
        connection = connections.get(frozenset({origin.network.region_id, region.pk}))
        # An expired package's connection carries no traffic: test bandwidth, as the matrix says.
        if connection is not None and not connection.package.is_expired:
            reached_by, bandwidth = CONNECTION, connection.bandwidth
        else:
            reached_by = TEST_BANDWIDTH
    return Route(origin=origin, region=region, reached_by=reached_by, bandwidth=bandwidth, conflicts=conflicts)


def _unpublished(network: NetworkInstance) -> list[Route]:
    """The VPC's custom entries CEN does not learn: not published, or to the CEN instance itself."""
    entries = network.route_entries.filter(published_at__isnull=True)
    return [Route(Origin(network, entry), network.region, LOCAL, None) for entry in entries]


def child_instance_routes(*, network: NetworkInstance) -> list[Route]:
    """The routes in a VPC's route table as CEN sees it: its own (its block, its custom entries) and
    every other VPC's, learned."""
    return cen_routes(cen_instance=network.cen_instance, region_id=network.region_id) + _unpublished(network)


def published_routes(*, network: NetworkInstance) -> list[Route]:
    """What the VPC may publish to CEN: its block's route (always published) and its custom routes to
    ECS instances, published or not. A route to the CEN instance is never published back to it."""
    own = [route for route in child_instance_routes(network=network) if route.is_own(network)]
    return [
        route for route in own if route.entry is None or route.entry.next_hop_type == VpcRouteEntry.NextHopType.INSTANCE
    ]


def route_conflicts(*, network: NetworkInstance) -> list[Origin]:
    """DescribeRouteConflict: every route of another VPC of the CEN instance that conflicts with a
    route of this VPC's table (its block, its custom entries, published or not), once each."""
    networks = _networks(network.cen_instance)
    others = [origin for origin in _origins(networks) if origin.network.pk != network.pk]
    own = [Origin(network)] + [Origin(network, entry) for entry in network.route_entries.all()]
    return [other for other in others if any(mine.conflicts_with(other) for mine in own)]
