"""A workshop in the browser: a facilitator creates one, three trainees join by its link in their own
browsers and do different things, the board follows them live, Advance everyone's clock moves every
trainee's clock and End workshop removes their sandboxes, and nothing else."""

import re

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cenconsole.bandwidth import pricing
from cenconsole.core import clock
from cenconsole.demo import services as demo_services
from cenconsole.workshops.models import Trainee
from tests.factories import PASSWORD, CenInstanceFactory, facilitator, workshop_new

pytestmark = pytest.mark.django_db(transaction=True)
User = get_user_model()
LIVE = 10_000  # ms: the board polls every 3 seconds


def popover(page):
    return page.get_by_role("dialog", name=re.compile(r"^Step \d of 4 · "))


def expect_stop(page, title):
    expect(popover(page).locator(".driver-popover-title")).to_have_text(title)


def highlighted(page):
    return page.locator(".driver-active-element")


def join(browser, join_url):
    """A trainee's own browser: the join link, one click, and the tour starts on the Instances page."""
    page = browser.new_context().new_page()
    page.goto(join_url)
    page.get_by_role("button", name="Join workshop").click()
    expect_stop(page, "Step 1 of 4 · Manage")
    return page


def board_row(page, username):
    return page.locator(f'#trainees tr[data-trainee="{username}"]')


def funnel_cell(page, step):
    return page.locator(f'#funnel tr[data-step="{step}"] td').first


