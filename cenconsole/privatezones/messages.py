"""What the privatezones services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.networks.messages import UNKNOWN_REGION  # noqa: F401 (the same words for the same rule)

NO_HOST_VPC = gettext_noop(
    "VPC %(vpc_id)s is not attached to CEN instance %(cen_id)s in region %(region)s. Attach the host VPC first."
)
NO_ACCESS_NETWORK = gettext_noop(
    "CEN instance %(cen_id)s has no network instance in access region %(region)s. Attach one there first."
)
PRIVATE_ZONE_ROUTE_EXISTS = gettext_noop(
    "CEN instance %(cen_id)s already gives region %(region)s access to PrivateZone (through VPC %(vpc_id)s)."
)
PRIVATE_ZONE_ROUTE_CREATING = gettext_noop(
    "PrivateZone access for region %(region)s is Creating. Wait until it is Active, then try again."
)
HOST_FORMAT = gettext_noop(
    "A cloud service's address is an IPv4 address or CIDR block, such as 100.118.28.0/24 (the replica resolves "
    "no domain names)."
)
ACCESS_REGIONS_REQUIRED = gettext_noop("Select at least one access region.")
ROUTE_SERVICE_EXISTS = gettext_noop(
    "CEN instance %(cen_id)s already gives region %(region)s access to %(host)s in %(host_region)s."
)
ROUTE_SERVICE_BUSY = gettext_noop(
    "Access to %(host)s for region %(region)s is %(status)s. Wait until it is Active, then try again."
)
