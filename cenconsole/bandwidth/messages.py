"""What the bandwidth services say when they refuse, in one place. Constants marked for translation
and left unformatted: the services raise them with a code and params (cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

from cenconsole.cen.selectors import UNKNOWN_CEN  # noqa: F401 (re-exported: the CEN lookup is cen's)
from cenconsole.core.validators import DESCRIPTION_TOO_LONG, NAME_TOO_LONG  # noqa: F401 (re-exported)

BANDWIDTH_RANGE = gettext_noop("Bandwidth must be a whole number of Mbps from 2 to 10,000.")
UNKNOWN_AREA = gettext_noop("Select an area from the list.")
UNKNOWN_DURATION = gettext_noop("Select a duration from the list.")
UNKNOWN_AUTO_RENEWAL = gettext_noop("Select an auto-renewal period of 1, 2 or 3 months.")
AREA_PAIR_TAKEN = gettext_noop(
    "CEN instance %(cen_id)s already has a bandwidth package for %(areas)s. "
    "A CEN instance can have at most one bandwidth package per pair of areas."
)
CROSS_BORDER_NOT_AGREED = gettext_noop(
    "Read and accept the cross-border service agreement to buy a cross-border bandwidth package."
)
TERMS_NOT_AGREED = gettext_noop("Read and select the Terms of Service, then click Buy Now.")
# Renew pays on its own page: its button is Pay.
TERMS_NOT_AGREED_PAY = gettext_noop("Read and select the Terms of Service, then click Pay.")
INSUFFICIENT_BALANCE = gettext_noop(
    "Your balance of USD %(balance)s is not enough to pay USD %(amount)s. Nothing was charged."
)
ORDER_CANCELLED = gettext_noop("This order was cancelled and can no longer be paid.")
ORDER_PAID = gettext_noop("This order is already paid and can no longer be cancelled.")
MISSING_IDEMPOTENCY_KEY = gettext_noop("The form has expired. Open the purchase page again.")
ORDER_KEY_OTHER_TERMS = gettext_noop(
    "This purchase was already placed as order %(number)s, with other values. Open the purchase page again "
    "to buy another package."
)
UNKNOWN_PACKAGE = gettext_noop("Select one of your bandwidth packages.")
RESIZE_SAME = gettext_noop("The bandwidth package already has %(bandwidth)s Mbps. Enter a different bandwidth.")
RESIZE_EXPIRED = gettext_noop("Bandwidth package %(package_id)s has expired. Renew it before you change its bandwidth.")
RESIZE_STALE = gettext_noop(
    "The package's bandwidth changed to %(bandwidth)s Mbps since this order was made. Place a new order."
)
DOWNGRADE_CROSS_BORDER = gettext_noop("A cross-border bandwidth package cannot be downgraded.")
DOWNGRADE_BELOW_CONNECTIONS = gettext_noop(
    "The bandwidth cannot be lower than %(used)s Mbps, the sum of the package's region connections. "
    "Lower or delete region connections first."
)
PACKAGE_ALREADY_RELEASED = gettext_noop("Bandwidth package %(package_id)s is already released.")
RELEASE_NEEDS_TICKET = gettext_noop("A bandwidth package cannot be deleted after purchase unless you open a ticket.")
# The real API's words for a package still within its subscription, then the console's.
RELEASE_WITHIN_VALIDITY = gettext_noop(
    "Forbidden to release a PREPAY bandwidth instance within validity period. "
    "A bandwidth package cannot be deleted after purchase unless you open a ticket."
)

# Bind and Unbind.
UNKNOWN_AVAILABLE_PACKAGE = gettext_noop("Select one of your available bandwidth packages.")
PACKAGE_ALREADY_BOUND = gettext_noop(
    "Bandwidth package %(package_id)s is bound to CEN instance %(cen_id)s. Unbind it first."
)
PACKAGE_FINANCIAL_LOCKED = gettext_noop(
    "Bandwidth package %(package_id)s has expired (its business status is FinancialLocked). Renew it before "
    "you associate it with a CEN instance."
)
PACKAGE_NOT_BOUND = gettext_noop("Bandwidth package %(package_id)s is not bound to a CEN instance.")
PACKAGE_NOT_BOUND_TO = gettext_noop("Bandwidth package %(package_id)s is not bound to CEN instance %(cen_id)s.")
PACKAGE_HAS_CONNECTIONS = gettext_noop(
    "Bandwidth package %(package_id)s still carries region connections: %(connections)s. "
    "Delete them on the Region Connections tab, then unbind the package."
)
PACKAGE_HAS_PEER_ATTACHMENTS = gettext_noop(
    "Bandwidth package %(package_id)s still carries inter-region connections of transit routers: "
    "%(connections)s. Delete them on the Transit Router tab, then unbind the package."
)

# Orders over time.
ORDER_LAPSED = gettext_noop(
    "This order was not paid before %(pay_before)s UTC and has lapsed. Nothing was charged: place a new order."
)
ORDER_LAPSED_CANNOT_CANCEL = gettext_noop("This order has lapsed; there is nothing to cancel.")
ORDER_STALE = gettext_noop(
    "Bandwidth package %(package_id)s changed since this order was placed (%(changes)s). The order was "
    "cancelled and nothing was charged: place a new order."
)
ORDER_PRICE_ROSE = gettext_noop(
    "The price of this order is now USD %(now)s, not USD %(then)s. The order was cancelled and nothing was "
    "charged: place a new order."
)
DELETION_PENDING = gettext_noop(
    "Bandwidth package %(package_id)s has a pending deletion ticket (%(ticket)s): it cannot be renewed, "
    "upgraded or downgraded. Withdraw the ticket or wait for its outcome."
)
PACKAGE_RELEASED = gettext_noop("Bandwidth package %(package_id)s has been released.")

# Per-account quotas (settings QUOTA_*; docs/operating/limits.md).
QUOTA_UNPAID_ORDERS = gettext_noop(
    "Your account already has %(limit)s unpaid orders, the most it can have. Pay or cancel some on the "
    "Orders page, or let them lapse, before you place another."
)
QUOTA_BANDWIDTH_PACKAGES = gettext_noop(
    "Your account already has %(limit)s bandwidth packages (with those in unpaid orders), the most it can "
    "have. Request deletion of packages it no longer needs before you buy another."
)
TEMP_UPGRADE_NOT_HIGHER = gettext_noop(
    "A temporary upgrade raises the bandwidth: enter more than the package's %(bandwidth)s Mbps."
)
TEMP_UPGRADE_END = gettext_noop(
    "The temporary upgrade must end after now and no later than the package's expiration, %(expires_at)s UTC."
)
TEMP_UPGRADE_ACTIVE = gettext_noop(
    "Bandwidth package %(package_id)s is temporarily upgraded until %(ends_at)s UTC. Change its bandwidth after that."
)
