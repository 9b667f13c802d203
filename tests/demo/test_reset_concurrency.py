"""Issue 19: on PostgreSQL, Reset demo during an approval with a refund deadlocked (DeadlockDetected,
a 500). Both paths now take their locks in one order: the package, then the ticket, then the account."""

import pytest
from django.core.exceptions import ValidationError

from cenconsole.accounts.selectors import ledger_check
from cenconsole.demo import services as demo
from cenconsole.tickets import services as tickets
from cenconsole.tickets.models import DeletionTicket
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


@pytest.mark.parametrize("round_", range(4))
def test_reset_demo_during_an_approval_with_refund_never_deadlocks(round_):
    """Approve with refund and Reset demo at once: one waits for the other, neither deadlocks; the
    approval either lands before the reset or is refused because the ticket is gone; the ledger adds up."""
    sandbox = demo.sandbox_create(ip_address=None)
    packages = [
        buy_package(CenInstanceFactory(owner=sandbox), area_a_code="China", area_b_code="China", bandwidth=2 + n)
        for n in range(3)
    ]
    ticket_list = [open_ticket(package) for package in packages]
    staff = support_staff(f"race-staff-{round_}")
    outcomes = at_once(
        *(
            lambda ticket=ticket: tickets.ticket_approve(ticket_id=ticket.pk, staff=staff, refund=True)
            for ticket in ticket_list
        ),
        lambda: demo.demo_reset(account=sandbox),
    )
    for outcome in outcomes[:-1]:
        assert outcome is not None
        assert not isinstance(outcome, Exception) or isinstance(outcome, ValidationError), repr(outcome)
    assert not isinstance(outcomes[-1], Exception), repr(outcomes[-1])
    assert not DeletionTicket.objects.filter(requester=sandbox).exists()  # the reset removed them all
    assert ledger_check().disagreements == []
