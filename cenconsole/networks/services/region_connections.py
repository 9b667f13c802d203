"""Set Region Connection and its removal: bandwidth between two regions of a CEN instance, drawn from
the package bound to it for their areas, under the package's row lock (budget.locked_bound_package)."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.bandwidth.models import BandwidthPackage, geographic_span
from cenconsole.cen.selectors import cen_instances_for, owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.regions.models import Region

from ..messages import (
    BANDWIDTH_TOO_LOW,
    NO_PACKAGE_FOR_REGIONS,
    REGIONS_NOT_COVERED,
    SAME_REGION,
    UNKNOWN_REGION,
)
from ..models import MIN_CONNECTION_BANDWIDTH, REGION_PAIR_TAKEN, RegionConnection, region_pair, regions_covered_by
from .budget import locked_bound_package, package_budget_check, refuse_expired


def _regions(local_region_code, opposite_region_code) -> tuple[Region, Region]:
    found = Region.objects.select_related("area").in_bulk([local_region_code, opposite_region_code])
    errors = {}
    for field, code in (("local_region", local_region_code), ("opposite_region", opposite_region_code)):
        if code not in found:
            errors[field] = refusal(UNKNOWN_REGION, "unknown_region")
    if errors:
        raise ValidationError(errors)
    return found[local_region_code], found[opposite_region_code]


def _connection_for_pair(*, cen_instance, first: Region, second: Region) -> RegionConnection | None:
    return (
        RegionConnection.objects.select_related("local_region", "opposite_region")
        .filter(cen_instance=cen_instance, local_region=first, opposite_region=second)
        .first()
    )


@transaction.atomic
def region_connection_set(
    *,
    owner,
    cen_instance_id: str,
    package_id: str,
    local_region_code: str,
    opposite_region_code: str,
    bandwidth: int,
) -> RegionConnection | None:
    """Set Region Connection: creates the connection between two regions, or modifies the one the
    pair already has (in either order). Bandwidth 0 on an existing connection removes it, as the
    API does; the removed connection is returned as None."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    package = locked_bound_package(owner=owner, cen_instance=cen_instance, package_id=package_id)
    local_region, opposite_region = _regions(local_region_code, opposite_region_code)
    if local_region == opposite_region:
        raise field_error("opposite_region", SAME_REGION, "same_region")
    if not regions_covered_by(
        area_a_id=package.area_a_id, area_b_id=package.area_b_id, region_a=local_region, region_b=opposite_region
    ):
        raise field_error(
            "opposite_region",
            REGIONS_NOT_COVERED,
            "regions_not_covered",
            package_id=package.pk,
            areas=package.areas_label,
            regions=f"{local_region.display_name} ↔ {opposite_region.display_name}",
        )
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, int) or bandwidth < 0:
        raise field_error("bandwidth", BANDWIDTH_TOO_LOW, "bandwidth_too_low")

    first, second = region_pair(local_region, opposite_region)
    connection = _connection_for_pair(cen_instance=cen_instance, first=first, second=second)
    if bandwidth < MIN_CONNECTION_BANDWIDTH:
        if connection is None:
            raise field_error("bandwidth", BANDWIDTH_TOO_LOW, "bandwidth_too_low")
        _connection_remove(connection=connection, actor=owner, package=package)
        return None

    package_budget_check(package=package, bandwidth=bandwidth, excluding_connection=connection)

    old_bandwidth = connection.bandwidth if connection else None
    if connection is None:
        connection = RegionConnection(cen_instance=cen_instance, local_region=first, opposite_region=second)
    connection.package, connection.bandwidth, connection.updated_at = package, bandwidth, clock.now()
    connection.full_clean()
    try:
        with transaction.atomic():
            connection.save()
    except IntegrityError:
        # Only reachable by bypassing the package lock: the pair was connected meanwhile.
        raise field_error("opposite_region", REGION_PAIR_TAKEN, "region_pair_taken") from None
    audit_record(
        actor=owner,
        action="package.connection_set",
        target=package,
        changes={connection.regions_name: (old_bandwidth, bandwidth)},
        note=f"Region connection on CEN instance {cen_instance.pk}, in Mbps.",
    )
    return connection


