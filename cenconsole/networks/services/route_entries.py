"""Custom route entries of a VPC's route table, as the CEN API adds and publishes them: a route whose
next hop is the CEN instance (CreateCenChildInstanceRouteEntryToCen, DeleteCenChildInstanceRouteEntryToCen),
a route to an ECS instance published to the CEN instance or withdrawn (PublishRouteEntries,
WithdrawPublishedRouteEntries; the replica makes such a route on its first mention there, as Attach
makes a VPC record), and, for a VPC connected to a transit router, a route whose next hop is that
connection (the transit app's services check the connection, then call route_entry_to_attachment_add
and _remove here). What CEN learns from them is derived in networks.routes."""

import ipaddress

from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal

from ..messages import (
    DESTINATION_FORMAT,
    DESTINATION_IN_VPC,
    NO_PUBLISHED_ROUTE,
    NO_ROUTE_TO_ATTACHMENT,
    NO_ROUTE_TO_CEN,
    ROUTE_ENTRY_EXISTS,
    ROUTE_ENTRY_PENDING,
    ROUTE_ENTRY_QUOTA,
    ROUTE_NOT_PUBLISHABLE,
    ROUTE_TABLE_NOT_THE_VPCS,
    SYSTEM_ROUTE_FIXED,
    UNKNOWN_ATTACHED_VPC,
)
from ..models import NetworkInstance, VpcRouteEntry
from ..routes import vpc_route_table_id
from .attachments import CIDR_BLOCK_PATTERN

# A VPC route table takes at most 200 custom route entries (the VPC product's documented quota).
MAX_CUSTOM_ROUTE_ENTRIES = 200
NextHop = VpcRouteEntry.NextHopType


def destination_clean(value: str) -> str:
    """A route's destination: an IPv4 CIDR block (any prefix length, 0.0.0.0/0 too), in its network form."""
    value = (value or "").strip()
    if not CIDR_BLOCK_PATTERN.fullmatch(value):
        raise field_error("destination_cidr", DESTINATION_FORMAT, "destination_format")
    try:
        return str(ipaddress.IPv4Network(value, strict=False))
    except ValueError:
        raise field_error("destination_cidr", DESTINATION_FORMAT, "destination_format") from None


def route_table_check(*, vpc_id: str, route_table_id: str) -> str:
    """The VPC's route table ID, when route_table_id names it; refused otherwise."""
    expected = vpc_route_table_id(vpc_id)
    if route_table_id != expected:
        raise field_error(
            "route_table",
            ROUTE_TABLE_NOT_THE_VPCS,
            "vpc_route_table_unknown",
            route_table_id=route_table_id,
            vpc_id=vpc_id,
            expected=expected,
        )
    return expected


