"""Writes for network instances, region connections, and binding packages to CEN instances. Every
caller (views, the ticket approval, the admin) goes through these functions, so the rules below hold
for all of them. A package's row is locked (select_for_update) before its connections are read or
changed, so two requests racing for its last megabits are served one after the other."""

import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone

from cenconsole.audit.services import audit_record
from cenconsole.bandwidth.models import BandwidthPackage, geographic_span
from cenconsole.bandwidth.services import AREA_PAIR_TAKEN, area_pair_taken
from cenconsole.cen.models import CenInstance
from cenconsole.cen.selectors import cen_instances_for
from cenconsole.regions.models import Region

from .models import (
    MIN_CONNECTION_BANDWIDTH,
    REGION_PAIR_TAKEN,
    NetworkInstance,
    RegionConnection,
    region_pair,
    regions_covered_by,
)

UNKNOWN_CEN = "Select one of your CEN instances."
UNKNOWN_REGION = "Select a region from the list."
UNKNOWN_NETWORK_TYPE = "Select a network type from the list."
NETWORK_ID_FORMAT = "A VPC ID is vpc- followed by 1 to 28 lower-case letters and digits."
NETWORK_ATTACHED = "Network instance {network_id} is already attached to a CEN instance. Detach it first."
NAME_TOO_LONG = "Name must be at most 128 characters."
UNKNOWN_PACKAGE = "Select one of the bandwidth packages bound to this CEN instance."
SAME_REGION = (
    "Local Region and Opposite Region must be different regions. Network instances in the same region "
    "reach each other without a region connection."
)
REGIONS_NOT_COVERED = (
    "Bandwidth package {package_id} connects {areas}, so it cannot carry {regions}. "
    "Choose regions in the package's areas."
)
BANDWIDTH_TOO_LOW = "Bandwidth must be a whole number of at least 1 Mbps."
BANDWIDTH_EXCEEDS_REMAINING = (
    "Bandwidth package {package_id} has only {available} Mbps remaining for this connection "
    "({total} Mbps, of which other region connections use {used} Mbps). Set at most {available} Mbps."
)
PACKAGE_EXPIRED = (
    "Bandwidth package {package_id} has expired: its region connections carry no traffic and cannot be "
    "changed. Renew the package first."
)
UNKNOWN_AVAILABLE_PACKAGE = "Select one of your available bandwidth packages."
PACKAGE_ALREADY_BOUND = "Bandwidth package {package_id} is bound to CEN instance {cen_id}. Unbind it first."
PACKAGE_NOT_BOUND = "Bandwidth package {package_id} is not bound to a CEN instance."
PACKAGE_NOT_BOUND_TO = "Bandwidth package {package_id} is not bound to CEN instance {cen_id}."
NO_PACKAGE_FOR_REGIONS = (
    "CEN instance {cen_id} has no bandwidth package for {areas}, so it cannot connect {regions}. "
    "Buy or bind a bandwidth package for these areas first."
)
PACKAGE_HAS_CONNECTIONS = (
    "Bandwidth package {package_id} still carries region connections: {connections}. "
    "Delete them on the Region Connections tab, then unbind the package."
)


NETWORK_ID_PATTERN = re.compile(r"vpc-[a-z0-9]{1,28}")


def _error(field, message, code):
    return ValidationError({field: ValidationError(message, code=code)})


def _owned_cen(*, owner, cen_instance_id) -> CenInstance:
    cen_instance = cen_instances_for(owner=owner).filter(pk=cen_instance_id).first()
    if cen_instance is None:
        raise _error("cen_instance", UNKNOWN_CEN, "unknown_cen")
    return cen_instance


def _connection_label(connection: RegionConnection) -> str:
    return f"{connection.regions_label} ({connection.bandwidth} Mbps)"


# Network instances -------------------------------------------------------------------------------


