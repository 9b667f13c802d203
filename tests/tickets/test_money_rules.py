"""Issue 19's ticket findings: nobody handles their own ticket, approval refunds are priced on the
ticket owner's clock, the queue's waiting time is never negative, and Billing lists entries in the
order of the account's time."""

from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from cenconsole.accounts.models import LedgerEntry, User
from cenconsole.accounts.services import balance_adjust
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.core import clock
from cenconsole.demo import services as demo
from cenconsole.tickets import services
from cenconsole.tickets.desk.queue import waiting_cell
from cenconsole.tickets.models import DeletionTicket
from cenconsole.tickets.selectors import sla_limit
from tests.factories import CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db


def balance(account):
    return User.objects.get(pk=account.pk).balance


@pytest.fixture
def own_ticket(db):
    """A member of Support staff who bought 16 Mbps for 36 months and asked to delete it."""
    member = support_staff("self-serving")
    package = buy_package(
        CenInstanceFactory(owner=member),
        area_a_code="North-America",
        area_b_code="North-America",
        bandwidth=16,
        duration_months=36,
    )
    return open_ticket(package)


@pytest.mark.parametrize("refund", [True, False])
def test_staff_cannot_approve_their_own_ticket(own_ticket, refund):
    """Approving one's own ticket (with or without a refund) is refused by the service, nothing changes."""
    member = own_ticket.requester
    before = balance(member)
    with pytest.raises(PermissionDenied, match="your own ticket"):
        services.ticket_approve(ticket_id=own_ticket.pk, staff=member, refund=refund)
    assert balance(member) == before
    assert DeletionTicket.objects.get(pk=own_ticket.pk).is_open
    assert BandwidthPackage.objects.get(pk=own_ticket.package_id).released_at is None


def test_staff_cannot_reject_their_own_ticket(own_ticket):
    """Rejecting one's own ticket is refused too: another member of Support staff handles it."""
    with pytest.raises(PermissionDenied, match="your own ticket"):
        services.ticket_reject(ticket_id=own_ticket.pk, staff=own_ticket.requester, note="no")
    assert DeletionTicket.objects.get(pk=own_ticket.pk).is_open


def test_another_member_of_staff_can_approve_it(own_ticket):
    """The guard is about who asked: a colleague approves the same ticket."""
    services.ticket_approve(ticket_id=own_ticket.pk, staff=support_staff("colleague"), refund=True)
    assert DeletionTicket.objects.get(pk=own_ticket.pk).status == "Approved"


def test_desk_does_not_offer_handling_to_the_tickets_owner(client, own_ticket):
    """The ticket's page shows its owner no Approve or Reject buttons, and says why."""
    client.force_login(own_ticket.requester)
    page = client.get(reverse("desk:ticket", args=[own_ticket.pk])).content.decode()
    assert "Release and refund unused time" not in page and "Release without refund" not in page
    assert "your own ticket" in page


def test_desk_refuses_a_posted_approval_of_ones_own_ticket(client, own_ticket):
    """Posting the approve button's URL anyway is refused with the message; the ticket stays open."""
    client.force_login(own_ticket.requester)
    url = reverse("desk:ticket_action", args=[own_ticket.pk, "approve_refund"])
    response = client.post(url, {"note": ""}, follow=True)
    assert "your own ticket" in response.content.decode()
    assert DeletionTicket.objects.get(pk=own_ticket.pk).is_open


@pytest.fixture
def advanced_sandbox(db):
    """A sandbox whose clock was advanced two months."""
    sandbox = demo.sandbox_create(ip_address=None)
    demo.clock_advance(account=sandbox, step="month")
    demo.clock_advance(account=sandbox, step="month")
    return User.objects.get(pk=sandbox.pk)


def _buy_on_its_clock(account, **overrides):
    with clock.account_time(account.clock_offset):
        return buy_package(
            CenInstanceFactory(owner=account),
            area_a_code="North-America",
            area_b_code="North-America",
            bandwidth=10,
            **overrides,
        )


def test_approval_refund_of_an_advanced_sandbox_is_priced_on_its_clock(advanced_sandbox):
    """A sandbox two months ahead buys a USD 200 package, uses a week of it and asks to delete it:
    staff (on real time) are offered and pay the unused share on the sandbox's clock, not USD 580."""
    package = _buy_on_its_clock(advanced_sandbox)
    demo.clock_advance(account=advanced_sandbox, step="week")
    sandbox = User.objects.get(pk=advanced_sandbox.pk)
    with clock.account_time(sandbox.clock_offset):
        ticket = open_ticket(BandwidthPackage.objects.get(pk=package.pk))
        bought = package.orders.get(order_type="Buy")
        left = bought.term_end - clock.now()
    expected = Decimal("200.00") * Decimal(left / (bought.term_end - bought.term_start))
    offered = services.approval_refund(ticket)  # staff's request: real time
    assert abs(offered - expected) <= Decimal("0.01") and offered < Decimal("200.00")
    before = balance(sandbox)
    services.ticket_approve(ticket_id=ticket.pk, staff=support_staff(), refund=True)
    assert abs(balance(sandbox) - before - expected) <= Decimal("0.01")


def test_waiting_time_of_a_test_clock_ticket_is_never_negative(advanced_sandbox):
    """A ticket opened on a clock two months ahead waits 0 hours in the staff's queue, not -1440."""
    package = _buy_on_its_clock(advanced_sandbox)
    with clock.account_time(advanced_sandbox.clock_offset):
        ticket = open_ticket(package)
    shown = waiting_cell(DeletionTicket.objects.get(pk=ticket.pk))
    assert shown == "0 hours"
    assert not DeletionTicket.objects.overdue(since=sla_limit()).filter(pk=ticket.pk).exists()
    assert DeletionTicket.objects.get(pk=ticket.pk).awaiting_staff_since <= clock.real_now()


def test_billing_dates_a_staff_approved_refund_on_the_accounts_clock(advanced_sandbox, client):
    """The refund staff approve on real time is dated on the sandbox's clock, after the charge, and
    Billing lists it first (newest first)."""
    package = _buy_on_its_clock(advanced_sandbox)
    with clock.account_time(advanced_sandbox.clock_offset):
        ticket = open_ticket(package)
    services.ticket_approve(ticket_id=ticket.pk, staff=support_staff(), refund=True)
    charge = LedgerEntry.objects.filter(account=advanced_sandbox, kind="charge").latest("id")
    refund = LedgerEntry.objects.get(account=advanced_sandbox, kind="refund")
    assert refund.created_at >= charge.created_at
    client.force_login(advanced_sandbox)
    page = client.get(reverse("billing:ledger")).content.decode()
    numbers = dict(Order.objects.filter(pk__in=[refund.order_id, charge.order_id]).values_list("pk", "number"))
    assert page.index(f"Refund order {numbers[refund.order_id]}") < page.index(f"Buy order {numbers[charge.order_id]}")


def test_a_staff_adjustment_is_dated_on_the_accounts_clock(advanced_sandbox):
    """Adjust balance by staff on real time writes an entry on the account's time, in order."""
    staff = User.objects.create_superuser("adjuster", password="pw-adjust-123")
    entry = balance_adjust(account=advanced_sandbox, amount=Decimal("5.00"), reason="goodwill", staff=staff)
    with clock.account_time(advanced_sandbox.clock_offset):
        assert abs(entry.created_at - clock.now()).total_seconds() < 60
    earlier = LedgerEntry.objects.filter(account=advanced_sandbox).exclude(pk=entry.pk)
    assert all(other.created_at <= entry.created_at for other in earlier)