@transaction.atomic
def region_connection_set_by_regions(
    *, owner, cen_instance_id: str, local_region_code: str, opposite_region_code: str, bandwidth: int
) -> RegionConnection | None:
    """Set a region connection naming only its two regions (the API's SetCenInterRegionBandwidthLimit):
    the bandwidth comes from the package bound to the CEN instance for the regions' area pair (there is
    at most one). Bandwidth 0 removes the pair's connection, and is done already (None) when the pair
    has none: removing is idempotent, as the API's callers (Terraform's destroy) expect."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    local_region, opposite_region = _regions(local_region_code, opposite_region_code)
    if local_region == opposite_region:
        raise field_error("opposite_region", SAME_REGION, "same_region")
    if bandwidth == 0 and not isinstance(bandwidth, bool):
        first, second = region_pair(local_region, opposite_region)
        if _connection_for_pair(cen_instance=cen_instance, first=first, second=second) is None:
            return None
    span = geographic_span(local_region.area, opposite_region.area)
    package_id = (
        BandwidthPackage.objects.active()
        .filter(owner=owner, cen_instance=cen_instance, geographic_span=span)
        .values_list("pk", flat=True)
        .first()
    )
    if package_id is None:
        first, second = region_pair(local_region, opposite_region)
        raise field_error(
            "opposite_region",
            NO_PACKAGE_FOR_REGIONS,
            "no_package_for_regions",
            cen_id=cen_instance.pk,
            areas=f"{first.area.display_name} ↔ {second.area.display_name}",
            regions=f"{local_region.display_name} ↔ {opposite_region.display_name}",
        )
    return region_connection_set(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        package_id=package_id,
        local_region_code=local_region.pk,
        opposite_region_code=opposite_region.pk,
        bandwidth=bandwidth,
    )


def _connection_remove(*, connection: RegionConnection, actor, package) -> None:
    audit_record(
        actor=actor,
        action="package.connection_deleted",
        target=package,
        changes={connection.regions_name: (connection.bandwidth, None)},
        note=f"Region connection on CEN instance {connection.cen_instance_id}, in Mbps.",
    )
    connection.delete()


@transaction.atomic
def region_connection_delete(*, owner, connection_id: int) -> None:
    """Delete on a region connection: its bandwidth returns to the package."""
    connections = RegionConnection.objects.filter(cen_instance__in=cen_instances_for(owner=owner))
    package_id = connections.values_list("package_id", flat=True).get(pk=connection_id)
    package = BandwidthPackage.objects.select_for_update().get(pk=package_id)
    refuse_expired(package)
    # Read again under the package's lock: a concurrent request may have removed it meanwhile.
    connection = connections.select_related("local_region", "opposite_region").get(pk=connection_id)
    _connection_remove(connection=connection, actor=owner, package=package)


@transaction.atomic
def region_connections_remove_for_package(*, package, actor) -> int:
    """Removes every region connection of the package (before it is released, say), in one audited
    change. Returns how many were removed."""
    package = BandwidthPackage.objects.select_for_update().get(pk=package.pk)
    connections = list(
        package.region_connections.select_related("local_region", "opposite_region").order_by("created_at", "id")
    )
    if not connections:
        return 0
    audit_record(
        actor=actor,
        action="package.connections_removed",
        target=package,
        changes={connection.regions_name: (connection.bandwidth, None) for connection in connections},
        note="Every region connection of the package was removed, in Mbps.",
    )
    RegionConnection.objects.filter(pk__in=[connection.pk for connection in connections]).delete()
    return len(connections)


def release_connections(sender, *, package, actor, **kwargs) -> None:
    """Receiver of bandwidth's package_releasing: a released package carries nothing."""
    region_connections_remove_for_package(package=package, actor=actor)


def trim_connections(sender, *, package, bandwidth: int, actor, **kwargs) -> None:
    """Receiver of bandwidth's package_bandwidth_lowering (a temporary upgrade ends): the package's
    region connections are cut to fit `bandwidth`, the newest first (lowered, or removed when less
    than 1 Mbps would be left), in one audited change."""
    connections = list(
        package.region_connections.select_related("local_region", "opposite_region").order_by("-created_at", "-id")
    )
    excess = sum(connection.bandwidth for connection in connections) - bandwidth
    changes = {}
    for connection in connections:
        if excess <= 0:
            break
        cut = min(excess, connection.bandwidth)
        excess -= cut
        if connection.bandwidth - cut < MIN_CONNECTION_BANDWIDTH:
            changes[connection.regions_name] = (connection.bandwidth, None)
            connection.delete()
        else:
            changes[connection.regions_name] = (connection.bandwidth, connection.bandwidth - cut)
            connection.bandwidth -= cut
            connection.updated_at = clock.now()
            connection.save(update_fields=["bandwidth", "updated_at"])
    if changes:
        audit_record(
            actor=actor,
            action="package.connections_trimmed",
            target=package,
            changes=changes,
            note=f"The temporary upgrade ended: the region connections fit {bandwidth} Mbps again, in Mbps.",
        )
