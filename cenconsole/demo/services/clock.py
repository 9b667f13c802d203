"""The test clock (Advance time): a demo account's clock moves ahead and what would have happened
meanwhile happens now; back to real time when nothing was made on the test clock."""

from collections import Counter
from datetime import timedelta

from django.conf import settings
from django.db import models, transaction
from django.db.models import Max
from django.utils.translation import gettext_lazy

from cenconsole.accounts.models import LedgerEntry
from cenconsole.accounts.services import account_state_changed
from cenconsole.bandwidth import pricing
from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.core.errors import refusal
from cenconsole.networks.models import NetworkInstance
from cenconsole.tags.models import Tag
from cenconsole.tickets.models import DeletionTicket

from ..messages import FUTURE_STATE, NO_NEXT_EXPIRY, UNKNOWN_STEP
from .removal import demo_account_locked

# How far each step moves the clock from a moment: "1 month" is one calendar month, as subscriptions
# count it (pricing.add_months), so a 1-month package bought now has expired after it.
ADVANCE_STEPS = {
    "day": lambda moment: moment + timedelta(days=1),
    "week": lambda moment: moment + timedelta(weeks=1),
    "month": lambda moment: pricing.add_months(moment, 1),
}
NEXT_EXPIRY = "next-expiry"
# The choices under Advance time, in the top bar and on its page.
ADVANCE_CHOICES = [
    ("day", gettext_lazy("1 day")),
    ("week", gettext_lazy("1 week")),
    ("month", gettext_lazy("1 month")),
    (NEXT_EXPIRY, gettext_lazy("To next expiry")),
]
# At most this many moments are stepped through in one advance (each renews a package once at most).
MAX_STEPS = 1000


def _next_moment(*, account, after, until):
    """The earliest moment in (after, until] at which something is due for the account: an unpaid
    order lapses, a package expires (or auto-renews), an expired package is released, a temporary
    upgrade ends."""
    grace = timedelta(days=settings.CEN_RELEASE_GRACE_DAYS)
    packages = BandwidthPackage.objects.active().filter(owner=account)
    candidates = [
        Order.objects.filter(owner=account, status=Order.Status.UNPAID, pay_before__isnull=False)
        .filter(pay_before__gt=after, pay_before__lte=until)
        .aggregate(at=models.Min("pay_before"))["at"],
        packages.filter(expires_at__gt=after, expires_at__lte=until).aggregate(at=models.Min("expires_at"))["at"],
        packages.filter(expires_at__gt=after - grace, expires_at__lte=until - grace).aggregate(
            at=models.Min("expires_at")
        )["at"],
        packages.filter(temporary_upgrade_ends_at__gt=after, temporary_upgrade_ends_at__lte=until).aggregate(
            at=models.Min("temporary_upgrade_ends_at")
        )["at"],
    ]
    if candidates[2] is not None:
        candidates[2] += grace
    moments = [moment for moment in candidates if moment is not None]
    return min(moments) if moments else None


def _next_expiry(account):
    with clock.account_time(account.clock_offset):
        now = clock.now()
    return (
        BandwidthPackage.objects.active()
        .filter(owner=account, expires_at__gt=now)
        .aggregate(at=models.Min("expires_at"))["at"]
    )


def clock_advance(*, account, step: str) -> dict[str, int]:
    """Advance time: the account's clock moves ahead by the step (or to its next package expiry), and
    what would have happened meanwhile happens now, in order, each at its own moment: unpaid orders
    lapse, packages expire or auto-renew (charging the balance), expired packages are released after
    the grace period. Only this account moves. Returns how many of each happened."""
    done = Counter()
    with transaction.atomic():
        account = demo_account_locked(account.pk)
        start_offset = account.clock_offset
        with clock.account_time(start_offset):
            start = clock.now()
        if step == NEXT_EXPIRY:
            target = _next_expiry(account)
            if target is None:
                raise refusal(NO_NEXT_EXPIRY, "no_next_expiry")
        elif step in ADVANCE_STEPS:
            target = ADVANCE_STEPS[step](start)
        else:
            raise refusal(UNKNOWN_STEP, "unknown_step")
        # What was already due at the start, then each later moment in turn. A package whose time ran
        # out before the start already showed Expired: recording it now changes nothing on the screen,
        # so it is not counted ("what changed for this account").
        moment, previous = start, None
        for _ in range(MAX_STEPS):
            with clock.account_time(moment - clock.real_now()):
                outcomes = bandwidth_services.subscriptions_process(now=moment, owner=account)
            if previous is None:
                outcomes.pop("expired", None)
            done.update(outcomes)
            previous = moment
            moment = _next_moment(account=account, after=previous, until=target)
            if moment is None:
                break
        if step in ADVANCE_STEPS:
            new_offset = start_offset + (target - start)  # exact: "7 days ahead", not 6 days 23:59:59
        else:
            new_offset = max(start_offset, target - clock.real_now())
        with clock.account_time(new_offset):
            done.update(bandwidth_services.subscriptions_process(now=clock.now(), owner=account))
        type(account).objects.filter(pk=account.pk).update(clock_offset=new_offset)
        account_state_changed(owner=account)
    account.clock_offset = new_offset
    return {outcome: count for outcome, count in done.items() if count}


def _future_changes(account) -> tuple[int, object]:
    """How many of the account's records lie after real time (made on the test clock), and the latest."""
    real = clock.real_now()
    checks = [
        (LedgerEntry.objects.filter(account=account), "created_at"),
        (Order.objects.filter(owner=account), "created_at"),
        (BandwidthPackage.objects.filter(owner=account), "created_at"),
        (BandwidthPackage.objects.filter(owner=account), "expiry_processed_for"),
        (BandwidthPackage.objects.filter(owner=account), "released_at"),
        (CenInstance.objects.filter(owner=account), "created_at"),
        (NetworkInstance.objects.filter(owner=account), "created_at"),
        (DeletionTicket.objects.filter(requester=account), "created_at"),
        (Tag.objects.filter(owner=account), "created_at"),
    ]
    count, latest = 0, None
    for queryset, field in checks:
        later = queryset.filter(**{f"{field}__gt": real})
        found = later.aggregate(n=models.Count("pk"), at=Max(field))
        count += found["n"]
        if found["at"] and (latest is None or found["at"] > latest):
            latest = found["at"]
    return count, latest


def clock_back_refusal(account):
    """Why the account's clock cannot go back to real time (a ValidationError), or None if it can."""
    count, latest = _future_changes(account)
    if count:
        return refusal(FUTURE_STATE, "future_state", count=count, latest=f"{latest:%Y-%m-%d %H:%M}")
    return None


@transaction.atomic
def clock_back_to_real_time(*, account) -> None:
    """Back to real time: only when nothing the account holds was made on the test clock."""
    account = demo_account_locked(account.pk)
    error = clock_back_refusal(account)
    if error is not None:
        raise error
    type(account).objects.filter(pk=account.pk).update(clock_offset=timedelta(0))
    account_state_changed(owner=account)
