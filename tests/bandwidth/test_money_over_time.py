"""Issue 11's scenarios: orders priced on an old version of a package, orders that lapse, orders and
deletion tickets excluding each other, refunds, and the ledger agreeing with every balance."""

from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from cenconsole.accounts.models import User
from cenconsole.bandwidth import pricing, services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.tickets import services as ticket_services
from tests.factories import buy_package, open_ticket, order_purchase

pytestmark = pytest.mark.django_db


@pytest.fixture
def north_america(cen_instance):
    """North America <-> North America at 2 Mbps for a month: USD 40 a month (USD 20 a Mbps)."""
    return buy_package(cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=2)


@pytest.fixture
def staff(db):
    return User.objects.create_superuser("support-lead", password="pw-support-123")


def renew(package, months, key="renew"):
    return services.order_create_renewal(
        terms_agreed=True, owner=package.owner, idempotency_key=key, package_id=package.pk, duration_months=months
    )


def resize(package, bandwidth, key="resize"):
    return services.order_create_resize(
        terms_agreed=True, owner=package.owner, idempotency_key=key, package_id=package.pk, bandwidth=bandwidth
    )


def pay(order):
    return services.order_pay(owner=order.owner, order_id=order.pk)


def balance(account):
    return User.objects.get(pk=account.pk).balance


def fresh(obj):
    return type(obj).objects.get(pk=obj.pk)


def test_an_old_renewal_is_not_paid_at_its_old_price_after_an_upgrade(north_america, user):
    """The tester's first scenario: a 36-month renewal ordered at 2 Mbps (USD 1,200) and paid after an
    upgrade to 400 Mbps is refused, cancelled, and charges nothing."""
    old_renewal = renew(north_america, 36, key="renew-36")
    assert old_renewal.amount == Decimal("1200.00")
    pay(resize(north_america, 400, key="up-400"))
    before, expiry = balance(user), fresh(north_america).expires_at
    with pytest.raises(ValidationError, match="bandwidth 2 Mbps → 400 Mbps"):
        pay(old_renewal)
    assert fresh(old_renewal).status == Order.Status.CANCELLED
    assert (balance(user), fresh(north_america).expires_at) == (before, expiry)
    # The console's own quote for that renewal now:
    assert services.renewal_quote(package=fresh(north_america), duration_months=36).total == Decimal("240000.00")


def test_an_upgrade_priced_on_the_last_hour_is_not_paid_after_a_renewal(north_america, user):
    """The reverse: an upgrade to 10,000 Mbps priced on the package's last hour, paid after a 36-month
    renewal, is refused: the expiration it was priced on has changed."""
    with time_machine.travel(north_america.expires_at - timedelta(minutes=30), tick=False):
        upgrade = resize(north_america, 10_000, key="up-last-hour")
        assert upgrade.amount == pricing.upgrade_price(
            area_a_code="North-America",
            area_b_code="North-America",
            old_bandwidth=2,
            new_bandwidth=10_000,
            expires_at=north_america.expires_at,
            now=north_america.expires_at - timedelta(minutes=30),
        )
        pay(renew(north_america, 36, key="renew-36"))
        before = balance(user)
        with pytest.raises(ValidationError, match="expiration time"):
            pay(upgrade)
    assert (fresh(north_america).bandwidth, balance(user)) == (2, before)


def test_an_upgrade_paid_hours_later_is_charged_the_price_of_now(north_america, user):
    """An upgrade's price falls with the hours left: paid later, it is charged what the console
    quotes then, never the older, higher amount."""
    upgrade = resize(north_america, 20)
    with time_machine.travel(upgrade.created_at + timedelta(hours=5), tick=False):
        now_price = services.resize_check(package=fresh(north_america), bandwidth=20)[1]
        before = balance(user)
        paid = pay(upgrade)
    assert now_price < upgrade.amount
    assert (paid.amount, balance(user)) == (now_price, before - now_price)


def test_an_unpaid_order_lapses_after_the_payment_window(cen_instance, user, settings):
    """An order not paid within ORDER_PAYMENT_WINDOW_HOURS lapses at Pay, with nothing charged."""
    settings.ORDER_PAYMENT_WINDOW_HOURS = 24
    order = order_purchase(cen_instance)
    assert order.pay_before == order.created_at + timedelta(hours=24)
    before = balance(user)
    with time_machine.travel(order.pay_before + timedelta(seconds=1), tick=False):
        with pytest.raises(ValidationError, match="has lapsed"):
            pay(order)
    assert (fresh(order).status, balance(user)) == (Order.Status.LAPSED, before)
    assert not BandwidthPackage.objects.filter(owner=user).exists()


