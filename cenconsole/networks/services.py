"""Writes for network instances, region connections, and binding packages to CEN instances. Every
caller (views, the ticket approval, the admin) goes through these functions, so the rules below hold
for all of them. A package's row is locked (select_for_update) before its connections are read or
changed, so two requests racing for its last megabits are served one after the other."""

import ipaddress
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum

from cenconsole.audit.services import audit_record
from cenconsole.bandwidth.models import BandwidthPackage, geographic_span
from cenconsole.cen.selectors import cen_instances_for, owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_name
from cenconsole.regions.models import Region

from .messages import *  # noqa: F403 (callers name the messages beside the services)
from .messages import (
    BANDWIDTH_EXCEEDS_REMAINING,
    BANDWIDTH_TOO_LOW,
    CIDR_BLOCK_FORMAT,
    NETWORK_ATTACHED,
    NETWORK_ID_FORMAT,
    NO_PACKAGE_FOR_REGIONS,
    PACKAGE_EXPIRED,
    REGIONS_NOT_COVERED,
    SAME_REGION,
    UNKNOWN_NETWORK_TYPE,
    UNKNOWN_PACKAGE,
    UNKNOWN_REGION,
)
from .models import (
    MIN_CONNECTION_BANDWIDTH,
    REGION_PAIR_TAKEN,
    NetworkInstance,
    RegionConnection,
    default_cidr_block,
    region_pair,
    regions_covered_by,
)
from .signals import network_attaching

NETWORK_ID_PATTERN = re.compile(r"vpc-[a-z0-9]{1,28}")
CIDR_BLOCK_PATTERN = re.compile(r"[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}")
MIN_CIDR_PREFIX, MAX_CIDR_PREFIX = 8, 28  # a VPC's IPv4 CIDR block is /8 to /28


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
    cidr_block: str = "",
) -> NetworkInstance:
    """Attach Network Instance: creates the VPC record in the region and attaches it, with its CIDR
    block (the region's default when none is given). A VPC ID is unique within the account only:
    another account's VPC with the same ID is none of this account's business."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    errors = {}
    if network_id is not None and not NETWORK_ID_PATTERN.fullmatch(network_id):
        errors["network_id"] = refusal(NETWORK_ID_FORMAT, "network_id_format")
    region = Region.objects.select_related("area").filter(pk=region_code).first()
    if region is None:
        errors["region"] = refusal(UNKNOWN_REGION, "unknown_region")
    if network_type not in NetworkInstance.NetworkType.values:
        errors["network_type"] = refusal(UNKNOWN_NETWORK_TYPE, "unknown_network_type")
    try:
        name = clean_name(name)
    except ValidationError as error:
        errors["name"] = error
    try:
        cidr_block = cidr_block_clean(cidr_block)
    except ValidationError as error:
        errors["cidr_block"] = error
    if errors:
        raise ValidationError(errors)
    network = NetworkInstance(
        owner=owner,
        cen_instance=cen_instance,
        region=region,
        name=name,
        network_type=network_type,
        cidr_block=cidr_block or default_cidr_block(region),
    )
    if network_id is not None:
        network.instance_id = network_id
    # A VPC connected to a transit router is not attached again this way (the transit app refuses).
    network_attaching.send(sender=NetworkInstance, owner=owner, network_id=network.instance_id)
    attached = field_error("network_id", NETWORK_ATTACHED, "network_attached", network_id=network.instance_id)
    if NetworkInstance.objects.filter(owner=owner, instance_id=network.instance_id).exists():
        raise attached
    network.full_clean(validate_constraints=False)
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


def cidr_block_clean(value: str) -> str:
    """An IPv4 CIDR block as a.b.c.d/n (n from 8 to 28, as a VPC's), in its network form; "" stays ""."""
    value = (value or "").strip()
    if not value:
        return ""
    match = CIDR_BLOCK_PATTERN.fullmatch(value)
    if match is None:
        raise refusal(CIDR_BLOCK_FORMAT, "cidr_block_format")
    try:
        network = ipaddress.IPv4Network(value, strict=False)
    except ValueError:
        raise refusal(CIDR_BLOCK_FORMAT, "cidr_block_format") from None
    if not MIN_CIDR_PREFIX <= network.prefixlen <= MAX_CIDR_PREFIX:
        raise refusal(CIDR_BLOCK_FORMAT, "cidr_block_format")
    return str(network)


@transaction.atomic
def network_instance_detach(*, owner, network_id: str) -> None:
    """Detach: the network instance (its row key, network.pk) leaves the CEN instance. Region
    connections are between regions, not instances, so they stay."""
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
        raise field_error("package", UNKNOWN_PACKAGE, "unknown_package")
    _refuse_expired(package)
    return package


def _refuse_expired(package: BandwidthPackage) -> None:
    """An expired (FinancialLocked) package's connections are frozen until it is renewed."""
    if package.is_expired:
        raise field_error("package", PACKAGE_EXPIRED, "package_expired", package_id=package.pk)


def _regions(local_region_code, opposite_region_code) -> tuple[Region, Region]:
    found = Region.objects.select_related("area").in_bulk([local_region_code, opposite_region_code])
    errors = {}
    for field, code in (("local_region", local_region_code), ("opposite_region", opposite_region_code)):
        if code not in found:
            errors[field] = refusal(UNKNOWN_REGION, "unknown_region")
    if errors:
        raise ValidationError(errors)
    return found[local_region_code], found[opposite_region_code]


def package_bandwidth_used(*, package, excluding_connection=None, excluding_peer_attachment=None) -> int:
    """The one budget rule's sum: what the package's region connections and the inter-region
    connections drawn from it (Enterprise Edition: the transit app's rows, read through the relation,
    until they are being deleted) use together."""
    connections = package.region_connections.all()
    if excluding_connection is not None:
        connections = connections.exclude(pk=excluding_connection.pk)
    peers = package.transit_peer_attachments.filter(deleted_at__isnull=True)
    if excluding_peer_attachment is not None:
        peers = peers.exclude(pk=excluding_peer_attachment.pk)
    return (connections.aggregate(used=Sum("bandwidth"))["used"] or 0) + (
        peers.aggregate(used=Sum("bandwidth"))["used"] or 0
    )


def package_budget_check(*, package, bandwidth: int, excluding_connection=None, excluding_peer_attachment=None) -> None:
    """The budget rule: a package's region connections and inter-region connections together use at
    most its bandwidth. Call it with the package's row locked (locked_bound_package)."""
    used = package_bandwidth_used(
        package=package, excluding_connection=excluding_connection, excluding_peer_attachment=excluding_peer_attachment
    )
    if used + bandwidth > package.bandwidth:
        raise field_error(
            "bandwidth",
            BANDWIDTH_EXCEEDS_REMAINING,
            "bandwidth_exceeds_remaining",
            package_id=package.pk,
            available=max(package.bandwidth - used, 0),
            total=package.bandwidth,
            used=used,
        )


def locked_bound_package(*, owner, cen_instance, package_id) -> BandwidthPackage:
    """The package bound to cen_instance (not expired), its row locked until the transaction ends:
    what every change of the package's bandwidth use takes first."""
    return _locked_package(owner=owner, cen_instance=cen_instance, package_id=package_id)


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
    package = _locked_package(owner=owner, cen_instance=cen_instance, package_id=package_id)
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
