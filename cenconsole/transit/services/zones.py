"""Zones of a transit router's region, as its connections name them: a VPC connection's zone mappings (a zone
and a vSwitch in it, one to ten) and a VPN connection's zones (none to ten); cn-hangzhou-h, but us-east-1a."""

import re

from cenconsole.core.errors import field_error
from cenconsole.regions.models import Region

from ..messages import VSWITCH_FORMAT, ZONE_FORMAT, ZONE_MAPPINGS_REQUIRED, ZONE_REPEATED

VSWITCH_ID_PATTERN = re.compile(r"vsw-[a-z0-9]{1,28}")
MAX_ZONE_MAPPINGS = 10


def zone_example(region: Region) -> str:
    return f"{region.pk}a" if region.pk[-1].isdigit() else f"{region.pk}-a"


def zone_id_clean(zone_id, *, region: Region, field: str = "zone_mappings") -> str:
    """A zone of the router's region: cn-hangzhou-h, but us-east-1a (a hyphen before the letter only
    after a region ID's letters)."""
    zone_id = (zone_id or "").strip()
    zone_pattern = re.escape(region.pk) + (r"[a-z]" if region.pk[-1].isdigit() else r"-[a-z]")
    if not re.fullmatch(zone_pattern, zone_id):
        raise field_error(
            field,
            ZONE_FORMAT,
            "zone_format",
            zone_id=zone_id,
            region=region.display_name,
            example=zone_example(region),
        )
    return zone_id


def zone_mappings_clean(zone_mappings, *, region: Region) -> list[dict]:
    """[(zone_id, vswitch_id), ...] as [{"ZoneId", "VSwitchId"}]: one to ten zones of the router's
    region (cn-hangzhou-h, us-east-1a), each once, each with a vSwitch ID."""
    if not zone_mappings:
        raise field_error("zone_mappings", ZONE_MAPPINGS_REQUIRED, "zone_mappings_required")
    cleaned, seen = [], set()
    for zone_id, vswitch_id in list(zone_mappings)[: MAX_ZONE_MAPPINGS + 1]:
        zone_id, vswitch_id = zone_id_clean(zone_id, region=region), (vswitch_id or "").strip()
        if not VSWITCH_ID_PATTERN.fullmatch(vswitch_id):
            raise field_error("zone_mappings", VSWITCH_FORMAT, "vswitch_format")
        if zone_id in seen:
            raise field_error("zone_mappings", ZONE_REPEATED, "zone_repeated", zone_id=zone_id)
        seen.add(zone_id)
        cleaned.append({"ZoneId": zone_id, "VSwitchId": vswitch_id})
    if len(cleaned) > MAX_ZONE_MAPPINGS:
        raise field_error("zone_mappings", ZONE_MAPPINGS_REQUIRED, "zone_mappings_required")
    return cleaned


def zone_ids_clean(zone_ids, *, region: Region) -> list[str]:
    """A VPN connection's zones: zones of the router's region, each once, at most ten (none is fine)."""
    cleaned = []
    for zone_id in list(zone_ids)[: MAX_ZONE_MAPPINGS + 1]:
        zone_id = zone_id_clean(zone_id, region=region, field="zones")
        if zone_id in cleaned:
            raise field_error("zones", ZONE_REPEATED, "zone_repeated", zone_id=zone_id)
        cleaned.append(zone_id)
    if len(cleaned) > MAX_ZONE_MAPPINGS:
        raise field_error("zones", ZONE_MAPPINGS_REQUIRED, "zone_mappings_required")
    return cleaned
