import pytest
from django.urls import reverse

from cenconsole.tickets.models import DeletionTicket
from tests.factories import CenInstanceFactory, UserFactory, buy_package, open_ticket

pytestmark = pytest.mark.django_db


def request_url(package):
    return reverse("tickets:request_deletion", args=[package.pk])


@pytest.mark.parametrize("name", ["tickets:ticket_list"])
def test_pages_need_sign_in(client, name):
    """Anonymous visitors are sent to the login page."""
    response = client.get(reverse(name))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_request_deletion_needs_sign_in(client, package):
    """The ticket form needs a signed-in user."""
    response = client.get(request_url(package))
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_package_row_offers_request_deletion(client_user, package):
    """Each package row on the Bandwidth Packages tab has a Request Deletion action."""
    response = client_user.get(reverse("bandwidth:cen_tab", args=[package.cen_instance_id]))
    assert f'href="{request_url(package)}"' in response.content.decode()
    assert "Request Deletion" in response.content.decode()


def test_ticket_form_shows_the_package(client_user, package):
    """The form shows the package's id, name, areas, bandwidth and expiration, and Submit Ticket."""
    page = client_user.get(request_url(package)).content.decode()
    for text in (
        package.pk,
        package.name,
        "Mainland China ↔ Mainland China",
        "10 Mbps",
        package.expires_at.strftime("%Y-%m-%d %H:%M"),
        "Submit Ticket",
        "Reason",
    ):
        assert text in page


def test_submitting_the_form_opens_a_pending_ticket(client_user, package):
    """Submit Ticket opens a Pending ticket and shows it."""
    response = client_user.post(request_url(package), {"reason": "Project ended"}, follow=True)
    ticket = DeletionTicket.objects.get()
    assert (ticket.status, ticket.reason) == ("Pending", "Project ended")
    assert response.redirect_chain[-1][0] == reverse("tickets:ticket_detail", args=[ticket.pk])
    assert ticket.number in response.content.decode()


def test_blank_reason_is_shown_on_the_form(client_user, package):
    """A blank reason re-renders the form with the error and makes no ticket."""
    response = client_user.post(request_url(package), {"reason": ""})
    assert response.status_code == 200
    assert "Enter a reason for deleting the bandwidth package." in response.content.decode()
    assert not DeletionTicket.objects.exists()


def test_row_shows_deletion_requested_after_a_request(client_user, package):
    """Once requested, the row says so and links to the open ticket."""
    ticket = open_ticket(package)
    page = client_user.get(reverse("bandwidth:cen_tab", args=[package.cen_instance_id])).content.decode()
    assert "Deletion Requested" in page
    assert reverse("tickets:ticket_detail", args=[ticket.pk]) in page


def test_second_request_points_to_the_open_ticket(client_user, package):
    """The form for a package with an open ticket links to it; posting again makes no second one."""
    ticket = open_ticket(package)
    page = client_user.get(request_url(package)).content.decode()
    assert reverse("tickets:ticket_detail", args=[ticket.pk]) in page
    assert "Submit Ticket" not in page
    response = client_user.post(request_url(package), {"reason": "again"})
    assert response.url == reverse("tickets:ticket_detail", args=[ticket.pk])
    assert DeletionTicket.objects.count() == 1


def test_another_accounts_package_answers_404(client, package):
    """Another account cannot open the ticket form for the package, nor post to it."""
    client.force_login(UserFactory())
    assert client.get(request_url(package)).status_code == 404
    assert client.post(request_url(package), {"reason": "x"}).status_code == 404
    assert not DeletionTicket.objects.exists()


def test_another_accounts_ticket_answers_404(client, package):
    """A ticket is visible to its requester only."""
    ticket = open_ticket(package)
    client.force_login(UserFactory())
    assert client.get(reverse("tickets:ticket_detail", args=[ticket.pk])).status_code == 404


def test_tickets_page_lists_only_the_users_tickets(client_user, package):
    """The Tickets page lists the user's tickets with status and reason, and no one else's."""
    mine = open_ticket(package, reason="mine")
    theirs = open_ticket(buy_package(CenInstanceFactory()), reason="theirs")
    page = client_user.get(reverse("tickets:ticket_list")).content.decode()
    assert mine.number in page and "mine" in page and "Pending" in page
    assert theirs.number not in page


def test_ticket_page_shows_outcome_in_the_thread(client_user, package, staff):
    """After staff reject, the ticket page shows Rejected, the note and the status change in the thread."""
    from cenconsole.tickets import services

    ticket = services.ticket_reject(ticket_id=open_ticket(package).pk, staff=staff, note="Contract")
    page = client_user.get(reverse("tickets:ticket_detail", args=[ticket.pk])).content.decode()
    assert "Rejected" in page and "Contract" in page
    assert "Status: Pending → Rejected" in page


def test_tickets_page_query_count_is_constant(client_user, user, django_assert_max_num_queries):
    """The Tickets page's query count does not grow with the number of tickets."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    open_ticket(buy_package(CenInstanceFactory(owner=user)))
    with CaptureQueriesContext(connection) as one:
        client_user.get(reverse("tickets:ticket_list"))
    for _ in range(5):
        open_ticket(buy_package(CenInstanceFactory(owner=user)))
    with CaptureQueriesContext(connection) as six:
        client_user.get(reverse("tickets:ticket_list"))
    assert len(one) == len(six)
