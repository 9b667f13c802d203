import pytest
from django.core.exceptions import ValidationError

from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def test_two_staff_approving_at_once_give_one_result_and_one_error():
    """Two simultaneous approvals of one ticket: one approves, the other is refused."""
    ticket = open_ticket(buy_package(CenInstanceFactory()))
    staff = [support_staff("support1"), support_staff("support2")]
    results = at_once(
        *(lambda member=member: services.ticket_approve(ticket_id=ticket.pk, staff=member) for member in staff)
    )
    outcomes = ["refused" if isinstance(result, ValidationError) else "approved" for result in results]
    assert sorted(outcomes) == ["approved", "refused"]
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Approved"


def _renewal(package):
    from cenconsole.bandwidth import services as bandwidth_services

    return bandwidth_services.order_create_renewal(
        terms_agreed=True,
        owner=package.owner,
        idempotency_key="race-renewal",
        package_id=package.pk,
        duration_months=12,
    )


@pytest.mark.parametrize("round_", range(3))
def test_request_deletion_and_pay_racing_never_charge_a_renewal_for_a_package_being_deleted(round_):
    """Request Deletion and Pay of a renewal at once: either the renewal is paid before the ticket
    exists, or the ticket cancels the order and Pay is refused with nothing charged; never both."""
    from cenconsole.accounts.models import User
    from cenconsole.bandwidth import services as bandwidth_services
    from cenconsole.bandwidth.models import Order

    package = buy_package(CenInstanceFactory())
    order = _renewal(package)
    before = User.objects.get(pk=package.owner_id).balance
    paid, opened = at_once(
        lambda: bandwidth_services.order_pay(owner=package.owner, order_id=order.pk),
        lambda: services.ticket_open(requester=package.owner, package_id=package.pk, reason="done"),
    )
    assert not isinstance(opened, Exception)
    status = Order.objects.get(pk=order.pk).status
    after = User.objects.get(pk=package.owner_id).balance
    if isinstance(paid, ValidationError):
        assert (status, after) == ("Cancelled", before)
    else:
        assert (status, after) == ("Paid", before - order.amount)
        assert opened[0].cancelled_orders == []


@pytest.mark.parametrize("round_", range(3))
def test_approve_and_pay_racing_release_without_a_paid_renewal(round_):
    """Approve and Pay of an old renewal order at once: exactly one outcome wins, the approval: the
    package is released and the renewal is not paid, nothing charged."""
    from cenconsole.accounts.models import User
    from cenconsole.bandwidth import services as bandwidth_services
    from cenconsole.bandwidth.models import BandwidthPackage, Order

    package = buy_package(CenInstanceFactory())
    order = _renewal(package)
    # The order was placed before the ticket; force it back to Unpaid, as if the ticket's cancel had lost.
    ticket = open_ticket(package)
    Order.objects.filter(pk=order.pk).update(status="Unpaid", cancelled_at=None)
    before = User.objects.get(pk=package.owner_id).balance
    staff = support_staff("support-race")
    paid, approved = at_once(
        lambda: bandwidth_services.order_pay(owner=package.owner, order_id=order.pk),
        lambda: services.ticket_approve(ticket_id=ticket.pk, staff=staff),
    )
    assert isinstance(paid, ValidationError) and not isinstance(approved, Exception)
    assert BandwidthPackage.objects.get(pk=package.pk).released_at is not None
    assert Order.objects.get(pk=order.pk).status != "Paid"
    assert User.objects.get(pk=package.owner_id).balance == before
