"""Exactly once across app servers (issue 27): two email workers (one per app server) behind a slow mail
relay never send one notification twice. A worker claims a row (state `sending`, with a lease) before
it talks to the relay; a row whose lease ran out (its worker crashed) is tried again."""

import asyncio
import threading
from datetime import timedelta

import pytest

from cenconsole.core import clock
from cenconsole.tickets.models import EmailNotification
from cenconsole.tickets.notifications import notifications_send
from tests.conftest import requires_postgres
from tests.factories import CenInstanceFactory, buy_package, open_ticket, support_staff
from tests.tickets.conftest import Mailbox

pytestmark = [requires_postgres, pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
NOTIFICATIONS = 6
DATA_SECONDS = 0.4


class SlowMailbox(Mailbox):
    """A mail relay that answers DATA after DATA_SECONDS; `receiving` is set at the first DATA."""

    def __init__(self):
        super().__init__()
        self.receiving = threading.Event()

    async def handle_DATA(self, server, session, envelope):
        self.receiving.set()
        await asyncio.sleep(DATA_SECONDS)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_relay(smtp_port):
    from aiosmtpd.controller import Controller

    mailbox = SlowMailbox()
    controller = Controller(mailbox, hostname="127.0.0.1", port=smtp_port)
    controller.start()
    yield mailbox
    controller.stop()


def outbox(count):
    """`count` notifications in the outbox (one Support staff member emailed about each new ticket)."""
    staff = support_staff()
    type(staff).objects.filter(pk=staff.pk).update(email="support@example.com")
    owner = CenInstanceFactory().owner
    for number in range(count):
        open_ticket(buy_package(CenInstanceFactory(owner=owner), name=f"p{number}"))
    assert EmailNotification.objects.count() == count


def worker(results):
    from django.db import connection

    try:
        results.append(notifications_send(seconds=30))
    finally:
        connection.close()


def test_two_workers_behind_a_slow_relay_send_each_notification_once(slow_relay):
    """A second worker started while the first waits on the relay sends nothing the first claimed:
    every notification arrives once, after one attempt."""
    outbox(NOTIFICATIONS)
    results = []
    first = threading.Thread(target=worker, args=(results,))
    first.start()
    assert slow_relay.receiving.wait(10)
    second = threading.Thread(target=worker, args=(results,))
    second.start()
    for thread in (first, second):
        thread.join(60)
    subjects = [message["Subject"] for message in slow_relay.messages]
    assert len(subjects) == NOTIFICATIONS == len(set(subjects))
    assert sum(sent for sent, _failed in results) == NOTIFICATIONS
    assert set(EmailNotification.objects.values_list("status", "attempts")) == {("sent", 1)}


def test_a_row_whose_worker_crashed_is_sent_once_its_lease_ends(slow_relay):
    """A row left `sending` by a worker that died is sent by the next worker once its lease has ended,
    and not before."""
    outbox(1)
    EmailNotification.objects.update(
        status=EmailNotification.Status.SENDING, attempts=1, claimed_until=clock.real_now() + timedelta(minutes=5)
    )
    assert notifications_send(seconds=10) == (0, 0)
    EmailNotification.objects.update(claimed_until=clock.real_now() - timedelta(seconds=1))
    assert notifications_send(seconds=10) == (1, 0)
    assert len(slow_relay.messages) == 1
    assert EmailNotification.objects.values_list("status", "attempts").get() == ("sent", 2)
