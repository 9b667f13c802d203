"""The routes a CEN instance learns, derived from what the replica models: each attached VPC publishes
its CIDR block; every region domain of the CEN instance (a region where it has network instances)
learns it, from the VPC's own region at once and from other regions over their region connection,
else over CEN's test bandwidth (1 Kbps). A CIDR block that overlaps one attached earlier conflicts
with it: the earlier route stays active, the later is rejected. Reads only; two queries."""

import ipaddress
from dataclasses import dataclass

from cenconsole.regions.models import Region

from .models import NetworkInstance, RegionConnection, region_sort_key

LOCAL = "local"
CONNECTION = "connection"
TEST_BANDWIDTH = "test_bandwidth"

ACTIVE = "Active"
REJECTED = "Rejected"
SYSTEM = "System"  # the VPC's own route, in its own region
LEARNED = "CEN"  # learned through CEN from another region


@dataclass(frozen=True)
class Route:
    """One route of a region domain: where to (destination) and the VPC that is its next hop."""

    destination: str
    region: Region
    network: NetworkInstance
    reached_by: str  # LOCAL, CONNECTION or TEST_BANDWIDTH
    bandwidth: int | None  # the region connection's Mbps (CONNECTION)
    conflicts: tuple[NetworkInstance, ...]

    def route_type(self, viewer: NetworkInstance | None = None) -> str:
        """System: a VPC's own route (as every region domain holds it, and in the VPC's own table);
        CEN: learned through CEN, in another VPC's route table."""
        return LEARNED if viewer is not None and viewer.pk != self.network.pk else SYSTEM

    @property
    def status(self) -> str:
        return REJECTED if self.conflicts else ACTIVE


def route_table_id(network: NetworkInstance) -> str:
    """The VPC's system route table: the replica keeps one per VPC, named after it."""
    return "vtb-" + network.instance_id.removeprefix("vpc-")


def _networks(cen_instance) -> list[NetworkInstance]:
    return list(
        NetworkInstance.objects.filter(cen_instance=cen_instance)
        .select_related("region__area")
        .order_by("created_at", "id")
    )


def conflicts_of(networks: list[NetworkInstance]) -> dict[str, tuple[NetworkInstance, ...]]:
    """For each network (by row key), the networks attached before it whose CIDR block overlaps its own."""
    blocks = {network.pk: ipaddress.IPv4Network(network.cidr_block) for network in networks if network.cidr_block}
    found = {}
    for index, network in enumerate(networks):
        mine = blocks.get(network.pk)
        found[network.pk] = tuple(
            earlier
            for earlier in networks[:index]
            if mine is not None and earlier.pk in blocks and blocks[earlier.pk].overlaps(mine)
        )
    return found


def cen_routes(*, cen_instance, region_id: str | None = None) -> list[Route]:
    """Every route of the CEN instance's region domains (or of one region's), by region in the seed
    table's order, then by attach time."""
    networks = _networks(cen_instance)
    conflicts = conflicts_of(networks)
    connections = {
        frozenset({c.local_region_id, c.opposite_region_id}): c
        for c in RegionConnection.objects.filter(cen_instance=cen_instance).select_related("package")
    }
    regions = sorted({network.region_id: network.region for network in networks}.values(), key=region_sort_key)
    routes = []
    for region in regions:
        if region_id is not None and region.pk != region_id:
            continue
        for network in networks:
            routes.append(_route(network, region, connections, conflicts))
    return routes


def _route(network, region, connections, conflicts) -> Route:
    bandwidth = None
    if network.region_id == region.pk:
        reached_by = LOCAL
    else:
        connection = connections.get(frozenset({network.region_id, region.pk}))
        # An expired package's connection carries no traffic: test bandwidth, as the matrix says.
        if connection is not None and not connection.package.is_expired:
            reached_by, bandwidth = CONNECTION, connection.bandwidth
        else:
            reached_by = TEST_BANDWIDTH
    return Route(
        destination=network.cidr_block,
        region=region,
        network=network,
        reached_by=reached_by,
        bandwidth=bandwidth,
        conflicts=conflicts[network.pk],
    )


def child_instance_routes(*, network: NetworkInstance) -> list[Route]:
    """The routes in a VPC's route table as CEN sees it: its own and every other network's, learned."""
    return cen_routes(cen_instance=network.cen_instance, region_id=network.region_id)


def published_routes(*, network: NetworkInstance) -> list[Route]:
    """What the VPC publishes to CEN: its own CIDR block's route."""
    return [route for route in child_instance_routes(network=network) if route.network.pk == network.pk]
