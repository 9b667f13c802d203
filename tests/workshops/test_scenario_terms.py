"""A scenario's staged package is paid for the dates it shows (issue 27): the scenario moves its expiration
as if bought earlier, and its paid term moves with it, so a refund reads what the trainee sees."""

from datetime import timedelta

import pytest

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.workshops.scenarios import SCENARIOS
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("key", ["renewal-due", "deletion-request", "transit-tour"])
def test_a_scenarios_package_is_paid_for_the_month_that_ends_at_its_expiration(key):
    """The staged package's Buy order pays a month that ends when the package expires, not a month from now."""
    owner = UserFactory()
    SCENARIOS[key].seed(owner=owner)
    package = BandwidthPackage.objects.get(owner=owner)
    bought = package.orders.get(order_type="Buy")
    assert bought.term_end == package.expires_at
    assert timedelta(days=28) <= bought.term_end - bought.term_start <= timedelta(days=31)
