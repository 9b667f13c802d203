"""The desk's outcome buttons as staff see them: the two releases red together, Reject an outline
button apart, and on the confirmation page Cancel as large as the action it cancels."""

import pytest
from playwright.sync_api import expect

from tests.factories import PASSWORD, CenInstanceFactory, buy_package, open_ticket, support_staff

pytestmark = pytest.mark.django_db(transaction=True)


def test_reject_apart_and_cancel_as_large_as_the_action(live_server, page):
    """Reject is white with a red outline, to the right of a rule after the releases; Cancel has the
    height and type size of "Yes, release without refund"."""
    package = buy_package(CenInstanceFactory(), area_a_code="China", area_b_code="China")
    ticket = open_ticket(package)
    staff = support_staff()
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(f"{live_server.url}/admin/login/")
    page.get_by_label("Username").fill(staff.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.goto(f"{live_server.url}/desk/tickets/{ticket.pk}/")
    release = page.get_by_role("button", name="Release without refund")
    reject = page.get_by_role("button", name="Reject", exact=True)
    expect(reject).to_have_css("background-color", "rgb(255, 255, 255)")
    expect(release).to_have_css("background-color", "rgb(186, 33, 33)")
    gap = reject.bounding_box()["x"] - (release.bounding_box()["x"] + release.bounding_box()["width"])
    assert gap >= 32  # set apart, not side by side with the releases

    release.click()
    yes = page.get_by_role("button", name="Yes, release without refund")
    cancel = page.get_by_role("link", name="Cancel")
    expect(cancel).to_be_visible()
    assert abs(cancel.bounding_box()["height"] - yes.bounding_box()["height"]) <= 1
    size = "e => getComputedStyle(e).fontSize"
    assert cancel.evaluate(size) == yes.evaluate(size)
    cancel.click()
    expect(page.get_by_role("button", name="Release without refund")).to_be_visible()
