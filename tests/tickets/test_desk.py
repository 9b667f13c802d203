"""The support desk (issue 21; plain staff views since issue 30): the queue, the ticket page with the
requester's context, internal notes, saved replies, outcomes that are confirmed first, Save and next ticket."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse

from cenconsole.accounts.models import User
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.core import clock
from cenconsole.networks import services as network_services
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket, EmailNotification, SavedReply, TicketMessage
from tests.factories import CenInstanceFactory, UserFactory, balance_set, buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db

QUEUE = "desk:queue"
SELECTED = "desk:selected"  # the queue's Action menu


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def ticket_url(ticket):
    return reverse("desk:ticket", args=[ticket.pk])


def handle(client, ticket, verb, **data):
    return client.post(reverse("desk:ticket_action", args=[ticket.pk, verb]), data)


def connected_package(user, **overrides):
    """A Mainland China package bound to a CEN instance with a Hangzhou ↔ Beijing connection of 4 Mbps."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10, **overrides)
    for region in ("cn-hangzhou", "cn-beijing"):
        network_services.network_instance_attach(owner=user, cen_instance_id=cen_instance.pk, region_code=region)
    network_services.region_connection_set(
        owner=user,
        cen_instance_id=cen_instance.pk,
        package_id=package.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="cn-beijing",
        bandwidth=4,
    )
    return package


def listed_numbers(page):
    return set(re.findall(r">(TK\d{6})<", page))


# The queue


@pytest.fixture
def queue(user, staff):
    """One ticket in each place of the queue."""
    other_staff = support_staff("other-support")
    tickets = {
        name: open_ticket(buy_package(CenInstanceFactory(owner=user)))
        for name in ("unassigned", "mine", "theirs", "awaiting_mine", "handled", "withdrawn")
    }
    services.ticket_assign(ticket_id=tickets["mine"].pk, staff=staff)
    services.ticket_assign(ticket_id=tickets["theirs"].pk, staff=other_staff)
    services.ticket_ask_information(ticket_id=tickets["awaiting_mine"].pk, staff=staff, note="?")
    services.ticket_reject(ticket_id=tickets["handled"].pk, staff=other_staff, note="No")
    services.ticket_withdraw(requester=user, ticket_id=tickets["withdrawn"].pk)
    return tickets


def test_queue_default_shows_open_tickets_unassigned_and_mine(staff_client, queue):
    """The queue opens on the open tickets nobody took and those assigned to me: no handled ticket,
    nobody else's."""
    page = staff_client.get(reverse(QUEUE)).content.decode()
    expected = {queue[name].number for name in ("unassigned", "mine", "awaiting_mine")}
    assert listed_numbers(page) == expected


def test_handled_tickets_are_a_filter_away(staff_client, queue):
    """Handled lists the approved, rejected and withdrawn tickets; All lists every ticket."""
    handled = listed_numbers(staff_client.get(reverse(QUEUE), {"queue": "handled"}).content.decode())
    assert handled == {queue["handled"].number, queue["withdrawn"].number}
    every = listed_numbers(staff_client.get(reverse(QUEUE), {"queue": "all"}).content.decode())
    assert every == {ticket.number for ticket in queue.values()}


def test_each_filter_says_how_many_tickets_it_holds(staff_client, queue):
    """The filters carry their counts: 3 unassigned and mine, 1 unassigned, 2 mine, 4 open, 2 handled, 6 in all."""
    page = staff_client.get(reverse(QUEUE)).content.decode()
    for label in (
        "Unassigned and mine (3)",
        "Unassigned (1)",
        "Assigned to me (2)",
        "Open (4)",
        "Handled (2)",
        "All (6)",
        "Awaiting user (1)",
    ):
        assert label in page


def test_queue_lists_the_longest_waiting_first(staff_client, user):
    """By default the ticket that has waited longest for staff comes first."""
    with time_machine.travel(clock.now() - timedelta(hours=5)):
        older = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    newer = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    page = staff_client.get(reverse(QUEUE)).content.decode()
    assert page.index(f">{older.number}<") < page.index(f">{newer.number}<")


