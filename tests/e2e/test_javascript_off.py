import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.forms import CROSS_BORDER_AGREEMENT
from tests.e2e.test_transit_routers import refresh_until
from tests.e2e.top_bar import sign_out
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

TERMS = "I have read and agree to the Terms of Service"


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_purchase_flow_works_with_javascript_off(page, sign_in, user):
    """Without JavaScript: tabs are links, Update Price refreshes regions, price and the cross-border notice,
    Buy Now and Pay work."""
    instance = CenInstanceFactory(owner=user, name="nojs")
    sign_in(user)
    page.get_by_role("row", name=instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Networks").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()
    page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()
    expect(page.locator("#cross-border-notice")).to_be_hidden()
    page.get_by_label("Area B").select_option(label="Europe")
    page.get_by_label("Bandwidth", exact=True).fill("10")
    page.get_by_role("button", name="Update Price").click()
    expect(page.locator("#area-b-regions")).to_have_text("Included regions: Germany (Frankfurt), UK (London)")
    expect(page.locator("#quote-total")).to_have_text("USD 1,700.00")
    expect(page.locator("#cross-border-notice")).to_be_visible()
    page.get_by_label(CROSS_BORDER_AGREEMENT).check()
    page.get_by_label(TERMS).check()
    page.get_by_role("button", name="Buy Now").click()
    page.get_by_role("button", name="Pay", exact=True).click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    page.get_by_role("link", name="Back to Bandwidth Packages").click()
    expect(page.get_by_role("row", name="Mainland China ↔ Europe")).to_contain_text("10 Mbps")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_renew_and_deletion_request_work_with_javascript_off(page, sign_in, user):
    """Without JavaScript, Renew's Update Price and Pay (the success page at once), and Request Deletion,
    are plain pages."""
    instance = CenInstanceFactory(owner=user)
    package = buy_package(instance, area_a_code="China", area_b_code="China", bandwidth=2)
    sign_in(user)
    page.goto(page.url.replace("/cen/instances/", f"/cen/instances/{instance.pk}/bandwidth-packages/"))
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Renew", exact=True).click()
    page.get_by_label("Duration").select_option(label="1 Year")
    page.get_by_role("button", name="Update Price").click()
    expect(page.locator(".quote-total")).to_contain_text("USD 680.00")
    page.get_by_label(TERMS).check()
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    page.goto(page.url.split("/cen/")[0] + f"/cen/bandwidth-packages/{package.pk}/request-deletion/")
    page.get_by_label("Reason").fill("done")
    page.get_by_role("button", name="Submit Ticket").click()
    expect(page.locator("#ticket-status")).to_have_text("Pending")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_ticket_conversation_and_approval_work_with_javascript_off(live_server, page, sign_in, user):
    """Without JavaScript, Send Reply and Withdraw in the console, and Assign to me, Ask for information
    and Release and refund unused time at the desk, are plain forms."""
    from cenconsole.tickets import services
    from tests.factories import PASSWORD, open_ticket, support_staff

    instance = CenInstanceFactory(owner=user)
    package = buy_package(instance, area_a_code="China", area_b_code="China", bandwidth=2)
    ticket = open_ticket(package, reason="Done with it")
    staff = support_staff()
    services.ticket_ask_information(ticket_id=ticket.pk, staff=staff, note="Sure?")

    sign_in(user)
    page.goto(f"{live_server.url}/cen/tickets/{ticket.pk}/")
    page.get_by_label("Reply").fill("Yes, sure")
    page.get_by_role("button", name="Send Reply").click()
    expect(page.locator("#ticket-status")).to_have_text("Processing")
    sign_out(page)

    page.goto(f"{live_server.url}/desk/tickets/{ticket.pk}/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.locator("#ticket-thread")).to_contain_text("Yes, sure")
    page.get_by_label("Staff note").fill("Refunded")
    page.get_by_role("button", name="Release and refund unused time").click()
    page.get_by_role("button", name="Yes, release and refund").click()
    expect(page.locator("#ticket-status")).to_contain_text("Approved")
    expect(page.locator("#ticket-refund")).to_contain_text("USD ")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_route_maps_and_health_checks_work_with_javascript_off(page, sign_in, user, settings):
    """Without JavaScript: the Route Maps tab is a link, Add Route Map and Delete work; the Health Check
    page's Show button chooses the CEN instance, Set Health Check and Delete work."""
    settings.TRANSIT_TRANSITION_SECONDS = 1
    CenInstanceFactory(owner=user, name="first")
    instance = CenInstanceFactory(owner=user, name="nojs-routing")
    sign_in(user)
    page.get_by_role("row", name=instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Route Maps").click()
    page.get_by_role("link", name="Add Route Map").click()
    page.get_by_label("Priority", exact=True).fill("40")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#route-map-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(5)"), "^Active$")
    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(row.locator("td:nth-child(5)")).to_have_text("Deleting")

    page.get_by_role("link", name="Health Check").click()
    page.get_by_label("CEN Instance").select_option(instance.pk)
    page.get_by_role("button", name="Show").click()
    page.get_by_role("link", name="Set Health Check").click()
    expect(page.get_by_text(instance.pk)).to_be_visible()
    page.get_by_label("VBR").fill("vbr-nojs0001")
    page.get_by_label("Destination IP").fill("10.0.0.2")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#health-check-table tbody tr", has_text="vbr-nojs0001")
    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("#health-check-table")).to_contain_text("No VBR of this CEN instance has a health check")
