"""Issue 19's property: whatever an account buys, renews, upgrades, downgrades and releases with a
refund, at whatever times and for whatever durations (years included), it never ends with more money
than it started with, no package ever refunds more than was paid for it, and the ledger adds up."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cenconsole.accounts.models import User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import DURATION_CHOICES, BandwidthPackage, Order
from cenconsole.core import clock
from cenconsole.tickets import services as tickets
from tests.factories import UserFactory, support_staff

pytestmark = pytest.mark.django_db

CREDIT = Decimal("10000.00")
DURATIONS = [months for months, _ in DURATION_CHOICES]
# Refundable pairs (a cross-border pair never refunds) and one cross-border pair.
PAIRS = [("China", "China"), ("North-America", "North-America"), ("Europe", "Asia-Pacific"), ("China", "Europe")]
REFUSED = (ValidationError, PermissionDenied)

steps = st.lists(
    st.one_of(
        st.tuples(st.just("buy"), st.sampled_from(PAIRS), st.integers(2, 16), st.sampled_from(DURATIONS)),
        st.tuples(st.just("renew"), st.integers(0, 3), st.sampled_from(DURATIONS)),
        st.tuples(st.just("resize"), st.integers(0, 3), st.integers(2, 24)),
        st.tuples(st.just("release"), st.integers(0, 3), st.booleans()),
        st.tuples(st.just("wait"), st.integers(1, 24 * 400)),  # hours, up to past a year
    ),
    min_size=1,
    max_size=12,
)
starts = st.datetimes(
    min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC)
)


def _run(step, user, staff, package_ids, key):
    """One step: the account's own actions on its clock, staff's approval on real time."""
    with clock.account_time(user.clock_offset):
        return _step(step, user, staff, package_ids, key)


def _step(step, user, staff, package_ids, key):
    kind, *args = step
    packages = BandwidthPackage.objects.active().filter(owner=user).in_bulk(package_ids)
    live = [packages[pk] for pk in package_ids if pk in packages]
    if kind == "buy":
        (area_a, area_b), bandwidth, months = args
        order = services.buy_and_pay(
            owner=user,
            idempotency_key=key, terms_agreed=True,
            cen_instance_id=None,
            area_a_code=area_a,
            area_b_code=area_b,
            bandwidth=bandwidth,
            duration_months=months,
            cross_border_agreed=True,
        )
        package_ids.append(order.package_id)
    elif kind == "wait":
        return timedelta(hours=args[0])
    elif live:
        package = live[args[0] % len(live)]
        if kind == "renew":
            order = services.order_create_renewal(
                owner=user, idempotency_key=key, terms_agreed=True, package_id=package.pk, duration_months=args[1]
            )
            services.order_pay(owner=user, order_id=order.pk)
        elif kind == "resize":
            order = services.order_create_resize(
                owner=user, idempotency_key=key, terms_agreed=True, package_id=package.pk, bandwidth=args[1]
            )
            services.order_pay(owner=user, order_id=order.pk)
        else:
            ticket, _ = tickets.ticket_open(requester=user, package_id=package.pk, reason="property")
            with clock.account_time(None):  # staff work on real time
                tickets.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=args[1])
    return None


def _assert_never_more_than_paid(user):
    balance = User.objects.get(pk=user.pk).balance
    assert balance <= CREDIT, balance
    totals = (
        Order.objects.filter(owner=user)
        .values("package_id")
        .annotate(
            paid=Sum("amount", filter=Q(status=Order.Status.PAID)),
            refunded=Sum("amount", filter=Q(status=Order.Status.REFUNDED)),
        )
    )
    for row in totals:
        assert (row["refunded"] or 0) <= (row["paid"] or 0), row


@settings(
    max_examples=60,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(start=starts, sequence=steps, ahead=st.sampled_from([0, 0, 45, 400]))
def test_no_sequence_of_orders_and_refunds_makes_money(start, sequence, ahead):
    """Random buy / renew / upgrade / downgrade / release-with-refund sequences at random times, every
    duration, on real time or an account clock days ahead (staff approving on real time): the balance
    never passes the credit, no package refunds more than was paid for it, and check_ledger holds."""
    with time_machine.travel(start, tick=False) as traveller:
        user = UserFactory()
        User.objects.filter(pk=user.pk).update(clock_offset=timedelta(days=ahead))
        user.refresh_from_db()
        staff = support_staff(f"property-staff-{user.pk}")
        package_ids = []
        for number, step in enumerate(sequence):
            try:
                moved = _run(step, user, staff, package_ids, key=f"property-{number}")
            except REFUSED:
                moved = None
            if moved:
                traveller.shift(moved)
            _assert_never_more_than_paid(user)
        # Whatever is left is released with a refund at the end: still no gain.
        for package_id in package_ids:
            try:
                _run(("release", package_ids.index(package_id), True), user, staff, package_ids, key="end")
            except REFUSED:
                pass
        _assert_never_more_than_paid(user)
    assert ledger_check().disagreements == []
