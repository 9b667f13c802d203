"""Bandwidth package prices. ILLUSTRATIVE: Alibaba Cloud publishes one figure only, USD 68 a month
for 2 Mbps Mainland China to Mainland China (USD 34 per Mbps per month). Every other figure below is
this replica's choice, kept in this one table; cross-border pairs cost several times more."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

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