def attached_vpc(*, owner, cen_instance_id: str, vpc_id: str, region_code: str, route_table_id: str):
    """The owner's VPC attached to the CEN instance in the region, locked (its route table's entries
    change one request at a time), when route_table_id is its route table."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    network = (
        NetworkInstance.objects.select_for_update(of=("self",))
        .select_related("region__area", "cen_instance")
        .filter(owner=owner, cen_instance=cen_instance, instance_id=vpc_id, region_id=region_code)
        .first()
    )
    if network is None:
        raise field_error(
            "network_id",
            UNKNOWN_ATTACHED_VPC,
            "unknown_network",
            vpc_id=vpc_id,
            cen_id=cen_instance.pk,
            region=region_code,
        )
    route_table_check(vpc_id=vpc_id, route_table_id=route_table_id)
    return network


def _new_entry(*, owner, vpc_id: str, vpc_cidr: str, route_table_id: str, destination: str, **fields) -> VpcRouteEntry:
    """A custom route to outside the VPC, on a destination the table has no route to yet, within the quota."""
    if vpc_cidr and ipaddress.IPv4Network(destination).subnet_of(ipaddress.IPv4Network(vpc_cidr)):
        raise field_error(
            "destination_cidr",
            DESTINATION_IN_VPC,
            "destination_in_vpc",
            cidr=destination,
            vpc_id=vpc_id,
            vpc_cidr=vpc_cidr,
        )
    table = VpcRouteEntry.objects.filter(owner=owner, route_table_id=route_table_id)
    exists = field_error(
        "destination_cidr", ROUTE_ENTRY_EXISTS, "route_entry_exists", route_table_id=route_table_id, cidr=destination
    )
    if table.filter(destination_cidr=destination).exists():
        raise exists
    if table.count() >= MAX_CUSTOM_ROUTE_ENTRIES:
        raise refusal(
            ROUTE_ENTRY_QUOTA, "route_entry_quota", route_table_id=route_table_id, limit=MAX_CUSTOM_ROUTE_ENTRIES
        )
    entry = VpcRouteEntry(
        owner=owner, vpc_id=vpc_id, route_table_id=route_table_id, destination_cidr=destination, **fields
    )
    try:
        with transaction.atomic():
            entry.save(force_insert=True)
    except IntegrityError:
        raise exists from None  # added by a concurrent request meanwhile
    audit_record(
        actor=owner,
        action="network.route_entry_added",
        target=entry,
        changes={destination: (None, entry.next_hop_id or entry.next_hop_type)},
    )
    return entry


def _entry_remove(owner, entry: VpcRouteEntry) -> None:
    audit_record(
        actor=owner,
        action="network.route_entry_deleted",
        target=entry,
        changes={entry.destination_cidr: (entry.next_hop_id or entry.next_hop_type, None)},
    )
    entry.delete()


@transaction.atomic
def route_entry_to_cen_add(
    *, owner, cen_instance_id: str, vpc_id: str, region_code: str, route_table_id: str, destination_cidr: str
) -> VpcRouteEntry:
    """CreateCenChildInstanceRouteEntryToCen: a route in the VPC's table whose next hop is the CEN instance."""
    network = attached_vpc(
        owner=owner,
        cen_instance_id=cen_instance_id,
        vpc_id=vpc_id,
        region_code=region_code,
        route_table_id=route_table_id,
    )
    return _new_entry(
        owner=owner,
        vpc_id=vpc_id,
        vpc_cidr=network.cidr_block,
        route_table_id=route_table_id,
        destination=destination_clean(destination_cidr),
        network=network,
        next_hop_type=NextHop.CEN,
        next_hop_id=network.cen_instance_id,
    )


def _table_entry(network: NetworkInstance, route_table_id: str, destination: str) -> VpcRouteEntry | None:
    return VpcRouteEntry.objects.filter(
        owner_id=network.owner_id, route_table_id=route_table_id, destination_cidr=destination
    ).first()


@transaction.atomic
def route_entry_to_cen_remove(
    *, owner, cen_instance_id: str, vpc_id: str, region_code: str, route_table_id: str, destination_cidr: str
) -> None:
    """DeleteCenChildInstanceRouteEntryToCen."""
    network = attached_vpc(
        owner=owner,
        cen_instance_id=cen_instance_id,
        vpc_id=vpc_id,
        region_code=region_code,
        route_table_id=route_table_id,
    )
    destination = destination_clean(destination_cidr)
    entry = _table_entry(network, route_table_id, destination)
    if entry is None or entry.next_hop_type != NextHop.CEN:
        raise refusal(NO_ROUTE_TO_CEN, "route_entry_not_found", route_table_id=route_table_id, cidr=destination)
    _entry_remove(owner, entry)


