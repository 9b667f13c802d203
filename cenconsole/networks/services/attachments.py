"""Attach and Detach Network Instance: a VPC record in a region, attached to a CEN instance."""

import ipaddress
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record
from cenconsole.cen.selectors import owned_cen
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_name
from cenconsole.regions.models import Region

from ..messages import (
    CIDR_BLOCK_FORMAT,
    NETWORK_ATTACHED,
    NETWORK_ID_FORMAT,
    UNKNOWN_NETWORK_TYPE,
    UNKNOWN_REGION,
)
from ..models import NetworkInstance, default_cidr_block
from ..signals import network_attaching

NETWORK_ID_PATTERN = re.compile(r"vpc-[a-z0-9]{1,28}")
CIDR_BLOCK_PATTERN = re.compile(r"[0-9]{1,3}(\.[0-9]{1,3}){3}/[0-9]{1,2}")
MIN_CIDR_PREFIX, MAX_CIDR_PREFIX = 8, 28  # a VPC's IPv4 CIDR block is /8 to /28


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
    vpc_owner=None,
) -> NetworkInstance:
    """Attach Network Instance: creates the VPC record in the region and attaches it, with its CIDR
    block (the region's default when none is given). A VPC ID is unique within the account only:
    another account's VPC with the same ID is none of this account's business. vpc_owner: the account
    that granted its VPC to the CEN instance (the grants app checks the grant); the record stays in
    the CEN instance's account."""
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
        vpc_owner=vpc_owner,
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