def test_queue_shows_reason_first_line_staff_status_and_the_refund(staff_client, user, staff):
    """A row: the reason's first line, the status in staff words, the refund a release would give."""
    package = buy_package(CenInstanceFactory(owner=user), area_a_code="China", area_b_code="China")
    ticket = open_ticket(package, reason="Project closed\nSecond line not in the list")
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Which project?")
    page = staff_client.get(reverse(QUEUE)).content.decode()
    row = page[page.index(f">{ticket.number}<") :].split("</tr>")[0]
    assert "Project closed" in row and "Second line" not in row.split("title=")[0]
    assert "Awaiting user" in row and "Awaiting your reply" not in row
    assert f"USD {services.approval_refund(ticket):,.2f}" in row


def test_bulk_assign_to_me_takes_every_selected_ticket(staff_client, queue, staff):
    """Assign to me in bulk takes each selected ticket."""
    selected = [queue["unassigned"].pk, queue["theirs"].pk]
    staff_client.post(reverse(SELECTED) + "?queue=open", {"action": "assign_selected", "_selected_action": selected})
    assert set(DeletionTicket.objects.filter(pk__in=selected).values_list("assigned_to", flat=True)) == {staff.pk}


# The ticket page


def test_ticket_page_heading_names_the_ticket_as_the_user_sees_it(staff_client, package):
    """The heading and the breadcrumbs say TK000001, never "Ticket 1"."""
    ticket = open_ticket(package)
    page = staff_client.get(ticket_url(ticket)).content.decode()
    assert f"<h1>Ticket {ticket.number}</h1>" in page
    assert f"Ticket {ticket.pk}<" not in page


def test_ticket_page_puts_the_actions_before_the_thread(staff_client, package):
    """The actions are at the top of the page, above the conversation."""
    ticket = open_ticket(package)
    page = staff_client.get(ticket_url(ticket)).content.decode()
    assert page.index('value="Send Reply"') < page.index('id="ticket-thread"')
    assert page.index('value="Reject"') < page.index('id="ticket-thread"')


def test_ticket_page_shows_statuses_in_staff_words(staff_client, package, staff):
    """Staff read Awaiting user where the user reads Awaiting your reply."""
    ticket = open_ticket(package)
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Why?")
    page = staff_client.get(ticket_url(ticket)).content.decode()
    assert "Awaiting user" in page and "Awaiting your reply" not in page


def test_ticket_page_shows_the_requesters_context(staff_client, user, staff):
    """Beside the thread: account, email, balance, the package's areas, bandwidth, expiry, its region
    connections and the account's other tickets."""
    user.email = "owner@example.com"
    user.save(update_fields=["email"])
    package = connected_package(user)
    other = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    ticket = open_ticket(package)
    balance = User.objects.get(pk=user.pk).balance
    page = staff_client.get(ticket_url(ticket)).content.decode()
    context = page[page.index('id="requester-heading"') :]
    for text in (
        user.username,
        "owner@example.com",
        f"USD {balance:,.2f}",
        "Mainland China",
        "10 Mbps",
        package.expires_at.strftime("%Y-%m-%d %H:%M"),
        "Hangzhou",
        "Beijing",
        "4 Mbps",
        other.number,
    ):
        assert text in context


# Internal notes


def test_internal_note_changes_no_status_assignee_or_sla_clock(staff_client, package):
    """An internal note is in the thread, marked, and the ticket stays as it was."""
    ticket = open_ticket(package)
    before = DeletionTicket.objects.get(pk=ticket.pk)
    response = handle(staff_client, ticket, "note", note="Owner called, wants it gone")
    assert response.status_code == 302
    after = DeletionTicket.objects.get(pk=ticket.pk)
    assert (after.status, after.assigned_to_id, after.awaiting_staff_since) == (
        before.status,
        before.assigned_to_id,
        before.awaiting_staff_since,
    )
    note = TicketMessage.objects.get(ticket=ticket, internal=True)
    assert (note.text, note.new_status) == ("Owner called, wants it gone", "")
    page = staff_client.get(ticket_url(ticket)).content.decode()
    assert "Owner called, wants it gone" in page and "Internal note (staff only)" in page


