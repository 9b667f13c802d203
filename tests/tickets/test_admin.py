import pytest
from django.urls import reverse

from cenconsole.accounts.models import User
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.tickets import services
from cenconsole.tickets.models import DeletionTicket
from tests.factories import UserFactory, buy_package, open_ticket

pytestmark = pytest.mark.django_db

QUEUE = "desk:queue"
SELECTED = "desk:selected"  # the queue's Action menu
CONFIRMED = {"confirmed": "1"}  # what the outcome's confirmation page posts


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def test_non_staff_cannot_reach_the_admin(client_user):
    """A console user is sent to the admin's login page."""
    response = client_user.get(reverse(QUEUE))
    assert response.status_code == 302 and "/admin/login/" in response.url


def test_staff_without_support_group_cannot_see_tickets(client):
    """Staff status alone grants nothing: the ticket list is forbidden."""
    client.force_login(UserFactory(is_staff=True))
    assert client.get(reverse(QUEUE)).status_code == 403


def test_changelist_filters_by_status(staff_client, package, staff):
    """The Deletion tickets list filters by status."""
    from cenconsole.tickets import services

    rejected = services.ticket_reject(ticket_id=open_ticket(package).pk, staff=staff, note="No")
    pending = open_ticket(package)
    page = staff_client.get(reverse(QUEUE), {"status__exact": "Pending"}).content.decode()
    assert pending.number in page
    assert rejected.number not in page


@pytest.mark.parametrize("term", ["id", "name", "owner"])
def test_changelist_searches_package_and_user(staff_client, package, term):
    """Search finds tickets by package id, package name or requester."""
    ticket = open_ticket(package)
    value = {"id": package.pk, "name": package.name, "owner": package.owner.username}[term]
    page = staff_client.get(reverse(QUEUE), {"q": value}).content.decode()
    assert ticket.number in page


def test_ticket_page_shows_package_reason_thread_and_buttons(staff_client, cen_instance):
    """A ticket's page shows the package, the requester, the reason, the thread and the buttons."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    ticket = open_ticket(package, reason="Too slow")
    page = staff_client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    buttons = ('value="Release and refund unused time (USD ', 'value="Release without refund"', 'value="Reject"')
    for text in (package.pk, package.owner.username, "Too slow", "Status: Pending", *buttons):
        assert text in page


def test_ticket_page_shows_the_refund_before_staff_confirm(staff_client, cen_instance):
    """The refund that Release and refund unused time would give is on the page before the click."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    ticket = open_ticket(package, reason="Too slow")
    amount = services.approval_refund(ticket)
    page = staff_client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    assert amount > 0
    assert f"Release and refund unused time (USD {amount:,.2f})" in page


def test_approve_with_refund_releases_and_refunds_the_amount_shown(staff_client, cen_instance):
    """Release and refund unused time releases the package and credits the amount shown, as a
    Refund order on the ticket."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    ticket = open_ticket(package)
    amount = services.approval_refund(ticket)
    before = User.objects.get(pk=package.owner_id).balance
    staff_client.post(reverse("desk:ticket_action", args=[ticket.pk, "approve_refund"]), CONFIRMED | {"note": "Done"})
    ticket.refresh_from_db()
    assert ticket.status == DeletionTicket.Status.APPROVED
    assert (ticket.refund_order.order_type, ticket.refund_order.amount) == ("Refund", amount)
    assert User.objects.get(pk=package.owner_id).balance == before + amount
    assert BandwidthPackage.objects.get(pk=package.pk).released_at is not None


def test_release_without_refund_button_refunds_nothing_on_a_refundable_package(staff_client, cen_instance):
    """Release without refund, on a package whose unused time could be refunded, credits nothing."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China")
    ticket = open_ticket(package)
    assert services.approval_refund(ticket) > 0
    before = User.objects.get(pk=package.owner_id).balance
    staff_client.post(reverse("desk:ticket_action", args=[ticket.pk, "approve"]), CONFIRMED | {"note": "Done"})
    ticket.refresh_from_db()
    assert (ticket.status, ticket.refund_order) == (DeletionTicket.Status.APPROVED, None)
    assert User.objects.get(pk=package.owner_id).balance == before