@transaction.atomic
def network_instance_attach(
    *,
    owner,
    cen_instance_id: str,
    region_code: str,
    name: str = "",
    network_type: str = "VPC",
    network_id: str | None = None,
) -> NetworkInstance:
    """Attach Network Instance: creates the VPC record in the region and attaches it. With
    network_id (the API's ChildInstanceId) the record takes that ID, unless it is attached already."""
    cen_instance = _owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    errors = {}
    if network_id is not None and not NETWORK_ID_PATTERN.fullmatch(network_id):
        errors["network_id"] = ValidationError(NETWORK_ID_FORMAT, code="network_id_format")
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        errors["region"] = ValidationError(UNKNOWN_REGION, code="unknown_region")
    if network_type not in NetworkInstance.NetworkType.values:
        errors["network_type"] = ValidationError(UNKNOWN_NETWORK_TYPE, code="unknown_network_type")
    name = (name or "").strip()
    if len(name) > 128:
        errors["name"] = ValidationError(NAME_TOO_LONG, code="max_length")
    if errors:
        raise ValidationError(errors)
    network = NetworkInstance(
        owner=owner, cen_instance=cen_instance, region=region, name=name, network_type=network_type
    )
    if network_id is not None:
        network.id = network_id
        attached = _error("network_id", NETWORK_ATTACHED.format(network_id=network_id), "network_attached")
        if NetworkInstance.objects.filter(pk=network_id).exists():
            raise attached
    network.full_clean()
    if network_id is None:
        network.save(force_insert=True)
    else:
        try:
            with transaction.atomic():
                network.save(force_insert=True)
        except IntegrityError:
            raise attached from None  # attached by a concurrent request meanwhile
    audit_record(
        actor=owner,
        action="network.attached",
        target=network,
        changes={"cen_instance": (None, cen_instance.pk), "region": (None, region.pk)},
    )
    return network


@transaction.atomic
def network_instance_detach(*, owner, network_id: str) -> None:
    """Detach: the network instance leaves the CEN instance. Region connections are between regions,
    not instances, so they stay."""
    network = NetworkInstance.objects.select_for_update().get(owner=owner, pk=network_id)
    audit_record(
        actor=owner,
        action="network.detached",
        target=network,
        changes={"cen_instance": (network.cen_instance_id, None)},
    )
    network.delete()


# Region connections ------------------------------------------------------------------------------


def _locked_package(*, owner, cen_instance, package_id) -> BandwidthPackage:
    """The package bound to cen_instance, its row locked until the transaction ends."""
    package = (
        BandwidthPackage.objects.active()
        .select_for_update(of=("self",))
        .select_related("area_a", "area_b")
        .filter(owner=owner, cen_instance=cen_instance, pk=package_id)
        .first()
    )
    if package is None:
        raise _error("package", UNKNOWN_PACKAGE, "unknown_package")
    _refuse_expired(package)
    return package


def _refuse_expired(package: BandwidthPackage) -> None:
    """An expired (FinancialLocked) package's connections are frozen until it is renewed."""
    if package.is_expired:
        raise _error("package", PACKAGE_EXPIRED.format(package_id=package.pk), "package_expired")


def _regions(local_region_code, opposite_region_code) -> tuple[Region, Region]:
    found = Region.objects.select_related("area").in_bulk([local_region_code, opposite_region_code])
    errors = {}
    for field, code in (("local_region", local_region_code), ("opposite_region", opposite_region_code)):
        if code not in found:
            errors[field] = ValidationError(UNKNOWN_REGION, code="unknown_region")
    if errors:
        raise ValidationError(errors)
    return found[local_region_code], found[opposite_region_code]


