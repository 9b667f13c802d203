"""What the demo's services say (sandboxes, Reset demo, Advance time). Constants marked for
translation, unformatted; raised with core.errors.refusal."""

from django.utils.translation import gettext_noop

SANDBOX_THROTTLED = gettext_noop(
    "Too many sandboxes were made from your address in the last hour. Wait a while, then try again."
)
DEMO_ONLY = gettext_noop("Only the demo account and sandboxes can do this.")
NO_NEXT_EXPIRY = gettext_noop("No bandwidth package of this account expires later than the account's clock.")
UNKNOWN_STEP = gettext_noop("Choose how far to advance the clock.")
FUTURE_STATE = gettext_noop(
    "The clock cannot go back to real time: %(count)s changes were made on the test clock (the latest at "
    "%(latest)s) and would then lie in the future. Reset demo puts the account back to its seeded state "
    "on real time."
)
