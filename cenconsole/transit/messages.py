"""What the transit services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.bandwidth.messages import UNKNOWN_CEN  # noqa: F401 (the same words for the same rule)
from cenconsole.networks.messages import CIDR_BLOCK_FORMAT, NETWORK_ID_FORMAT, UNKNOWN_REGION  # noqa: F401

UNKNOWN_TRANSIT_ROUTER = gettext_noop("Select one of this CEN instance's transit routers.")
TRANSIT_ROUTER_EXISTS = gettext_noop(
    "CEN instance %(cen_id)s already has a transit router in %(region)s (%(transit_router_id)s). "
    "A CEN instance has one Enterprise Edition transit router per region."
)
TRANSIT_ROUTER_NOT_ACTIVE = gettext_noop(
    "Transit router %(transit_router_id)s is %(status)s. Wait until it is Active, then try again."
)
TRANSIT_ROUTER_DELETING = gettext_noop(
    "Transit router %(transit_router_id)s is being deleted: nothing can be added to it or changed on it."
)
TRANSIT_ROUTER_HAS_ATTACHMENTS = gettext_noop(
    "Transit router %(transit_router_id)s still has connections (%(attachments)s). Delete them before you "
    "delete the transit router."
)
UNKNOWN_ATTACHMENT = gettext_noop("Select one of this transit router's VPC connections.")
ATTACHMENT_NOT_ATTACHED = gettext_noop(
    "VPC connection %(attachment_id)s is %(status)s. Wait until it is Attached, then try again."
)
ZONE_MAPPINGS_REQUIRED = gettext_noop("Select at least one zone, with a vSwitch of the VPC in it.")
ZONE_FORMAT = gettext_noop(
    "Zone %(zone_id)s is not a zone of %(region)s: a zone ID is the region ID, a hyphen and a letter, such as "
    "%(example)s."
)
VSWITCH_FORMAT = gettext_noop("A vSwitch ID is vsw- followed by 1 to 28 lower-case letters and digits.")
ZONE_REPEATED = gettext_noop("Zone %(zone_id)s is listed twice. Select each zone once.")
VPC_OPTION_UNKNOWN = gettext_noop(
    "%(option)s is not a feature of a VPC connection. The one feature you can set is ipv6Support."
)
VPC_OPTION_VALUE = gettext_noop("Set %(option)s to enable or disable, not %(value)s.")
VPC_ATTACHED_BASIC = gettext_noop(
    "VPC %(vpc_id)s is attached to CEN instance %(cen_id)s as a network instance (Basic Edition). Detach it "
    "on the Networks tab before you connect it to a transit router."
)
VPC_ATTACHED_TRANSIT = gettext_noop(
    "VPC %(vpc_id)s is connected to transit router %(transit_router_id)s. A VPC is attached either as a "
    "network instance or through a transit router, never both: delete that connection first."
)
PEER_SAME_REGION = gettext_noop(
    "An inter-region connection joins transit routers of two different regions. Choose a peer transit router "
    "in another region."
)
PEER_OTHER_CEN = gettext_noop("Select a peer transit router of the same CEN instance.")
PEER_PAIR_TAKEN = gettext_noop(
    "Transit routers %(transit_router_id)s and %(peer_transit_router_id)s are already joined by inter-region "
    "connection %(attachment_id)s. Modify its bandwidth instead."
)
UNKNOWN_BANDWIDTH_TYPE = gettext_noop("Select a bandwidth type: BandwidthPackage or DataTransfer.")
PACKAGE_REQUIRED = gettext_noop(
    "Select a bandwidth package bound to this CEN instance: a connection of type BandwidthPackage takes its "
    "bandwidth from one."
)
PACKAGE_NOT_FOR_DATA_TRANSFER = gettext_noop(
    "A pay-by-data-transfer connection uses no bandwidth package. Leave the package empty, or choose the type "
    "BandwidthPackage."
)
UNKNOWN_LINK_TYPE = gettext_noop("Select a link type: Gold or Platinum.")
PLATINUM_NEEDS_DATA_TRANSFER = gettext_noop(
    "Platinum is for pay-by-data-transfer connections only: a connection with bandwidth from a bandwidth package "
    "is Gold. Choose Gold, or the bandwidth type pay-by-data-transfer."
)
PEER_BANDWIDTH_RANGE = gettext_noop("Bandwidth must be a whole number from 1 to %(maximum)s Mbps.")
UNKNOWN_PEER_ATTACHMENT = gettext_noop("Select one of this CEN instance's inter-region connections.")
UNKNOWN_ROUTE_TABLE = gettext_noop("Select one of this transit router's route tables.")
SYSTEM_ROUTE_TABLE = gettext_noop(
    "Route table %(route_table_id)s is the transit router's default route table: it is deleted with the router."
)
ROUTE_TABLE_IN_USE = gettext_noop(
    "Route table %(route_table_id)s still has associations, propagations or routes (%(links)s). Remove them first."
)
TRANSIT_ROUTER_HAS_ROUTE_TABLES = gettext_noop(
    "Transit router %(transit_router_id)s still has custom route tables (%(route_tables)s). Delete them first."
)
UNKNOWN_NEXT_HOP = gettext_noop("Select a connection of this transit router as the next hop, or choose a blackhole.")
ROUTE_EXISTS = gettext_noop("Route table %(route_table_id)s already has a static route to %(cidr)s.")
UNKNOWN_ROUTE_ENTRY = gettext_noop("Select one of this route table's static routes.")
ALREADY_ASSOCIATED = gettext_noop(
    "Connection %(attachment_id)s is already associated with route table %(route_table_id)s of this transit "
    "router. Dissociate it first."
)
NOT_ASSOCIATED = gettext_noop("Connection %(attachment_id)s is not associated with route table %(route_table_id)s.")
ALREADY_PROPAGATING = gettext_noop(
    "Connection %(attachment_id)s already propagates its routes to route table %(route_table_id)s."
)
NOT_PROPAGATING = gettext_noop(
    "Connection %(attachment_id)s does not propagate its routes to route table %(route_table_id)s."
)
ROUTE_TABLE_NOT_ACTIVE = gettext_noop(
    "Route table %(route_table_id)s is %(status)s. Wait until it is Active, then try again."
)
ROUTE_TABLE_DELETING = gettext_noop(
    "Route table %(route_table_id)s is being deleted: nothing can be added to it or changed on it."
)
ROUTE_ENTRY_LEARNED = gettext_noop(
    "Route %(route_entry_id)s was learned from a connection: only static routes can be renamed."
)
NOT_ASSOCIATED_ON_ROUTER = gettext_noop(
    "Connection %(attachment_id)s is not associated with a route table of this transit router. Associate it first."
)
UNKNOWN_VBR_ATTACHMENT = gettext_noop("Select one of this transit router's VBR connections.")
UNKNOWN_VPN_ATTACHMENT = gettext_noop("Select one of this transit router's VPN connections.")
UNKNOWN_ECR_ATTACHMENT = gettext_noop("Select one of this transit router's ECR connections.")
CONNECTION_NOT_ATTACHED = gettext_noop(
    "Connection %(attachment_id)s is %(status)s. Wait until it is Attached, then try again."
)
RESOURCE_CONNECTED = gettext_noop(
    "%(resource_id)s is already connected to transit router %(transit_router_id)s (%(attachment_id)s). Delete "
    "that connection first."
)
CONNECTION_HAS_LINKS = gettext_noop(
    "Connection %(attachment_id)s is still associated with, or propagating its routes to, route tables "
    "%(route_tables)s. Remove those links first, or delete the connection with Force."
)
CONNECTION_HAS_ROUTES = gettext_noop(
    "Static routes of route tables %(route_tables)s still point at connection %(attachment_id)s. Delete them "
    "first, or delete the connection with Force."
)
ZONE_MAPPING_ABSENT = gettext_noop(
    "Connection %(attachment_id)s does not use zone %(zone_id)s with vSwitch %(vswitch_id)s: nothing to remove."
)
ZONE_ALREADY_USED = gettext_noop(
    "Connection %(attachment_id)s already uses zone %(zone_id)s. Remove it first to change its vSwitch."
)
ZONES_LEFT = gettext_noop("A VPC connection uses 1 to %(maximum)s zones: this change would leave %(count)s.")
ORDER_TYPE_UNKNOWN = gettext_noop("Select who pays for the connection: PayByCenOwner or PayByResourceOwner.")
CEN_HAS_CONNECTIONS = gettext_noop(
    "CEN instance %(cen_id)s still has transit router connections (%(attachments)s). "
    "Delete them before you delete the instance."
)
CEN_HAS_CUSTOM_ROUTE_TABLES = gettext_noop(
    "CEN instance %(cen_id)s still has custom route tables (%(route_tables)s). "
    "Delete them before you delete the instance."
)
