"""Simultaneous requests, as two gunicorn workers would make them: threads with their own database
connections, released together by a barrier. PostgreSQL only (SQLite serialises whole transactions)."""

import uuid
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import order_purchase, purchase_args

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def balance_of(user):
    user.refresh_from_db(fields=["balance"])
    return user.balance


def test_double_pay_at_once_makes_one_package_and_one_charge(cen_instance):
    """Two Pays of one order at the same moment create one package and charge the balance once."""
    order = order_purchase(cen_instance)
    owner = cen_instance.owner
    outcomes = at_once(*[lambda: services.order_pay(owner=owner, order_id=order.pk)] * 2)
    assert all(isinstance(outcome, Order) for outcome in outcomes), outcomes
    assert outcomes[0].package_id == outcomes[1].package_id
    assert BandwidthPackage.objects.count() == 1
    assert balance_of(owner) == Decimal("8400.00")


def test_buy_now_twice_at_once_with_one_key_makes_one_order(cen_instance):
    """Two Buy Nows with the same idempotency key at the same moment make one order."""
    owner, key = cen_instance.owner, uuid.uuid4().hex
    args = purchase_args(cen_instance)
    outcomes = at_once(
        *[lambda: services.order_create_purchase(terms_agreed=True, owner=owner, idempotency_key=key, **args)] * 2
    )
    assert all(isinstance(outcome, Order) for outcome in outcomes), outcomes
    assert outcomes[0].pk == outcomes[1].pk
    assert Order.objects.count() == 1


def test_buy_now_twice_at_once_with_one_key_and_other_terms_refuses_one(cen_instance):
    """Two Buy Nows with the same key and different bandwidths at the same moment: one order, and the
    other Buy Now refused (order_key_other_terms) rather than answered with that order."""
    owner, key = cen_instance.owner, uuid.uuid4().hex
    outcomes = at_once(
        *[
            lambda bandwidth=bandwidth: services.order_create_purchase(
                terms_agreed=True, owner=owner, idempotency_key=key, **purchase_args(cen_instance, bandwidth=bandwidth)
            )
            for bandwidth in (10, 20)
        ]
    )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert [error.code for error in refused] == ["order_key_other_terms"], outcomes
    assert Order.objects.count() == 1


def test_two_orders_for_one_pair_paid_at_once_make_one_package(cen_instance):
    """Paying two orders for the same area pair at once binds one package; the other Pay is refused
    and charges nothing."""
    owner = cen_instance.owner
    first, second = order_purchase(cen_instance), order_purchase(cen_instance)
    outcomes = at_once(
        lambda: services.order_pay(owner=owner, order_id=first.pk),
        lambda: services.order_pay(owner=owner, order_id=second.pk),
    )
    assert sorted(type(outcome).__name__ for outcome in outcomes) == ["Order", "ValidationError"], outcomes
    assert BandwidthPackage.objects.count() == 1
    assert balance_of(owner) == Decimal("8400.00")


def test_two_payments_at_once_never_overdraw_the_balance(cen_instance):
    """Two USD 6,400 orders paid at once from USD 10,000: one is paid, the other refused; the balance
    never goes below zero."""
    owner = cen_instance.owner
    first = order_purchase(cen_instance, bandwidth=40)
    second = order_purchase(cen_instance, bandwidth=40, area_a_code="Asia-Pacific", area_b_code="North-America")
    second.amount = Decimal("6400.00")
    Order.objects.filter(pk=second.pk).update(amount=second.amount)
    outcomes = at_once(
        lambda: services.order_pay(owner=owner, order_id=first.pk),
        lambda: services.order_pay(owner=owner, order_id=second.pk),
    )
    refused = [outcome for outcome in outcomes if isinstance(outcome, ValidationError)]
    assert len(refused) == 1 and refused[0].code == "insufficient_balance", outcomes
    assert BandwidthPackage.objects.count() == 1
    assert balance_of(owner) == Decimal("3600.00")
