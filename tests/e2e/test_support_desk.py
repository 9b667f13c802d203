"""A staff member's day at the support desk (issue 21; plain staff views at /desk/ since issue 30), in a
browser at 1280 px: the queue, a saved reply, an internal note, a confirmed release with refund with
Save and next ticket, a confirmed reject, and the queue's Action menu with and without JavaScript."""

import re
from datetime import timedelta
from decimal import Decimal

import pytest
import time_machine
from playwright.sync_api import expect

from cenconsole.accounts.models import User
from cenconsole.core import clock
from cenconsole.networks import services as network_services
from cenconsole.tickets.models import DeletionTicket
from tests.factories import PASSWORD, CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.browser_context_args(viewport={"width": 1280, "height": 800}),
]


def admin_sign_in(page, live_server, staff):
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.fixture
def three_tickets(user):
    """Three deletion tickets of one account, opened three, two and one hour ago; the second
    package carries a region connection."""
    tickets = []
    for hours_ago, name in ((3, "old-link"), (2, "shop-link"), (1, "lab-link")):
        with time_machine.travel(clock.now() - timedelta(hours=hours_ago), tick=False):
            cen_instance = CenInstanceFactory(owner=user, name=name)
            package = buy_package(cen_instance, name=name, area_a_code="China", area_b_code="China", bandwidth=10)
            if name == "shop-link":
                for region in ("cn-hangzhou", "cn-beijing"):
                    network_services.network_instance_attach(
                        owner=user, cen_instance_id=cen_instance.pk, region_code=region
                    )
                network_services.region_connection_set(
                    owner=user,
                    cen_instance_id=cen_instance.pk,
                    package_id=package.pk,
                    local_region_code="cn-hangzhou",
                    opposite_region_code="cn-beijing",
                    bandwidth=4,
                )
            tickets.append(open_ticket(package, reason=f"{name} is no longer needed\nDetails follow"))
    return tickets


def test_queue_at_1280_px_shows_every_column_without_scrolling(live_server, page, three_tickets):
    """At 1280 px the queue's columns, SLA and refund included, fit: nothing scrolls sideways."""
    staff = support_staff()
    admin_sign_in(page, live_server, staff)
    page.get_by_role("link", name="Deletion ticket queue").click()  # the admin index's queue counts
    headers = page.locator("#result_list thead th")
    for name in (
        "Ticket ID",
        "Bandwidth package",
        "Reason",
        "Requester",
        "Status",
        "Waiting for staff",
        "Assigned to",
        "Refund on release",
    ):
        header = headers.filter(has_text=re.compile(name, re.IGNORECASE))
        expect(header).to_be_visible()
        box = header.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 1280, name
    assert page.evaluate("document.documentElement.scrollWidth") <= 1280
    table_right = page.evaluate("document.querySelector('#result_list').getBoundingClientRect().right")
    assert table_right <= 1280
    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.first).to_contain_text(three_tickets[0].number)  # the longest waiting first
    expect(rows.first).to_contain_text("old-link is no longer needed")
    expect(rows.first).to_contain_text("USD ")


def test_staff_work_three_tickets_from_the_queue(live_server, page, sign_in, user, three_tickets):
    """A saved reply asks the first ticket's user; an internal note stays among staff; the second is
    released with a refund after its confirmation, and Save and next ticket opens the third, which is
    rejected after its confirmation. The user reads the reply, never the note."""
    first, second, third = three_tickets
    staff = support_staff()
    balance_before = User.objects.get(pk=user.pk).balance
    admin_sign_in(page, live_server, staff)

    # A saved reply, kept in the admin.
    page.get_by_role("link", name="Saved replies").click()
    page.get_by_role("link", name=re.compile("Add saved reply", re.IGNORECASE)).click()
    page.get_by_label("Name").fill("Which project")
    page.get_by_label("Text").fill("Hello {user}, which project used {package}? ({ticket})")
    page.get_by_label("Status change").select_option("ask_info")
    page.get_by_role("button", name="Save", exact=True).click()

    # The queue, longest waiting first: the first ticket.
    page.get_by_role("link", name="Support desk").click()  # in the admin's header, on every page
    page.get_by_role("link", name=first.number).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ticket {first.number}")
    expect(page.locator("#requester-context")).to_contain_text(user.username)
    page.get_by_label("Saved reply").select_option(label="Which project")
    page.get_by_role("button", name="Insert").click()
    reply = f"Hello {user.username}, which project used {first.package_id}? ({first.number})"
    expect(page.get_by_label("Staff note")).to_have_value(reply)
    page.get_by_label("Staff note").fill(reply + " Thanks.")
    page.get_by_role("button", name="Ask for information").click()
    expect(page.locator("#ticket-status")).to_have_text("Awaiting user")
    page.get_by_label("Staff note").fill("Owner phoned: wants all three gone")
    page.get_by_role("button", name="Add internal note").click()
    expect(page.locator("#ticket-status")).to_have_text("Awaiting user")
    expect(page.locator(".internal-note")).to_contain_text("Owner phoned: wants all three gone")

    # Back to the queue: the second ticket, with its region connection beside the thread.
    page.get_by_role("link", name="Deletion tickets").first.click()
    page.get_by_role("link", name=second.number).click()
    expect(page.locator("#package-connections")).to_contain_text("4 Mbps")
    page.get_by_label("Staff note").fill("Released as asked")
    refund_button = page.get_by_role("button", name=re.compile(r"Release and refund unused time \(USD "))
    amount = Decimal(re.search(r"USD ([\d,.]+)", refund_button.get_attribute("value")).group(1).replace(",", ""))
    refund_button.click()
    effects = page.locator("#outcome-effects")
    expect(effects).to_contain_text(second.package_id)
    expect(effects).to_contain_text("region connections are removed")
    expect(effects).to_contain_text(f"USD {amount:,.2f}")
    expect(effects).to_contain_text("Released as asked")
    assert DeletionTicket.objects.get(pk=second.pk).is_open  # nothing happened before the confirmation
    page.get_by_role("button", name="Save and next ticket").click()

    # Save and next ticket: the third ticket (the first waits for its user now).
    expect(page.get_by_role("heading", level=1)).to_have_text(f"Ticket {third.number}")
    expect(page.get_by_text(f"Ticket {second.number} approved.")).to_be_visible()
    page.get_by_label("Staff note").fill("The contract runs until March")
    page.get_by_role("button", name="Reject", exact=True).click()
    expect(page.locator("#outcome-effects")).to_contain_text("stays as it is")
    page.get_by_role("button", name="Yes, reject").click()
    expect(page.locator("#ticket-status")).to_have_text("Rejected")

    tickets = {ticket.pk: ticket for ticket in DeletionTicket.objects.select_related("refund_order")}
    assert tickets[first.pk].status == DeletionTicket.Status.AWAITING_USER
    assert tickets[second.pk].status == DeletionTicket.Status.APPROVED
    assert tickets[second.pk].refund_order.amount == amount
    assert tickets[third.pk].status == DeletionTicket.Status.REJECTED
    assert {ticket.assigned_to_id for ticket in tickets.values()} == {staff.pk}
    assert User.objects.get(pk=user.pk).balance == balance_before + amount
    page.get_by_role("button", name="Log out").click()

    sign_in(user)
    page.goto(f"{live_server.url}/cen/tickets/{first.pk}/")
    thread = page.locator("#ticket-thread")
    expect(thread).to_contain_text(reply + " Thanks.")
    expect(page.locator("body")).not_to_contain_text("Owner phoned")
    expect(page.locator("body")).not_to_contain_text("History")


