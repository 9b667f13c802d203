from decimal import Decimal
from itertools import combinations_with_replacement

import pytest

from cenconsole.bandwidth import pricing
from cenconsole.regions.models import MAINLAND_CHINA, Area

pytestmark = pytest.mark.django_db


def china_quote(*, bandwidth=2, duration_months=1):
    return pricing.quote(area_a_code="China", area_b_code="China", bandwidth=bandwidth, duration_months=duration_months)


def test_mainland_china_costs_the_published_34_usd_per_mbps_per_month():
    """Mainland China <-> Mainland China is Alibaba Cloud's one published price: USD 34 per Mbps per month."""
    assert pricing.unit_price("China", "China") == Decimal("34")


def test_two_mbps_mainland_china_for_a_month_costs_68_usd():
    """2 Mbps Mainland China <-> Mainland China for one month costs USD 68, the published figure."""
    assert china_quote(bandwidth=2, duration_months=1).total == Decimal("68.00")


def test_total_scales_with_bandwidth_and_months():
    """10 Mbps for 3 months costs 10 x 3 x the unit price."""
    assert china_quote(bandwidth=10, duration_months=3).total == Decimal("1020.00")


@pytest.mark.parametrize(("duration_months", "billable"), [(12, 10), (24, 20), (36, 30)])
def test_a_year_is_billed_as_ten_months(duration_months, billable):
    """Each year of a subscription costs the same as ten months."""
    quote = china_quote(bandwidth=2, duration_months=duration_months)
    assert quote.billable_months == billable
    assert quote.total == Decimal("68.00") * billable


@pytest.mark.parametrize("duration_months", [1, 2, 3, 6])
def test_durations_under_a_year_are_billed_month_by_month(duration_months):
    """1, 2, 3 and 6 months are billed as that many months."""
    assert china_quote(duration_months=duration_months).billable_months == duration_months


def test_either_area_order_gives_the_same_price():
    """Mainland China <-> Europe costs the same as Europe <-> Mainland China."""
    forward = pricing.quote(area_a_code="China", area_b_code="Europe", bandwidth=7, duration_months=6)
    backward = pricing.quote(area_a_code="Europe", area_b_code="China", bandwidth=7, duration_months=6)
    assert forward == backward


def test_every_pair_of_seed_areas_has_a_price():
    """Each of the seed's 15 area pairs (same-area pairs included) has a unit price."""
    codes = list(Area.objects.values_list("code", flat=True))
    pairs = list(combinations_with_replacement(codes, 2))
    assert len(pairs) == 15
    assert all(pricing.unit_price(a, b) > 0 for a, b in pairs)


def test_cross_border_pairs_cost_several_times_the_mainland_price():
    """Every pair of Mainland China and another area costs at least three times Mainland China's price."""
    mainland = pricing.unit_price("China", "China")
    others = Area.objects.exclude(code=MAINLAND_CHINA).values_list("code", flat=True)
    assert all(pricing.unit_price("China", other) >= 3 * mainland for other in others)


def test_cross_border_pairs_cost_more_than_any_pair_outside_mainland_china():
    """The cheapest cross-border pair still costs more than the dearest pair without Mainland China."""
    codes = list(Area.objects.values_list("code", flat=True))
    pairs = list(combinations_with_replacement(codes, 2))
    cross_border = [pricing.unit_price(a, b) for a, b in pairs if (a == MAINLAND_CHINA) != (b == MAINLAND_CHINA)]
    domestic = [pricing.unit_price(a, b) for a, b in pairs if MAINLAND_CHINA not in (a, b)]
    assert min(cross_border) > max(domestic)
