"""The one table from the services' refusal codes to the API's error codes."""

import ast
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError

from cenconsole.api import errors, refusals

ROOT = Path(__file__).resolve().parents[2] / "cenconsole"
# The services the API's actions call, and the validators their models run.
API_REACHABLE = [
    "bandwidth/services/purchase.py",
    "bandwidth/services/subscription.py",
    "bandwidth/services/payment.py",
    "bandwidth/services/settlement.py",
    "bandwidth/services/orders.py",
    "bandwidth/services/packages.py",
    "networks/services/attachments.py",
    "networks/services/budget.py",
    "networks/services/region_connections.py",
    "networks/services/route_entries.py",
    "transit/services/child_route_entries.py",
    "privatezones/services.py",
    "cen/services.py",
    "multicast/services/common.py",
    "multicast/services/domains.py",
    "multicast/services/associations.py",
    "multicast/services/groups.py",
    "grants/services.py",
    "core/validators.py",
    "products/services.py",
    "transit/services/other_attachments.py",
    "transit/services/vpc_attachments.py",
    "routemaps/services.py",
    "routemaps/conditions.py",
    "healthchecks/services.py",
    "flowlogs/services.py",
    "addressing/services/cidrs.py",
    "addressing/services/prefix_lists.py",
    "addressing/services/aggregations.py",
    "qos/services/common.py",
    "qos/services/marking.py",
    "qos/services/qos.py",
]
# Codes no API action can meet: console-only actions, or states an API call cannot reach.
NOT_REACHABLE = {
    "order_paid": "raised by Cancel on the Orders page only",
    "released": "raised by package_release, which the API never calls",
    "unknown_network_type": "raised by Attach Network Instance, not an API action here",
    "terms_not_agreed": "the API never refuses it: calling an ordering action is the agreement (terms_agreed=True)",
    "cidr_block_format": "raised by Attach Network Instance's CIDR Block: AttachCenChildInstance takes none",
}


def refusal_codes(path: Path) -> set[str]:
    """Every literal code a module raises: code="..." keywords, refusal(message, "code") and
    field_error(field, message, "code") calls."""
    codes = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if not isinstance(node, ast.Call):
            continue
        for keyword in node.keywords:
            if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                codes.add(keyword.value.value)
        position = {"refusal": 1, "field_error": 2}.get(getattr(node.func, "id", None))
        if position is not None and len(node.args) > position and isinstance(node.args[position], ast.Constant):
            codes.add(node.args[position].value)
    return codes


@pytest.mark.parametrize("module", API_REACHABLE)
def test_every_refusal_the_api_can_meet_has_an_api_code(module):
    """Each code those services raise is in SERVICE_ERRORS (by itself or for a field), or known unreachable."""
    mapped = {code for _, code in errors.SERVICE_ERRORS}
    missing = refusal_codes(ROOT / module) - mapped - set(NOT_REACHABLE)
    assert not missing, f"add {sorted(missing)} to api.errors.SERVICE_ERRORS"


def test_field_specific_codes_win_over_general_ones():
    """A too-long name is InvalidName; a too-long description is InvalidDescription."""
    name = ValidationError({"name": ValidationError("too long", code="max_length")})
    description = ValidationError({"description": ValidationError("too long", code="max_length")})
    assert errors.from_service_error(name).code == "InvalidName"
    assert errors.from_service_error(description).code == "InvalidDescription"


def test_the_services_message_is_kept_unless_the_table_rewords_it():
    """A refusal keeps the service's message; unknown IDs are worded for an API caller."""
    over = ValidationError({"bandwidth": ValidationError("only 4 Mbps remaining", code="bandwidth_exceeds_remaining")})
    unknown = ValidationError({"package": ValidationError("Select one of your packages.", code="unknown_package")})
    assert errors.from_service_error(over).message == "only 4 Mbps remaining"
    assert errors.from_service_error(unknown).message == refusals.basic.UNKNOWN_PACKAGE


def test_an_unmapped_code_still_answers_400_with_its_message():
    """A rule added to a service later, before the table knows it, answers InvalidParameter with its message."""
    refusal = errors.from_service_error(ValidationError("A new rule.", code="brand_new_rule"))
    assert (refusal.code, refusal.status, refusal.message) == ("InvalidParameter", 400, "A new rule.")


def test_each_refusal_code_is_mapped_by_one_group_only():
    """api.refusals merges one table per group of resources: no group maps a code another already maps."""
    seen = {}
    for group in refusals.GROUPS:
        for key in group.ERRORS:
            assert key not in seen, f"{key} is in both {seen[key]} and {group.__name__}"
            seen[key] = group.__name__
