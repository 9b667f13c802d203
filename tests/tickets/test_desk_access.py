"""The desk as plain staff views (issue 30): who reaches each page and button (the same rules as when the
desk lived in the admin), the admin's old addresses leading to the desk, and the desk's own ways in."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from cenconsole.tickets.models import DeletionTicket
from tests.factories import UserFactory, open_ticket, support_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def ticket(package):
    return open_ticket(package)


def desk_pages(ticket):
    """Every desk URL with the method it answers: (method, path, data)."""
    return [
        ("get", reverse("desk:queue"), {}),
        ("get", reverse("desk:ticket", args=[ticket.pk]), {}),
        ("post", reverse("desk:ticket_action", args=[ticket.pk, "assign"]), {}),
        ("post", reverse("desk:selected"), {"action": "assign_selected", "_selected_action": [ticket.pk]}),
    ]


def reader():
    """Staff who may read deletion tickets but not handle them (view permission only)."""
    staff = UserFactory(is_staff=True)
    staff.user_permissions.add(Permission.objects.get(codename="view_deletionticket"))
    return staff


# Who reaches the desk


def test_anonymous_visitors_go_to_the_admins_sign_in(client, ticket):
    """Every desk page and button sends an anonymous visitor to the admin's sign-in, then back."""
    for method, path, data in desk_pages(ticket):
        response = getattr(client, method)(path, data)
        assert response.status_code == 302 and response.url.startswith("/admin/login/?next=/desk/"), path
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to is None


def test_console_users_go_to_the_admins_sign_in(client_user, ticket):
    """A console account (even the ticket's owner) is sent to the admin's sign-in, as the admin did."""
    for method, path, data in desk_pages(ticket):
        response = getattr(client_user, method)(path, data)
        assert response.status_code == 302 and response.url.startswith("/admin/login/"), path
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to is None


def test_staff_without_the_support_permissions_are_forbidden(client, ticket):
    """Staff status alone grants nothing: every desk page and button answers 403."""
    client.force_login(UserFactory(is_staff=True))
    for method, path, data in desk_pages(ticket):
        assert getattr(client, method)(path, data).status_code == 403, path
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to is None


def test_support_staff_reach_every_page_and_button(client, ticket):
    """Support staff read the queue and the ticket, and its buttons and the Action menu work."""
    staff = support_staff()
    client.force_login(staff)
    for method, path, data in desk_pages(ticket):
        assert getattr(client, method)(path, data).status_code in (200, 302), path
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to == staff


def test_superusers_reach_the_desk(admin_client, ticket):
    """A superuser (every permission) reads the queue and the ticket's page."""
    assert admin_client.get(reverse("desk:queue")).status_code == 200
    assert admin_client.get(reverse("desk:ticket", args=[ticket.pk])).status_code == 200


def test_staff_who_only_read_tickets_see_the_queue_without_the_action_menu(client, ticket):
    """The view permission alone shows the queue, with no Action menu and no boxes to tick."""
    client.force_login(reader())
    page = client.get(reverse("desk:queue")).content.decode()
    assert ticket.number in page
    assert 'name="action"' not in page and 'name="_selected_action"' not in page


def test_staff_who_only_read_tickets_see_the_ticket_without_buttons(client, ticket):
    """The view permission alone shows the ticket's page and thread, with no button to handle it."""
    client.force_login(reader())
    page = client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    assert 'id="ticket-thread"' in page
    assert 'id="handle-ticket"' not in page and "Release without refund" not in page


def test_staff_who_only_read_tickets_cannot_press_a_button(client, ticket):
    """Without the handle permission the buttons and the Action menu answer 403 and change nothing."""
    client.force_login(reader())
    assert client.post(reverse("desk:ticket_action", args=[ticket.pk, "assign"])).status_code == 403
    data = {"action": "assign_selected", "_selected_action": [ticket.pk]}
    assert client.post(reverse("desk:selected"), data).status_code == 403
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to is None


def test_a_button_answers_only_post(client, staff, ticket):
    """A button's address read with GET answers 405 and changes nothing."""
    client.force_login(staff)
    assert client.get(reverse("desk:ticket_action", args=[ticket.pk, "assign"])).status_code == 405
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to is None


def test_an_unknown_button_is_not_found(client, staff, ticket):
    """A verb the ticket's page has no button for answers 404."""
    client.force_login(staff)
    assert client.post(reverse("desk:ticket_action", args=[ticket.pk, "delete"])).status_code == 404


