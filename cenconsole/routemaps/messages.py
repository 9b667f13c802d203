"""What the route map services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.networks.messages import UNKNOWN_REGION  # noqa: F401 (the same words for the same rule)
from cenconsole.transit.messages import UNKNOWN_ROUTE_TABLE  # noqa: F401

UNKNOWN_ROUTE_MAP = gettext_noop("Select one of this CEN instance's route maps in that region.")
ROUTE_MAP_NOT_ACTIVE = gettext_noop(
    "Route map %(route_map_id)s is %(status)s. Wait until it is Active, then try again."
)
PRIORITY_RANGE = gettext_noop("%(name)s must be a whole number from 1 to 100.")
PRIORITY_TAKEN = gettext_noop(
    "Route map %(route_map_id)s already has priority %(priority)s in %(region)s for direction %(direction)s. "
    "Priorities are unique per region and direction: choose another."
)
NEXT_PRIORITY_ORDER = gettext_noop(
    "NextPriority (%(next_priority)s) must be larger than Priority (%(priority)s): the next route map is "
    "matched after this one."
)
CHOICE = gettext_noop("%(name)s must be one of %(choices)s, not %(value)s.")
CIDR_FORMAT = gettext_noop("%(value)s in %(name)s is not a CIDR block such as 10.0.0.0/8.")
ASN_FORMAT = gettext_noop("%(value)s in %(name)s is not an AS number from 1 to 4294967295.")
COMMUNITY_FORMAT = gettext_noop("%(value)s in %(name)s is not a community n:m, with n and m from 1 to 65535.")
TOO_MANY = gettext_noop("%(name)s takes at most %(maximum)s entries.")
RESOURCE_ID_FORMAT = gettext_noop(
    "%(value)s in %(name)s is not a resource ID: 1 to 64 letters, digits, hyphens and underscores."
)
ROUTE_TABLE_ELSEWHERE = gettext_noop(
    "Route table %(route_table_id)s belongs to a transit router of another CEN instance or region. Choose a "
    "route table of this CEN instance's transit router in %(region)s."
)
ROUTER_HAS_ROUTE_MAPS = gettext_noop(
    "Transit router %(transit_router_id)s still has route maps on its route tables (%(route_maps)s). Delete them first."
)
TABLE_HAS_ROUTE_MAPS = gettext_noop(
    "Route table %(route_table_id)s still has route maps (%(route_maps)s). Delete them first."
)
