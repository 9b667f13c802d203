"""A route map's match conditions and route actions, by the API's names: what each may hold (the
documented value sets and forms) and how one set of them is checked. They are stored as given (a
CIDR block as typed, an AS number as its digits), so a reader such as Terraform gets back exactly what
it sent."""

import ipaddress
import re

from django.core.exceptions import ValidationError

from cenconsole.core.errors import field_error
from cenconsole.regions.models import Region

from .messages import (
    ASN_FORMAT,
    CHOICE,
    CIDR_FORMAT,
    COMMUNITY_FORMAT,
    PRIORITY_RANGE,
    RESOURCE_ID_FORMAT,
    TOO_MANY,
    UNKNOWN_REGION,
)
from .models import MAX_PRIORITY, MIN_PRIORITY

MAX_ITEMS = 32  # every list: at most 32 entries (the API reference, per parameter)
MAX_ASN = 4294967295
RESOURCE_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
COMMUNITY = re.compile(r"([0-9]{1,5}):([0-9]{1,5})")

# Modes: one of a documented set (CommunityMatchMode's Contain is the value Terraform's provider allows too).
MODES = {
    "CidrMatchMode": ("Include", "Complete"),
    "AsPathMatchMode": ("Include", "Complete"),
    "CommunityMatchMode": ("Include", "Complete", "Contain"),
    "CommunityOperateMode": ("Additive", "Replace"),
    "MatchAddressType": ("IPv4", "IPv6"),
}
INSTANCE_TYPES = ("VPC", "VBR", "CCN", "VPN")
# Lists, by the kind of item each holds.
LISTS = {
    "SourceRegionIds": "region",
    "DestinationRegionIds": "region",
    "SourceInstanceIds": "resource_id",
    "DestinationInstanceIds": "resource_id",
    "SourceRouteTableIds": "resource_id",
    "DestinationRouteTableIds": "resource_id",
    "SourceChildInstanceTypes": INSTANCE_TYPES,
    "DestinationChildInstanceTypes": INSTANCE_TYPES,
    "RouteTypes": ("System", "Custom", "BGP"),
    "DestinationCidrBlocks": "cidr",
    "MatchAsns": "asn",
    "PrependAsPath": "asn",
    "MatchCommunitySet": "community",
    "OperateCommunitySet": "community",
}
FLAGS = ("SourceInstanceIdsReverseMatch", "DestinationInstanceIdsReverseMatch")
PREFERENCE = "Preference"  # the route's new priority, an action: 1 to 100


def empty() -> dict:
    """The conditions of a route map that sets none: what ModifyCenRouteMap starts from."""
    return {
        **dict.fromkeys(MODES, ""),
        **{name: [] for name in LISTS},
        **dict.fromkeys(FLAGS, False),
        PREFERENCE: None,
    }


def _item_refusal(name: str, kind, value: str) -> ValidationError | None:
    if isinstance(kind, tuple):
        if value not in kind:
            return field_error(name, CHOICE, "condition_value", name=name, choices=", ".join(kind), value=value)
        return None
    if kind == "region":
        if not Region.objects.filter(pk=value).exists():
            return field_error(name, UNKNOWN_REGION, "unknown_region")
        return None
    if kind == "resource_id":
        if not RESOURCE_ID.fullmatch(value):
            return field_error(name, RESOURCE_ID_FORMAT, "condition_value", name=name, value=value)
        return None
    if kind == "cidr":
        try:
            ipaddress.ip_network(value, strict=False)
        except ValueError:
            return field_error(name, CIDR_FORMAT, "condition_value", name=name, value=value)
        return None
    if kind == "asn":
        if not (value.isascii() and value.isdigit() and 1 <= int(value) <= MAX_ASN):
            return field_error(name, ASN_FORMAT, "condition_value", name=name, value=value)
        return None
    match = COMMUNITY.fullmatch(value)
    if match is None or not all(1 <= int(part) <= 65535 for part in match.groups()):
        return field_error(name, COMMUNITY_FORMAT, "condition_value", name=name, value=value)
    return None


def priority_clean(name: str, value) -> int:
    """A priority (Priority, NextPriority, Preference): a whole number from 1 to 100."""
    if isinstance(value, bool) or not isinstance(value, int) or not MIN_PRIORITY <= value <= MAX_PRIORITY:
        raise field_error(name, PRIORITY_RANGE, "priority_range", name=name)
    return value


def conditions_clean(given: dict) -> dict:
    """The full set of conditions and actions: each given one checked, the others empty. A name the
    set does not have is a programming error (the API reads only these)."""
    cleaned = empty()
    unknown = set(given) - set(cleaned)
    if unknown:
        raise KeyError(f"not route map conditions: {sorted(unknown)}")
    for name, value in given.items():
        if name in MODES:
            value = value or ""
            if value and value not in MODES[name]:
                raise field_error(
                    name, CHOICE, "condition_value", name=name, choices=", ".join(MODES[name]), value=value
                )
        elif name in LISTS:
            value = [str(item).strip() for item in value or []]
            if len(value) > MAX_ITEMS:
                raise field_error(name, TOO_MANY, "condition_value", name=name, maximum=MAX_ITEMS)
            for item in value:
                refused = _item_refusal(name, LISTS[name], item)
                if refused is not None:
                    raise refused
        elif name in FLAGS:
            value = bool(value)
        elif value is not None:
            value = priority_clean(name, value)
        cleaned[name] = value
    return cleaned
