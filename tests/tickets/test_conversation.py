"""The ticket as a conversation: every transition through the console and the desk, allowed and refused."""

import pytest
from django.urls import reverse

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket, TicketMessage
from tests.factories import UserFactory, open_ticket

pytestmark = pytest.mark.django_db

Status = DeletionTicket.Status


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def handle(client, ticket, verb, note=""):
    """A button of the ticket's page; an outcome as its confirmation page confirms it."""
    data = {"note": note, "confirmed": "1"} if verb in ("approve", "approve_refund", "reject") else {"note": note}
    return client.post(reverse("desk:ticket_action", args=[ticket.pk, verb]), data, follow=True)


def status_of(ticket):
    return DeletionTicket.objects.get(pk=ticket.pk).status


def test_opening_starts_the_thread_with_the_reason(client_user, package):
    """The ticket's page shows the user's reason first, by You, with the status Pending."""
    ticket = open_ticket(package, reason="Project over")
    page = client_user.get(reverse("tickets:ticket_detail", args=[ticket.pk])).content.decode()
    assert "Project over" in page and "You" in page and "Status: Pending" in page
    assert "Send Reply" in page and "Withdraw" in page


def test_assign_to_me_makes_the_ticket_processing(staff_client, package, staff):
    """Assign to me on the ticket's page assigns it and moves Pending to Processing."""
    ticket = open_ticket(package)
    handle(staff_client, ticket, "assign")
    ticket.refresh_from_db()
    assert (ticket.status, ticket.assigned_to) == (Status.PROCESSING, staff)


def test_assign_to_me_action_assigns_every_selected_ticket(staff_client, package, staff):
    """The Assign to me action assigns the selected tickets."""
    ticket = open_ticket(package)
    staff_client.post(
        reverse("desk:selected"),
        {"action": "assign_selected", "_selected_action": [ticket.pk]},
    )
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to == staff


def test_ask_for_information_awaits_the_user_and_shows_as_support(staff_client, client, package, user):
    """Ask for information: Awaiting your reply, the question in the thread as Alibaba Cloud Support."""
    ticket = open_ticket(package)
    handle(staff_client, ticket, "ask_info", "Which project is it?")
    assert status_of(ticket) == Status.AWAITING_USER
    client.force_login(user)
    page = client.get(reverse("tickets:ticket_detail", args=[ticket.pk])).content.decode()
    assert "Which project is it?" in page and "Alibaba Cloud Support" in page and "Awaiting your reply" in page


def test_staff_see_the_staff_members_name(staff_client, package, staff):
    """At the desk, the thread names the staff member who wrote."""
    ticket = open_ticket(package)
    handle(staff_client, ticket, "reply", "Looking into it")
    page = staff_client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    assert "Looking into it" in page and staff.username in page and package.owner.username in page


def test_ask_for_information_needs_a_message(staff_client, package):
    """Ask for information without a message is refused and changes nothing."""
    ticket = open_ticket(package)
    response = handle(staff_client, ticket, "ask_info", "")
    assert "Enter a message." in response.content.decode()
    assert status_of(ticket) == Status.PENDING


def test_user_reply_moves_awaiting_back_to_processing(client_user, package, staff):
    """Send Reply on a ticket Awaiting your reply moves it back to Processing."""
    ticket = open_ticket(package)
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Why?")
    response = client_user.post(reverse("tickets:ticket_reply", args=[ticket.pk]), {"text": "Because"}, follow=True)
    assert "Because" in response.content.decode()
    assert status_of(ticket) == Status.PROCESSING
    assert TicketMessage.objects.filter(ticket=ticket, from_staff=False, text="Because").exists()


def test_empty_reply_is_refused_on_the_page(client_user, package):
    """An empty Send Reply re-renders the page with the error and adds nothing."""
    ticket = open_ticket(package)
    response = client_user.post(reverse("tickets:ticket_reply", args=[ticket.pk]), {"text": " "})
    assert response.status_code == 200 and "Enter a message." in response.content.decode()
    assert ticket.messages.count() == 1


def test_reply_on_a_handled_ticket_is_refused(client_user, package, staff):
    """A handled ticket takes no more replies."""
    ticket = open_ticket(package)
    services.ticket_reject(ticket_id=ticket.pk, staff=staff, note="No")
    response = client_user.post(reverse("tickets:ticket_reply", args=[ticket.pk]), {"text": "But"})
    assert "already rejected" in response.content.decode()
    assert ticket.messages.count() == 2


def test_another_account_cannot_reply_or_withdraw(client, package):
    """Another account's Send Reply and Withdraw answer 404 and change nothing."""
    ticket = open_ticket(package)
    client.force_login(UserFactory())
    assert client.post(reverse("tickets:ticket_reply", args=[ticket.pk]), {"text": "x"}).status_code == 404
    assert client.post(reverse("tickets:ticket_withdraw", args=[ticket.pk])).status_code == 404
    assert status_of(ticket) == Status.PENDING and ticket.messages.count() == 1