@transaction.atomic
def route_entry_publish(
    *, owner, cen_instance_id: str, vpc_id: str, region_code: str, route_table_id: str, destination_cidr: str
) -> VpcRouteEntry | None:
    """PublishRouteEntries: the VPC's custom route to an ECS instance is published to the CEN instance,
    whose region domains then learn it. A route the replica has not heard of is made, to an ECS instance
    of the VPC, on this first mention. The VPC's own block is always published: nothing to do (None)."""
    network = attached_vpc(
        owner=owner,
        cen_instance_id=cen_instance_id,
        vpc_id=vpc_id,
        region_code=region_code,
        route_table_id=route_table_id,
    )
    destination = destination_clean(destination_cidr)
    if destination == network.cidr_block:
        return None
    entry = _table_entry(network, route_table_id, destination)
    if entry is None:
        entry = _new_entry(
            owner=owner,
            vpc_id=vpc_id,
            vpc_cidr=network.cidr_block,
            route_table_id=route_table_id,
            destination=destination,
            network=network,
            next_hop_type=NextHop.INSTANCE,
        )
    if entry.next_hop_type != NextHop.INSTANCE:
        raise refusal(ROUTE_NOT_PUBLISHABLE, "route_not_publishable", cidr=destination)
    if not entry.is_published:
        entry.published_at = clock.now()
        entry.save(update_fields=["published_at"])
        audit_record(actor=owner, action="network.route_published", target=entry, changes={destination: (None, "CEN")})
    return entry


@transaction.atomic
def route_entry_withdraw(
    *, owner, cen_instance_id: str, vpc_id: str, region_code: str, route_table_id: str, destination_cidr: str
) -> VpcRouteEntry:
    """WithdrawPublishedRouteEntries: the published route leaves the CEN instance (the region domains
    forget it); it stays in the VPC's table, not published."""
    network = attached_vpc(
        owner=owner,
        cen_instance_id=cen_instance_id,
        vpc_id=vpc_id,
        region_code=region_code,
        route_table_id=route_table_id,
    )
    destination = destination_clean(destination_cidr)
    if destination == network.cidr_block:
        raise refusal(SYSTEM_ROUTE_FIXED, "system_route_fixed", cidr=destination, vpc_id=vpc_id)
    entry = _table_entry(network, route_table_id, destination)
    if entry is None or not entry.is_published:
        raise refusal(NO_PUBLISHED_ROUTE, "route_entry_not_found", route_table_id=route_table_id, cidr=destination)
    entry.published_at = None
    entry.save(update_fields=["published_at"])
    audit_record(actor=owner, action="network.route_withdrawn", target=entry, changes={destination: ("CEN", None)})
    return entry


def route_entry_to_attachment_add(
    *, owner, vpc_id: str, vpc_cidr: str, route_table_id: str, attachment_id: str, destination_cidr: str
) -> VpcRouteEntry:
    """CreateCenChildInstanceRouteEntryToAttachment, once the transit app has checked the (locked)
    connection: a route in its VPC's table whose next hop is the connection; Pending, then Available."""
    route_table_check(vpc_id=vpc_id, route_table_id=route_table_id)
    return _new_entry(
        owner=owner,
        vpc_id=vpc_id,
        vpc_cidr=vpc_cidr,
        route_table_id=route_table_id,
        destination=destination_clean(destination_cidr),
        next_hop_type=NextHop.ATTACHMENT,
        next_hop_id=attachment_id,
    )


def route_entry_to_attachment_remove(*, owner, route_table_id: str, attachment_id: str, destination_cidr: str) -> None:
    """DeleteCenChildInstanceRouteEntryToAttachment, once the transit app has checked the connection."""
    destination = destination_clean(destination_cidr)
    entry = (
        VpcRouteEntry.objects.select_for_update()
        .filter(owner=owner, route_table_id=route_table_id, destination_cidr=destination)
        .first()
    )
    if entry is None or (entry.next_hop_type, entry.next_hop_id) != (NextHop.ATTACHMENT, attachment_id):
        raise refusal(
            NO_ROUTE_TO_ATTACHMENT,
            "route_entry_not_found",
            route_table_id=route_table_id,
            cidr=destination,
            attachment_id=attachment_id,
        )
    if entry.status == "Pending":
        raise refusal(ROUTE_ENTRY_PENDING, "route_entry_pending", cidr=destination)
    _entry_remove(owner, entry)


def route_entries_remove_for_attachment(*, attachment_id: str) -> int:
    """A deleted connection's routes go with it (the transit app's connection delete calls this)."""
    deleted, _ = VpcRouteEntry.objects.filter(next_hop_type=NextHop.ATTACHMENT, next_hop_id=attachment_id).delete()
    return deleted
