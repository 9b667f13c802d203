"""The staff's queue at the desk: filters, the SLA flag, search by ticket number, the admin index's counts."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from cenconsole.core import clock
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db

QUEUE = "desk:queue"


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
    page = client.get(reverse(QUEUE), params).content.decode()
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
    url = reverse("desk:ticket", args=[ticket.pk])
    assert 'value="Assign to me"' in staff_client.get(url).content.decode()
    services.ticket_assign(ticket_id=ticket.pk, staff=staff)
    assert 'value="Assign to me"' not in staff_client.get(url).content.decode()


def test_only_support_staff_can_assign(client, package):
    """Staff outside the Support staff group cannot assign tickets."""
    ticket = open_ticket(package)
    client.force_login(UserFactory(is_staff=True))
    assert client.post(reverse("desk:ticket_action", args=[ticket.pk, "assign"])).status_code == 403


# The queue as the desk's own page (issue 30): sorting, pages, the Action menu's refusals, the links.


def numbers_in_order(page):
    return re.findall(r">(TK\d{6})</a></th>", page)


def test_a_column_header_sorts_by_it_and_again_the_other_way(staff_client, queue):
    """Ticket ID's header sorts by number; the header of the sorted column sorts the other way."""
    page = listed(staff_client, queue="all", o="number")
    assert numbers_in_order(page) == sorted(ticket.number for ticket in queue.values())
    assert 'href="?queue=all&amp;o=-number"' in page
    assert numbers_in_order(listed(staff_client, queue="all", o="-number")) == sorted(
        (ticket.number for ticket in queue.values()), reverse=True
    )


def test_the_queue_is_paged(staff_client, queue, monkeypatch):
    """Past a page's worth of tickets the queue has pages, each linked, the filter kept."""
    from cenconsole.tickets.desk import queue as queue_page

    monkeypatch.setattr(queue_page, "PAGE_SIZE", 2)
    first = listed(staff_client, queue="all")
    assert len(numbers_in_order(first)) == 2 and 'href="?queue=all&amp;p=3"' in first
    third = listed(staff_client, queue="all", p=3)
    assert len(numbers_in_order(third)) == 1 and "5 deletion tickets" in third


def test_filters_keep_the_search_and_the_order(staff_client, queue):
    """A filter's link keeps what was searched and the column sorted by."""
    page = listed(staff_client, q="user", o="-number")
    assert 'href="?q=user&amp;o=-number&amp;queue=open"' in page


def test_the_action_menu_without_an_action_says_so_and_changes_nothing(staff_client, queue):
    """Go with no action chosen returns to the queue as it was, with the admin's words."""
    data = {"action": "", "_selected_action": [queue["unassigned"].pk]}
    response = staff_client.post(reverse("desk:selected") + "?queue=open", data, follow=True)
    assert response.redirect_chain[0][0] == reverse(QUEUE) + "?queue=open"
    assert "No action selected." in response.content.decode()
    assert DeletionTicket.objects.get(pk=queue["unassigned"].pk).assigned_to is None


def test_the_action_menu_without_a_ticket_ticked_says_so(staff_client, queue):
    """Go with no ticket ticked says that tickets must be selected, and changes nothing."""
    response = staff_client.post(reverse("desk:selected"), {"action": "assign_selected"}, follow=True)
    assert "Items must be selected in order to perform actions on them." in response.content.decode()
    assert DeletionTicket.objects.get(pk=queue["unassigned"].pk).assigned_to is None


@pytest.mark.parametrize("term", ["²", "TK99999999999999999999999", "٣"])
def test_a_search_for_a_number_no_ticket_can_have_finds_nothing(staff_client, queue, term):
    """Digits of other scripts and numbers past a database integer find no ticket, and fail nothing."""
    response = staff_client.get(reverse(QUEUE), {"q": term})
    assert response.status_code == 200 and numbers_in_order(response.content.decode()) == []


def test_clear_all_filters_returns_to_the_default_keeping_the_search(staff_client, queue):
    """With a filter or a status chosen, Clear all filters leads back to the queue's default, the search kept."""
    assert "Clear all filters" not in listed(staff_client)
    page = listed(staff_client, queue="handled", status__exact="Rejected", q="user")
    assert '<a href="?q=user">&#10006; Clear all filters</a>' in page
