"""Bandwidth package prices. ILLUSTRATIVE: Alibaba Cloud publishes one figure only, USD 68 a month
for 2 Mbps Mainland China to Mainland China (USD 34 per Mbps per month). Every other figure below is
this replica's choice, kept in this one table; cross-border pairs cost several times more."""

import calendar
import math
from dataclasses import dataclass
from datetime import datetime, timedelta
from decimal import ROUND_DOWN, ROUND_HALF_UP, Decimal
from fractions import Fraction

from cenconsole.regions.models import MAINLAND_CHINA

# USD per Mbps per month, keyed by the pair of area ids (a one-element set for a same-area pair).
PRICE_PER_MBPS_MONTH = {
    frozenset({"China"}): Decimal("34"),  # published
    frozenset({"China", "North-America"}): Decimal("160"),
    frozenset({"China", "Asia-Pacific"}): Decimal("140"),
    frozenset({"China", "Europe"}): Decimal("170"),
    frozenset({"China", "Australia"}): Decimal("180"),
    frozenset({"North-America"}): Decimal("20"),
    frozenset({"North-America", "Asia-Pacific"}): Decimal("38"),
    frozenset({"North-America", "Europe"}): Decimal("30"),
    frozenset({"North-America", "Australia"}): Decimal("45"),
    frozenset({"Asia-Pacific"}): Decimal("24"),
    frozenset({"Asia-Pacific", "Europe"}): Decimal("40"),
    frozenset({"Asia-Pacific", "Australia"}): Decimal("32"),
    frozenset({"Europe"}): Decimal("20"),
    frozenset({"Europe", "Australia"}): Decimal("48"),
    frozenset({"Australia"}): Decimal("22"),
}

CENT = Decimal("0.01")
MICROSECOND = timedelta(microseconds=1)

# Upgrades are prorated by the hours left, over a month of 30 days (replica choice).
HOURS_PER_MONTH = 30 * 24


def billable_months(duration_months: int) -> int:
    """A year costs the same as ten months."""
    years, months = divmod(duration_months, 12)
    return years * 10 + months


def unit_price(area_a_code: str, area_b_code: str) -> Decimal:
    """USD per Mbps per month for a pair of areas, in either order."""
    return PRICE_PER_MBPS_MONTH[frozenset({area_a_code, area_b_code})]


@dataclass(frozen=True)
class Quote:
    unit_price: Decimal  # USD per Mbps per month
    bandwidth: int
    duration_months: int
    monthly_price: Decimal
    billable_months: int
    total: Decimal


def quote(*, area_a_code: str, area_b_code: str, bandwidth: int, duration_months: int) -> Quote:
    per_mbps = unit_price(area_a_code, area_b_code)
    monthly = (per_mbps * bandwidth).quantize(CENT, rounding=ROUND_HALF_UP)
    months = billable_months(duration_months)
    return Quote(
        unit_price=per_mbps,
        bandwidth=bandwidth,
        duration_months=duration_months,
        monthly_price=monthly,
        billable_months=months,
        total=(monthly * months).quantize(CENT, rounding=ROUND_HALF_UP),
    )


def upgrade_price(
    *, area_a_code: str, area_b_code: str, old_bandwidth: int, new_bandwidth: int, expires_at: datetime, now: datetime
) -> Decimal:
    """An upgrade costs the monthly price difference prorated by the hours left (started hours
    count); a downgrade (new_bandwidth below old) costs nothing and refunds nothing."""
    if new_bandwidth <= old_bandwidth:
        return Decimal("0.00")
    hours_left = math.ceil((expires_at - now).total_seconds() / 3600)
    monthly_difference = unit_price(area_a_code, area_b_code) * (new_bandwidth - old_bandwidth)
    return (monthly_difference * hours_left / HOURS_PER_MONTH).quantize(CENT, rounding=ROUND_HALF_UP)


# Time bought -------------------------------------------------------------------------------------


def add_months(moment: datetime, months: int) -> datetime:
    """The same day and time `months` later, on the month's last day where that day is missing."""
    month_index = moment.month - 1 + months
    year, month = moment.year + month_index // 12, month_index % 12 + 1
    day = min(moment.day, calendar.monthrange(year, month)[1])
    return moment.replace(year=year, month=month, day=day)


def renewal_expiration(*, expires_at: datetime, months: int, now: datetime) -> datetime:
    """A renewal runs from the current expiration, or from `now` if that has passed. Auto-renewal
    passes the expiration itself as `now`, so no paid time is lost or given away."""
    return add_months(max(expires_at, now), months)


# Refunds -----------------------------------------------------------------------------------------
#
# A refund is the part of what was PAID for the time left unused, never a list price: each paid
# term (a purchase or renewal: its calendar months; an upgrade: from its payment to the expiration)
# is worth its amount spread evenly over its own period. A downgrade keeps the share of every term's
# unused value that the remaining bandwidth holds and refunds the rest; a release refunds all that
# is left. Refunds are rounded down to the cent, so together they never pass what was paid.