def test_a_missing_ticket_returns_to_the_queue_and_says_so(client, staff):
    """A ticket that is not there (removed by Reset demo, or a wrong number) opens the queue with a message."""
    client.force_login(staff)
    response = client.get(reverse("desk:ticket", args=[999999]), follow=True)
    assert response.redirect_chain == [(reverse("desk:queue"), 302)]
    assert "Deletion ticket with ID “999999” doesn’t exist" in response.content.decode()


# The admin's old addresses


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("/admin/tickets/deletionticket/", "/desk/"),
        ("/admin/tickets/deletionticket/?queue=open&q=TK000001", "/desk/?queue=open&q=TK000001"),
        ("/admin/tickets/deletionticket/42/change/", "/desk/tickets/42/"),
        ("/admin/tickets/deletionticket/42/", "/desk/tickets/42/"),
    ],
)
def test_the_admins_old_desk_addresses_lead_to_the_desk(client, old, new):
    """Bookmarks and emails sent before the move land on the same page of the desk, for good (301)."""
    response = client.get(old)
    assert (response.status_code, response.url) == (301, new)


def test_a_button_posted_to_its_old_address_goes_on_to_the_desk_as_a_post(client, staff, ticket):
    """A ticket page left open from before the move: its button's POST is passed on (308) and done."""
    client.force_login(staff)
    response = client.post(f"/admin/tickets/deletionticket/{ticket.pk}/assign/")
    assert (response.status_code, response.url) == (308, reverse("desk:ticket_action", args=[ticket.pk, "assign"]))
    client.post(response.url)
    assert DeletionTicket.objects.get(pk=ticket.pk).assigned_to == staff


def test_staff_emails_link_to_the_desk(package, staff):
    """The email to Support staff about a new ticket links to its page at the desk."""
    from cenconsole.tickets.models import EmailNotification

    staff.email = "support@example.com"
    staff.save(update_fields=["email"])
    ticket = open_ticket(package)
    email = EmailNotification.objects.get(ticket=ticket, recipient="support@example.com")
    assert f"/desk/tickets/{ticket.pk}/" in email.body_text and "/admin/" not in email.body_text


# The ways in


def test_the_admins_header_links_to_the_desk_for_support_staff(client, staff):
    """Every admin page's header offers Support desk to staff who read tickets."""
    client.force_login(staff)
    page = client.get(reverse("admin:index")).content.decode()
    assert f'<a href="{reverse("desk:queue")}" id="desk-link">Support desk</a>' in page


def test_the_admins_header_has_no_desk_link_for_other_staff(client):
    """Staff outside the Support staff group are not offered the desk."""
    client.force_login(UserFactory(is_staff=True))
    assert 'id="desk-link"' not in client.get(reverse("admin:index")).content.decode()


def test_the_admin_index_queue_counts_lead_to_the_desk(client, staff, ticket):
    """The admin index's queue counts link to the desk's queue and its filters."""
    client.force_login(staff)
    page = client.get(reverse("admin:index")).content.decode()
    counts = page[page.index('id="ticket-queue"') :]
    assert f'href="{reverse("desk:queue")}"' in counts and f'href="{reverse("desk:queue")}?queue=open"' in counts


def test_the_admin_index_lists_deletion_tickets_as_before_leading_to_the_desk(client, staff):
    """Deletion tickets keep their place in the admin's index (Tickets), and the link leads to the desk."""
    client.force_login(staff)
    page = client.get(reverse("admin:index")).content.decode()
    assert '<a href="/admin/tickets/deletionticket/">Deletion tickets</a>' in page
    assert client.get("/admin/tickets/deletionticket/").url == reverse("desk:queue")


def test_staff_without_the_support_permissions_are_not_shown_deletion_tickets(client):
    """The admin's index lists deletion tickets only to staff who may read them."""
    client.force_login(UserFactory(is_staff=True))
    assert "/admin/tickets/deletionticket/" not in client.get(reverse("admin:index")).content.decode()


def test_an_emails_page_in_the_admin_links_to_its_ticket_at_the_desk(client, staff, package):
    """The admin's Email notifications list and an email's page link its ticket to the desk."""
    from cenconsole.tickets.models import EmailNotification

    staff.email = "support@example.com"
    staff.save(update_fields=["email"])
    ticket = open_ticket(package)
    email = EmailNotification.objects.get(ticket=ticket)
    client.force_login(staff)
    link = f'<a href="{reverse("desk:ticket", args=[ticket.pk])}">Ticket {ticket.number}</a>'
    assert link in client.get(reverse("admin:tickets_emailnotification_changelist")).content.decode()
    assert link in client.get(reverse("admin:tickets_emailnotification_change", args=[email.pk])).content.decode()