def test_internal_note_needs_text(staff_client, package):
    """An empty internal note is refused on the page."""
    ticket = open_ticket(package)
    response = handle(staff_client, ticket, "note", note="  ")
    assert response.status_code == 200 and "Enter a message." in response.content.decode()
    assert not TicketMessage.objects.filter(ticket=ticket, internal=True).exists()


@pytest.fixture
def noted(mailbox, package, staff, user, django_capture_on_commit_callbacks):
    """A ticket with an internal note, then a staff reply and the outcome, every email sent."""
    user.email = "owner@example.com"
    user.save(update_fields=["email"])
    with django_capture_on_commit_callbacks(execute=True):
        ticket = open_ticket(package)
        services.ticket_internal_note(ticket_id=ticket.pk, staff=staff, note="SECRET-NOTE-42")
        services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="We are on it")
        services.ticket_reject(ticket_id=ticket.pk, staff=staff, note="Contract runs on")
    call_command("send_notifications")  # the worker sends what the requests wrote
    return ticket


def test_internal_note_is_on_no_user_page(client_user, noted):
    """Neither the ticket's page nor the Tickets list shows the note, nor counts it as a new reply."""
    for url in (reverse("tickets:ticket_detail", args=[noted.pk]), reverse("tickets:ticket_list")):
        page = client_user.get(url).content.decode()
        assert "SECRET-NOTE-42" not in page and "Internal note" not in page
    assert "We are on it" in client_user.get(reverse("tickets:ticket_detail", args=[noted.pk])).content.decode()


def test_internal_note_is_in_no_email(mailbox, noted):
    """No email sent about the ticket, to the user or to staff, carries the note."""
    assert mailbox.messages
    for message in mailbox.messages:
        for part in ("plain", "html"):
            assert "SECRET-NOTE-42" not in message.get_body((part,)).get_content()
    assert not EmailNotification.objects.filter(body_text__contains="SECRET-NOTE-42").exists()


def test_internal_note_is_in_no_api_answer(client, user, package, staff):
    """Every API answer about the account's resources leaves the note out."""
    from cenconsole.api import services as api_services
    from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, common_parameters, sdk_sign

    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    ticket = open_ticket(package)
    services.ticket_internal_note(ticket_id=ticket.pk, staff=staff, note="SECRET-NOTE-42")
    for action in ("DescribeCenBandwidthPackages", "DescribeCens", "DescribeCenInterRegionBandwidthLimits"):
        extra = {"CenId": package.cen_instance_id} if action == "DescribeCenInterRegionBandwidthLimits" else {}
        response = client.post("/", sdk_sign("POST", common_parameters(action, **extra)))
        assert response.status_code == 200, response.content
        assert "SECRET-NOTE-42" not in response.content.decode()


def test_internal_note_never_counts_as_unread(user, package, staff):
    """The Tickets badge counts staff replies, never internal notes."""
    ticket = open_ticket(package)
    services.ticket_internal_note(ticket_id=ticket.pk, staff=staff, note="Between us")
    assert User.objects.get(pk=user.pk).unread_tickets == 0


# Saved replies


@pytest.fixture
def saved_reply(db):
    return SavedReply.objects.create(
        name="Which project",
        text="Hello {user}, which project used {package}? ({ticket}) {unknown} stays.",
        action=SavedReply.Action.ASK_INFO,
    )


