"""What the QoS services say when they refuse: constants marked for translation, unformatted (the services
raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.transit.messages import UNKNOWN_TRANSIT_ROUTER  # noqa: F401 (the same words for the same rule)

UNKNOWN_MARKING_POLICY = gettext_noop("Select one of your traffic marking policies.")
UNKNOWN_MATCH_RULE = gettext_noop("Traffic marking policy %(policy_id)s has no match rule %(rule_id)s.")
MARKING_POLICY_NOT_ACTIVE = gettext_noop(
    "Traffic marking policy %(policy_id)s is %(status)s. Wait until it is Active, then try again."
)
PRIORITY_RANGE = gettext_noop("Priority must be 1 to 100.")
PRIORITY_TAKEN = gettext_noop(
    "Transit router %(transit_router_id)s already has a traffic marking policy of priority %(priority)s."
)
DSCP_RANGE = gettext_noop("A DSCP value is 0 to 63.")
MATCH_DSCP_RANGE = gettext_noop("MatchDscp is -1 (any DSCP value) or 0 to 63.")
CIDR_FORMAT = gettext_noop("%(value)s is not a CIDR block of the rule's address family.")
PORT_RANGE = gettext_noop(
    "A port range is two ports, from and to: -1 and -1 (any port), or 1 to 65535 with the first not above the second."
)
PROTOCOL = gettext_noop("Protocol must be one of %(choices)s.")
ADDRESS_FAMILY = gettext_noop("AddressFamily must be IPv4 or IPv6.")
RULE_REPEATED = gettext_noop("Traffic marking policy %(policy_id)s already has a match rule matching the same traffic.")
RULES_MAX = gettext_noop("A traffic marking policy has at most %(limit)s match rules.")

UNKNOWN_QOS_POLICY = gettext_noop("Select one of your inter-region QoS policies.")
UNKNOWN_QOS_QUEUE = gettext_noop("Select one of your QoS queues.")
QOS_POLICY_NOT_ACTIVE = gettext_noop("QoS policy %(policy_id)s is %(status)s. Wait until it is Active, then try again.")
QOS_QUEUE_NOT_ACTIVE = gettext_noop("QoS queue %(queue_id)s is %(status)s. Wait until it is Active, then try again.")
NOT_INTER_REGION = gettext_noop(
    "Connection %(attachment_id)s is not an inter-region connection of transit router %(transit_router_id)s."
)
CONNECTION_HAS_POLICY = gettext_noop("Connection %(attachment_id)s already has QoS policy %(policy_id)s at this end.")
CONNECTION_NOT_ATTACHED = gettext_noop(
    "Connection %(attachment_id)s is %(status)s. Wait until it is Attached, then try again."
)
DSCP_TAKEN = gettext_noop("DSCP value %(dscp)s is already in another queue of QoS policy %(policy_id)s.")
PERCENT_RANGE = gettext_noop("RemainBandwidthPercent is 0 to 100.")
PERCENT_TOTAL = gettext_noop(
    "The queues of QoS policy %(policy_id)s would take %(total)s%% of the bandwidth: at most 100%% in all."
)
BANDWIDTH_RANGE = gettext_noop("Bandwidth is a whole number of Mbit/s, 1 or more.")
BANDWIDTH_TOTAL = gettext_noop(
    "The queues of QoS policy %(policy_id)s would take %(total)s Mbit/s: at most the connection's %(bandwidth)s Mbit/s."
)
SHARE_MISSING = gettext_noop("A queue of a %(mode)s policy needs %(parameter)s.")
ROUTER_HAS_MARKING_POLICIES = gettext_noop(
    "Transit router %(transit_router_id)s still has traffic marking policies (%(policies)s). Delete them first."
)
CONNECTION_HAS_QOS_POLICIES = gettext_noop(
    "Inter-region connection %(attachment_id)s still has QoS policies (%(policies)s). Delete them first."
)
