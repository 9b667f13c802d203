"""Issue 27, item 9: the money rules at their edges, each pinning a mutant that once survived every
test: the refund caps, Pay's own resize check, the payment deadline's instant, small charges, and a
release during a renewed term."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.bandwidth import pricing, services
from cenconsole.bandwidth.messages import RESIZE_EXPIRED
from cenconsole.bandwidth.models import BandwidthPackage, Order
from tests.factories import buy_package

pytestmark = pytest.mark.django_db

START = datetime(2026, 3, 1, 12, 0, tzinfo=UTC)
MONTH = pricing.PaidTerm(START, datetime(2026, 4, 1, 12, 0, tzinfo=UTC), Decimal("340.00"))


def balance(user):
    return User.objects.get(pk=user.pk).balance


def fresh(package):
    return BandwidthPackage.objects.get(pk=package.pk)


# Refund caps -------------------------------------------------------------------------------------


def test_a_downgrade_refund_is_at_most_what_is_refundable():
    """Half of a 340.00 month unused, 10 -> 5 Mbps, only 5.00 left refundable: 5.00 refunded."""
    refund = pricing.downgrade_refund(
        area_a_code="China",
        area_b_code="China",
        old_bandwidth=10,
        new_bandwidth=5,
        history=[MONTH],
        now=datetime(2026, 3, 16, 12, 0, tzinfo=UTC),
        refundable=Decimal("5.00"),
    )
    assert refund == Decimal("5.00")


def test_a_release_refund_is_at_most_what_is_refundable():
    """Half of a 340.00 month unused, only 5.00 left refundable: releasing refunds 5.00."""
    refund = pricing.release_refund(
        area_a_code="China",
        area_b_code="China",
        history=[MONTH],
        now=datetime(2026, 3, 16, 12, 0, tzinfo=UTC),
        refundable=Decimal("5.00"),
    )
    assert refund == Decimal("5.00")


# Release during a renewed term -------------------------------------------------------------------


def test_a_release_half_way_through_a_renewal_refunds_half_the_renewal(cen_instance):
    """Buy 1 month and renew 1 month (340.00 each); half-way through the renewed month: 170.00 back."""
    with time_machine.travel(START, tick=False):
        package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
        order = services.order_create_renewal(
            owner=package.owner, idempotency_key="renew", package_id=package.pk, duration_months=1, terms_agreed=True
        )
        order = services.order_pay(owner=package.owner, order_id=order.pk)
    half_way = order.term_start + (order.term_end - order.term_start) / 2
    assert services.release_refund(package=fresh(package), now=half_way) == Decimal("170.00")


# Pay's own checks --------------------------------------------------------------------------------


def test_an_upgrade_paid_after_the_expiration_is_refused_uncharged(cen_instance):
    """An Upgrade placed an hour before expiry and paid an hour after: refused (expired), nothing
    charged, the bandwidth unchanged."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    with time_machine.travel(package.expires_at - timedelta(hours=1), tick=False):
        order = services.order_create_resize(
            owner=package.owner, idempotency_key="up", package_id=package.pk, bandwidth=20, terms_agreed=True
        )
    before = balance(package.owner)
    with time_machine.travel(package.expires_at + timedelta(hours=1), tick=False):
        with pytest.raises(ValidationError) as refused:
            services.order_pay(owner=package.owner, order_id=order.pk)
    assert refused.value.messages == [RESIZE_EXPIRED % {"package_id": package.pk}]
    assert (balance(package.owner), fresh(package).bandwidth) == (before, 10)
    assert Order.objects.get(pk=order.pk).status != Order.Status.PAID


def test_an_order_paid_at_its_deadline_instant_has_lapsed(cen_instance):
    """Pay at exactly the order's pay_before: the order has lapsed, nothing is charged."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)
    order = services.order_create_renewal(
        owner=package.owner, idempotency_key="renew", package_id=package.pk, duration_months=1, terms_agreed=True
    )
    before = balance(package.owner)
    with time_machine.travel(order.pay_before, tick=False):
        with pytest.raises(ValidationError) as refused:
            services.order_pay(owner=package.owner, order_id=order.pk)
    assert [error.code for error in refused.value.error_list] == ["order_lapsed"]
    assert (Order.objects.get(pk=order.pk).status, balance(package.owner)) == (Order.Status.LAPSED, before)


# Small charges -----------------------------------------------------------------------------------


def test_a_charge_under_a_dollar_is_taken_with_its_ledger_entry(user):
    """charge(0.50) takes 0.50 from the balance and writes its ledger entry."""
    before = balance(user)
    services.charge(owner=user, amount=Decimal("0.50"))
    assert before - balance(user) == Decimal("0.50")
    assert LedgerEntry.objects.get(account=user, kind=LedgerEntry.Kind.CHARGE).amount == Decimal("-0.50")


def test_a_prorated_upgrade_under_a_dollar_is_charged(cen_instance):
    """North America, 2 -> 3 Mbps with an hour left: USD 0.03 (20 / 720), taken and in the ledger."""
    package = buy_package(cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=2)
    with time_machine.travel(package.expires_at - timedelta(hours=1), tick=False):
        order = services.order_create_resize(
            owner=package.owner, idempotency_key="up", package_id=package.pk, bandwidth=3, terms_agreed=True
        )
        before = balance(package.owner)
        order = services.order_pay(owner=package.owner, order_id=order.pk)
    assert (order.status, order.amount) == (Order.Status.PAID, Decimal("0.03"))
    assert before - balance(package.owner) == Decimal("0.03")
    assert LedgerEntry.objects.get(order_id=order.pk).amount == Decimal("-0.03")
    assert fresh(package).bandwidth == 3
