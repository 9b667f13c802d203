"""A transit router's CIDR blocks (Create/Modify/DeleteTransitRouterCidr) and the blocks allocated from
them to connections (what ListTransitRouterCidrAllocation lists)."""

import ipaddress

from django.core.exceptions import ValidationError
from django.db import transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.cen.models import CenInstance
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.core.validators import clean_texts
from cenconsole.networks.models import NetworkInstance
from cenconsole.transit.models import TransitRouterVpcAttachment
from cenconsole.transit.services.common import owned_router, refuse_unless_active

from ..messages import (
    CIDR_ALLOCATED,
    CIDR_EXHAUSTED,
    CIDR_FORMAT,
    CIDR_OVERLAP,
    CIDR_PREFIX_LENGTH,
    CIDR_QUOTA,
    CIDR_RESERVED,
    UNKNOWN_CIDR,
)
from ..models import TransitRouterCidr, TransitRouterCidrAllocation

CIDRS_PER_ROUTER = 5  # documented (CreateTransitRouterCidr): at most five CIDR blocks per transit router
PREFIX_LENGTHS = range(16, 25)  # documented: /16 to /24
RESERVED_NETWORKS = tuple(
    ipaddress.IPv4Network(network) for network in ("100.64.0.0/10", "224.0.0.0/4", "127.0.0.0/8", "169.254.0.0/16")
)
ALLOCATION_PREFIX = 28  # the blocks a CIDR block is allocated in (the reference's example: 192.168.10.0/28)
RESERVED_BLOCKS = 3  # documented: the first VPN connection reserves three blocks of the CIDR block


def ipv4_network(value: str, *, field: str, message=CIDR_FORMAT) -> ipaddress.IPv4Network:
    """An IPv4 CIDR block as a.b.c.d/n, in its network form, or the refusal on `field`."""
    try:
        if "/" not in (value or ""):
            raise ValueError(value)
        return ipaddress.IPv4Network(value.strip(), strict=False)
    except ValueError:
        raise field_error(field, message, "cidr_format") from None


def _cidr_clean(value: str) -> ipaddress.IPv4Network:
    network = ipv4_network(value, field="cidr")
    if network.prefixlen not in PREFIX_LENGTHS:
        raise field_error("cidr", CIDR_PREFIX_LENGTH, "cidr_prefix_length", cidr=str(network))
    for reserved in RESERVED_NETWORKS:
        if network.overlaps(reserved):
            raise field_error("cidr", CIDR_RESERVED, "cidr_reserved", cidr=str(network), reserved=str(reserved))
    return network


def _refuse_overlap(router, network: ipaddress.IPv4Network, *, exclude: str | None = None) -> None:
    """The CIDR block must be unique in the router's CEN instance: no overlap with another router CIDR
    block of it, nor with a VPC connected to it (by a VPC connection or as a network instance)."""
    cen_id = router.cen_instance_id
    taken = [
        (row.cidr, row.pk)
        for row in TransitRouterCidr.objects.filter(
            transit_router__cen_instance_id=cen_id, transit_router__deleted_at__isnull=True
        ).exclude(pk=exclude)
    ]
    taken += [
        (row.cidr_block, row.vpc_id)
        for row in TransitRouterVpcAttachment.objects.live().filter(transit_router__cen_instance_id=cen_id)
    ]
    taken += [(row.cidr_block, row.instance_id) for row in NetworkInstance.objects.filter(cen_instance_id=cen_id)]
    for cidr, holder in taken:
        if cidr and network.overlaps(ipaddress.IPv4Network(cidr, strict=False)):
            raise field_error(
                "cidr", CIDR_OVERLAP, "cidr_overlap", cidr=str(network), other=cidr, owner=holder, cen_id=cen_id
            )


def _active_router_of_locked_cen(*, owner, transit_router_id: str):
    """The owner's Active router, its CEN instance locked: what serialises the quota and overlap rules."""
    router = owned_router(owner=owner, transit_router_id=transit_router_id)
    CenInstance.objects.select_for_update().filter(pk=router.cen_instance_id).values_list("pk", flat=True).first()
    refuse_unless_active(router)
    return router


def owned_cidr(*, owner, transit_router_id: str, cidr_id: str, lock: bool = False) -> TransitRouterCidr:
    router = owned_router(owner=owner, transit_router_id=transit_router_id)
    rows = TransitRouterCidr.objects.select_related("transit_router")
    if lock:
        rows = rows.select_for_update(of=("self",))
    found = rows.filter(transit_router=router, pk=cidr_id).first()
    if found is None:
        raise field_error("cidr_id", UNKNOWN_CIDR, "unknown_cidr", transit_router_id=router.pk, cidr_id=cidr_id)
    return found


