"""What the networks services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.bandwidth.messages import UNKNOWN_CEN  # noqa: F401 (the same words for the same rule)
from cenconsole.core.validators import NAME_TOO_LONG  # noqa: F401

UNKNOWN_REGION = gettext_noop("Select a region from the list.")
UNKNOWN_NETWORK_TYPE = gettext_noop("Select a network type from the list.")
NETWORK_ID_FORMAT = gettext_noop("A VPC ID is vpc- followed by 1 to 28 lower-case letters and digits.")
CIDR_BLOCK_FORMAT = gettext_noop(
    "A CIDR block is an IPv4 network such as 10.0.0.0/16, with a prefix length from 8 to 28."
)
NETWORK_ATTACHED = gettext_noop(
    "Network instance %(network_id)s is already attached to a CEN instance. Detach it first."
)
UNKNOWN_PACKAGE = gettext_noop("Select one of the bandwidth packages bound to this CEN instance.")
SAME_REGION = gettext_noop(
    "Local Region and Opposite Region must be different regions. Network instances in the same region "
    "reach each other without a region connection."
)
REGIONS_NOT_COVERED = gettext_noop(
    "Bandwidth package %(package_id)s connects %(areas)s, so it cannot carry %(regions)s. "
    "Choose regions in the package's areas."
)
BANDWIDTH_TOO_LOW = gettext_noop("Bandwidth must be a whole number of at least 1 Mbps.")
BANDWIDTH_EXCEEDS_REMAINING = gettext_noop(
    "Bandwidth package %(package_id)s has only %(available)s Mbps remaining for this connection "
    "(%(total)s Mbps, of which its other connections use %(used)s Mbps). Set at most %(available)s Mbps."
)
PACKAGE_EXPIRED = gettext_noop(
    "Bandwidth package %(package_id)s has expired: its region connections carry no traffic and cannot be "
    "changed. Renew the package first."
)
NO_PACKAGE_FOR_REGIONS = gettext_noop(
    "CEN instance %(cen_id)s has no bandwidth package for %(areas)s, so it cannot connect %(regions)s. "
    "Buy or bind a bandwidth package for these areas first."
)

# Custom route entries of a VPC's route table (services/route_entries.py).
UNKNOWN_ATTACHED_VPC = gettext_noop(
    "VPC %(vpc_id)s is not attached to CEN instance %(cen_id)s in region %(region)s. Attach it on the Networks tab "
    "first."
)
ROUTE_TABLE_NOT_THE_VPCS = gettext_noop(
    "Route table %(route_table_id)s is not a route table of VPC %(vpc_id)s: its route table is %(expected)s."
)
DESTINATION_FORMAT = gettext_noop("A destination CIDR block is an IPv4 network such as 192.168.10.0/24.")
DESTINATION_IN_VPC = gettext_noop(
    "%(cidr)s is within VPC %(vpc_id)s's own CIDR block %(vpc_cidr)s: a custom route leads outside the VPC."
)
ROUTE_ENTRY_EXISTS = gettext_noop("Route table %(route_table_id)s already has a route to %(cidr)s.")
ROUTE_ENTRY_QUOTA = gettext_noop(
    "Route table %(route_table_id)s already has %(limit)s custom routes, the most a route table takes. Delete one "
    "first."
)
NO_ROUTE_TO_CEN = gettext_noop(
    "Route table %(route_table_id)s has no route to %(cidr)s whose next hop is the CEN instance."
)
NO_PUBLISHED_ROUTE = gettext_noop(
    "Route table %(route_table_id)s has no route to %(cidr)s published to the CEN instance."
)
NO_ROUTE_TO_ATTACHMENT = gettext_noop(
    "Route table %(route_table_id)s has no route to %(cidr)s whose next hop is connection %(attachment_id)s."
)
ROUTE_NOT_PUBLISHABLE = gettext_noop(
    "The route to %(cidr)s leads to the CEN instance or a transit router: only a route to an ECS instance is "
    "published to CEN."
)
SYSTEM_ROUTE_FIXED = gettext_noop(
    "%(cidr)s is VPC %(vpc_id)s's own CIDR block: its system route is always published and cannot be withdrawn."
)
ROUTE_ENTRY_PENDING = gettext_noop("The route to %(cidr)s is Pending. Wait until it is Available, then try again.")