def test_cross_border_ticket_page_offers_no_refund_and_says_why(staff_client, cen_instance):
    """A cross-border package is non-refundable: only Release without refund, and the reason."""
    package = buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    ticket = open_ticket(package)
    page = staff_client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    assert "Release and refund unused time" not in page
    assert "non-refundable" in page and 'value="Release without refund"' in page


def test_approve_button_releases_the_package(staff_client, package):
    """Approve on the ticket's page approves it with the note and releases the package."""
    ticket = open_ticket(package)
    url = reverse("desk:ticket_action", args=[ticket.pk, "approve"])
    response = staff_client.post(url, CONFIRMED | {"note": "Done"})
    assert response.status_code == 302
    ticket.refresh_from_db()
    assert (ticket.status, ticket.staff_note) == ("Approved", "Done")
    assert BandwidthPackage.objects.get(pk=package.pk).status == "Released"


def test_reject_button_keeps_the_package(staff_client, package):
    """Reject on the ticket's page rejects it and leaves the package in use."""
    ticket = open_ticket(package)
    staff_client.post(reverse("desk:ticket_action", args=[ticket.pk, "reject"]), CONFIRMED | {"note": "No"})
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Rejected"
    assert BandwidthPackage.objects.get(pk=package.pk).status == "InUse"


def test_handling_twice_shows_an_error(staff_client, package):
    """A second Approve on a handled ticket shows an error message and changes nothing."""
    ticket = open_ticket(package)
    url = reverse("desk:ticket_action", args=[ticket.pk, "reject"])
    staff_client.post(url, CONFIRMED | {"note": "No"})
    response = staff_client.post(reverse("desk:ticket_action", args=[ticket.pk, "approve"]), follow=True)
    assert "already rejected" in response.content.decode()
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Rejected"


def test_buttons_need_the_handle_permission(client, package):
    """Staff without the permission get 403 from the buttons."""
    ticket = open_ticket(package)
    client.force_login(UserFactory(is_staff=True))
    response = client.post(reverse("desk:ticket_action", args=[ticket.pk, "approve"]))
    assert response.status_code == 403
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Pending"


def test_approve_selected_asks_for_a_note_then_approves(staff_client, package):
    """The Approve selected tickets action shows a confirmation with a note, then approves."""
    ticket = open_ticket(package)
    data = {"action": "approve_selected", "_selected_action": [ticket.pk]}
    confirm = staff_client.post(reverse(SELECTED), data)
    assert confirm.status_code == 200 and "Staff note" in confirm.content.decode()
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Pending"
    staff_client.post(reverse(SELECTED), {**data, "apply": "1", "note": "Bulk"})
    ticket.refresh_from_db()
    assert (ticket.status, ticket.staff_note) == ("Approved", "Bulk")


def test_reject_selected_rejects(staff_client, package):
    """The Reject selected tickets action rejects every selected ticket."""
    ticket = open_ticket(package)
    data = {"action": "reject_selected", "_selected_action": [ticket.pk], "apply": "1", "note": "Contract"}
    staff_client.post(reverse(SELECTED), data)
    assert DeletionTicket.objects.get(pk=ticket.pk).status == "Rejected"


def test_actions_are_offered_and_bulk_delete_is_not(staff_client, package):
    """The ticket list offers Approve/Reject selected tickets and no delete action."""
    open_ticket(package)
    page = staff_client.get(reverse(QUEUE)).content.decode()
    assert "Approve selected tickets" in page and "Reject selected tickets" in page
    assert "delete_selected" not in page


def test_package_delete_view_is_forbidden(client, package):
    """The admin's delete view for a package answers 403, even for a superuser."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = reverse("admin:bandwidth_bandwidthpackage_delete", args=[package.pk])
    assert client.get(url).status_code == 403
    assert client.post(url, {"post": "yes"}).status_code == 403
    assert BandwidthPackage.objects.filter(pk=package.pk).exists()


def test_package_changelist_has_no_bulk_delete(client, package):
    """The package list offers no delete_selected action."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:bandwidth_bandwidthpackage_changelist")).content.decode()
    assert package.pk in page and "delete_selected" not in page


def test_package_areas_are_read_only_in_the_admin(client, package):
    """The package's page in the admin shows the areas without a field to change them."""
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    page = client.get(reverse("admin:bandwidth_bandwidthpackage_change", args=[package.pk])).content.decode()
    assert 'name="area_a"' not in page and "Mainland China" in page
