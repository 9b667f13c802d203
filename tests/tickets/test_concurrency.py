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