def test_insert_fills_the_saved_reply_into_the_reply_box(staff_client, package, saved_reply):
    """Insert puts the saved reply, with the ticket's number, package and user name, in the reply box
    and suggests its button; nothing is sent yet."""
    ticket = open_ticket(package)
    response = handle(staff_client, ticket, "insert", saved_reply=saved_reply.pk, note="")
    page = response.content.decode()
    assert response.status_code == 200
    filled = f"Hello {package.owner.username}, which project used {package.pk}? ({ticket.number}) {{unknown}} stays."
    assert f">\n{filled}</textarea>" in page
    assert 'value="Ask for information" formaction' in page and 'class="default"' in page
    assert not TicketMessage.objects.filter(ticket=ticket, from_staff=True).exists()


def test_insert_keeps_what_was_typed(staff_client, package, saved_reply):
    """Insert adds the saved reply after the text already in the box."""
    ticket = open_ticket(package)
    page = handle(staff_client, ticket, "insert", saved_reply=saved_reply.pk, note="Dear user").content.decode()
    assert "Dear user\n\nHello" in page


def test_insert_without_a_choice_says_so(staff_client, package, saved_reply):
    """Insert with no saved reply chosen explains, and keeps the text."""
    ticket = open_ticket(package)
    page = handle(staff_client, ticket, "insert", saved_reply="", note="Kept").content.decode()
    assert "Choose a saved reply to insert." in page and ">\nKept</textarea>" in page


def test_support_staff_manage_saved_replies_in_the_admin(staff_client):
    """Support staff add saved replies in the admin."""
    response = staff_client.post(
        reverse("admin:tickets_savedreply_add"), {"name": "Refund", "text": "Refunded {ticket}.", "action": "reply"}
    )
    assert response.status_code == 302
    assert SavedReply.objects.get(name="Refund").text == "Refunded {ticket}."
    assert "Refund" in staff_client.get(reverse("admin:tickets_savedreply_changelist")).content.decode()


# Outcomes, confirmed first


@pytest.mark.parametrize("verb", ["approve", "approve_refund", "reject"])
def test_outcomes_do_nothing_without_the_confirmation(staff_client, user, verb):
    """Release with or without refund and Reject only open the confirmation page: the ticket, the
    package, its connections and the balance are untouched."""
    package = connected_package(user)
    ticket = open_ticket(package)
    balance = User.objects.get(pk=user.pk).balance
    response = handle(staff_client, ticket, verb, note="Done as asked")
    assert response.status_code == 200 and 'name="confirmed" value="1"' in response.content.decode()
    assert DeletionTicket.objects.get(pk=ticket.pk).status == DeletionTicket.Status.PENDING
    assert BandwidthPackage.objects.get(pk=package.pk).released_at is None
    assert package.region_connections.count() == 1
    assert User.objects.get(pk=user.pk).balance == balance


def test_release_confirmation_states_what_will_happen(staff_client, user):
    """The confirmation names the package, the region connections removed, the USD refunded and the note."""
    package = connected_package(user)
    ticket = open_ticket(package)
    amount = services.approval_refund(ticket)
    page = handle(staff_client, ticket, "approve_refund", note="Released as asked").content.decode()
    for text in (
        package.pk,
        "region connections are removed",
        "Hangzhou",
        "Beijing",
        f"USD {amount:,.2f}",
        "Released as asked",
        "outcome-danger",
        "Save and next ticket",
    ):
        assert text in page


def test_reject_confirmation_says_the_package_stays(staff_client, package):
    """Reject's confirmation says the package stays and shows the note the user will read."""
    ticket = open_ticket(package)
    page = handle(staff_client, ticket, "reject", note="Contract runs on").content.decode()
    assert "stays as it is" in page and "Contract runs on" in page


def test_reject_without_a_note_is_refused_before_the_confirmation(staff_client, package):
    """Reject with an empty note stays on the ticket's page with the reason."""
    ticket = open_ticket(package)
    page = handle(staff_client, ticket, "reject", note="").content.decode()
    assert "Enter a note telling the user why the ticket is rejected." in page
    assert 'name="confirmed"' not in page


