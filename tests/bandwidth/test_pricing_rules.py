"""Pricing rules at their edges, pinned one by one (issue 27, `make mutation` on pricing.py): started hours count,
half cents round up on charges and down on refunds, a downgrade keeps its share of every term, and cross-border
packages and upgrades refund nothing."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from fractions import Fraction

from cenconsole.bandwidth import pricing
from cenconsole.bandwidth.pricing import Downgrade, PaidTerm

START = datetime(2026, 1, 1, tzinfo=UTC)
END = datetime(2026, 1, 31, tzinfo=UTC)
CHINA, EUROPE = "China", "Europe"


def upgrade(*, left, old=1, new=2):
    return pricing.upgrade_price(
        area_a_code=CHINA, area_b_code=CHINA, old_bandwidth=old, new_bandwidth=new, expires_at=START + left, now=START
    )


def test_an_upgrade_counts_a_started_hour_as_a_whole_one():
    """Ten hours and one second left are charged as eleven hours (34 x 11 / 720 = 0.519... -> 0.52)."""
    assert upgrade(left=timedelta(hours=10, seconds=1)) == Decimal("0.52")
    assert upgrade(left=timedelta(hours=10)) == Decimal("0.47")


def test_an_upgrade_rounds_a_half_cent_up():
    """34 USD a month for nine hours is 0.425: charged 0.43 (half up), not 0.42 (banker's rounding)."""
    assert upgrade(left=timedelta(hours=9)) == Decimal("0.43")


def release(history, *, now, area_b=CHINA, refundable=Decimal("1000000")):
    return pricing.release_refund(
        area_a_code=CHINA, area_b_code=area_b, history=history, now=now, refundable=refundable
    )


def test_a_refund_rounds_down_to_the_cent():
    """A third of a USD 1.00 term used leaves 0.666...: refunded 0.66, never 0.67."""
    now = START + (END - START) / 3
    assert release([PaidTerm(START, END, Decimal("1.00"))], now=now) == Decimal("0.66")


def test_a_downgrade_keeps_its_share_of_the_unused_value():
    """10 -> 4 Mbps half-way through a USD 300 month keeps 4/10 of the 150 unused: 60 at the downgrade, 30 a
    quarter of the month later (half of what was left then)."""
    half_way = START + (END - START) / 2
    history = [PaidTerm(START, END, Decimal("300")), Downgrade(at=half_way, old_bandwidth=10, new_bandwidth=4)]
    assert pricing.unused_paid_value(history, now=half_way) == Fraction(60)
    assert pricing.unused_paid_value(history, now=START + (END - START) * 3 / 4) == Fraction(30)


def downgrade(*, old, new, now, area_b=CHINA):
    """The refund of a change from `old` to `new` Mbps at `now`, on a USD 300 month bought at START."""
    return pricing.downgrade_refund(
        area_a_code=CHINA,
        area_b_code=area_b,
        old_bandwidth=old,
        new_bandwidth=new,
        history=[PaidTerm(START, END, Decimal("300"))],
        now=now,
        refundable=Decimal("300"),
    )


def test_a_downgrade_refunds_the_share_given_up():
    """10 -> 4 Mbps half-way through a USD 300 month refunds 6/10 of the 150 unused: 90.00."""
    assert downgrade(old=10, new=4, now=START + (END - START) / 2) == Decimal("90.00")


def test_a_cross_border_downgrade_refunds_nothing():
    """A cross-border package is never refunded, a downgrade's share included."""
    assert downgrade(old=10, new=4, now=START, area_b=EUROPE) == Decimal("0.00")


def test_an_upgrade_is_no_downgrade_and_refunds_nothing():
    """A change to more bandwidth refunds nothing (it is charged instead)."""
    assert downgrade(old=4, new=10, now=START) == Decimal("0.00")


def test_a_cross_border_release_refunds_nothing():
    """Releasing a cross-border package with a refund returns 0.00, however much time is left."""
    assert release([PaidTerm(START, END, Decimal("300"))], now=START, area_b=EUROPE) == Decimal("0.00")
