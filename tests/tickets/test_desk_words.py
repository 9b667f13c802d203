"""The desk's words and weights (issue 28, finding 11): a Release purpose for saved replies, the
refund's order named, Reject styled apart from the two releases, Cancel as large as the action."""

import re

import pytest
from django.urls import reverse

from cenconsole.tickets import services
from cenconsole.tickets.models import SavedReply
from tests.factories import open_ticket

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client, staff):
    client.force_login(staff)
    return client


def handle(client, ticket, verb, **data):
    return client.post(reverse("desk:ticket_action", args=[ticket.pk, verb]), data)


def outcome_inputs(page):
    """The ticket page's outcome buttons: {value: class}."""
    block = page.split('class="ticket-actions outcome-actions"')[1].split("</div>")[0]
    return {
        value: classes for classes, value in re.findall(r'<input type="submit" class="([^"]*)" value="([^"]*)"', block)
    }


def test_saved_replies_offer_a_release_purpose():
    """Release is one of a saved reply's purposes, beside Send Reply, Ask for information and Reject."""
    assert SavedReply.Action.RELEASE == "release"
    assert "Release" in str(SavedReply.Action.RELEASE.label)


def test_support_staff_save_a_release_reply_in_the_admin(staff_client):
    """The admin's saved reply form accepts the Release purpose."""
    response = staff_client.post(
        reverse("admin:tickets_savedreply_add"), {"name": "Released", "text": "Done, {user}.", "action": "release"}
    )
    assert response.status_code == 302 and SavedReply.objects.get(name="Released").action == "release"


def test_inserting_a_release_reply_suggests_release_and_refund(staff_client, package):
    """A Release saved reply on a refundable package suggests Release and refund unused time."""
    reply = SavedReply.objects.create(name="Released", text="Done.", action=SavedReply.Action.RELEASE)
    ticket = open_ticket(package)
    page = handle(staff_client, ticket, "insert", saved_reply=reply.pk, note="").content.decode()
    buttons = outcome_inputs(page)
    refund_button = next(value for value in buttons if value.startswith("Release and refund"))
    assert "suggested" in buttons[refund_button]
    assert "suggested" not in buttons["Reject"] and "suggested" not in buttons["Release without refund"]


def test_inserting_a_release_reply_on_a_cross_border_package_suggests_release_without_refund(
    staff_client, cen_instance
):
    """A cross-border package is non-refundable: the Release reply suggests Release without refund."""
    from tests.factories import buy_package

    package = buy_package(cen_instance, area_a_code="China", area_b_code="North-America")
    reply = SavedReply.objects.create(name="Released", text="Done.", action=SavedReply.Action.RELEASE)
    page = handle(staff_client, open_ticket(package), "insert", saved_reply=reply.pk, note="").content.decode()
    assert "suggested" in outcome_inputs(page)["Release without refund"]


def test_refund_names_its_order(staff_client, staff, package):
    """A refunded ticket's page says which order refunded it: "USD x for order n", not "USD x (n)"."""
    ticket = open_ticket(package)
    services.ticket_approve(ticket_id=ticket.pk, staff=staff, note="", refund=True)
    ticket.refresh_from_db()
    page = staff_client.get(reverse("desk:ticket", args=[ticket.pk])).content.decode()
    refund = page.split('id="ticket-refund">')[1].split("</dd>")[0]
    assert refund == f"USD {ticket.refund_order.amount:,.2f} for order {ticket.refund_order.number}"


def test_reject_is_styled_apart_from_the_releases(staff_client, package):
    """The two releases are the red buttons; Reject is an outline button in a group of its own."""
    page = staff_client.get(reverse("desk:ticket", args=[open_ticket(package).pk]))
    buttons = outcome_inputs(page.content.decode())
    releases = [classes for value, classes in buttons.items() if value.startswith("Release")]
    assert len(releases) == 2 and all("outcome-danger" in classes for classes in releases)
    assert "outcome-danger" not in buttons["Reject"] and "outcome-reject" in buttons["Reject"]
    block = page.content.decode().split('class="ticket-actions outcome-actions"')[1].split("</div>")[0]
    assert block.index('class="outcome-releases"') < block.index('class="outcome-reject-group"')


def test_cancel_is_a_button_as_large_as_the_action(staff_client, package):
    """On the confirmation page Cancel is a full-size outline button, not a small link."""
    page = handle(staff_client, open_ticket(package), "approve", note="").content.decode()
    assert re.search(r'<a href="[^"]+" class="button outcome-cancel">Cancel</a>', page)
