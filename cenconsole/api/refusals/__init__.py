"""The services' ValidationError codes -> (API code, HTTP status, message), one module per group of
resources, merged into SERVICE_ERRORS (api.errors reads it). A key is (field, code); a field of None
matches the code on any field (or on none). A message of None keeps the service's own: it says exactly
what was wrong, in the console's words; the others replace a form's wording ("Select one of ...") with
the parameters an API caller sent. A new group adds its module and one line here; a code is in one
group only (tests/api/test_errors.py)."""

from . import (
    addressing,
    basic,
    grants,
    multicast,
    privatezones,
    products,
    qos,
    routes,
    routing,
    transit,
    transit_connections,
)

GROUPS = [
    basic,
    transit,
    transit_connections,
    products,
    routing,
    routes,
    privatezones,
    addressing,
    multicast,
    qos,
    grants,
]
SERVICE_ERRORS: dict[tuple[str | None, str], tuple[str, int, str | None]] = {
    key: answer for group in GROUPS for key, answer in group.ERRORS.items()
}
