import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = [requires_postgres, pytest.mark.django_db(transaction=True)]


def test_two_staff_approving_at_once_give_one_result_and_one_error():
    """Two simultaneous approvals of one ticket: one approves, the other is refused."""
    ticket = open_ticket(buy_package(CenInstanceFactory()))
    staff = [support_staff("support1"), support_staff("support2")]
    barrier = threading.Barrier(2)
    outcomes = []

    def approve(member):
        try:
            barrier.wait()
            services.ticket_approve(ticket_id=ticket.pk, staff=member)
            outcomes.append("approved")
        except ValidationError:
            outcomes.append("refused")
        finally:
            connection.close()

    threads = [threading.Thread(target=approve, args=(member,)) for member in staff]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["approved", "refused"]
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Approved"
