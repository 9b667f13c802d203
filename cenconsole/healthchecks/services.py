"""Writes for VBR health checks: Enable (set up, or change, a VBR's health check) and Disable."""

import ipaddress
import secrets

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.cen.selectors import owned_cen
from cenconsole.core.errors import field_error, refusal
from cenconsole.core.validators import clean_description
from cenconsole.products.models import ProductResource
from cenconsole.products.services import product_resource_ensure

from .messages import INTERVAL_RANGE, NO_HEALTH_CHECK, SOURCE_IP, TARGET_IP, THRESHOLD_RANGE
from .models import MAX_INTERVAL, MAX_THRESHOLD, MIN_INTERVAL, MIN_THRESHOLD, VbrHealthCheck

# A custom source IP address comes from the private ranges; an automatic one from 100.96.0.0/16.
PRIVATE_SOURCES = [ipaddress.ip_network(block) for block in ("10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16")]
AUTOMATIC_SOURCES = ipaddress.ip_network("100.96.0.0/16")
FIELDS = ["cen_instance", "source_ip", "target_ip", "interval", "healthy_threshold", "health_check_only", "description"]


def _ipv4(value) -> ipaddress.IPv4Address | None:
    try:
        return ipaddress.IPv4Address(str(value).strip())
    except ValueError:
        return None


def _automatic_source(owner) -> str:
    """An address of 100.96.0.0/16 that none of the account's health checks uses yet."""
    used = set(VbrHealthCheck.objects.filter(owner=owner).values_list("source_ip", flat=True))
    while True:
        address = str(AUTOMATIC_SOURCES[secrets.randbelow(AUTOMATIC_SOURCES.num_addresses - 2) + 1])
        if address not in used:
            return address


def _settings_clean(given: dict) -> dict:
    """The given settings (None: not given) checked; the addresses as their plain dotted form."""
    cleaned = {}
    if given.get("target_ip") is not None:
        target = _ipv4(given["target_ip"])
        if target is None:
            raise field_error("target_ip", TARGET_IP, "health_check_ip")
        cleaned["target_ip"] = str(target)
    if given.get("source_ip"):
        source = _ipv4(given["source_ip"])
        allowed = [*PRIVATE_SOURCES, AUTOMATIC_SOURCES]
        if source is None or not any(source in block for block in allowed):
            raise field_error("source_ip", SOURCE_IP, "health_check_ip")
        cleaned["source_ip"] = str(source)
    for field, low, high, message in (
        ("interval", MIN_INTERVAL, MAX_INTERVAL, INTERVAL_RANGE),
        ("healthy_threshold", MIN_THRESHOLD, MAX_THRESHOLD, THRESHOLD_RANGE),
    ):
        if given.get(field) is not None:
            if not low <= given[field] <= high:
                raise field_error(field, message, "health_check_range")
            cleaned[field] = given[field]
    if given.get("health_check_only") is not None:
        cleaned["health_check_only"] = bool(given["health_check_only"])
    if given.get("description") is not None:
        try:
            cleaned["description"] = clean_description(given["description"])
        except ValidationError as error:
            raise ValidationError({"description": error}) from None
    return cleaned


@transaction.atomic
def vbr_health_check_enable(
    *,
    owner,
    cen_instance_id: str,
    vbr_id: str,
    vbr_region_code: str,
    target_ip: str,
    source_ip: str | None = None,
    interval: int | None = None,
    healthy_threshold: int | None = None,
    health_check_only: bool | None = None,
    description: str | None = None,
) -> VbrHealthCheck:
    """EnableCenVbrHealthCheck: sets up the VBR's health check through the CEN instance, or changes the
    one it has (a setting not given keeps its value; a new check takes the defaults: 2 seconds, 8
    packets, an automatic source address)."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    vbr = product_resource_ensure(
        owner=owner,
        kind=ProductResource.Kind.VBR,
        resource_id=vbr_id,
        region_code=vbr_region_code,
        field="VbrInstanceId",
    )
    data = {
        "cen_instance": cen_instance,
        **_settings_clean(
            {
                "target_ip": target_ip,
                "source_ip": source_ip,
                "interval": interval,
                "healthy_threshold": healthy_threshold,
                "health_check_only": health_check_only,
                "description": description,
            }
        ),
    }
    check = VbrHealthCheck.objects.select_for_update().filter(vbr=vbr).first()
    source = data.get("source_ip") or (check.source_ip if check else _automatic_source(owner))
    if source == data["target_ip"]:
        raise field_error("source_ip", SOURCE_IP, "health_check_ip")
    if check is not None:
        audited_update(actor=owner, action="health_check.modified", instance=check, fields=FIELDS, data=data)
        return check
    check = VbrHealthCheck(owner=owner, vbr=vbr, **{**data, "source_ip": source})
    try:
        with transaction.atomic():
            check.save(force_insert=True)
    except IntegrityError:  # enabled by a concurrent request meanwhile: change that one instead
        check = VbrHealthCheck.objects.select_for_update().get(vbr=vbr)
        audited_update(actor=owner, action="health_check.modified", instance=check, fields=FIELDS, data=data)
        return check
    audit_record(
        actor=owner,
        action="health_check.enabled",
        target=check,
        changes={"vbr": (None, vbr.resource_id), "target_ip": (None, check.target_ip)},
    )
    return check


@transaction.atomic
def vbr_health_check_disable(*, owner, cen_instance_id: str, vbr_id: str, vbr_region_code: str) -> None:
    """DisableCenVbrHealthCheck: the VBR's health check through the CEN instance is removed."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    check = (
        VbrHealthCheck.objects.select_for_update()
        .filter(
            owner=owner,
            cen_instance=cen_instance,
            vbr__resource_id=vbr_id,
            vbr__kind=ProductResource.Kind.VBR,
            vbr__region_id=vbr_region_code,
        )
        .first()
    )
    if check is None:
        raise refusal(NO_HEALTH_CHECK, "unknown_health_check", vbr_id=vbr_id, cen_id=cen_instance.pk)
    audit_record(
        actor=owner,
        action="health_check.disabled",
        target=check,
        changes={"vbr": (vbr_id, None), "target_ip": (check.target_ip, None)},
    )
    check.delete()
