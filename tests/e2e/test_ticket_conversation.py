"""The whole support-desk story in a browser, with a real SMTP server catching the emails the worker
(send_notifications) sends."""

import re
from decimal import Decimal

import pytest
from django.core.management import call_command
from playwright.sync_api import expect

from cenconsole.bandwidth.models import BandwidthPackage
from tests.e2e.top_bar import sign_out
from tests.factories import PASSWORD, CenInstanceFactory, buy_package, support_staff
from tests.ports import free_port
from tests.tickets.conftest import Mailbox

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def mailbox(settings, live_server):
    from aiosmtpd.controller import Controller

    port = free_port()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.CONSOLE_URL = live_server.url
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=port)
    controller.start()
    yield box
    controller.stop()


def balance(page):
    return Decimal(page.locator("#balance").inner_text().removeprefix("USD ").replace(",", ""))


def admin_sign_in(page, live_server, staff):
    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_ask_for_information_reply_and_approve_with_refund(live_server, page, sign_in, user, mailbox):
    """Request deletion; staff Assign to me and Ask for information; the user follows the email's link
    and replies; staff approve with Release and refund unused time; the user is emailed the outcome,
    the ticket is Approved with its thread, the package is gone and the refund is on Orders."""
    user.email = "owner@example.com"
    user.save(update_fields=["email"])
    cen_instance = CenInstanceFactory(owner=user, name="shop")
    package = buy_package(cen_instance, name="to-delete", area_a_code="China", area_b_code="China")
    staff = support_staff()
    staff.email = "support@example.com"
    staff.save(update_fields=["email"])

    sign_in(user)
    balance_before = balance(page)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    page.get_by_role("row", name=package.pk).get_by_text("More", exact=True).click()
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Request Deletion").click()
    page.get_by_label("Reason").fill("The project has ended")
    page.get_by_role("button", name="Submit Ticket").click()
    expect(page.locator("#ticket-status")).to_have_text("Pending")
    assert mailbox.messages == []  # the request only wrote the outbox: the worker sends
    call_command("send_notifications")
    assert len(mailbox.to("support@example.com")) == 1
    sign_out(page)

    admin_sign_in(page, live_server, staff)
    page.get_by_role("link", name="Deletion tickets").click()
    page.get_by_role("link", name="TK").first.click()
    page.get_by_role("button", name="Assign to me").click()
    expect(page.locator("#ticket-status")).to_contain_text("Processing")
    page.get_by_label("Staff note").fill("Which project used this package?")
    page.get_by_role("button", name="Ask for information").click()
    expect(page.locator("#ticket-status")).to_contain_text("Awaiting user")  # staff words
    page.get_by_role("button", name="Log out").click()

    call_command("send_notifications")
    asked = [m for m in mailbox.to("owner@example.com") if "replied" in m["Subject"]]
    assert len(asked) == 1
    link = re.search(r"http://\S+/cen/tickets/\d+/", asked[0].get_body(("plain",)).get_content()).group(0)
    sign_in(user)
    expect(page.locator("#unread-tickets")).to_have_text("1")  # one ticket with unread staff messages
    page.goto(link)
    expect(page.locator("#ticket-thread")).to_contain_text("Which project used this package?")
    expect(page.locator("#ticket-thread")).to_contain_text("Alibaba Cloud Support")
    page.get_by_label("Reply").fill("The shop project, now closed")
    page.get_by_role("button", name="Send Reply").click()
    expect(page.locator("#ticket-status")).to_have_text("Processing")
    expect(page.locator("#unread-tickets")).to_have_count(0)
    sign_out(page)

    admin_sign_in(page, live_server, staff)
    page.get_by_role("link", name="Deletion tickets").click()
    page.get_by_role("link", name="TK").first.click()
    expect(page.locator("#ticket-thread")).to_contain_text("The shop project, now closed")
    refund_button = page.get_by_role("button", name=re.compile(r"Release and refund unused time \(USD "))
    amount = Decimal(re.search(r"USD ([\d,.]+)", refund_button.get_attribute("value")).group(1).replace(",", ""))
    assert amount > 0
    page.get_by_label("Staff note").fill("Released and refunded")
    refund_button.click()
    expect(page.locator("#outcome-refund")).to_contain_text(f"USD {amount:,.2f}")
    page.get_by_role("button", name=f"Yes, release and refund USD {amount:,.2f}").click()
    expect(page.get_by_text("approved. The package's unused time was refunded.")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    call_command("send_notifications")
    outcome = [m for m in mailbox.to("owner@example.com") if "was approved" in m["Subject"]]
    assert len(outcome) == 1 and "/cen/tickets/" in outcome[0].get_body(("plain",)).get_content()

    sign_in(user)
    assert balance(page) == balance_before + amount
    page.get_by_role("link", name="Tickets").click()
    page.get_by_role("row", name=package.pk).get_by_role("link", name="TK").click()
    expect(page.locator("#ticket-status")).to_have_text("Approved")
    thread = page.locator("#ticket-thread")
    for text in (
        "The project has ended",
        "Which project used this package?",
        "The shop project, now closed",
        "Released and refunded",
        "Status: Processing → Approved",
    ):
        expect(thread).to_contain_text(text)
    page.get_by_role("link", name="Instances").click()
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    expect(page.get_by_role("row", name=package.pk)).to_have_count(0)
    assert BandwidthPackage.objects.get(pk=package.pk).status == "Released"
    page.get_by_role("link", name="Orders").click()
    expect(page.get_by_role("row").filter(has_text="Refund").first).to_contain_text(f"{amount:,.2f}")
    page.get_by_role("link", name="Billing").click()
    refund_entry = page.get_by_role("row").filter(has_text="Refund").first
    expect(refund_entry).to_contain_text(f"+{amount:,.2f}")
    expect(refund_entry).to_contain_text(f"{balance_before + amount:,.2f}")
