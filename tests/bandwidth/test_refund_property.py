"""Issue 19's property: whatever an account buys, renews, upgrades, downgrades, temporarily upgrades
and releases with a refund, at whatever times and for whatever durations (years included), it never
ends with more money than it started with, no package ever refunds more than was paid for it, and the
ledger adds up. Issue 27 added the lower bounds and the temporary upgrade: every charge is taken from
the balance, a release refunds at least the unused paid value (rounded down), and every renewal
(Renew or auto-renewal) costs the price of the package's own bandwidth, never a temporary one."""

from datetime import UTC, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from fractions import Fraction

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.bandwidth import pricing, services
from cenconsole.bandwidth.models import DURATION_CHOICES, BandwidthPackage, Order
from cenconsole.core import clock
from cenconsole.tickets import services as tickets
from tests.factories import UserFactory, support_staff

pytestmark = [pytest.mark.django_db, pytest.mark.slow]  # a property test of many examples

CREDIT = Decimal("10000.00")
DURATIONS = [months for months, _ in DURATION_CHOICES]
# Refundable pairs (a cross-border pair never refunds) and one cross-border pair.
PAIRS = [("China", "China"), ("North-America", "North-America"), ("Europe", "Asia-Pacific"), ("China", "Europe")]
REFUSED = (ValidationError, PermissionDenied)

steps = st.lists(
    st.one_of(
        st.tuples(
            st.just("buy"), st.sampled_from(PAIRS), st.integers(2, 16), st.sampled_from(DURATIONS), st.booleans()
        ),
        st.tuples(st.just("renew"), st.integers(0, 3), st.sampled_from(DURATIONS)),
        st.tuples(st.just("resize"), st.integers(0, 3), st.integers(2, 24)),
        st.tuples(st.just("release"), st.integers(0, 3), st.booleans()),
        # A temporary upgrade by so many Mbps for so many hours (at most until the expiration).
        st.tuples(st.just("temporary"), st.integers(0, 3), st.integers(1, 40), st.integers(1, 24 * 40)),
        st.tuples(st.just("wait"), st.integers(1, 24 * 400)),  # hours, up to past a year
    ),
    min_size=1,
    max_size=12,
)
starts = st.datetimes(min_value=datetime(2026, 1, 1), max_value=datetime(2028, 12, 31), timezones=st.just(UTC))


def _run(step, user, staff, package_ids, key, own):
    """One step: the account's own actions on its clock, staff's approval on real time."""
    with clock.account_time(user.clock_offset):
        return _step(step, user, staff, package_ids, key, own)


def _step(step, user, staff, package_ids, key, own):
    """Runs one step; `own` is the test's record of each package's own bandwidth (bought, or changed by
    a paid Upgrade or Downgrade; a temporary upgrade leaves it)."""
    kind, *args = step
    packages = BandwidthPackage.objects.active().filter(owner=user).in_bulk(package_ids)
    live = [packages[pk] for pk in package_ids if pk in packages]
    if kind == "buy":
        (area_a, area_b), bandwidth, months, auto_renewal = args
        order = services.buy_and_pay(
            owner=user,
            idempotency_key=key,
            terms_agreed=True,
            cen_instance_id=None,
            area_a_code=area_a,
            area_b_code=area_b,
            bandwidth=bandwidth,
            duration_months=months,
            auto_renewal=auto_renewal,
            cross_border_agreed=True,
        )
        package_ids.append(order.package_id)
        own[order.package_id] = bandwidth
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
            own[package.pk] = args[1]
        elif kind == "temporary":
            order = services.order_create_temporary_upgrade(
                owner=user,
                idempotency_key=key,
                package_id=package.pk,
                bandwidth=package.bandwidth + args[1],
                ends_at=min(clock.now() + timedelta(hours=args[2]), package.expires_at),
            )
            services.order_pay(owner=user, order_id=order.pk)
        else:
            ticket, _ = tickets.ticket_open(requester=user, package_id=package.pk, reason="property")
            with clock.account_time(None):  # staff work on real time
                tickets.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=args[1])
    return None


def _time_passes(user):
    """process_subscriptions for the account at its time: temporary upgrades end, packages expire,
    auto-renew (when on) and are released after the grace period."""
    with clock.account_time(user.clock_offset):
        services.subscriptions_process(owner=user)


def _share_left(start, end, now) -> Fraction:
    """How much of [start, end] is still to run at `now`: between 0 and 1, whatever `now` is."""
    length = (end - start) / timedelta(microseconds=1)
    left = (end - now) / timedelta(microseconds=1)
    return min(max(Fraction(int(left), int(length)), Fraction(0)), Fraction(1))


def _unused_paid_value(package_id, now) -> Fraction:
    """The test's own reckoning of what a package's paid terms still hold at `now` (the rule the
    README states: each paid term spread over its period; a downgrade keeps new/old of what is left)."""
    terms = []
    paid = Order.objects.filter(package_id=package_id, status=Order.Status.PAID, term_start__isnull=False)
    for order in paid.order_by("paid_at", "pk"):
        if order.order_type == Order.Type.DOWNGRADE:
            at, keep = order.term_start, Fraction(order.bandwidth, order.previous_bandwidth)
            terms = [(max(start, at), end, value * _share_left(start, end, at) * keep) for start, end, value in terms]
        else:
            terms.append((order.term_start, order.term_end, Fraction(order.amount)))
    return sum((value * _share_left(start, end, now) for start, end, value in terms), Fraction(0))