@dataclass(frozen=True)
class PaidTerm:
    """Money paid for a package's time from `start` to `end` (Buy, Renew, Upgrade)."""

    start: datetime
    end: datetime
    amount: Decimal


@dataclass(frozen=True)
class Downgrade:
    """A paid downgrade at `at`: from then on the package holds new/old of its paid value."""

    at: datetime
    old_bandwidth: int
    new_bandwidth: int


def _unused_share(start: datetime, end: datetime, now: datetime) -> Fraction:
    """How much of [start, end] is still to run at `now`, exactly (microseconds)."""
    if now <= start:
        return Fraction(1)
    if now >= end:
        return Fraction(0)
    return Fraction((end - now) // MICROSECOND, (end - start) // MICROSECOND)


def unused_paid_value(history, *, now: datetime) -> Fraction:
    """What the package's paid history (PaidTerm and Downgrade, in the order they were paid) still
    holds unused at `now`, unrounded."""
    terms: list[tuple[datetime, datetime, Fraction]] = []
    for change in history:
        if isinstance(change, Downgrade):
            keep = Fraction(change.new_bandwidth, change.old_bandwidth)
            terms = [
                (max(start, change.at), end, value * _unused_share(start, end, change.at) * keep)
                for start, end, value in terms
                if end > change.at
            ]
        else:
            terms.append((change.start, change.end, Fraction(change.amount)))
    return sum((value * _unused_share(start, end, now) for start, end, value in terms), Fraction(0))


def _cents_down(value: Fraction) -> Decimal:
    return (Decimal(value.numerator) / Decimal(value.denominator)).quantize(CENT, rounding=ROUND_DOWN)


def downgrade_refund(
    *,
    area_a_code: str,
    area_b_code: str,
    old_bandwidth: int,
    new_bandwidth: int,
    history,
    now: datetime,
    refundable: Decimal,
) -> Decimal:
    """A downgrade refunds the share of the unused paid value that the bandwidth given up held, at
    most `refundable` (what was paid for the package less what was refunded). Cross-border packages
    are never refunded (they cannot be downgraded at all)."""
    if new_bandwidth >= old_bandwidth or is_cross_border_pair(area_a_code, area_b_code):
        return Decimal("0.00")
    given_up = unused_paid_value(history, now=now) * Fraction(old_bandwidth - new_bandwidth, old_bandwidth)
    return max(min(_cents_down(given_up), refundable), Decimal("0.00"))


def release_refund(*, area_a_code: str, area_b_code: str, history, now: datetime, refundable: Decimal) -> Decimal:
    """Releasing with a refund returns the unused paid value, at most `refundable`. Cross-border
    packages are non-refundable."""
    if is_cross_border_pair(area_a_code, area_b_code):
        return Decimal("0.00")
    return max(min(_cents_down(unused_paid_value(history, now=now)), refundable), Decimal("0.00"))


def is_cross_border_pair(area_a_code: str, area_b_code: str) -> bool:
    """One area in Mainland China and the other outside it."""
    return (area_a_code == MAINLAND_CHINA) != (area_b_code == MAINLAND_CHINA)


# Pay-by-data-transfer (inter-region connections of transit routers with BandwidthType DataTransfer):
# USD per GB carried, keyed as above. ILLUSTRATIVE, all of it the replica's choice: Alibaba Cloud
# prices data transfer per region pair on its pricing pages, which this table does not copy.
DATA_TRANSFER_PRICE_PER_GB = {
    frozenset({"China"}): Decimal("0.04"),
    frozenset({"China", "North-America"}): Decimal("0.16"),
    frozenset({"China", "Asia-Pacific"}): Decimal("0.14"),
    frozenset({"China", "Europe"}): Decimal("0.17"),
    frozenset({"China", "Australia"}): Decimal("0.18"),
    frozenset({"North-America"}): Decimal("0.02"),
    frozenset({"North-America", "Asia-Pacific"}): Decimal("0.05"),
    frozenset({"North-America", "Europe"}): Decimal("0.04"),
    frozenset({"North-America", "Australia"}): Decimal("0.06"),
    frozenset({"Asia-Pacific"}): Decimal("0.03"),
    frozenset({"Asia-Pacific", "Europe"}): Decimal("0.05"),
    frozenset({"Asia-Pacific", "Australia"}): Decimal("0.04"),
    frozenset({"Europe"}): Decimal("0.02"),
    frozenset({"Europe", "Australia"}): Decimal("0.06"),
    frozenset({"Australia"}): Decimal("0.03"),
}


def data_transfer_price(area_a_code: str, area_b_code: str) -> Decimal:
    """USD per GB carried between two areas (either order), for pay-by-data-transfer connections."""
    return DATA_TRANSFER_PRICE_PER_GB[frozenset({area_a_code, area_b_code})]
