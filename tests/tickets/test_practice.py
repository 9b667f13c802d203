"""Practice tickets (issue 27): the ticket a workshop's Deletion request scenario opens stays in the
workshop: out of the staff's queue, its counts and Save and next; no staff work handles it (so it never
releases a trainee's package); the trainee's Withdraw or the workshop's end closes it."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.tickets import selectors, services
from cenconsole.tickets.models import DeletionTicket, EmailNotification
from cenconsole.workshops import services as workshop_services
from tests.factories import CenInstanceFactory, buy_package, open_ticket, trainee_join, workshop_new

pytestmark = pytest.mark.django_db

QUEUE = "desk:queue"
SELECTED = "desk:selected"  # the queue's Action menu


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


@pytest.fixture
def room():
    """A Deletion request workshop three trainees joined: three practice tickets."""
    workshop = workshop_new(scenario="deletion-request")
    for _ in range(3):
        trainee_join(workshop)
    return workshop


@pytest.fixture
def practice_ticket(room):
    return DeletionTicket.objects.filter(practice=True).first()


@pytest.fixture
def customer_ticket(user):
    """A real customer's ticket, on a package that can be refunded (Mainland China)."""
    return open_ticket(buy_package(CenInstanceFactory(owner=user), area_a_code="China", area_b_code="China"))


def handle(client, ticket, verb, **data):
    return client.post(reverse("desk:ticket_action", args=[ticket.pk, verb]), data)


def listed_numbers(page):
    return set(re.findall(r">(TK\d{6})<", page))


def test_the_scenarios_ticket_is_a_practice_ticket(room):
    """Each join's staged ticket is marked practice; a customer's ticket is not."""
    assert DeletionTicket.objects.filter(practice=True).count() == 3
    assert not open_ticket(buy_package(CenInstanceFactory())).practice


def test_practice_tickets_are_out_of_the_admin_index_counts(staff_client, room, customer_ticket):
    """Three joins and one customer: the admin index says Open 1, Unassigned 1."""
    assert selectors.queue_counts()["open"] == 1 and selectors.queue_counts()["unassigned"] == 1
    page = staff_client.get("/admin/").content.decode()
    assert '<td id="queue-open">1</td>' in page and '<td id="queue-unassigned">1</td>' in page


def test_practice_tickets_are_out_of_every_queue_filter_and_its_count(staff_client, staff, room, customer_ticket):
    """No filter of the queue lists a practice ticket or counts it."""
    counts = selectors.queue_filter_counts(staff=staff)
    assert counts["all"] == counts["open"] == counts["todo"] == 1
    for queue in ("todo", "unassigned", "open", "all"):
        page = staff_client.get(reverse(QUEUE) + f"?queue={queue}").content.decode()
        assert listed_numbers(page) == {customer_ticket.number}, queue
    page = staff_client.get(reverse(QUEUE) + f"?q={DeletionTicket.objects.filter(practice=True).first().pk}")
    assert listed_numbers(page.content.decode()) <= {customer_ticket.number}


def test_save_and_next_never_opens_a_practice_ticket(staff_client, staff, room, customer_ticket):
    """Save and next ticket after the last customer ticket goes back to the queue, past the practice ones."""
    assert selectors.next_ticket(staff=staff, after=customer_ticket) is None
    response = handle(staff_client, customer_ticket, "reject", note="No", confirmed="1", next="1")
    assert response.status_code == 302 and response.url == reverse(QUEUE)


@pytest.mark.parametrize(
    "handler",
    [
        services.ticket_approve,
        lambda **kwargs: services.ticket_approve(refund=True, **kwargs),
        services.ticket_reject,
        services.ticket_assign,
        services.ticket_staff_reply,
        services.ticket_ask_information,
        services.ticket_internal_note,
    ],
    ids=["approve", "approve_refund", "reject", "assign", "reply", "ask_info", "note"],
)
def test_the_service_refuses_staff_work_on_a_practice_ticket(staff, practice_ticket, handler):
    """Every staff action on a practice ticket is refused by tickets.services; the trainee's package stays."""
    with pytest.raises(ValidationError) as refused:
        handler(ticket_id=practice_ticket.pk, staff=staff, note="Done")
    assert refused.value.code == "practice_ticket"
    practice_ticket.refresh_from_db()
    assert practice_ticket.status == DeletionTicket.Status.PENDING and practice_ticket.assigned_to is None
    assert practice_ticket.package.status != "Released"
    assert BandwidthPackage.objects.get(pk=practice_ticket.package_id).released_at is None


def test_a_superuser_cannot_release_a_practice_tickets_package_either(admin_user, practice_ticket):
    """Not even a superuser approves a practice ticket."""
    with pytest.raises(ValidationError, match="practice ticket"):
        services.ticket_approve(ticket_id=practice_ticket.pk, staff=admin_user, note="")
    assert BandwidthPackage.objects.get(pk=practice_ticket.package_id).released_at is None


def test_the_desk_does_not_open_a_practice_ticket(staff_client, practice_ticket):
    """The ticket's page and its buttons are not found for a practice ticket."""
    page = staff_client.get(reverse("desk:ticket", args=[practice_ticket.pk]))
    assert page.status_code == 302  # "no such ticket": back to the queue
    assert handle(staff_client, practice_ticket, "approve", note="", confirmed="1").status_code == 404
    practice_ticket.refresh_from_db()
    assert practice_ticket.status == DeletionTicket.Status.PENDING


def test_the_list_action_skips_practice_tickets(staff_client, practice_ticket):
    """Approve selected tickets with a practice ticket's id posted approves nothing."""
    staff_client.post(
        reverse(SELECTED) + "?queue=all",
        {"action": "approve_selected", "_selected_action": [practice_ticket.pk], "apply": "1", "note": ""},
    )
    practice_ticket.refresh_from_db()
    assert practice_ticket.status == DeletionTicket.Status.PENDING


def test_the_trainee_withdraws_their_practice_ticket(practice_ticket):
    """The trainee's own Withdraw closes a practice ticket; the package stays theirs."""
    services.ticket_withdraw(requester=practice_ticket.requester, ticket_id=practice_ticket.pk)
    practice_ticket.refresh_from_db()
    assert practice_ticket.status == DeletionTicket.Status.WITHDRAWN
    assert practice_ticket.package.released_at is None


def test_a_trainees_reply_on_a_practice_ticket_emails_no_staff(staff, practice_ticket):
    """Replying on a practice ticket is the trainee's exercise: Support staff are not emailed."""
    staff.email = "support@example.com"
    staff.save()
    services.ticket_user_reply(requester=practice_ticket.requester, ticket_id=practice_ticket.pk, text="More")
    assert not EmailNotification.objects.exists()


def test_end_workshop_removes_the_practice_tickets(room):
    """End workshop purges the sandboxes and, with them, their practice tickets."""
    workshop_services.workshop_end(workshop=room)
    assert not DeletionTicket.objects.exists()
