"""Reads for the Networks and Region Connections tabs and the Bandwidth Packages page. Each makes a
fixed number of queries, however many networks, connections or packages there are."""

from dataclasses import dataclass, field

from django.db.models import F, IntegerField, QuerySet, Sum, Value
from django.db.models.functions import Coalesce

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.bandwidth.selectors import packages_for_cen

from .models import NetworkInstance, RegionConnection, region_pair, regions_covered_by


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
    """Packages annotated with what their region connections use and what remains, in the same query."""
    used = Coalesce(Sum("region_connections__bandwidth"), Value(0), output_field=IntegerField())
    return packages.annotate(used_bandwidth=used, remaining_bandwidth=F("bandwidth") - used)


def packages_with_usage_for_cen(*, owner, cen_instance) -> QuerySet[BandwidthPackage]:
    """The packages bound to the CEN instance, each with its used and remaining bandwidth."""
    return with_usage(packages_for_cen(owner=owner, cen_instance=cen_instance))


# The connectivity matrix -------------------------------------------------------------------------

SELF = "self"
SAME_REGION = "same_region"
CONNECTED = "connected"
NOT_CONNECTED = "not_connected"
EXPIRED = "expired"


@dataclass(frozen=True)
class Reachability:
    """How one network instance reaches another: the facts a matrix cell shows. The template words
    them and links them (Set up connection, Renew, Buy) from `setup_package` and `setup_areas`."""

    kind: str
    source: NetworkInstance
    target: NetworkInstance
    bandwidth: int | None = None
    setup_package: str = ""  # NOT_CONNECTED: the bound package covering the pair; EXPIRED: the one to renew
    setup_areas: str = ""  # NOT_CONNECTED without a covering package: the area pair to buy


@dataclass
class MatrixRow:
    network: NetworkInstance
    cells: list[Reachability] = field(default_factory=list)


@dataclass
class ConnectivityMatrix:
    networks: list[NetworkInstance]
    rows: list[MatrixRow]


def _covering_package(*, source, target, packages):
    """The bound package that can carry traffic between the two networks' regions, if any."""
    return next(
        (
            p
            for p in packages
            if regions_covered_by(
                area_a_id=p.area_a_id, area_b_id=p.area_b_id, region_a=source.region, region_b=target.region
            )
        ),
        None,
    )


def connectivity_matrix(*, owner, cen_instance, networks=None) -> ConnectivityMatrix:
    """Who can reach whom among the CEN instance's network instances, by the rules the services
    enforce: the same region always; two regions when the CEN instance has a region connection
    between them. Three queries: networks, connections, bound packages."""
    if networks is None:
        networks = network_instances_for_cen(owner=owner, cen_instance=cen_instance)
    networks = list(networks)
    connections = {
        frozenset({c.local_region_id, c.opposite_region_id}): c
        for c in RegionConnection.objects.filter(cen_instance=cen_instance)
        .select_related("package")
        .only("local_region_id", "opposite_region_id", "bandwidth", "package__id", "package__expires_at")
    }
    packages = list(packages_for_cen(owner=owner, cen_instance=cen_instance))
    rows = []
    for source in networks:
        row = MatrixRow(network=source)
        for target in networks:
            if source.pk == target.pk:
                cell = Reachability(kind=SELF, source=source, target=target)
            elif source.region_id == target.region_id:
                cell = Reachability(kind=SAME_REGION, source=source, target=target)
            elif (connection := connections.get(frozenset({source.region_id, target.region_id}))) and (
                connection.package.is_expired
            ):
                # The connection stays, but an expired package carries no traffic until renewed.
                cell = Reachability(
                    kind=EXPIRED,
                    source=source,
                    target=target,
                    bandwidth=connection.bandwidth,
                    setup_package=connection.package_id,
                )
            elif connection:
                cell = Reachability(kind=CONNECTED, source=source, target=target, bandwidth=connection.bandwidth)
            else:
                package = _covering_package(source=source, target=target, packages=packages)
                if package is None:
                    first, second = region_pair(source.region, target.region)
                    areas = f"{first.area.display_name} ↔ {second.area.display_name}"
                    cell = Reachability(kind=NOT_CONNECTED, source=source, target=target, setup_areas=areas)
                else:
                    cell = Reachability(kind=NOT_CONNECTED, source=source, target=target, setup_package=package.pk)
            row.cells.append(cell)
        rows.append(row)
    return ConnectivityMatrix(networks=networks, rows=rows)