def test_facilitator_runs_a_room_of_three_trainees(live_server, browser, page, sign_in):
    """Create, join three times, follow the room live, advance everyone a month, end the workshop."""
    owner = facilitator()
    bystander = CenInstanceFactory().owner
    outsider = demo_services.sandbox_create(ip_address=None)
    sign_in(owner)
    page.goto(f"{live_server.url}/workshops/")
    page.get_by_label("Title").fill("Partner enablement")
    page.get_by_label("Starting scenario").select_option(label="Renewal due")
    page.get_by_role("button", name="Create workshop").click()
    expect(page.get_by_role("heading", name="Partner enablement")).to_be_visible()
    expect(page.get_by_role("img", name="QR code of the join link").locator("svg")).to_be_visible()
    join_url = page.locator(".join-url a").inner_text()
    assert re.fullmatch(rf"{live_server.url}/w/[a-z2-9]{{8}}/", join_url)

    payer, stopper, asker = (join(browser, join_url) for _ in range(3))
    names = [page_.locator(".topbar-user").text_content().strip() for page_ in (payer, stopper, asker)]
    for name in names:
        expect(board_row(page, name)).to_contain_text("Step 1 of 4", timeout=LIVE)  # live, no reload

    # One follows the tour to Pay.
    highlighted(payer).click()
    expect_stop(payer, "Step 2 of 4 · Bandwidth Packages")
    highlighted(payer).click()
    expect_stop(payer, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")
    highlighted(payer).click()
    expect_stop(payer, "Step 3 of 4 · CEN ID")
    # Next through the parameters, the Terms of Service (Next ticks it), Buy Now and Pay.
    for _ in range(15):
        if payer.get_by_role("heading", name="Payment successful").is_visible():
            break
        popover(payer).get_by_role("button", name="Next").click()
        payer.wait_for_load_state()
    expect(payer.get_by_role("heading", name="Payment successful")).to_be_visible()
    expect_stop(payer, "Step 4 of 4 · Payment successful")

    # One stops at step 2.
    highlighted(stopper).click()
    expect_stop(stopper, "Step 2 of 4 · Bandwidth Packages")

    # One leaves the tour and opens a deletion ticket for the scenario's package.
    popover(asker).get_by_role("button", name="Exit").click()
    asker.get_by_role("link", name="Manage", exact=True).click()
    asker.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    asker.get_by_role("row", name="renewal-due").get_by_text("More", exact=True).click()
    asker.get_by_role("row", name="renewal-due").get_by_role("link", name="Request Deletion").click()
    asker.get_by_label("Reason").fill("Not needed after the workshop")
    asker.get_by_role("button", name="Submit Ticket").click()
    expect(asker.locator("#ticket-status")).to_have_text("Pending")

    expect(board_row(page, names[0]).locator('[data-cell="step"]')).to_have_text("Finished the tour", timeout=LIVE)
    expect(board_row(page, names[0]).locator('[data-cell="bought"]')).to_have_text("Yes")
    expect(board_row(page, names[0]).locator('[data-cell="paid"]')).to_have_text("Yes")
    expect(board_row(page, names[1]).locator('[data-cell="step"]')).to_have_text("Step 2 of 4")
    expect(board_row(page, names[1]).locator('[data-cell="paid"]')).to_have_text("No")
    expect(board_row(page, names[2]).locator('[data-cell="step"]')).to_have_text("Step 1 of 4")
    expect(board_row(page, names[2]).locator('[data-cell="ticket"]')).to_have_text("Yes", timeout=LIVE)
    expect(board_row(page, names[2]).locator('[data-cell="bought"]')).to_have_text("No")
    assert [funnel_cell(page, step).inner_text() for step in (1, 2, 3, 4, "finished")] == [
        "3 / 3",
        "2 / 3",
        "1 / 3",
        "1 / 3",
        "1 / 3",
    ]

    page.get_by_role("group", name="Advance everyone's clock").get_by_role("button", name="1 month").click()
    now = clock.real_now()
    month_days = (pricing.add_months(now, 1) - now).days  # one calendar month
    expect(page.get_by_text("3 trainees' clocks moved ahead")).to_be_visible()
    for trainee in (payer, stopper, asker):
        trainee.reload()
        expect(trainee.locator("#test-clock")).to_contain_text(f"{month_days} days ahead")

    page.get_by_role("link", name="End workshop").click()
    page.get_by_role("button", name="End workshop").click()
    expect(page.get_by_text("3 trainee sandboxes were removed")).to_be_visible()
    assert not User.objects.filter(username__in=names).exists()
    assert User.objects.filter(pk__in=[owner.pk, bystander.pk, outsider.pk]).count() == 3
    assert Trainee.objects.filter(account__isnull=True).count() == 3
    expect(board_row(page, names[0]).locator('[data-cell="paid"]')).to_have_text("Yes")  # the figures stay
    payer.reload()
    expect(payer).to_have_url(re.compile(r"/w/[a-z2-9]{8}/ended/$"))
    expect(payer.get_by_role("heading", name="This workshop has ended")).to_be_visible()


def test_joining_without_javascript_opens_the_how_to_buy_page(live_server, browser):
    """With JavaScript off the join link still works: Join workshop signs a sandbox in and the tour is
    the How to buy page; the facilitator's board refreshes with its Refresh link."""
    owner = facilitator()
    workshop = workshop_new(owner, scenario="fresh")
    trainee = browser.new_context(java_script_enabled=False).new_page()
    trainee.goto(f"{live_server.url}/w/{workshop.code}/")
    trainee.get_by_role("button", name="Join workshop").click()
    expect(trainee).to_have_url(f"{live_server.url}/how-to-buy/")
    expect(trainee.get_by_role("heading", name="How to buy a bandwidth package")).to_be_visible()
    expect(trainee.locator(".topbar-user")).to_contain_text("sandbox-")
    board = browser.new_context(java_script_enabled=False).new_page()
    board.goto(f"{live_server.url}/accounts/login/")
    board.get_by_label("Username").fill(owner.username)
    board.get_by_label("Password").fill(PASSWORD)
    board.get_by_role("button", name="Sign in").click()
    board.goto(f"{live_server.url}/workshops/{workshop.pk}/")
    expect(board.locator("#trainees tbody tr")).to_have_count(1)
    other = browser.new_context(java_script_enabled=False).new_page()
    other.goto(f"{live_server.url}/w/{workshop.code}/")
    other.get_by_role("button", name="Join workshop").click()
    board.get_by_role("link", name="Refresh").click()
    expect(board.locator("#trainees tbody tr")).to_have_count(2)
