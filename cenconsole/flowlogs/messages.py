"""What the flow log services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.networks.messages import UNKNOWN_REGION  # noqa: F401 (the same words for the same rule)
from cenconsole.transit.messages import UNKNOWN_ATTACHMENT, UNKNOWN_TRANSIT_ROUTER  # noqa: F401

UNKNOWN_FLOW_LOG = gettext_noop("Select one of your flow logs in that region.")
FLOW_LOG_NOT_SETTLED = gettext_noop(
    "Flow log %(flow_log_id)s is %(status)s. Wait until it is Active or Inactive, then try again."
)
FLOW_LOG_NOT_INACTIVE = gettext_noop(
    "Flow log %(flow_log_id)s is %(status)s: only an Inactive flow log can be turned on."
)
FLOW_LOG_NOT_ACTIVE = gettext_noop("Flow log %(flow_log_id)s is %(status)s: only an Active flow log can be turned off.")
ROUTER_ELSEWHERE = gettext_noop(
    "Transit router %(transit_router_id)s is not the transit router of CEN instance %(cen_id)s in %(region)s."
)
PROJECT_NAME = gettext_noop(
    "An SLS project name is 3 to 63 lower-case letters, digits and hyphens, starting and ending with a letter or digit."
)
LOG_STORE_NAME = gettext_noop(
    "A Logstore name is 3 to 63 lower-case letters, digits, hyphens and underscores, starting and ending with "
    "a letter or digit."
)
INTERVAL = gettext_noop("Interval must be 60 or 600 (seconds).")
LOG_FORMAT = gettext_noop(
    "LogFormatString is a list of fields such as ${srcaddr}${dstaddr}${bytes}, and must start with those three."
)
ROUTER_HAS_FLOW_LOGS = gettext_noop(
    "Transit router %(transit_router_id)s still has flow logs (%(flow_logs)s). Delete them first."
)
CONNECTION_HAS_FLOW_LOGS = gettext_noop(
    "Connection %(attachment_id)s still has flow logs (%(flow_logs)s). Delete them first."
)
