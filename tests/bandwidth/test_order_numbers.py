"""Orders carry a long order number in the real console's form, unique across accounts and resets,
shown wherever an order is named; URLs keep the primary key."""

import re

import pytest
from django.db import IntegrityError

from cenconsole.accounts.models import LedgerEntry
from cenconsole.bandwidth.models import Order
from cenconsole.core.ids import order_number
from tests.factories import CenInstanceFactory, buy_package, order_purchase

pytestmark = pytest.mark.django_db


def test_order_number_is_sixteen_digits():
    """An order number is 16 digits starting with 2."""
    assert re.fullmatch(r"2\d{15}", order_number())


def test_order_numbers_do_not_repeat():
    """10,000 numbers made in a row are all different."""
    assert len({order_number() for _ in range(10_000)}) == 10_000


def test_each_order_gets_its_own_number(cen_instance, other_user):
    """Orders of two accounts get different long numbers."""
    first = order_purchase(cen_instance)
    second = order_purchase(CenInstanceFactory(owner=other_user))
    assert first.number != second.number and len(first.number) == 16


def test_the_number_column_is_unique(cen_instance):
    """The database refuses a second order with the same number."""
    order = order_purchase(cen_instance)
    other = order_purchase(cen_instance)
    with pytest.raises(IntegrityError):
        Order.objects.filter(pk=other.pk).update(number=order.number)


def test_confirm_order_names_the_order_by_its_number(client_user, cen_instance):
    """Confirm Order shows the long number in its breadcrumb and summary."""
    order = order_purchase(cen_instance)
    html = client_user.get(f"/cen/orders/{order.pk}/").content.decode()
    assert f"Order {order.number}" in html
    assert f'<dd class="order-number">{order.number}</dd>' in html


def test_orders_list_shows_the_number(client_user, cen_instance):
    """The Orders list names each order by its long number, linked by its primary key."""
    order = order_purchase(cen_instance)
    html = client_user.get("/cen/orders/").content.decode()
    assert f'<a class="order-number" href="/cen/orders/{order.pk}/">{order.number}</a>' in html


def test_billing_names_the_order_by_its_number(client_user, cen_instance):
    """The ledger entry of a paid order says "Buy order <number>" on the Billing page."""
    package = buy_package(cen_instance)
    order = Order.objects.get(package=package)
    assert LedgerEntry.objects.filter(description=f"Buy order {order.number}").exists()
    assert f"Buy order {order.number}" in client_user.get("/billing/").content.decode()


def test_numbers_do_not_repeat_on_a_frozen_clock():
    """With the clock frozen (as the test clock and time_machine hold it), numbers still differ."""
    import time_machine

    with time_machine.travel(0, tick=False):
        assert len({order_number() for _ in range(1_000)}) == 1_000


def test_a_taken_number_is_drawn_again(cen_instance, monkeypatch):
    """A new order whose drawn number is taken gets another one."""
    from cenconsole.bandwidth.models import orders as models

    first = order_purchase(cen_instance)
    draws = iter([first.number, "2000000000000001"])
    monkeypatch.setattr(models, "order_number", lambda: next(draws))
    second = Order.objects.get(pk=first.pk)
    second.pk, second._state.adding, second.idempotency_key = None, True, "another key"
    second.save()
    assert second.number == "2000000000000001"
