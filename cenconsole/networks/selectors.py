"""Reads for the Networks and Region Connections tabs and the Bandwidth Packages page. Each makes a
fixed number of queries, however many networks, connections or packages there are."""

from dataclasses import dataclass, field

from django.db.models import Count, F, IntegerField, OuterRef, QuerySet, Subquery, Sum, Value
from django.db.models.functions import Coalesce

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.bandwidth.selectors import packages_for_cen
from cenconsole.regions.models import Region

from .models import NetworkInstance, RegionConnection, VpcRouteEntry, region_pair


def network_instances_for(*, owner) -> QuerySet[NetworkInstance]:
    return NetworkInstance.objects.filter(owner=owner)


def network_instances_for_cen(*, owner, cen_instance) -> QuerySet[NetworkInstance]:
    """The Networks tab: the CEN instance's network instances, by region in the seed table's order."""
    return network_instances_for(owner=owner).filter(cen_instance=cen_instance).select_related("region__area")


def region_connections_for_cen(*, owner, cen_instance) -> QuerySet[RegionConnection]:
    """The Region Connections tab's table."""
    return RegionConnection.objects.filter(cen_instance=cen_instance, cen_instance__owner=owner).select_related(
        "local_region__area", "opposite_region__area", "package"
    )


def region_connection_get(*, owner, cen_instance, connection_id) -> RegionConnection:
    """One connection of one of the account's CEN instances; anything else raises DoesNotExist."""
    return region_connections_for_cen(owner=owner, cen_instance=cen_instance).get(pk=connection_id)


def with_usage(packages: QuerySet[BandwidthPackage]) -> QuerySet[BandwidthPackage]:
    """Packages annotated with what their region connections and inter-region connections use (and the
    latter alone, peer_used_bandwidth) and what remains, in the same query. Each sum is a subquery over
    the related rows grouped by their package alone, so the two sums do not multiply each other's rows
    and the outer query has no GROUP BY over every column of the package and its areas: compiling that
    query (4.5 ms, each sum written out three times) was a fifth of the Region Connections tab."""
    return (
        packages.annotate(
            connection_used_bandwidth=_package_sum("region_connections", "bandwidth"),
            # Inter-region connections of transit routers share the budget (the transit app's rows,
            # through the relation).
            peer_used_bandwidth=_package_sum("transit_peer_attachments", "bandwidth", deleted_at=None),
        )
        .annotate(used_bandwidth=F("connection_used_bandwidth") + F("peer_used_bandwidth"))
        .annotate(remaining_bandwidth=F("bandwidth") - F("used_bandwidth"))
    )


def _package_sum(relation: str, field: str, **filters):
    """The sum of `field` over the outer package's rows of `relation` (0 without any): a subquery. The
    base manager, as a join through the relation would: no default manager's filter applies."""
    related = BandwidthPackage._meta.get_field(relation)
    rows = related.related_model._base_manager.filter(**{related.field.name: OuterRef("pk")}, **filters)
    total = rows.order_by().values(related.field.attname).annotate(total=Sum(field)).values("total")
    return Coalesce(Subquery(total, output_field=IntegerField()), Value(0), output_field=IntegerField())


def packages_with_usage_for_cen(*, owner, cen_instance) -> QuerySet[BandwidthPackage]:
    """The packages bound to the CEN instance, each with its used and remaining bandwidth, by geographic
    span: the order the table has always had on SQLite, where the sums were a GROUP BY (which Django
    leaves Meta.ordering out of) read through the one-package-per-area-pair index; on PostgreSQL it
    had none."""
    return with_usage(packages_for_cen(owner=owner, cen_instance=cen_instance)).order_by("geographic_span", "pk")


# The connectivity matrix -------------------------------------------------------------------------
# Reachability between two network instances depends only on their regions, so the matrix has one
# row and one column per region (with its count of network instances): a CEN instance with 200 VPCs
# in 6 regions gets a 6 x 6 table, readable and quick to render.

SELF = "self"
SAME_REGION = "same_region"
CONNECTED = "connected"
TEST_BANDWIDTH = "test_bandwidth"
EXPIRED = "expired"

# Without a region connection, CEN lets two regions reach each other at 1 Kbps, for testing.
TEST_BANDWIDTH_KBPS = 1


@dataclass
class RegionGroup:
    """The CEN instance's network instances in one region: how many there are."""

    region: Region
    count: int


