import pytest
from playwright.sync_api import expect

from tests.e2e.top_bar import sign_out
from tests.factories import PASSWORD, CenInstanceFactory, buy_package, support_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_user_requests_deletion_staff_approve_and_package_is_gone(live_server, page, sign_in, user):
    """The whole story: Request Deletion, staff Approve in the admin, package gone, ticket Approved."""
    cen_instance = CenInstanceFactory(owner=user, name="shop")
    package = buy_package(cen_instance, name="to-delete")
    staff = support_staff()

    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    row = page.get_by_role("row", name=package.pk)
    row.get_by_text("More", exact=True).click()
    row.get_by_role("link", name="Request Deletion").click()
    page.get_by_label("Reason").fill("The project has ended")
    page.get_by_role("button", name="Submit Ticket").click()
    expect(page.locator("#ticket-status")).to_have_text("Pending")
    sign_out(page)

    page.goto(f"{live_server.url}/admin/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_role("link", name="Deletion tickets").click()
    page.get_by_role("link", name="TK").first.click()
    expect(page.locator("#ticket-thread")).to_contain_text("The project has ended")
    page.get_by_label("Staff note").fill("Released as asked")
    page.get_by_role("button", name="Release without refund").click()
    expect(page.locator("#outcome-effects")).to_contain_text("Released as asked")
    page.get_by_role("button", name="Yes, release without refund").click()
    expect(page.get_by_text("approved.")).to_be_visible()
    page.get_by_role("button", name="Log out").click()

    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    expect(page.get_by_role("row", name=package.pk)).to_have_count(0)
    page.get_by_role("link", name="Tickets").click()
    row = page.get_by_role("row", name=package.pk)
    expect(row).to_contain_text("Approved")
    expect(row).to_contain_text("Released as asked")