@transaction.atomic
def cidr_create(
    *,
    owner,
    transit_router_id: str,
    cidr: str,
    name: str = "",
    description: str = "",
    publish_cidr_route: bool = True,
) -> TransitRouterCidr:
    """CreateTransitRouterCidr: a /16 to /24 block outside the unsupported ranges, unique in the CEN
    instance, at most five per router (an Active one)."""
    router = _active_router_of_locked_cen(owner=owner, transit_router_id=transit_router_id)
    errors = {}
    try:
        network = _cidr_clean(cidr)
    except ValidationError as error:
        errors.update(error.error_dict)
    try:
        texts = clean_texts(name=name, description=description)
    except ValidationError as error:
        errors.update(error.error_dict)
    if errors:
        raise ValidationError(errors)
    if router.cidr_blocks.count() >= CIDRS_PER_ROUTER:
        raise refusal(CIDR_QUOTA, "cidr_quota", transit_router_id=router.pk, limit=CIDRS_PER_ROUTER)
    _refuse_overlap(router, network)
    block = TransitRouterCidr.objects.create(
        transit_router=router, cidr=str(network), publish_cidr_route=publish_cidr_route, **texts
    )
    audit_record(
        actor=owner,
        action="transit_router_cidr.created",
        target=block,
        changes={"transit_router": (None, router.pk), "cidr": (None, block.cidr)},
    )
    return block


def _refuse_if_allocated(block: TransitRouterCidr) -> None:
    allocated = block.allocations.exclude(attachment_id="").values_list("attachment_id", flat=True)
    refuse_if_any(allocated, CIDR_ALLOCATED, "cidr_allocated", listed_as="allocated", cidr_id=block.pk)


@transaction.atomic
def cidr_update(
    *,
    owner,
    transit_router_id: str,
    cidr_id: str,
    cidr: str | None = None,
    name: str | None = None,
    description: str | None = None,
    publish_cidr_route: bool | None = None,
) -> TransitRouterCidr:
    """ModifyTransitRouterCidr: None leaves a field as it is; a new block follows the create's rules and is
    refused while addresses of the old one are allocated to connections."""
    router = _active_router_of_locked_cen(owner=owner, transit_router_id=transit_router_id)
    block = owned_cidr(owner=owner, transit_router_id=router.pk, cidr_id=cidr_id, lock=True)
    data = clean_texts(
        **{key: value for key, value in (("name", name), ("description", description)) if value is not None}
    )
    if cidr is not None:
        network = _cidr_clean(cidr)
        if str(network) != block.cidr:
            _refuse_if_allocated(block)
            _refuse_overlap(router, network, exclude=block.pk)
            data["cidr"] = str(network)
    if publish_cidr_route is not None:
        data["publish_cidr_route"] = publish_cidr_route
    audited_update(
        actor=owner,
        action="transit_router_cidr.modified",
        instance=block,
        fields=["cidr", "name", "description", "publish_cidr_route"],
        data=data,
    )
    return block


@transaction.atomic
def cidr_delete(*, owner, transit_router_id: str, cidr_id: str) -> None:
    """DeleteTransitRouterCidr: refused while addresses of the block are allocated to connections (the
    reserved blocks go with it)."""
    block = owned_cidr(owner=owner, transit_router_id=transit_router_id, cidr_id=cidr_id, lock=True)
    refuse_unless_active(block.transit_router)
    _refuse_if_allocated(block)
    audit_record(
        actor=owner,
        action="transit_router_cidr.deleted",
        target=block,
        changes={"cidr": (block.cidr, None)},
    )
    block.delete()


def _free_blocks(block: TransitRouterCidr, taken: set[str]):
    network = ipaddress.IPv4Network(block.cidr)
    for subnet in network.subnets(new_prefix=ALLOCATION_PREFIX):
        if str(subnet) not in taken:
            yield subnet


@transaction.atomic
def cidr_allocate(*, router, attachment_id: str, attachment_name: str = "") -> TransitRouterCidrAllocation:
    """A block of the router's CIDR blocks for a new connection (an IPsec-VPN connection, when the
    replica has them): the first allocation reserves three blocks, then each connection gets the next
    free /28. Refused when every block is taken."""
    blocks = list(
        TransitRouterCidr.objects.select_for_update().filter(transit_router=router).order_by("created_at", "id")
    )
    allocations = TransitRouterCidrAllocation.objects.filter(cidr_block__in=blocks)
    taken = set(allocations.values_list("allocated_cidr_block", flat=True))
    free = [(block, subnet) for block in blocks for subnet in _free_blocks(block, taken)]
    reserve = not allocations.exists()
    needed = RESERVED_BLOCKS + 1 if reserve else 1
    if len(free) < needed:
        raise refusal(CIDR_EXHAUSTED, "cidr_exhausted", transit_router_id=router.pk)
    if reserve:
        for block, subnet in free[:RESERVED_BLOCKS]:
            TransitRouterCidrAllocation.objects.create(cidr_block=block, allocated_cidr_block=str(subnet))
    block, subnet = free[needed - 1]
    return TransitRouterCidrAllocation.objects.create(
        cidr_block=block, allocated_cidr_block=str(subnet), attachment_id=attachment_id, attachment_name=attachment_name
    )


@transaction.atomic
def cidr_release(*, router, attachment_id: str) -> int:
    """The blocks a connection of the router held go back (when the connection is deleted)."""
    rows = TransitRouterCidrAllocation.objects.filter(cidr_block__transit_router=router, attachment_id=attachment_id)
    return rows.delete()[0]
