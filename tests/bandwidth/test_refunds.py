"""Issue 19's refund findings: a refund is the part of what was paid for the term that is left
unused (paid amount x unused share of the paid period, on the account's clock), never the list price,
never more than was paid for the remaining time, for Downgrade and release alike."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

import pytest
import time_machine

from cenconsole.accounts.models import User
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import Order
from cenconsole.tickets import services as ticket_services
from tests.factories import buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db

DECEMBER = datetime(2026, 12, 4, 10, 0, tzinfo=UTC)


def balance(account):
    return User.objects.get(pk=account.pk).balance


def pay(order):
    return services.order_pay(owner=order.owner, order_id=order.pk)


def downgrade(package, bandwidth, key="down"):
    return pay(
        services.order_create_resize(
            owner=package.owner, idempotency_key=key, terms_agreed=True, package_id=package.pk, bandwidth=bandwidth
        )
    )


def renew(package, months, key="renew"):
    return pay(
        services.order_create_renewal(
            owner=package.owner, idempotency_key=key, terms_agreed=True, package_id=package.pk, duration_months=months
        )
    )


def refunds(package):
    return list(Order.objects.filter(package=package, order_type=Order.Type.REFUND).values_list("amount", flat=True))


@pytest.fixture
def staff(db):
    return support_staff("refund-staff")


def test_downgrade_refunds_the_paid_share_not_the_list_price(cen_instance, user):
    """16 Mbps NA<->NA for 36 months (USD 9,600 paid), Downgrade to 2 at once: 14/16 of what was
    paid comes back (8,400.00), not 10,220.00, and the account ends below where it started."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(
            cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=16, duration_months=36
        )
        assert balance(user) == Decimal("400.00")
        downgrade(package, 2)
    assert refunds(package) == [Decimal("8400.00")]
    assert balance(user) == Decimal("8800.00")


def test_mainland_release_with_refund_returns_at_most_what_was_paid(cen_instance, user, staff):
    """Mainland China 4 Mbps for 12 months (USD 1,360.00), released with a refund at once: 1,360.00
    comes back, not 1,650.13."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=4, duration_months=12)
        assert balance(user) == Decimal("8640.00")
        ticket = open_ticket(package)
        assert ticket_services.approval_refund(ticket) == Decimal("1360.00")
        ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    assert refunds(package) == [Decimal("1360.00")]
    assert balance(user) == Decimal("10000.00")


def test_renewed_december_month_released_at_once_returns_what_was_paid(cen_instance, user, staff):
    """1 month bought and 1 month renewed in December (USD 400 paid), released with a refund at once:
    400.00 comes back, not 406.67 (terms run in calendar months)."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(
            cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=10, duration_months=1
        )
        renew(package, 1)
        assert balance(user) == Decimal("9600.00")
        ticket = open_ticket(package)
        ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    assert refunds(package) == [Decimal("400.00")]
    assert balance(user) == Decimal("10000.00")


def test_release_refund_is_the_unused_share_of_each_paid_term(cen_instance, user, staff):
    """Half-way through the first of two paid months, half the first month's payment and all of the
    second's come back: each term is valued over its own calendar length."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(
            cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=10, duration_months=1
        )
        renew(package, 1)
    first_term_end = datetime(2027, 1, 4, 10, 0, tzinfo=UTC)
    with time_machine.travel(DECEMBER + (first_term_end - DECEMBER) / 2, tick=False):
        ticket = open_ticket(package)
        ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    assert refunds(package) == [Decimal("300.00")]


def test_a_year_refunds_what_the_year_cost(cen_instance, user, staff):
    """A year costs ten months: six months into a 12-month Mainland package (USD 340 paid), half of the
    340 comes back by time, not six months of list price."""
    start = datetime(2026, 1, 1, tzinfo=UTC)
    with time_machine.travel(start, tick=False):
        package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2, duration_months=12)
    paid = Decimal("680.00")  # 2 Mbps x USD 34 x 10 months
    end = datetime(2027, 1, 1, tzinfo=UTC)
    moment = datetime(2026, 7, 2, 12, tzinfo=UTC)  # exactly half of the 365 days
    with time_machine.travel(moment, tick=False):
        ticket = open_ticket(package)
        amount = ticket_services.approval_refund(ticket)
    assert (moment - start) * 2 == end - start
    assert amount == paid / 2


def test_an_upgrade_then_downgrade_never_returns_more_than_was_paid(cen_instance, user):
    """Upgrading and downgrading straight back returns no more than the two payments together."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(
            cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=2, duration_months=12
        )
        upgrade = pay(
            services.order_create_resize(
                owner=user, idempotency_key="up", terms_agreed=True, package_id=package.pk, bandwidth=16
            )
        )
        downgrade(package, 2)
        paid = Decimal("400.00") + upgrade.amount
    assert sum(refunds(package)) <= paid
    assert balance(user) <= Decimal("10000.00")


def test_a_release_after_a_downgrade_refunds_only_what_is_left(cen_instance, user, staff):
    """A downgrade's refund is taken out of what a later release can return: both together are what
    was paid, never more."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(
            cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=16, duration_months=36
        )
        downgrade(package, 2)
        ticket = open_ticket(package)
        ticket_services.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
    assert sorted(refunds(package)) == [Decimal("1200.00"), Decimal("8400.00")]
    assert balance(user) == Decimal("10000.00")


def test_an_expired_package_refunds_nothing(cen_instance, user, staff):
    """Once the paid time has run out there is nothing unused to return."""
    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=4)
    with time_machine.travel(DECEMBER + timedelta(days=40), tick=False):
        ticket = open_ticket(package)
        assert ticket_services.approval_refund(ticket) == Decimal("0.00")


def test_the_migration_gives_old_paid_orders_the_terms_pay_records(cen_instance, user):
    """Orders paid before the paid terms were recorded get them from the migration's replay: a
    purchase, a renewal, an upgrade and a downgrade come out as Pay records them now."""
    from django.apps import apps

    from cenconsole.bandwidth.upgrades import paid_terms_from_orders

    with time_machine.travel(DECEMBER, tick=False):
        package = buy_package(
            cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=4, duration_months=12
        )
    with time_machine.travel(DECEMBER + timedelta(days=3), tick=False):
        renew(package, 2)
        pay(
            services.order_create_resize(
                owner=user, idempotency_key="up", terms_agreed=True, package_id=package.pk, bandwidth=8
            )
        )
        downgrade(package, 6)
    recorded = dict(package.orders.filter(status="Paid").values_list("pk", "term_start"))
    ends = dict(package.orders.filter(status="Paid").values_list("pk", "term_end"))
    package.orders.update(term_start=None, term_end=None)
    paid_terms_from_orders(apps, None)
    assert dict(package.orders.filter(status="Paid").values_list("pk", "term_start")) == recorded
    assert dict(package.orders.filter(status="Paid").values_list("pk", "term_end")) == ends
    assert len(recorded) == 4 and None not in recorded.values()
