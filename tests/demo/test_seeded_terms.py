"""The seeded sample packages' paid terms match their dates (issue 27): the seed moves a package's
expiration, and its paid term moves with it, so no refund is given once it has expired."""

from datetime import timedelta
from decimal import ROUND_DOWN, Decimal

import pytest
import time_machine

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.bandwidth.services import subscription

pytestmark = pytest.mark.django_db


def seeded(account, name):
    return BandwidthPackage.objects.get(owner=account, name=name)


def test_releasing_the_seeded_expired_package_refunds_nothing(demo_account):
    """demo-expired, expired two days ago, is refunded 0 when released with a refund."""
    package = seeded(demo_account, "demo-expired")
    assert subscription.release_refund(package=package) == Decimal("0.00")


def test_releasing_the_package_expiring_within_the_hour_refunds_only_its_unused_value(demo_account):
    """demo-expiring refunds what it paid times the share of its paid month still to run (under an hour)."""
    package = seeded(demo_account, "demo-expiring")
    bought = package.orders.get(order_type="Buy")
    assert bought.term_end == package.expires_at
    with time_machine.travel(package.expires_at - (package.expires_at - bought.term_start) / 1000, tick=False):
        refund = subscription.release_refund(package=package)
    assert refund == (bought.amount / 1000).quantize(Decimal("0.01"), rounding=ROUND_DOWN)
    assert refund < Decimal("0.10")


def test_a_seeded_packages_paid_term_ends_when_it_expires(demo_account):
    """Each seeded package's Buy order pays a month that ends at the package's expiration."""
    for name in ("demo-expiring", "demo-expired"):
        package = seeded(demo_account, name)
        bought = package.orders.get(order_type="Buy")
        assert bought.term_end == package.expires_at
        assert timedelta(days=28) <= bought.term_end - bought.term_start <= timedelta(days=31)
