"""Resource groups: every CEN instance and bandwidth package belongs to one of its account's groups
(rg- ids, as Resource Management names them). The replica keeps no group records: an account's
default group has an id derived from the account (stable, never shown to another account), and any
other well-formed rg- id names a group of the account's, as a vpc- id names a VPC. A row stores ""
for the default group, so a new row needs no lookup and the default never goes stale."""

import hashlib
import re

from django.db.models import Q
from django.utils.translation import gettext_noop

from cenconsole.core.errors import refusal

RESOURCE_GROUP_ID = re.compile(r"rg-[a-z0-9]{1,28}")
RESOURCE_GROUP_FORMAT = gettext_noop("A resource group ID is rg- followed by 1 to 28 lower-case letters and digits.")


def default_resource_group_id(owner_id: int) -> str:
    """The account's default resource group, in the shape of the real ones (rg-acfm...)."""
    return "rg-acfm" + hashlib.sha256(f"default-resource-group:{owner_id}".encode()).hexdigest()[:11]


def resource_group_of(row) -> str:
    """The group a CEN instance or package (any row with owner_id and resource_group_id) belongs to."""
    return row.resource_group_id or default_resource_group_id(row.owner_id)


def resource_group_clean(value: str | None, *, owner_id: int) -> str:
    """What a row stores for the group a caller named: "" for the default group (or none named)."""
    value = (value or "").strip()
    if not value or value == default_resource_group_id(owner_id):
        return ""
    if not RESOURCE_GROUP_ID.fullmatch(value):
        raise refusal(RESOURCE_GROUP_FORMAT, "resource_group_format")
    return value


def in_resource_group(value: str, *, owner_id: int) -> Q:
    """Rows of the account in the group named value (a malformed id matches nothing)."""
    value = value.strip()
    if value == default_resource_group_id(owner_id):
        return Q(resource_group_id="")
    if not RESOURCE_GROUP_ID.fullmatch(value):
        return Q(pk__in=[])
    return Q(resource_group_id=value)
