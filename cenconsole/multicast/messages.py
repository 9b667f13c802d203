"""What the multicast services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

UNKNOWN_MULTICAST_DOMAIN = gettext_noop("Select one of this account's multicast domains.")
ROUTER_WITHOUT_MULTICAST = gettext_noop(
    "Transit router %(transit_router_id)s was made without multicast. Multicast is enabled when a transit "
    "router is created (SupportMulticast): create one with it to have multicast domains."
)
NO_ROUTER_IN_REGION = gettext_noop("CEN instance %(cen_id)s has no transit router in %(region)s.")
ROUTER_OF_OTHER_CEN = gettext_noop("Transit router %(transit_router_id)s belongs to CEN instance %(cen_id)s.")
IGMPV2_VALUE = gettext_noop("IGMPv2 support is enable or disable.")
IGMPV2_STAYS_ON = gettext_noop(
    "IGMPv2 is enabled on multicast domain %(domain_id)s. Once enabled it cannot be disabled."
)
DOMAIN_NOT_ACTIVE = gettext_noop(
    "Multicast domain %(domain_id)s is %(status)s. Wait until it is Active, then try again."
)
DOMAIN_HAS_ASSOCIATIONS = gettext_noop(
    "Multicast domain %(domain_id)s still has vSwitches associated (%(vswitches)s). Disassociate them first."
)
DOMAIN_HAS_GROUPS = gettext_noop(
    "Multicast domain %(domain_id)s still has multicast members or sources (%(groups)s). Deregister them first."
)
DOMAIN_IS_PEER_MEMBER = gettext_noop(
    "Multicast domain %(domain_id)s is a member of multicast domain %(other_id)s's group %(group_ip)s. "
    "Deregister it there first."
)
ROUTER_HAS_DOMAINS = gettext_noop(
    "Transit router %(transit_router_id)s still has multicast domains (%(domains)s). Delete them first."
)
UNKNOWN_ATTACHMENT = gettext_noop("Select one of this account's VPC connections.")
ATTACHMENT_OF_OTHER_ROUTER = gettext_noop(
    "VPC connection %(attachment_id)s is a connection of transit router %(transit_router_id)s, not of the "
    "multicast domain's transit router."
)
ATTACHMENT_NOT_ATTACHED = gettext_noop(
    "VPC connection %(attachment_id)s is %(status)s. Wait until it is Attached, then try again."
)
VSWITCH_NOT_IN_ATTACHMENT = gettext_noop(
    "vSwitch %(vswitch_id)s is not one of VPC connection %(attachment_id)s's vSwitches (%(vswitches)s)."
)
VSWITCH_ASSOCIATED = gettext_noop(
    "vSwitch %(vswitch_id)s is associated with multicast domain %(domain_id)s. A vSwitch is in one multicast "
    "domain at a time: disassociate it there first."
)
VSWITCHES_PER_DOMAIN = gettext_noop("A multicast domain has at most %(limit)s vSwitches associated.")
ASSOCIATION_NOT_ASSOCIATED = gettext_noop(
    "vSwitch %(vswitch_id)s is %(status)s in multicast domain %(domain_id)s. Wait until it is Associated, then "
    "try again."
)
VSWITCH_HAS_GROUPS = gettext_noop(
    "vSwitch %(vswitch_id)s still has multicast members or sources (%(enis)s). Deregister them first."
)
ATTACHMENT_IN_DOMAIN = gettext_noop(
    "VPC connection %(attachment_id)s still has vSwitches in multicast domains (%(vswitches)s). Disassociate "
    "them first."
)
GROUP_IP_FORMAT = gettext_noop(
    "A multicast group address is an IPv4 address from %(first)s to 239.255.255.254, such as 239.0.0.2."
)
ENI_ID_FORMAT = gettext_noop(
    "%(eni_id)s is not an elastic network interface ID: eni- followed by 1 to 28 lower-case letters and digits."
)
ENI_NOT_ASSOCIATED = gettext_noop(
    "ENI %(eni_id)s is in no vSwitch associated with multicast domain %(domain_id)s. Associate its vSwitch first."
)
ENI_IN_OTHER_VPC = gettext_noop("ENI %(eni_id)s is in VPC %(vpc_id)s, not in %(expected)s.")
ALREADY_REGISTERED = gettext_noop("%(resource)s is already a %(role)s of group %(group_ip)s in this multicast domain.")
REGISTRATION_IN_TRANSITION = gettext_noop(
    "%(resource)s is %(status)s in group %(group_ip)s. Wait until it is Registered, then try again."
)
UNKNOWN_PEER_DOMAIN = gettext_noop("Select a multicast domain of another region's transit router of this account.")
PEER_DOMAIN_SAME_REGION = gettext_noop(
    "Multicast domain %(peer_id)s is in the same region as multicast domain %(domain_id)s. A peer multicast "
    "domain is another region's."
)
PEER_DOMAIN_OTHER_CEN = gettext_noop("Multicast domain %(peer_id)s belongs to another CEN instance.")
PEER_DOMAIN_NOT_ACTIVE = gettext_noop(
    "Multicast domain %(peer_id)s is %(status)s. Wait until it is Active, then try again."
)
NO_PEER_CONNECTION = gettext_noop(
    "Transit routers %(transit_router_id)s and %(peer_transit_router_id)s are not joined by an inter-region "
    "connection. Create one first."
)
PEER_CONNECTION_NOT_ATTACHED = gettext_noop(
    "Inter-region connection %(attachment_id)s is %(status)s. Wait until it is Attached, then try again."
)
