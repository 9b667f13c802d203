"""The console's one clock. Every "now" that a rule depends on (expiry, proration, order and ticket
times, throttling windows, API timestamps) is read here, so a change of what "now" means (a test
clock for one account, say) is made in one place."""

from datetime import datetime

from django.utils import timezone


def now() -> datetime:
    """The current time, aware, in UTC."""
    return timezone.now()
