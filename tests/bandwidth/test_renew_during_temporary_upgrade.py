"""Issue 27, item 1: a renewal during a temporary upgrade is priced at the bandwidth the renewed term
will have (the package's own), never the temporary one: on the Renew page, its order, an order paid
later, and auto-renewal. Mainland China <-> Mainland China, 10 Mbps: USD 340.00 a month."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.urls import reverse

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.core import clock
from tests.factories import buy_package

pytestmark = pytest.mark.django_db

MONTH_AT_10 = Decimal("340.00")


@pytest.fixture
def mainland(cen_instance):
    """Mainland China <-> Mainland China, 10 Mbps, 1 month: USD 340.00."""
    return buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10)


def temporarily_upgrade(package, bandwidth=50, lasting=timedelta(days=10)):
    """TempUpgradeCenBandwidthPackageSpec's service: ordered and paid at once."""
    order = services.order_create_temporary_upgrade(
        owner=package.owner,
        idempotency_key=f"temp-{package.pk}",
        package_id=package.pk,
        bandwidth=bandwidth,
        ends_at=clock.now() + lasting,
    )
    services.order_pay(owner=package.owner, order_id=order.pk)
    return BandwidthPackage.objects.get(pk=package.pk)


def renewal(package, months=1, key="renew-1"):
    return services.order_create_renewal(
        owner=package.owner, idempotency_key=key, package_id=package.pk, duration_months=months, terms_agreed=True
    )


def balance(user):
    return User.objects.get(pk=user.pk).balance


def test_renewal_quote_during_a_temporary_upgrade_is_the_packages_own_bandwidth(mainland):
    """The quote during a 50 Mbps temporary upgrade of a 10 Mbps package: 10 Mbps, USD 340.00 a month."""
    package = temporarily_upgrade(mainland)
    quote = services.renewal_quote(package=package, duration_months=1)
    assert (quote.bandwidth, quote.monthly_price, quote.total) == (10, MONTH_AT_10, MONTH_AT_10)


def test_renewal_order_during_a_temporary_upgrade_charges_the_packages_own_bandwidth(mainland):
    """Renew 1 month during the temporary upgrade, then Pay: USD 340.00 taken, the order says 10 Mbps."""
    package = temporarily_upgrade(mainland)
    before = balance(package.owner)
    order = services.order_pay(owner=package.owner, order_id=renewal(package).pk)
    assert (order.status, order.amount, order.bandwidth) == (Order.Status.PAID, MONTH_AT_10, 10)
    assert before - balance(package.owner) == MONTH_AT_10


def test_renew_page_during_a_temporary_upgrade_quotes_and_charges_the_packages_own_bandwidth(client, mainland):
    """The Renew page says USD 340.00 / month (10 Mbps), and its Pay takes USD 340.00."""
    package = temporarily_upgrade(mainland)
    client.force_login(package.owner)
    url = reverse("bandwidth:package_renew", args=[package.pk])
    page = client.get(url).content.decode()
    assert "USD 340.00 / month (10 Mbps)" in page
    assert "1,700.00" not in page and "(50 Mbps)" not in page
    before = balance(package.owner)
    client.post(url, {"idempotency_key": "renew-page", "duration_months": 1, "terms_agreed": "on"})
    order = Order.objects.get(order_type=Order.Type.RENEW)
    assert (order.status, order.amount) == (Order.Status.PAID, MONTH_AT_10)
    assert before - balance(package.owner) == MONTH_AT_10


def test_renewal_placed_before_a_temporary_upgrade_is_paid_during_it_at_its_price(mainland):
    """A Renew order placed at 10 Mbps and paid during a 50 Mbps temporary upgrade: USD 340.00, paid."""
    order = renewal(mainland)
    package = temporarily_upgrade(mainland)
    before = balance(package.owner)
    order = services.order_pay(owner=package.owner, order_id=order.pk)
    assert (order.status, order.amount) == (Order.Status.PAID, MONTH_AT_10)
    assert before - balance(package.owner) == MONTH_AT_10


def test_renewal_placed_during_a_temporary_upgrade_is_paid_after_it_ends_at_its_price(mainland):
    """A Renew order placed during a 2-hour temporary upgrade and paid an hour after it ended: USD 340.00."""
    package = temporarily_upgrade(mainland, lasting=timedelta(hours=2))
    order = renewal(package)
    later = clock.now() + timedelta(hours=3)
    services.subscriptions_process(now=later)
    with time_machine.travel(later, tick=False):
        order = services.order_pay(owner=package.owner, order_id=order.pk)
    assert (order.status, order.amount) == (Order.Status.PAID, MONTH_AT_10)
    assert LedgerEntry.objects.get(order_id=order.pk).amount == -MONTH_AT_10


def test_an_overpriced_renewal_order_from_a_temporary_upgrade_is_charged_the_packages_own_price(mainland):
    """A Renew order priced at the temporary 50 Mbps (as before the fix) is charged USD 340.00 at Pay."""
    package = temporarily_upgrade(mainland)
    order = renewal(package)
    Order.objects.filter(pk=order.pk).update(amount=Decimal("1700.00"), bandwidth=50, package_version=package.version)
    before = balance(package.owner)
    order = services.order_pay(owner=package.owner, order_id=order.pk)
    assert (order.status, order.amount) == (Order.Status.PAID, MONTH_AT_10)
    assert before - balance(package.owner) == MONTH_AT_10


def test_auto_renewal_after_a_temporary_upgrade_charges_the_packages_own_bandwidth(mainland):
    """A temporary upgrade to the expiration, auto-renewal on: the auto-renewal takes USD 340.00."""
    BandwidthPackage.objects.filter(pk=mainland.pk).update(auto_renewal=True, auto_renewal_months=1)
    package = BandwidthPackage.objects.get(pk=mainland.pk)
    order = services.order_create_temporary_upgrade(
        owner=package.owner, idempotency_key="temp", package_id=package.pk, bandwidth=50, ends_at=package.expires_at
    )
    services.order_pay(owner=package.owner, order_id=order.pk)
    before = balance(package.owner)
    done = services.subscriptions_process(now=package.expires_at)
    assert (done["temporary_upgrades_ended"], done["auto_renewed"]) == (1, 1)
    renewed = Order.objects.get(order_type=Order.Type.RENEW)
    assert (renewed.status, renewed.amount, renewed.bandwidth) == (Order.Status.PAID, MONTH_AT_10, 10)
    assert before - balance(package.owner) == MONTH_AT_10
