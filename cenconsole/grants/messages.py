"""What the grants services say when they refuse: constants marked for translation, unformatted
(the services raise them with a code and params: cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

UNKNOWN_INSTANCE_TYPE = gettext_noop("The network instance type must be VPC, VBR, VPN, ECR or CCN.")
INSTANCE_ID_FORMAT = gettext_noop("A %(instance_type)s ID starts with %(prefix)s.")
UNKNOWN_CEN_OWNER = gettext_noop("No Alibaba Cloud account has the ID %(cen_owner_id)s.")
GRANT_TO_SELF = gettext_noop(
    "The CEN instance belongs to this account: an account's own network instances need no grant."
)
UNKNOWN_ORDER_TYPE = gettext_noop("The order type must be PayByCenOwner or PayByResourceOwner.")
GRANT_EXISTS = gettext_noop("%(instance_id)s is already granted to CEN instance %(cen_id)s.")
UNKNOWN_GRANT = gettext_noop("%(instance_id)s is not granted to CEN instance %(cen_id)s.")
GRANT_IN_USE = gettext_noop(
    "CEN instance %(cen_id)s still has %(instance_id)s attached. Detach it before revoking the grant."
)
NOT_GRANTED = gettext_noop(
    "%(instance_id)s belongs to another account that has not granted it to CEN instance %(cen_id)s."
)