def _used_by_others(*, package, excluding: RegionConnection | None) -> int:
    connections = package.region_connections.all()
    if excluding is not None:
        connections = connections.exclude(pk=excluding.pk)
    return connections.aggregate(used=Sum("bandwidth"))["used"] or 0


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
    cen_instance = _owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    package = _locked_package(owner=owner, cen_instance=cen_instance, package_id=package_id)
    local_region, opposite_region = _regions(local_region_code, opposite_region_code)
    if local_region == opposite_region:
        raise _error("opposite_region", SAME_REGION, "same_region")
    if not regions_covered_by(
        area_a_id=package.area_a_id, area_b_id=package.area_b_id, region_a=local_region, region_b=opposite_region
    ):
        message = REGIONS_NOT_COVERED.format(
            package_id=package.pk,
            areas=package.areas_label,
            regions=f"{local_region.name} ↔ {opposite_region.name}",
        )
        raise _error("opposite_region", message, "regions_not_covered")
    if isinstance(bandwidth, bool) or not isinstance(bandwidth, int) or bandwidth < 0:
        raise _error("bandwidth", BANDWIDTH_TOO_LOW, "bandwidth_too_low")

    first, second = region_pair(local_region, opposite_region)
    connection = _connection_for_pair(cen_instance=cen_instance, first=first, second=second)
    if bandwidth < MIN_CONNECTION_BANDWIDTH:
        if connection is None:
            raise _error("bandwidth", BANDWIDTH_TOO_LOW, "bandwidth_too_low")
        _connection_remove(connection=connection, actor=owner, package=package)
        return None

    used = _used_by_others(package=package, excluding=connection)
    if used + bandwidth > package.bandwidth:
        message = BANDWIDTH_EXCEEDS_REMAINING.format(
            package_id=package.pk, available=max(package.bandwidth - used, 0), total=package.bandwidth, used=used
        )
        raise _error("bandwidth", message, "bandwidth_exceeds_remaining")

    old_bandwidth = connection.bandwidth if connection else None
    if connection is None:
        connection = RegionConnection(cen_instance=cen_instance, local_region=first, opposite_region=second)
    connection.package, connection.bandwidth, connection.updated_at = package, bandwidth, timezone.now()
    connection.full_clean()
    try:
        with transaction.atomic():
            connection.save()
    except IntegrityError:
        # Only reachable by bypassing the package lock: the pair was connected meanwhile.
        raise _error("opposite_region", REGION_PAIR_TAKEN, "region_pair_taken") from None
    audit_record(
        actor=owner,
        action="package.connection_set",
        target=package,
        changes={connection.regions_label: (old_bandwidth, bandwidth)},
        note=f"Region connection on CEN instance {cen_instance.pk}, in Mbps.",
    )
    return connection


@transaction.atomic
def region_connection_set_by_regions(
    *, owner, cen_instance_id: str, local_region_code: str, opposite_region_code: str, bandwidth: int
) -> RegionConnection | None:
    """Set a region connection naming only its two regions (the API's SetCenInterRegionBandwidthLimit):
    the bandwidth comes from the package bound to the CEN instance for the regions' area pair (there is
    at most one)."""
    cen_instance = _owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    local_region, opposite_region = _regions(local_region_code, opposite_region_code)
    if local_region == opposite_region:
        raise _error("opposite_region", SAME_REGION, "same_region")
    span = geographic_span(local_region.area, opposite_region.area)
    package_id = (
        BandwidthPackage.objects.active()
        .filter(owner=owner, cen_instance=cen_instance, geographic_span=span)
        .values_list("pk", flat=True)
        .first()
    )
    if package_id is None:
        first, second = region_pair(local_region, opposite_region)
        message = NO_PACKAGE_FOR_REGIONS.format(
            cen_id=cen_instance.pk,
            areas=f"{first.area.name} ↔ {second.area.name}",
            regions=f"{local_region.name} ↔ {opposite_region.name}",
        )
        raise _error("opposite_region", message, "no_package_for_regions")
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
        changes={connection.regions_label: (connection.bandwidth, None)},
        note=f"Region connection on CEN instance {connection.cen_instance_id}, in Mbps.",
    )
    connection.delete()