@dataclass(frozen=True)
class Reachability:
    """How the network instances of one region reach those of another: the facts a matrix cell
    shows. The template words them and links them (Set up connection, Renew, Buy) from
    `setup_package` and `setup_areas`."""

    kind: str
    source: Region
    target: Region
    bandwidth: int | None = None
    setup_package: str = ""  # TEST_BANDWIDTH: the bound package covering the pair; EXPIRED: the one to renew
    setup_areas: str = ""  # TEST_BANDWIDTH without a covering package: the area pair to buy


@dataclass
class MatrixRow:
    group: RegionGroup
    cells: list[Reachability] = field(default_factory=list)


@dataclass
class ConnectivityMatrix:
    groups: list[RegionGroup]
    rows: list[MatrixRow]

    @property
    def network_count(self) -> int:
        return sum(group.count for group in self.groups)


def _area_key(area_a_id, area_b_id) -> tuple[str, str]:
    return (area_a_id, area_b_id) if area_a_id <= area_b_id else (area_b_id, area_a_id)


def _packages_by_area_pair(packages) -> dict[tuple[str, str], BandwidthPackage]:
    """The bound packages by their (unordered) area pair: the one that can carry traffic between two
    regions is then a lookup (a CEN instance holds at most one package per area pair)."""
    by_pair = {}
    for package in packages:
        by_pair.setdefault(_area_key(package.area_a_id, package.area_b_id), package)
    return by_pair


def _reachability(source: RegionGroup, target: RegionGroup, *, connections, packages) -> Reachability:
    if source.region.pk == target.region.pk:
        kind = SAME_REGION if source.count > 1 else SELF
        return Reachability(kind=kind, source=source.region, target=target.region)
    connection = connections.get(frozenset({source.region.pk, target.region.pk}))
    if connection and connection.package.is_expired:
        # The connection stays, but an expired package carries no traffic until renewed.
        return Reachability(
            kind=EXPIRED,
            source=source.region,
            target=target.region,
            bandwidth=connection.bandwidth,
            setup_package=connection.package_id,
        )
    if connection:
        return Reachability(kind=CONNECTED, source=source.region, target=target.region, bandwidth=connection.bandwidth)
    package = packages.get(_area_key(source.region.area_id, target.region.area_id))
    if package is not None:
        return Reachability(kind=TEST_BANDWIDTH, source=source.region, target=target.region, setup_package=package.pk)
    first, second = region_pair(source.region, target.region)
    areas = f"{first.area.display_name} ↔ {second.area.display_name}"
    return Reachability(kind=TEST_BANDWIDTH, source=source.region, target=target.region, setup_areas=areas)


def connectivity_matrix(*, owner, cen_instance) -> ConnectivityMatrix:
    """Who can reach whom among the CEN instance's network instances, by the rules the services
    enforce, region by region: the same region always; two regions at the bandwidth of their region
    connection, else at CEN's test bandwidth. Four queries, however many network instances: the
    count per region, those regions, the connections, the bound packages."""
    counts = dict(
        network_instances_for(owner=owner)
        .filter(cen_instance=cen_instance)
        .order_by()
        .values_list("region_id")
        .annotate(count=Count("id"))
    )
    regions = Region.objects.filter(pk__in=counts).select_related("area") if counts else []
    groups = [RegionGroup(region=region, count=counts[region.pk]) for region in regions]  # the seed's order
    connections = {
        frozenset({c.local_region_id, c.opposite_region_id}): c
        for c in RegionConnection.objects.filter(cen_instance=cen_instance)
        .select_related("package")
        .only("local_region_id", "opposite_region_id", "bandwidth", "package__id", "package__expires_at")
    }
    packages = _packages_by_area_pair(packages_for_cen(owner=owner, cen_instance=cen_instance))
    rows = [
        MatrixRow(
            group=source,
            cells=[_reachability(source, target, connections=connections, packages=packages) for target in groups],
        )
        for source in groups
    ]
    return ConnectivityMatrix(groups=groups, rows=rows)


def route_entries_to_attachment(*, owner, attachment_id: str, route_table_id: str) -> QuerySet[VpcRouteEntry]:
    """The routes of a VPC's route table whose next hop is its transit router connection, oldest first."""
    return VpcRouteEntry.objects.filter(
        owner=owner,
        next_hop_type=VpcRouteEntry.NextHopType.ATTACHMENT,
        next_hop_id=attachment_id,
        route_table_id=route_table_id,
    ).order_by("created_at", "id")


def publishable_route_entries(*, owner, cen_instance) -> QuerySet[VpcRouteEntry]:
    """The custom routes to ECS instances of the CEN instance's VPCs: those Publish and Withdraw act on."""
    return VpcRouteEntry.objects.filter(
        owner=owner, network__cen_instance=cen_instance, next_hop_type=VpcRouteEntry.NextHopType.INSTANCE
    ).select_related("network__region")