def test_confirmed_release_makes_the_handler_the_assignee(staff_client, package, staff):
    """Whoever confirms the outcome becomes the ticket's assignee, even of another's ticket."""
    ticket = open_ticket(package)
    services.ticket_assign(ticket_id=ticket.pk, staff=support_staff("colleague"))
    handle(staff_client, ticket, "approve", note="", confirmed="1")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.assigned_to_id, ticket.handled_by_id) == ("Approved", staff.pk, staff.pk)


def test_save_and_next_ticket_opens_the_next_open_ticket_in_queue_order(staff_client, user):
    """Save and next ticket does the outcome and opens the queue's next ticket (longest waiting first)."""
    with time_machine.travel(clock.now() - timedelta(hours=3)):
        first = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    with time_machine.travel(clock.now() - timedelta(hours=2)):
        second = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    third = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    response = handle(staff_client, first, "reject", note="No", confirmed="1", next="Save and next ticket")
    assert DeletionTicket.objects.get(pk=first.pk).status == "Rejected"
    assert response.status_code == 302 and response.url == ticket_url(second)
    response = handle(staff_client, third, "reject", note="No", confirmed="1", next="Save and next ticket")
    assert response.url == ticket_url(second)


def test_save_and_next_ticket_on_the_last_one_returns_to_the_queue(staff_client, package):
    """With nothing left, Save and next ticket goes back to the queue and says so."""
    ticket = open_ticket(package)
    response = handle(staff_client, ticket, "approve", note="", confirmed="1", next="1")
    assert response.url == reverse(QUEUE)
    page = staff_client.get(response.url).content.decode()
    assert "No open ticket is left in your queue." in page


def test_other_staff_tickets_are_not_next(staff_client, user):
    """Save and next ticket skips tickets another staff member took."""
    ticket = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    theirs = open_ticket(buy_package(CenInstanceFactory(owner=user)))
    services.ticket_assign(ticket_id=theirs.pk, staff=support_staff("colleague"))
    response = handle(staff_client, ticket, "approve", note="", confirmed="1", next="1")
    assert response.url == reverse(QUEUE)


def test_staff_without_the_group_cannot_confirm(client, package):
    """The confirmation's POST needs the handle permission too."""
    ticket = open_ticket(package)
    client.force_login(UserFactory(is_staff=True))
    assert handle(client, ticket, "approve", confirmed="1").status_code == 403
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Pending"


def test_queue_query_count_does_not_grow_with_its_tickets(staff_client, user, django_assert_max_num_queries):
    """The queue answers in a fixed number of queries, whatever the number of tickets it lists."""
    balance_set(user, 100_000)
    for _ in range(8):
        open_ticket(buy_package(CenInstanceFactory(owner=user)))
    with django_assert_max_num_queries(14):
        assert staff_client.get(reverse(QUEUE)).status_code == 200


def test_ticket_page_query_count_is_bounded(staff_client, user, staff, django_assert_max_num_queries):
    """A ticket's page with its thread and the requester's context answers in a bounded number of queries."""
    ticket = open_ticket(connected_package(user))
    for number in range(5):
        services.ticket_internal_note(ticket_id=ticket.pk, staff=support_staff(f"colleague-{number}"), note="n")
    with django_assert_max_num_queries(16):
        assert staff_client.get(ticket_url(ticket)).status_code == 200


def test_choosing_a_handled_status_looks_through_every_ticket(staff_client, queue):
    """Status Rejected lists the rejected ticket, though the queue's default holds only open ones."""
    page = staff_client.get(reverse(QUEUE), {"status__exact": "Rejected"}).content.decode()
    assert listed_numbers(page) == {queue["handled"].number}


def test_search_looks_through_every_ticket(staff_client, queue):
    """Searching finds a handled ticket by its number."""
    page = staff_client.get(reverse(QUEUE), {"q": queue["handled"].number}).content.decode()
    assert queue["handled"].number in listed_numbers(page)
