"""Random sequences of everything a person (or staff, or time) can do, across two accounts, with the
console's invariants checked after every step."""

from collections import Counter
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from itertools import combinations_with_replacement

import pytest
import time_machine
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, rule

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth import services as billing
from cenconsole.bandwidth.models import BandwidthPackage, Order, add_months
from cenconsole.networks import services as networks
from cenconsole.networks.models import RegionConnection, regions_covered_by
from cenconsole.regions.models import Region
from cenconsole.tickets import services as tickets
from cenconsole.tickets.models import DeletionTicket
from tests.factories import CenInstanceFactory, UserFactory, support_staff

AREAS = ["China", "North-America", "Asia-Pacific", "Europe", "Australia"]
PAIRS = list(combinations_with_replacement(AREAS, 2))
CREDIT = Decimal("10000.00")
REFUSED = (ValidationError, PermissionDenied)
# The machine's clock starts here and only moves when time_passes says so (frozen between steps), so
# hypothesis replays every example exactly.
START = datetime(2026, 11, 27, 9, 0, tzinfo=UTC)


class ConsoleMachine(RuleBasedStateMachine):
    @initialize()
    def accounts(self):
        self.traveller = time_machine.travel(START, tick=False)
        self.clock = self.traveller.start()
        self.users = [UserFactory(), UserFactory()]
        self.cens = {user.pk: [CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)] for user in self.users}
        self.staff = support_staff(f"staff{self.users[0].pk}")
        self.regions = list(Region.objects.select_related("area"))
        self.released = {}  # package id -> its row when released
        self.keys = 0
        self.package_ids = []  # in the order they were bought: ids are random, the machine's order is not
        self.unpaid = []  # orders placed and left for later

    def teardown(self):
        if hasattr(self, "traveller"):
            self.traveller.stop()

    def key(self):
        self.keys += 1
        return f"machine-{self.keys}"

    def packages(self, user):
        active = BandwidthPackage.objects.active().filter(owner=user).in_bulk()
        return [active[package_id] for package_id in self.package_ids if package_id in active]

    def pick(self, data, items):
        return data.draw(st.sampled_from(items)) if items else None

    # --- what people do -------------------------------------------------------------------------

    @rule(
        data=st.data(),
        bandwidth=st.integers(1, 12),
        months=st.sampled_from([1, 2, 3, 6, 12, 24, 36]),
        pay=st.sampled_from([True, True, False]),
        bound=st.sampled_from([True, True, True, False]),
    )
    def buy(self, data, bandwidth, months, pay, bound):
        user = self.pick(data, self.users)
        area_a, area_b = self.pick(data, PAIRS)
        cen = self.pick(data, self.cens[user.pk])
        try:
            order = billing.order_create_purchase(
                terms_agreed=True,
                owner=user,
                idempotency_key=self.key(),
                cen_instance_id=cen.pk if bound else None,
                area_a_code=area_a,
                area_b_code=area_b,
                bandwidth=bandwidth,
                duration_months=months,
                cross_border_agreed=True,
            )
            if pay:
                order = billing.order_pay(owner=user, order_id=order.pk)
                billing.order_pay(owner=user, order_id=order.pk)  # a double click
                self.package_ids.append(order.package_id)
            else:
                self.unpaid.append(order)
        except REFUSED:
            pass

    @rule(data=st.data(), months=st.sampled_from([1, 3]))
    def renew(self, data, months):
        user = self.pick(data, self.users)
        package = self.pick(data, self.packages(user))
        if package:
            try:
                order = billing.order_create_renewal(
                    terms_agreed=True,
                    owner=user,
                    idempotency_key=self.key(),
                    package_id=package.pk,
                    duration_months=months,
                )
                billing.order_pay(owner=user, order_id=order.pk)
            except REFUSED:
                pass

    @rule(data=st.data(), new_bandwidth=st.integers(1, 20))
    def resize(self, data, new_bandwidth):
        user = self.pick(data, self.users)
        package = self.pick(data, self.packages(user))
        if package:
            try:
                order = billing.order_create_resize(
                    terms_agreed=True,
                    owner=user,
                    idempotency_key=self.key(),
                    package_id=package.pk,
                    bandwidth=new_bandwidth,
                )
                billing.order_pay(owner=user, order_id=order.pk)
            except REFUSED:
                pass

    @rule(data=st.data(), megabits=st.integers(0, 15), anywhere=st.booleans())
    def set_connection(self, data, megabits, anywhere):
        user = self.pick(data, self.users)
        package = self.pick(data, [p for p in self.packages(user) if p.cen_instance_id])
        if package:
            # Mostly regions the package covers; sometimes any region, which must be refused.
            local = self.pick(data, [r for r in self.regions if anywhere or r.area_id == package.area_a_id])
            opposite = self.pick(data, [r for r in self.regions if anywhere or r.area_id == package.area_b_id])
            try:
                networks.region_connection_set(
                    owner=user,
                    cen_instance_id=package.cen_instance_id,
                    package_id=package.pk,
                    local_region_code=local.pk,
                    opposite_region_code=opposite.pk,
                    bandwidth=megabits,
                )
            except REFUSED:
                pass

    @rule(data=st.data())
    def remove_connection(self, data):
        user = self.pick(data, self.users)
        connection = self.pick(data, list(RegionConnection.objects.filter(cen_instance__owner=user).order_by("pk")))
        if connection:
            networks.region_connection_delete(owner=user, connection_id=connection.pk)

    @rule(data=st.data())
    def bind_or_unbind(self, data):
        user = self.pick(data, self.users)
        package = self.pick(data, self.packages(user))
        if package:
            try:
                if package.cen_instance_id:
                    billing.package_unbind(owner=user, package_id=package.pk)
                else:
                    cen = self.pick(data, self.cens[user.pk])
                    billing.package_bind(owner=user, cen_instance_id=cen.pk, package_id=package.pk)
            except REFUSED:
                pass

    @rule(data=st.data(), change=st.sampled_from(["renew", "upgrade", "downgrade"]), bandwidth=st.integers(2, 20))
    def order_for_later(self, data, change, bandwidth):
        """An order placed now and paid (or not) much later, after the package may have changed."""
        user = self.pick(data, self.users)
        package = self.pick(data, self.packages(user))
        if package:
            try:
                if change == "renew":
                    order = billing.order_create_renewal(
                        terms_agreed=True,
                        owner=user,
                        idempotency_key=self.key(),
                        package_id=package.pk,
                        duration_months=12,
                    )
                else:
                    order = billing.order_create_resize(
                        terms_agreed=True,
                        owner=user,
                        idempotency_key=self.key(),
                        package_id=package.pk,
                        bandwidth=bandwidth,
                    )
                self.unpaid.append(order)
            except REFUSED:
                pass

    @rule(data=st.data())
    def pay_an_old_order(self, data):
        """Pay an order placed earlier: stale, lapsed or cancelled ones are refused, charging nothing."""
        order = self.pick(data, self.unpaid)
        if order:
            self.unpaid.remove(order)
            try:
                paid = billing.order_pay(owner=order.owner, order_id=order.pk)
                if paid.order_type == Order.Type.BUY:
                    self.package_ids.append(paid.package_id)
            except REFUSED:
                pass

    @rule(data=st.data(), verdict=st.sampled_from(["approve", "approve_refund", "reject"]))
    def deletion_ticket(self, data, verdict):
        user = self.pick(data, self.users)
        package = self.pick(data, self.packages(user))
        if package:
            ticket, _ = tickets.ticket_open(requester=user, package_id=package.pk, reason="machine")
            try:
                if verdict == "reject":
                    tickets.ticket_reject(ticket_id=ticket.pk, staff=self.staff, note="machine")
                else:
                    tickets.ticket_approve(ticket_id=ticket.pk, staff=self.staff, refund=verdict == "approve_refund")
            except REFUSED:
                pass
            if verdict != "reject":
                self.released[package.pk] = BandwidthPackage.objects.values().get(pk=package.pk)

    @rule(days=st.sampled_from([1, 10, 31, 47]))
    def time_passes(self, days):
        """Time moves on and the scheduled job runs: orders lapse, packages expire, auto-renew (or
        not), and are released past the grace period."""
        self.clock.shift(timedelta(days=days))
        billing.subscriptions_process()
        for released in BandwidthPackage.objects.filter(released_at__isnull=False).exclude(pk__in=self.released):
            self.released[released.pk] = BandwidthPackage.objects.values().get(pk=released.pk)

    @rule(data=st.data(), on=st.booleans())
    def auto_renewal(self, data, on):
        user = self.pick(data, self.users)
        package = self.pick(data, self.packages(user))
        if package:
            billing.package_set_auto_renewal(owner=user, package_id=package.pk, auto_renewal=on, auto_renewal_months=1)

    # --- what must always hold ------------------------------------------------------------------

    @invariant()
    def balances_never_negative_and_equal_credit_minus_paid_orders_plus_refunds(self):
        for user in getattr(self, "users", []):
            balance = User.objects.get(pk=user.pk).balance
            paid = Order.objects.filter(owner=user, status="Paid").aggregate(total=Sum("amount"))["total"] or 0
            refunded = Order.objects.filter(owner=user, status="Refunded").aggregate(total=Sum("amount"))["total"] or 0
            assert balance >= 0
            assert balance == CREDIT - paid + refunded

    @invariant()
    def balances_equal_the_sum_of_their_ledger_entries(self):
        for account in User.objects.all():
            entries = LedgerEntry.objects.filter(account=account).aggregate(total=Sum("amount"))["total"] or 0
            assert account.balance == entries, account.username
        assert ledger_check().disagreements == []  # and every entry's balance after is the running sum

    @invariant()
    def expirations_are_what_paid_orders_bought(self):
        """Each package's expiration is its purchase plus its paid renewals: a renewal runs from the
        expiration, or from when it was paid if the package had expired; auto-renewal from the
        expiration it renewed."""
        orders = Order.objects.filter(status="Paid", order_type__in=["Buy", "Renew"]).order_by("paid_at", "pk")
        bought = {}
        for order in orders:
            if order.order_type == "Buy":
                bought[order.package_id] = add_months(order.paid_at, order.duration_months)
            else:
                expiry = bought[order.package_id]
                start = expiry if order.idempotency_key.startswith("auto-renew:") else max(expiry, order.paid_at)
                bought[order.package_id] = add_months(start, order.duration_months)
        for package_id, expires_at in BandwidthPackage.objects.values_list("pk", "expires_at"):
            assert expires_at == bought[package_id], package_id

    @invariant()
    def refunds_only_for_packages_that_may_be_refunded(self):
        for refund in Order.objects.filter(order_type="Refund").select_related("package"):
            assert refund.amount > 0 and refund.status == "Refunded"
            assert not refund.package.is_cross_border

    @invariant()
    def no_package_refunds_more_than_was_paid_for_it(self):
        """Issue 19: refunds come out of what was paid, so no account ever has more than its credit."""
        for user in getattr(self, "users", []):
            assert User.objects.get(pk=user.pk).balance <= CREDIT
        totals = Order.objects.values("package_id").annotate(
            paid=Sum("amount", filter=Q(status="Paid")), refunded=Sum("amount", filter=Q(status="Refunded"))
        )
        for row in totals:
            assert (row["refunded"] or 0) <= (row["paid"] or 0), row

    @invariant()
    def no_lapsed_or_cancelled_order_ever_charged(self):
        closed = Order.objects.filter(status__in=["Lapsed", "Cancelled"]).values_list("pk", flat=True)
        assert not LedgerEntry.objects.filter(order_id__in=list(closed)).exists()

    @invariant()
    def one_package_per_area_pair_per_cen(self):
        bound = BandwidthPackage.objects.filter(cen_instance__isnull=False)
        pairs = Counter(bound.values_list("cen_instance_id", "geographic_span"))
        assert all(count == 1 for count in pairs.values())

    @invariant()
    def connections_within_their_package(self):
        for package in BandwidthPackage.objects.prefetch_related(
            "region_connections__local_region", "region_connections__opposite_region"
        ):
            connections = list(package.region_connections.all())
            assert sum(c.bandwidth for c in connections) <= package.bandwidth
            for connection in connections:
                assert connection.bandwidth >= 1
                assert connection.cen_instance_id == package.cen_instance_id
                assert regions_covered_by(
                    area_a_id=package.area_a_id,
                    area_b_id=package.area_b_id,
                    region_a=connection.local_region,
                    region_b=connection.opposite_region,
                )

    @invariant()
    def released_packages_untouched(self):
        for package_id, row in getattr(self, "released", {}).items():
            assert BandwidthPackage.objects.values().get(pk=package_id) == row
            assert not RegionConnection.objects.filter(package_id=package_id).exists()

    @invariant()
    def every_change_audited(self):
        audited = Counter(AuditRecord.objects.values_list("action", flat=True))
        orders = Counter(
            Order.objects.filter(status="Paid", paid_at__isnull=False).values_list("order_type", flat=True)
        )
        auto_renewals = audited["package.auto_renewed"]
        assert audited["package.bought"] == orders["Buy"]
        assert audited["package.renewed"] + auto_renewals == orders["Renew"]
        assert audited["package.upgraded"] == orders["Upgrade"]
        assert audited["package.downgraded"] == orders["Downgrade"]
        assert audited["package.released"] == BandwidthPackage.objects.filter(released_at__isnull=False).count()
        assert audited["package.refunded"] == Order.objects.filter(order_type="Refund").count()
        handled = DeletionTicket.objects.exclude(status="Pending").count()
        assert audited["ticket.approved"] + audited["ticket.rejected"] == handled
        assert audited["ticket.opened"] == DeletionTicket.objects.count()


@pytest.mark.slow
@pytest.mark.django_db
def test_console_invariants_hold_for_random_sequences():
    """Random buy/pay/renew/resize/connect/bind/ticket/refund/old-order/time sequences keep every invariant."""
    machine = ConsoleMachine
    machine.TestCase.settings = settings(
        max_examples=20,
        stateful_step_count=30,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    machine.TestCase().runTest()