@pytest.mark.browser_context_args(java_script_enabled=False, viewport={"width": 1280, "height": 800})
def test_saved_reply_internal_note_and_confirmed_reject_work_with_javascript_off(live_server, page, user):
    """Without JavaScript, Insert, Add internal note and Reject's confirmation are plain forms."""
    from cenconsole.tickets.models import SavedReply

    ticket = open_ticket(buy_package(CenInstanceFactory(owner=user), name="old-link"))
    SavedReply.objects.create(
        name="Contract", text="Ticket {ticket}: the contract of {package} runs on.", action=SavedReply.Action.REJECT
    )
    staff = support_staff()
    admin_sign_in(page, live_server, staff)
    page.goto(f"{live_server.url}/desk/tickets/{ticket.pk}/")
    page.get_by_label("Staff note").fill("Checked the contract")
    page.get_by_role("button", name="Add internal note").click()
    expect(page.locator(".internal-note")).to_contain_text("Checked the contract")
    page.get_by_label("Saved reply").select_option(label="Contract")
    page.get_by_role("button", name="Insert").click()
    expect(page.locator("#saved-reply-hint")).to_contain_text("Reject")
    page.get_by_role("button", name="Reject", exact=True).click()
    note = f"Ticket {ticket.number}: the contract of {ticket.package_id}"
    expect(page.locator("#outcome-note")).to_contain_text(note)
    page.get_by_role("button", name="Yes, reject").click()
    expect(page.locator("#ticket-status")).to_have_text("Rejected")
    expect(page.locator("#ticket-assignee")).to_have_text(staff.username)


def test_the_action_menu_ticks_every_ticket_and_assigns_them(live_server, page, three_tickets):
    """With JavaScript, the box in the header ticks every row and the counter says so; Assign to me
    then takes the three tickets and the queue says so for each."""
    staff = support_staff()
    admin_sign_in(page, live_server, staff)
    page.goto(f"{live_server.url}/desk/")
    expect(page.locator(".action-counter")).to_have_text("0 of 3 selected")
    page.get_by_label("Select all objects on this page for an action").check()
    expect(page.locator(".action-counter")).to_have_text("3 of 3 selected")
    page.get_by_label("Action:").select_option(label="Assign to me")
    page.get_by_role("button", name="Go").click()
    for ticket in three_tickets:
        expect(page.get_by_text(f"Ticket {ticket.number} is assigned to you.")).to_be_visible()
    assert {ticket.assigned_to_id for ticket in DeletionTicket.objects.all()} == {staff.pk}


@pytest.mark.browser_context_args(java_script_enabled=False, viewport={"width": 1280, "height": 800})
def test_reject_selected_works_with_javascript_off(live_server, page, three_tickets):
    """Without JavaScript, two ticked tickets, Reject selected tickets and Go ask for the note on a page
    of their own; its button rejects both and returns to the queue."""
    first, second, third = three_tickets
    admin_sign_in(page, live_server, support_staff())
    page.goto(f"{live_server.url}/desk/")
    for ticket in (first, second):
        page.get_by_label(f"Select this object for an action - Ticket {ticket.number}").check()
    page.get_by_label("Action:").select_option(label="Reject selected tickets")
    page.get_by_role("button", name="Go").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Reject selected tickets")
    page.get_by_label("Staff note").fill("The contracts run until March")
    page.get_by_role("button", name="Reject selected tickets").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Deletion ticket queue")
    statuses = dict(DeletionTicket.objects.values_list("pk", "status"))
    assert [statuses[ticket.pk] for ticket in three_tickets] == ["Rejected", "Rejected", "Pending"]
