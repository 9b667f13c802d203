"""People, not ids, in a room, in the browser: a trainee's name on the board, the ended page a trainee
in the console sees after End workshop, and the projector page filling 1280x800 and 1920x1080."""

import re

import pytest
from playwright.sync_api import expect

from cenconsole.workshops import services as workshop_services
from tests.e2e.test_accessibility import axe_violations
from tests.factories import PASSWORD, facilitator, workshop_new

# bypass_csp: axe is added as a script of the test's own.
pytestmark = [pytest.mark.django_db(transaction=True), pytest.mark.browser_context_args(bypass_csp=True)]
LIVE = 10_000  # ms: the board polls every 3 seconds


def trainee_joins(browser, join_url, name):
    page = browser.new_context(java_script_enabled=False).new_page()
    page.goto(join_url)
    page.get_by_label("Your name (optional)").fill(name)
    page.get_by_role("button", name="Join workshop").click()
    expect(page.get_by_role("heading", name="How to buy a bandwidth package")).to_be_visible()
    return page


def test_trainee_name_on_the_board_and_the_ended_page_after_end_workshop(live_server, browser, page, sign_in):
    """A trainee who typed a name appears by it on the board; after End workshop their next page is
    "This workshop has ended"."""
    owner = facilitator()
    workshop = workshop_new(owner, title="Partner enablement")
    sign_in(owner)
    page.goto(f"{live_server.url}/workshops/{workshop.pk}/")
    trainee = trainee_joins(browser, f"{live_server.url}/w/{workshop.code}/", "Mei Lin")
    sandbox = trainee.locator(".topbar-user").text_content().strip()
    row = page.locator(f'#trainees tr[data-trainee="{sandbox}"]')
    expect(row.get_by_role("rowheader")).to_contain_text("Mei Lin", timeout=LIVE)  # live, no reload
    expect(row.get_by_role("rowheader")).to_contain_text(sandbox)

    trainee.goto(f"{live_server.url}/cen/instances/")
    page.get_by_role("link", name="End workshop").click()
    page.get_by_role("button", name="End workshop").click()
    expect(page.get_by_text("1 trainee sandbox was removed")).to_be_visible()
    expect(row.get_by_role("rowheader")).to_contain_text("Mei Lin")  # the board keeps the name

    trainee.get_by_role("link", name="Bandwidth Packages").first.click()
    expect(trainee).to_have_url(f"{live_server.url}/w/{workshop.code}/ended/")
    expect(trainee.get_by_role("heading", name="This workshop has ended")).to_be_visible()
    expect(trainee.get_by_text("Partner enablement has ended")).to_be_visible()


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080), (1024, 768), (390, 844)])
def test_projector_page_fits_the_screen(live_server, browser, size):
    """Show the join link large: title, QR code and the whole link inside the viewport, large text,
    no top bar or navigation."""
    owner = facilitator()
    workshop = workshop_new(owner, title="Partner enablement")
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(owner.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_load_state()
    page.goto(f"{live_server.url}/workshops/{workshop.pk}/link/")
    expect(page.get_by_role("heading", name="Join Partner enablement")).to_be_visible()
    assert page.locator(".topbar, .sidenav, #balance").count() == 0
    width, height = size
    for selector in (".projector-title", ".projector-qr svg", ".projector-url a"):
        box = page.locator(selector).bounding_box()
        assert box["x"] >= 0 and box["y"] >= 0, selector
        assert box["x"] + box["width"] <= width + 0.5 and box["y"] + box["height"] <= height + 0.5, (selector, box)
    qr = page.locator(".projector-qr svg").bounding_box()
    assert qr["height"] >= 0.45 * height  # sized to the viewport
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    assert page.evaluate("document.documentElement.scrollHeight") <= height
    url_size = float(page.locator(".projector-url").evaluate("e => getComputedStyle(e).fontSize")[:-2])
    assert url_size >= 20
    assert re.search(rf"/w/{workshop.code}/$", page.locator(".projector-url a").inner_text())
    context.close()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_ended_and_projector_pages_pass_axe(live_server, page, sign_in, language):
    """The ended page, the join page and the projector page: no axe violations, in English and in Chinese."""
    owner = facilitator()
    workshop = workshop_new(owner)
    sign_in(owner)
    page.context.add_cookies([{"name": "django_language", "value": language, "url": live_server.url}])
    page.goto(f"{live_server.url}/workshops/{workshop.pk}/link/")
    violations = axe_violations(page)
    page.goto(f"{live_server.url}/w/{workshop.code}/")
    violations += axe_violations(page)
    workshop_services.workshop_end(workshop=workshop)
    page.goto(f"{live_server.url}/w/{workshop.code}/ended/")
    expect(page.locator("h1")).to_be_visible()
    violations += axe_violations(page)
    assert not violations, "\n".join(violations)
