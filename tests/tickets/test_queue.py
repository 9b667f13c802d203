"""The staff's queue in the admin: filters, the SLA flag, search by ticket number, the index's counts."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from cenconsole.core import clock
from cenconsole.tickets import services
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:tickets_deletionticket_changelist"


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def queue(user, staff):
    """One ticket in each place of the queue."""
    other_staff = support_staff("other-support")
    tickets = {
        name: open_ticket(buy_package(CenInstanceFactory(owner=user)))
        for name in ("unassigned", "mine", "theirs", "awaiting", "handled")
    }
    services.ticket_assign(ticket_id=tickets["mine"].pk, staff=staff)
    services.ticket_assign(ticket_id=tickets["theirs"].pk, staff=other_staff)
    services.ticket_ask_information(ticket_id=tickets["awaiting"].pk, staff=other_staff, note="?")
    services.ticket_reject(ticket_id=tickets["handled"].pk, staff=other_staff, note="No")
    return tickets


def listed(client, **params):
    page = client.get(reverse(CHANGELIST), params).content.decode()
    return page


@pytest.mark.parametrize(
    ("queue_filter", "expected"),
    [
        ("unassigned", {"unassigned"}),
        ("mine", {"mine"}),
        ("awaiting_user", {"awaiting"}),
        ("handled", {"handled"}),
        ("open", {"unassigned", "mine", "theirs", "awaiting"}),
    ],
)
def test_queue_filters(staff_client, queue, queue_filter, expected):
    """Unassigned, Assigned to me, Awaiting user, Handled and Open each list exactly their tickets."""
    page = listed(staff_client, queue=queue_filter)
    shown = {name for name, ticket in queue.items() if f">{ticket.number}<" in page}
    assert shown == expected


def test_queue_filter_names_are_offered(staff_client, queue):
    """The list's filter offers the queue's names."""
    page = listed(staff_client)
    for name in ("Unassigned", "Assigned to me", "Awaiting user", "Handled"):
        assert name in page


def test_ticket_waiting_longer_than_the_sla_is_flagged(staff_client, package, settings):
    """A ticket waiting for staff longer than TICKET_SLA_HOURS is flagged overdue; a newer one is not."""
    settings.TICKET_SLA_HOURS = 24
    with time_machine.travel(clock.now() - timedelta(hours=30), tick=False):
        old = open_ticket(package)
    fresh = open_ticket(buy_package(CenInstanceFactory(owner=package.owner)))
    page = listed(staff_client)
    assert page.count("sla-overdue") == 1 and "30 hours" in page
    overdue = listed(staff_client, queue="overdue")
    assert f">{old.number}<" in overdue and f">{fresh.number}<" not in overdue


def test_staff_answer_stops_the_sla_clock_and_user_reply_restarts_it(staff_client, package, staff, settings):
    """After staff ask for information the ticket is not overdue; the user's reply starts the clock again."""
    settings.TICKET_SLA_HOURS = 24
    start = clock.now()
    with time_machine.travel(start - timedelta(hours=30), tick=False):
        ticket = open_ticket(package)
        services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Why?")
    assert "sla-overdue" not in listed(staff_client)
    with time_machine.travel(start - timedelta(hours=25), tick=False):
        services.ticket_user_reply(requester=package.owner, ticket_id=ticket.pk, text="Because")
    assert "sla-overdue" in listed(staff_client)


def test_sla_hours_come_from_the_setting(staff_client, package, settings):
    """TICKET_SLA_HOURS sets the limit."""
    settings.TICKET_SLA_HOURS = 2
    with time_machine.travel(clock.now() - timedelta(hours=3), tick=False):
        open_ticket(package)
    assert "sla-overdue" in listed(staff_client)


@pytest.mark.parametrize("term", ["number", "digits", "package", "user"])
def test_search_by_ticket_number_package_or_user(staff_client, queue, term):
    """Search finds a ticket by its number (TK000001 or 1), its package id or its requester."""
    ticket = queue["mine"]
    value = {
        "number": ticket.number,
        "digits": str(ticket.pk),
        "package": ticket.package_id,
        "user": ticket.requester.username,
    }[term]
    page = listed(staff_client, q=value)
    assert f">{ticket.number}<" in page
    if term in ("number", "package"):
        assert f">{queue['theirs'].number}<" not in page


def test_admin_index_counts_open_unassigned_and_overdue(staff_client, queue, settings):
    """The admin's index shows how many tickets are open, unassigned and overdue."""
    settings.TICKET_SLA_HOURS = 24
    page = staff_client.get(reverse("admin:index")).content.decode()
    assert '<td id="queue-open">4</td>' in page
    assert '<td id="queue-unassigned">1</td>' in page
    assert '<td id="queue-overdue">0</td>' in page


def test_admin_index_shows_no_counts_to_staff_who_do_not_handle_tickets(client):
    """Staff outside the Support staff group see no queue counts."""
    client.force_login(UserFactory(is_staff=True))
    assert "ticket-queue" not in client.get(reverse("admin:index")).content.decode()


def test_assign_to_me_is_offered_until_the_ticket_is_mine(staff_client, package, staff):
    """The ticket's page offers Assign to me until the staff member took it."""
    ticket = open_ticket(package)
    url = reverse("admin:tickets_deletionticket_change", args=[ticket.pk])
    assert 'value="Assign to me"' in staff_client.get(url).content.decode()
    services.ticket_assign(ticket_id=ticket.pk, staff=staff)
    assert 'value="Assign to me"' not in staff_client.get(url).content.decode()


def test_only_support_staff_can_assign(client, package):
    """Staff outside the Support staff group cannot assign tickets."""
    ticket = open_ticket(package)
    client.force_login(UserFactory(is_staff=True))
    assert client.post(reverse("admin:tickets_handle", args=[ticket.pk, "assign"])).status_code == 403
