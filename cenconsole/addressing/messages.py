"""What the addressing services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

CIDR_FORMAT = gettext_noop("A CIDR block is an IPv4 network such as 192.168.10.0/24.")
CIDR_PREFIX_LENGTH = gettext_noop(
    "The CIDR block of a transit router must have a prefix length from /16 to /24 (%(cidr)s)."
)
CIDR_RESERVED = gettext_noop(
    "%(cidr)s is within %(reserved)s, which a transit router CIDR block cannot use (100.64.0.0/10, 224.0.0.0/4, "
    "127.0.0.0/8 and 169.254.0.0/16 and their subnets are not supported)."
)
CIDR_OVERLAP = gettext_noop(
    "%(cidr)s overlaps %(other)s (%(owner)s) on CEN instance %(cen_id)s. Each transit router CIDR block of a CEN "
    "instance is unique and does not overlap the networks connected to it."
)
CIDR_QUOTA = gettext_noop(
    "Transit router %(transit_router_id)s already has %(limit)s CIDR blocks, the most it can have."
)
UNKNOWN_CIDR = gettext_noop("Transit router %(transit_router_id)s has no CIDR block %(cidr_id)s.")
CIDR_ALLOCATED = gettext_noop(
    "Addresses of CIDR block %(cidr_id)s are allocated to connections (%(allocated)s): it cannot be changed or "
    "deleted until they are released."
)
CIDR_EXHAUSTED = gettext_noop("Transit router %(transit_router_id)s has no free block left in its CIDR blocks.")

NEXT_HOP_BLACKHOLE = gettext_noop("A blackhole association has the next hop BlackHole, and only it.")
UNKNOWN_NEXT_HOP = gettext_noop(
    "%(next_hop)s is not a connection of transit router %(transit_router_id)s that is Attached."
)
NEXT_HOP_TYPE = gettext_noop("Connection %(next_hop)s is a %(found)s connection, not %(expected)s.")
ROUTE_TABLE_OF_ANOTHER_ROUTER = gettext_noop(
    "Route table %(route_table_id)s is not a route table of transit router %(transit_router_id)s."
)
PREFIX_LIST_ASSOCIATED = gettext_noop(
    "Prefix list %(prefix_list_id)s is already associated with route table %(route_table_id)s with the next hop "
    "%(next_hop)s."
)
UNKNOWN_PREFIX_LIST_ASSOCIATION = gettext_noop(
    "Prefix list %(prefix_list_id)s is not associated with route table %(route_table_id)s with the next hop "
    "%(next_hop)s."
)
PREFIX_LIST_ASSOCIATION_UPDATING = gettext_noop(
    "The association of prefix list %(prefix_list_id)s is Updating. Wait until it is Active, then try again."
)

AGGREGATION_CIDR_UNSUPPORTED = gettext_noop(
    "An aggregate route cannot be %(cidr)s: CIDR blocks that start with 0 or 100.64, and multicast blocks "
    "(224.0.0.0/4), are not supported."
)
AGGREGATION_SCOPE = gettext_noop(
    "Give the scope (VPC) or the scope list (VPC), not both with the same value and not neither."
)
AGGREGATION_EXISTS = gettext_noop("Route table %(route_table_id)s already has an aggregate route to %(cidr)s.")
UNKNOWN_AGGREGATION = gettext_noop("Route table %(route_table_id)s has no aggregate route to %(cidr)s.")
AGGREGATION_NOT_CONFIGURED = gettext_noop(
    "The aggregate route to %(cidr)s is %(status)s. Wait until it is configured, then try again."
)
UNKNOWN_AGGREGATION_ROUTE_TABLE = gettext_noop("Select one of your transit routers' route tables.")
ROUTER_HAS_CIDR_BLOCKS = gettext_noop(
    "Transit router %(transit_router_id)s still has CIDR blocks (%(cidr_blocks)s). Delete them first."
)
ROUTER_HAS_PREFIX_LISTS = gettext_noop(
    "Transit router %(transit_router_id)s still has prefix lists associated with its route tables "
    "(%(prefix_lists)s). Disassociate them first."
)
TABLE_HAS_PREFIX_LISTS = gettext_noop(
    "Route table %(route_table_id)s still has prefix lists associated with it (%(prefix_lists)s). Disassociate "
    "them first."
)
CONNECTION_IS_NEXT_HOP = gettext_noop(
    "Connection %(attachment_id)s is still the next hop of prefix lists (%(prefix_lists)s). Disassociate them first."
)
ROUTER_HAS_AGGREGATES = gettext_noop(
    "Transit router %(transit_router_id)s still has aggregate routes (%(aggregates)s). Delete them first."
)
TABLE_HAS_AGGREGATES = gettext_noop(
    "Route table %(route_table_id)s still has aggregate routes (%(aggregates)s). Delete them first."
)