def _paid_less_refunded(package_id) -> Decimal:
    totals = Order.objects.filter(package_id=package_id).aggregate(
        paid=Sum("amount", filter=Q(status=Order.Status.PAID)),
        refunded=Sum("amount", filter=Q(status=Order.Status.REFUNDED)),
    )
    return (totals["paid"] or Decimal("0")) - (totals["refunded"] or Decimal("0"))


def _release_floor(user, step, package_ids):
    """Before a release with a refund: (package id, the least it must refund), or None."""
    kind, *args = step
    if kind != "release" or not args[1]:
        return None
    live = [pk for pk in package_ids if BandwidthPackage.objects.active().filter(owner=user, pk=pk).exists()]
    if not live:
        return None
    package = BandwidthPackage.objects.get(pk=live[args[0] % len(live)])
    if package.is_cross_border:
        return None
    with clock.account_time(user.clock_offset):
        unused = _unused_paid_value(package.pk, clock.now())
    floor = (Decimal(unused.numerator) / Decimal(unused.denominator)).quantize(Decimal("0.01"), ROUND_DOWN)
    return package.pk, min(floor, _paid_less_refunded(package.pk))


def _assert_release_refunds_at_least(floor):
    """Lower bound: a package released with a refund got at least the unused paid value, rounded down."""
    if floor is None:
        return
    package_id, least = floor
    if not BandwidthPackage.objects.filter(pk=package_id, released_at__isnull=False).exists():
        return  # the release was refused
    refunded = Order.objects.filter(package_id=package_id, status=Order.Status.REFUNDED).order_by("pk").last()
    assert (refunded.amount if refunded else Decimal("0")) >= least, (package_id, least)


def _assert_renewals_priced_at_own_bandwidth(user, own, seen_order_id):
    """Every renewal paid since `seen_order_id` (Renew or auto-renewal) cost the price of the package's
    own bandwidth for its months, whatever temporary upgrade ran when it was paid."""
    renewals = Order.objects.filter(
        owner=user, order_type=Order.Type.RENEW, status=Order.Status.PAID, pk__gt=seen_order_id
    )
    for order in renewals:
        price = pricing.quote(
            area_a_code=order.area_a_id,
            area_b_code=order.area_b_id,
            bandwidth=own[order.package_id],
            duration_months=order.duration_months,
        ).total
        assert order.amount == price, (order.pk, order.amount, price, own[order.package_id])


def _assert_every_charge_taken(user):
    """Lower bound: the balance is the credit less every paid order plus every refund, and every paid
    order with an amount has its charge in the ledger."""
    orders = Order.objects.filter(owner=user)
    totals = orders.aggregate(
        paid=Sum("amount", filter=Q(status=Order.Status.PAID)),
        refunded=Sum("amount", filter=Q(status=Order.Status.REFUNDED)),
    )
    expected = CREDIT - (totals["paid"] or 0) + (totals["refunded"] or 0)
    assert User.objects.get(pk=user.pk).balance == expected
    charged = dict(
        LedgerEntry.objects.filter(account=user, kind=LedgerEntry.Kind.CHARGE).values_list("order_id", "amount")
    )
    for order_id, amount in orders.filter(status=Order.Status.PAID, amount__gt=0).values_list("pk", "amount"):
        assert charged.get(order_id) == -amount, (order_id, amount)


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
    """Random buy / renew / upgrade / downgrade / temporary upgrade / release-with-refund sequences at
    random times, every duration, time passing with process_subscriptions, on real time or an account
    clock days ahead (staff approving on real time): the balance never passes the credit, no package
    refunds more than was paid for it, every charge is taken, a release refunds at least the unused
    paid value, every renewal costs the package's own bandwidth, and check_ledger holds."""
    with time_machine.travel(start, tick=False) as traveller:
        user = UserFactory()
        User.objects.filter(pk=user.pk).update(clock_offset=timedelta(days=ahead))
        user.refresh_from_db()
        staff = support_staff(f"property-staff-{user.pk}")
        package_ids, own = [], {}
        for number, step in enumerate(sequence):
            seen = Order.objects.order_by("pk").values_list("pk", flat=True).last() or 0
            floor = _release_floor(user, step, package_ids)
            try:
                moved = _run(step, user, staff, package_ids, key=f"property-{number}", own=own)
            except REFUSED:
                moved = None
            if moved:
                traveller.shift(moved)
                _time_passes(user)
            _assert_never_more_than_paid(user)
            _assert_every_charge_taken(user)
            _assert_release_refunds_at_least(floor)
            _assert_renewals_priced_at_own_bandwidth(user, own, seen)
        # Whatever is left is released with a refund at the end: still no gain, and no less than unused.
        for package_id in package_ids:
            step = ("release", package_ids.index(package_id), True)
            floor = _release_floor(user, step, package_ids)
            try:
                _run(step, user, staff, package_ids, key="end", own=own)
            except REFUSED:
                pass
            _assert_release_refunds_at_least(floor)
        _assert_never_more_than_paid(user)
        _assert_every_charge_taken(user)
    assert ledger_check().disagreements == []