def test_the_periodic_job_lapses_unpaid_orders_and_says_so(cen_instance, capsys):
    """process_subscriptions lapses every unpaid order past its deadline, once."""
    order = order_purchase(cen_instance)
    moment = (order.pay_before + timedelta(minutes=1)).strftime("%Y-%m-%dT%H:%MZ")
    call_command("process_subscriptions", now=moment)
    assert "1 unpaid orders lapsed" in capsys.readouterr().out
    assert fresh(order).status == Order.Status.LAPSED
    call_command("process_subscriptions", now=moment)
    assert "0 unpaid orders lapsed" in capsys.readouterr().out


def test_the_orders_page_and_the_order_page_say_pay_before(client_user, cen_instance):
    """Orders and the order's page show the deadline of an unpaid order."""
    order = order_purchase(cen_instance)
    deadline = f"Pay before {order.pay_before:%Y-%m-%d %H:%M} UTC"
    assert deadline in client_user.get(reverse("bandwidth:order_list")).content.decode()
    assert deadline in client_user.get(reverse("bandwidth:order_detail", args=[order.pk])).content.decode()


def test_no_renewal_can_be_ordered_for_a_package_being_deleted(north_america):
    """With a pending deletion ticket, Renew, Upgrade and Downgrade are refused at Buy Now."""
    open_ticket(north_america)
    for place in (lambda: renew(north_america, 12), lambda: resize(north_america, 4)):
        with pytest.raises(ValidationError, match="pending deletion ticket"):
            place()


def test_request_deletion_cancels_the_packages_unpaid_orders(north_america, client_user):
    """Request Deletion names the unpaid orders it will cancel, then cancels them."""
    renewal = renew(north_america, 12)
    url = reverse("tickets:request_deletion", args=[north_america.pk])
    page = client_user.get(url).content.decode()
    assert "cancels this package's unpaid orders" in page and f">{renewal.number}</a>" in page
    response = client_user.post(url, {"reason": "Project over"}, follow=True)
    assert "unpaid orders were cancelled" in response.content.decode()
    assert fresh(renewal).status == Order.Status.CANCELLED


def test_a_renewal_is_never_charged_for_a_package_being_deleted(north_america, user, staff):
    """The tester's second scenario: open a ticket, renew, approve. The renewal order was cancelled
    by the ticket, cannot be paid, and nothing is charged; the package is released."""
    renewal = renew(north_america, 12)
    ticket = open_ticket(north_america)
    before = balance(user)
    with pytest.raises(ValidationError):
        pay(renewal)
    ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff)
    assert balance(user) == before
    assert fresh(north_america).released_at is not None
    assert not Order.objects.filter(package=north_america, order_type="Renew", status="Paid").exists()


def test_approval_with_refund_returns_the_unused_share_of_what_was_paid(cen_instance, user, staff):
    """Release and refund unused time: the USD 170 paid for the month times the share of the month
    still to run, as a Refund order on Orders and on the ticket, credited through the ledger."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=5)
    bought = package.orders.get(order_type="Buy")
    ticket = open_ticket(package)
    left = timedelta(days=10, hours=3)
    with time_machine.travel(package.expires_at - left, tick=False):
        amount = ticket_services.approval_refund(ticket)
        before = balance(user)
        ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    share = left / (bought.term_end - bought.term_start)
    assert amount == (Decimal("170.00") * Decimal(share)).quantize(Decimal("0.01"), rounding="ROUND_DOWN")
    refund = fresh(ticket).refund_order
    assert (refund.order_type, refund.amount, refund.package_id) == ("Refund", amount, package.pk)
    assert balance(user) == before + amount
    assert user.ledger_entries.filter(kind="refund", order_id=refund.pk, amount=amount).exists()


def test_cross_border_packages_are_never_refunded(cen_instance, user, staff):
    """A cross-border package approved with a refund is released with nothing returned."""
    package = buy_package(cen_instance)  # Mainland China <-> North America
    ticket = open_ticket(package)
    before = balance(user)
    ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    assert (balance(user), fresh(ticket).refund_order) == (before, None)


def test_refunds_show_on_the_orders_page_linked_to_their_package(cen_instance, client_user, staff):
    """A refund is a row of type Refund on Orders, naming its package."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    ticket = open_ticket(package)
    ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    page = client_user.get(reverse("bandwidth:order_list")).content.decode()
    assert "Refund" in page and "Refunded" in page and package.pk in page


def test_the_ledger_agrees_after_the_scenarios(north_america, cen_instance, user, staff):
    """After purchases, a stale order, a downgrade refund and an approval refund, check_ledger is
    silent and exits 0."""
    stale = renew(north_america, 36, key="stale")
    pay(resize(north_america, 40, key="up"))
    with pytest.raises(ValidationError):
        pay(stale)
    pay(resize(north_america, 10, key="down"))
    ticket_services.ticket_approve(ticket_id=open_ticket(north_america).pk, staff=staff, refund=True)
    call_command("check_ledger")
