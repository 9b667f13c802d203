"""What the health check services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

SOURCE_IP = gettext_noop(
    "The source IP address must be an unused address in 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16 (or leave "
    "it empty for one from 100.96.0.0/16), and not the destination IP address."
)
TARGET_IP = gettext_noop("The destination IP address must be an IPv4 address: the VBR's customer-side IP address.")
INTERVAL_RANGE = gettext_noop("HealthCheckInterval must be 2 or 3 (seconds).")
THRESHOLD_RANGE = gettext_noop("HealthyThreshold must be a whole number from 3 to 8 (packets).")
NO_HEALTH_CHECK = gettext_noop("VBR %(vbr_id)s has no health check through CEN instance %(cen_id)s.")