@pytest.mark.parametrize("before", ["pending", "processing", "awaiting"])
def test_withdraw_closes_an_open_ticket_and_keeps_the_package(client_user, package, staff, before):
    """Withdraw on a ticket not handled makes it Withdrawn; the package stays in use."""
    ticket = open_ticket(package)
    if before == "processing":
        services.ticket_assign(ticket_id=ticket.pk, staff=staff)
    elif before == "awaiting":
        services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="?")
    client_user.post(reverse("tickets:ticket_withdraw", args=[ticket.pk]))
    assert status_of(ticket) == Status.WITHDRAWN
    assert BandwidthPackage.objects.get(pk=package.pk).status == "InUse"
    _, created = services.ticket_open(requester=package.owner, package_id=package.pk, reason="Again")
    assert created


@pytest.mark.parametrize("outcome", ["approve", "reject"])
def test_withdraw_of_a_handled_ticket_is_refused(client_user, package, staff, outcome):
    """A handled ticket cannot be withdrawn."""
    ticket = open_ticket(package)
    getattr(services, f"ticket_{outcome}")(ticket_id=ticket.pk, staff=staff, note="Done")
    response = client_user.post(reverse("tickets:ticket_withdraw", args=[ticket.pk]), follow=True)
    assert "cannot be handled again" in response.content.decode()
    assert status_of(ticket) == ("Approved" if outcome == "approve" else "Rejected")


def test_staff_cannot_act_on_a_withdrawn_ticket(staff_client, package):
    """Staff's buttons on a withdrawn ticket are refused."""
    ticket = open_ticket(package)
    services.ticket_withdraw(requester=package.owner, ticket_id=ticket.pk)
    response = handle(staff_client, ticket, "approve")
    assert "already withdrawn" in response.content.decode()
    assert BandwidthPackage.objects.get(pk=package.pk).status == "InUse"


def test_reject_needs_a_note(staff_client, package):
    """Reject without a note to the user is refused."""
    ticket = open_ticket(package)
    response = handle(staff_client, ticket, "reject", "")
    assert "Enter a note telling the user why the ticket is rejected." in response.content.decode()
    assert status_of(ticket) == Status.PENDING


@pytest.mark.parametrize("before", ["processing", "awaiting"])
def test_approve_from_processing_or_awaiting(staff_client, package, staff, before):
    """A taken ticket, or one awaiting the user, can be approved."""
    ticket = open_ticket(package)
    if before == "processing":
        services.ticket_assign(ticket_id=ticket.pk, staff=staff)
    else:
        services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="?")
    handle(staff_client, ticket, "approve", "ok")
    assert status_of(ticket) == Status.APPROVED


def test_every_transition_is_in_the_thread_and_the_audit(package, staff):
    """Each status change is a message with old → new status, and an audit record."""
    from cenconsole.audit.models import AuditRecord

    ticket = open_ticket(package)
    services.ticket_assign(ticket_id=ticket.pk, staff=staff)
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Why?")
    services.ticket_user_reply(requester=package.owner, ticket_id=ticket.pk, text="Because")
    services.ticket_approve(ticket_id=ticket.pk, staff=staff, note="OK")
    steps = list(ticket.messages.values_list("old_status", "new_status"))
    assert steps == [
        ("", "Pending"),
        ("Pending", "Processing"),
        ("Processing", "AwaitingUser"),
        ("AwaitingUser", "Processing"),
        ("Processing", "Approved"),
    ]
    actions = list(AuditRecord.objects.for_target(ticket).values_list("action", flat=True))
    assert actions == [
        "ticket.opened",
        "ticket.processing",
        "ticket.awaitinguser",
        "ticket.processing",
        "ticket.approved",
    ]


def test_transitions_dict_refuses_what_it_does_not_list():
    """Handled statuses allow nothing; Withdrawn is reachable from every open status."""
    transitions = DeletionTicket.ALLOWED_TRANSITIONS
    assert all(not transitions[status] for status in (Status.APPROVED, Status.REJECTED, Status.WITHDRAWN))
    assert all(Status.WITHDRAWN in transitions[status] for status in DeletionTicket.OPEN_STATUSES)


def test_unread_staff_reply_shows_a_badge_until_read(client_user, package, staff):
    """Tickets shows the number of tickets with an unread staff reply; opening the ticket reads it."""
    ticket = open_ticket(package)
    services.ticket_staff_reply(ticket_id=ticket.pk, staff=staff, note="Hello")
    page = client_user.get(reverse("tickets:ticket_list")).content.decode()
    assert 'id="unread-tickets"' in page and ">1</span>" in page
    client_user.get(reverse("tickets:ticket_detail", args=[ticket.pk]))
    page = client_user.get(reverse("tickets:ticket_list")).content.decode()
    assert 'id="unread-tickets"' not in page