@transaction.atomic
def region_connection_delete(*, owner, connection_id: int) -> None:
    """Delete on a region connection: its bandwidth returns to the package."""
    connections = RegionConnection.objects.filter(cen_instance__in=cen_instances_for(owner=owner))
    package_id = connections.values_list("package_id", flat=True).get(pk=connection_id)
    package = BandwidthPackage.objects.select_for_update().get(pk=package_id)
    _refuse_expired(package)
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
        changes={connection.regions_label: (connection.bandwidth, None) for connection in connections},
        note="Every region connection of the package was removed, in Mbps.",
    )
    RegionConnection.objects.filter(pk__in=[connection.pk for connection in connections]).delete()
    return len(connections)


# Binding packages --------------------------------------------------------------------------------


@transaction.atomic
def package_bind(*, owner, cen_instance_id: str, package_id: str) -> BandwidthPackage:
    """Bind Bandwidth Package: an available package of the account joins the CEN instance, unless
    the instance already has a package for the same area pair."""
    cen_instance = _owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    package = (
        BandwidthPackage.objects.active()
        .select_for_update(of=("self",))
        .select_related("area_a", "area_b")
        .filter(owner=owner, pk=package_id)
        .first()
    )
    if package is None:
        raise _error("package", UNKNOWN_AVAILABLE_PACKAGE, "unknown_package")
    if package.cen_instance_id:
        message = PACKAGE_ALREADY_BOUND.format(package_id=package.pk, cen_id=package.cen_instance_id)
        raise _error("package", message, "package_bound")
    pair_taken = AREA_PAIR_TAKEN.format(cen_id=cen_instance.pk, areas=package.areas_label)
    if area_pair_taken(cen_instance=cen_instance, area_a=package.area_a, area_b=package.area_b):
        raise _error("package", pair_taken, "area_pair_taken")
    package.cen_instance = cen_instance
    try:
        with transaction.atomic():
            package.save(update_fields=["cen_instance"])
    except IntegrityError:
        # one_package_per_area_pair: another package for the pair was bound meanwhile.
        raise _error("package", pair_taken, "area_pair_taken") from None
    audit_record(
        actor=owner,
        action="package.bound",
        target=package,
        changes={"status": (BandwidthPackage.Status.IDLE, package.status), "cen_instance": (None, cen_instance.pk)},
    )
    return package


@transaction.atomic
def package_unbind(*, owner, package_id: str, cen_instance_id: str | None = None) -> BandwidthPackage:
    """Unbind: the package leaves its CEN instance and becomes available, but only once none of its
    region connections remain. With cen_instance_id (the API names both), the package must be bound
    to that instance."""
    package = (
        BandwidthPackage.objects.active()
        .select_for_update(of=("self",))
        .select_related("area_a", "area_b")
        .get(owner=owner, pk=package_id)
    )
    if not package.cen_instance_id:
        raise ValidationError(PACKAGE_NOT_BOUND.format(package_id=package.pk), code="package_not_bound")
    if cen_instance_id is not None and package.cen_instance_id != cen_instance_id:
        message = PACKAGE_NOT_BOUND_TO.format(package_id=package.pk, cen_id=cen_instance_id)
        raise ValidationError(message, code="package_not_bound")
    connections = package.region_connections.select_related("local_region", "opposite_region")
    if connections:
        message = PACKAGE_HAS_CONNECTIONS.format(
            package_id=package.pk, connections=", ".join(_connection_label(c) for c in connections)
        )
        raise ValidationError(message, code="package_has_connections")
    old_cen, old_status = package.cen_instance_id, package.status
    package.cen_instance = None
    package.save(update_fields=["cen_instance"])
    audit_record(
        actor=owner,
        action="package.unbound",
        target=package,
        changes={"status": (old_status, package.status), "cen_instance": (old_cen, None)},
    )
    return package
