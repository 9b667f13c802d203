"""What the accounts services say when they refuse, in one place. Constants marked for translation
and left unformatted: the services raise them with a code and params (cenconsole.core.errors)."""

from django.utils.translation import gettext_noop

ADJUSTMENT_REASON_REQUIRED = gettext_noop("Give a reason for the adjustment: the account sees it on its Billing page.")
ADJUSTMENT_ZERO = gettext_noop("Enter an amount other than zero.")
ADJUSTMENT_NEGATIVE_BALANCE = gettext_noop(
    "An adjustment of USD %(amount)s would leave a balance below zero (the balance is USD %(balance)s). "
    "Nothing was changed."
)
ADJUSTMENT_TOO_LARGE = gettext_noop(
    "An adjustment of USD %(amount)s would take the balance above USD %(maximum)s. Nothing was changed."
)
SIGN_UP_THROTTLED = gettext_noop(
    "Too many accounts were made from your address in the last hour. Wait a while, then try again."
)
