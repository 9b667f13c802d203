"""The guided tour (Take the tour in the top bar) over the live console: the seed's four steps, each
highlighting the real element, followed by clicking only what it highlights, from the keyboard, left and
resumed; and the How to buy page it opens with JavaScript off."""

import re

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError
from playwright.sync_api import expect

from cenconsole.bandwidth.forms import CROSS_BORDER_AGREEMENT
from cenconsole.bandwidth.models import BandwidthPackage, Order
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


TERMS = "I have read and agree to the Terms of Service"


def popover(page):
    return page.get_by_role("dialog", name=re.compile(r"^Step \d of 4 · "))


def highlighted(page):
    return page.locator(".driver-active-element")


def expect_stop(page, title):
    expect(popover(page).locator(".driver-popover-title")).to_have_text(title)


def press_next(page, times=1):
    """Next, `times` times, each once the stop before it has moved on (a click on a popover being replaced
    is lost, and the tour then stands a stop short)."""
    for _ in range(times):
        words = popover(page).locator(".driver-popover-description")  # the title can repeat (Area A, Area B)
        before = words.inner_text()
        popover(page).get_by_role("button", name="Next").click()
        expect(words).not_to_have_text(before)


def take_the_tour(page):
    page.get_by_role("link", name="Take the tour").click()


def test_tour_is_followed_to_a_paid_package_by_clicking_what_it_highlights(sign_in, live_server, user):
    """From step 1 to the success page, clicking only the highlighted element (Next through step 3's
    parameters): the package is bought and bound, and the tour ends there."""
    CenInstanceFactory(owner=user, name="older-cen")
    instance = CenInstanceFactory(owner=user, name="tour-cen")
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/")  # the tour starts from any page
    take_the_tour(page)

    expect(page).to_have_url(f"{live_server.url}/cen/instances/")
    expect_stop(page, "Step 1 of 4 · Manage")
    expect(popover(page)).to_contain_text("click Manage in the Actions column")
    expect(highlighted(page)).to_have_text("Manage")
    with pytest.raises(PlaywrightTimeoutError):  # nothing but the highlighted element and the popover takes a click
        page.get_by_role("link", name="Orders").click(timeout=500)
    highlighted(page).click()

    expect(page.get_by_role("heading", name="tour-cen")).to_be_visible()
    expect_stop(page, "Step 2 of 4 · Bandwidth Packages")
    expect(highlighted(page)).to_have_text("Bandwidth Packages")
    highlighted(page).click()  # an htmx swap of the tab
    expect_stop(page, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")
    highlighted(page).click()

    expect(page.get_by_role("heading", name="Buy Bandwidth Package(Subscription)")).to_be_visible()
    expect_stop(page, "Step 3 of 4 · CEN ID")
    expect(popover(page)).to_contain_text("Select the CEN instance for which you want to purchase a bandwidth package.")
    expect(highlighted(page).get_by_label("CEN ID")).to_have_value(instance.pk)
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 3 of 4 · Area")
    expect(popover(page)).to_contain_text("Select one area to be interconnected.")
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 3 of 4 · Area")
    expect(popover(page)).to_contain_text("Select the other area to be interconnected.")
    expect(highlighted(page).get_by_label("Area B")).to_have_value("China")  # as Area A: not cross-border
    highlighted(page).get_by_label("Area B").select_option(label="North America")
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 3 of 4 · Cross-border")
    expect(popover(page)).to_contain_text("read the notice and select the agreement")
    expect(popover(page)).not_to_contain_text("You cannot modify")
    highlighted(page).get_by_label(CROSS_BORDER_AGREEMENT).check()  # inside the highlighted notice
    for title, text in [
        ("Step 3 of 4 · Bandwidth", "Set a bandwidth value for the bandwidth package."),
        ("Step 3 of 4 · Name", "Enter a name for the bandwidth package."),
        ("Step 3 of 4 · Duration", "Select a validity period for the bandwidth package."),
        ("Step 4 of 4 · Terms of Service", "Read the Terms of Service"),
    ]:
        popover(page).get_by_role("button", name="Next").click()
        expect_stop(page, title)
        expect(popover(page)).to_contain_text(text)
    highlighted(page).get_by_label(TERMS).check()
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 4 of 4 · Buy Now")
    expect(popover(page)).to_contain_text("unless you open a ticket")
    expect(highlighted(page)).to_have_text("Buy Now")
    highlighted(page).click()

    expect(page.get_by_role("heading", name="Confirm Order")).to_be_visible()
    expect_stop(page, "Step 4 of 4 · Pay")
    highlighted(page).click()

    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    expect_stop(page, "Step 4 of 4 · Payment successful")
    popover(page).get_by_role("button", name="Finish").click()
    expect(popover(page)).to_have_count(0)
    package = BandwidthPackage.objects.get()
    assert package.cen_instance_id == instance.pk
    page.reload()
    expect(popover(page)).to_have_count(0)  # over: no stop on the next page


def test_tour_is_followed_from_the_keyboard(sign_in, live_server, user):
    """Focus moves into the popover; Tab reaches the highlighted element, Enter follows it or Next, and
    Esc leaves the tour."""
    CenInstanceFactory(owner=user, name="keyboard-cen")
    page = sign_in(user)
    page.get_by_role("link", name="Take the tour").focus()
    page.keyboard.press("Enter")

    expect_stop(page, "Step 1 of 4 · Manage")
    expect(popover(page).get_by_role("button", name="Next")).to_be_focused()
    page.keyboard.press("Tab")  # Next -> the highlighted Manage link (focus stays in the tour)
    expect(highlighted(page)).to_be_focused()
    page.keyboard.press("Enter")

    expect_stop(page, "Step 2 of 4 · Bandwidth Packages")
    expect(popover(page).get_by_role("button", name="Next")).to_be_focused()
    page.keyboard.press("Enter")  # Next does the step: the tab
    expect_stop(page, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")
    page.keyboard.press("Enter")

    expect_stop(page, "Step 3 of 4 · CEN ID")
    page.keyboard.press("Enter")
    expect_stop(page, "Step 3 of 4 · Area")
    expect(popover(page).get_by_role("button", name="Next")).to_be_focused()  # the new stop has focus
    # The CEN ID stop's Next chose an instance, and its live update may still be on its way (seen once on a
    # loaded machine): Tab once it has settled, as a person who reads the new stop first would.
    page.wait_for_load_state("networkidle")
    expect(popover(page).get_by_role("button", name="Next")).to_be_focused()
    page.keyboard.press("Tab")  # into the highlighted Area A
    expect(page.get_by_label("Area A")).to_be_focused()
    page.get_by_label("Area A").select_option(label="Europe")  # a live update swaps the form
    expect(page.locator("#area-a-regions")).to_contain_text("Germany (Frankfurt)")
    expect(page.get_by_label("Area A")).to_be_focused()  # the swap does not take focus away
    expect(highlighted(page).get_by_label("Area A")).to_have_value(re.compile(".+"))
    page.keyboard.press("Shift+Tab")
    expect(popover(page).get_by_role("button", name="Next")).to_be_focused()
    page.keyboard.press("Enter")
    expect_stop(page, "Step 3 of 4 · Area")
    page.keyboard.press("Escape")
    expect(popover(page)).to_have_count(0)
    expect(page.get_by_role("link", name="Take the tour")).to_be_focused()

    page.keyboard.press("Enter")  # resumes where it was left
    expect_stop(page, "Step 3 of 4 · Area")
    expect(popover(page)).to_contain_text("Select the other area to be interconnected.")
    page.get_by_label("Area B").select_option(label="Europe")  # Europe <-> Europe: no cross-border stop
    expect(page.locator("#cross-border-notice")).to_be_hidden()
    for title in [
        "Step 3 of 4 · Bandwidth",
        "Step 3 of 4 · Name",
        "Step 3 of 4 · Duration",
        "Step 4 of 4 · Terms of Service",
        "Step 4 of 4 · Buy Now",
    ]:
        popover(page).get_by_role("button", name="Next").focus()
        page.keyboard.press("Enter")
        expect_stop(page, title)
    page.keyboard.press("Enter")  # Next on Buy Now: the order
    expect_stop(page, "Step 4 of 4 · Pay")
    page.keyboard.press("Enter")
    expect_stop(page, "Step 4 of 4 · Payment successful")
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    page.keyboard.press("Escape")
    expect(popover(page)).to_have_count(0)
    assert BandwidthPackage.objects.get().area_a.name == "Europe"


def test_tour_left_and_resumed_across_pages(sign_in, live_server, user):
    """Exit leaves the tour; Take the tour on another page takes the user back to where it was left;
    Back returns to the step before, on its own page."""
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    take_the_tour(page)
    highlighted(page).click()
    highlighted(page).click()
    expect_stop(page, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")
    popover(page).get_by_role("button", name="Exit").click()
    expect(popover(page)).to_have_count(0)

    page.get_by_role("link", name="Orders").click()  # clickable again: the tour is left
    expect(page.get_by_role("heading", name="Orders")).to_be_visible()
    page.reload()
    expect(popover(page)).to_have_count(0)
    take_the_tour(page)
    expect(page).to_have_url(f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/")
    expect_stop(page, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")

    highlighted(page).click()
    expect_stop(page, "Step 3 of 4 · CEN ID")
    page.goto(f"{live_server.url}/cen/orders/")  # away from the flow, the tour says where its step is
    expect_stop(page, "Step 3 of 4 · CEN ID")
    expect(popover(page)).to_contain_text("This step is on another page.")
    expect(page.locator(".driver-active-element:not(#driver-dummy-element)")).to_have_count(0)  # nothing lit
    popover(page).get_by_role("button", name="Go there").click()
    expect(page).to_have_url(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    expect_stop(page, "Step 3 of 4 · CEN ID")
    expect(highlighted(page).get_by_label("CEN ID")).to_have_value(instance.pk)
    popover(page).get_by_role("button", name="Back").click()  # back on the CEN page
    expect(page).to_have_url(f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/")
    expect_stop(page, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")
    popover(page).get_by_role("button", name="Back").click()
    expect_stop(page, "Step 2 of 4 · Bandwidth Packages")
    popover(page).get_by_role("button", name="Back").click()
    expect(page).to_have_url(f"{live_server.url}/cen/instances/")
    expect_stop(page, "Step 1 of 4 · Manage")


def test_buy_now_refused_takes_the_tour_to_the_field_to_correct(sign_in, live_server, user):
    """A Buy Now the server refuses (Bandwidth 1 Mbps) highlights the field with the error and says the
    server's message in the popover; corrected, Next carries on to Buy Now and the order."""
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    take_the_tour(page)  # on the purchase page, the tour starts at step 3
    expect_stop(page, "Step 3 of 4 · CEN ID")
    press_next(page, 3)
    expect_stop(page, "Step 3 of 4 · Bandwidth")
    highlighted(page).get_by_label("Bandwidth").fill("1")
    press_next(page, 4)
    expect_stop(page, "Step 4 of 4 · Buy Now")
    expect(page.get_by_label(TERMS)).to_be_checked()  # ticked, where the user sees it, by Next on its stop
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 3 of 4 · Bandwidth")
    message = "Bandwidth must be a whole number of Mbps from 2 to 10,000."
    expect(highlighted(page).locator(".invalid-feedback")).to_have_text(message)
    expect(popover(page).locator(".tour-refusal")).to_have_text(message)
    assert not Order.objects.exists()
    highlighted(page).get_by_label("Bandwidth").fill("5")
    press_next(page, 4)
    expect_stop(page, "Step 4 of 4 · Buy Now")
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 4 of 4 · Pay")


def test_buy_now_with_the_terms_unticked_stops_on_the_terms(sign_in, live_server, user):
    """Next on Buy Now never submits a form the user can see is incomplete: with the Terms of Service
    unticked by hand (the tour left, then taken again), it goes back to that stop and orders nothing."""
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    take_the_tour(page)
    press_next(page, 7)
    expect_stop(page, "Step 4 of 4 · Buy Now")
    page.keyboard.press("Escape")  # leaves the tour, unticks the terms, and takes the tour again
    page.get_by_label(TERMS).uncheck()
    take_the_tour(page)
    expect_stop(page, "Step 4 of 4 · Buy Now")
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 4 of 4 · Terms of Service")
    assert not Order.objects.exists()
    popover(page).get_by_role("button", name="Next").click()  # ticks it
    expect_stop(page, "Step 4 of 4 · Buy Now")
    popover(page).get_by_role("button", name="Next").click()
    expect_stop(page, "Step 4 of 4 · Pay")


RECORD_TOUR_STEPS = """
document.addEventListener("cen:tour-step", function (event) {
  var seen = JSON.parse(window.sessionStorage.getItem("tour-steps-seen") || "[]");
  seen.push(event.detail);
  window.sessionStorage.setItem("tour-steps-seen", JSON.stringify(seen));
});
"""


def next_until_the_success_page(page, limit=25):
    """Presses only Next (the popover's forward button) until the success page's stop; returns how many."""
    for presses in range(1, limit + 1):
        popover(page).get_by_role("button", name=re.compile("^(Next|Go there)$")).click()
        page.wait_for_load_state()
        if page.get_by_role("heading", name="Payment successful").is_visible():
            expect_stop(page, "Step 4 of 4 · Payment successful")
            return presses
    raise AssertionError(f"{limit} presses of Next did not reach the success page")


def test_next_alone_takes_the_tour_from_step_1_to_the_success_page(sign_in, live_server, user, browser_errors):
    """With the default areas, pressing only Next goes from Step 1 to the success page in at most 25
    presses, with no error in the browser's console, each stop announced as a cen:tour-step event."""
    instance = CenInstanceFactory(owner=user, name="next-only")
    page = sign_in(user)
    errors = browser_errors(page)
    page.add_init_script(RECORD_TOUR_STEPS)
    page.goto(f"{live_server.url}/cen/orders/")
    take_the_tour(page)
    expect_stop(page, "Step 1 of 4 · Manage")
    presses = next_until_the_success_page(page)
    assert presses <= 25
    package = BandwidthPackage.objects.get()
    assert (package.cen_instance_id, package.area_a_id, package.area_b_id) == (instance.pk, "China", "China")
    assert errors.real() == [], errors
    seen = page.evaluate("JSON.parse(window.sessionStorage.getItem('tour-steps-seen'))")
    assert seen[0] == {"step": 1, "stop": "manage"}
    assert seen[-1] == {"step": 4, "stop": "paid"}
    assert {"step": 4, "stop": "terms"} in seen


def test_after_pay_advance_time_on_the_instances_page_needs_no_exit(page, live_server):
    """A sandbox's tour ends on the success page; going on to the Instances page, Advance time can be
    clicked at once: no overlay, no popover, the tour is over."""
    page.goto(f"{live_server.url}/demo/start/")
    page.get_by_role("button", name="Try the console").click()
    expect(page.get_by_role("heading", name="Instances")).to_be_visible()
    take_the_tour(page)
    expect_stop(page, "Step 1 of 4 · Manage")
    next_until_the_success_page(page)
    page.get_by_role("navigation", name="Cloud Enterprise Network").get_by_role("link", name="Instances").click()
    expect(page.get_by_role("heading", name="Instances")).to_be_visible()
    expect(popover(page)).to_have_count(0)
    expect(page.locator(".driver-overlay")).to_have_count(0)
    page.get_by_text("Advance time").click(timeout=2000)
    page.get_by_role("button", name="1 day").click(timeout=2000)
    expect(page.get_by_text("The clock moved ahead")).to_be_visible()
    expect(popover(page)).to_have_count(0)


def test_esc_leaves_the_tour(sign_in, live_server, user):
    """Esc on a highlighted stop leaves the tour: no popover, no overlay, the page takes clicks."""
    CenInstanceFactory(owner=user)
    page = sign_in(user)
    take_the_tour(page)
    expect_stop(page, "Step 1 of 4 · Manage")
    page.keyboard.press("Escape")
    expect(popover(page)).to_have_count(0)
    expect(page.locator(".driver-overlay")).to_have_count(0)
    page.get_by_role("link", name="Orders").click(timeout=2000)
    expect(page.get_by_role("heading", name="Orders")).to_be_visible()
    expect(popover(page)).to_have_count(0)


def test_a_click_on_the_overlay_leaves_the_tour(sign_in, live_server, user):
    """Clicking the dimmed page beside the highlighted element leaves the tour, as people expect."""
    CenInstanceFactory(owner=user)
    page = sign_in(user)
    take_the_tour(page)
    expect_stop(page, "Step 1 of 4 · Manage")
    page.locator(".driver-overlay path").click(position={"x": 5, "y": 300})
    expect(popover(page)).to_have_count(0)
    expect(page.locator(".driver-overlay")).to_have_count(0)
    page.reload()
    expect(popover(page)).to_have_count(0)  # left, not only hidden
    take_the_tour(page)  # and resumed where it was left
    expect_stop(page, "Step 1 of 4 · Manage")


def test_a_stop_on_another_page_leaves_that_page_usable(sign_in, live_server, user):
    """Away from the flow, the stop is a small popover without an overlay: the page's links work, and
    Esc leaves the tour."""
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    take_the_tour(page)
    expect_stop(page, "Step 3 of 4 · CEN ID")
    page.goto(f"{live_server.url}/billing/")
    expect_stop(page, "Step 3 of 4 · CEN ID")
    expect(popover(page)).to_contain_text("This step is on another page.")
    expect(page.locator(".driver-overlay")).to_have_count(0)
    page.get_by_role("link", name="Orders").click(timeout=2000)  # the page takes clicks
    expect(page.get_by_role("heading", name="Orders")).to_be_visible()
    expect_stop(page, "Step 3 of 4 · CEN ID")
    page.keyboard.press("Escape")
    expect(popover(page)).to_have_count(0)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_take_the_tour_opens_how_to_buy_with_javascript_off(page, sign_in, live_server, user):
    """Without JavaScript, Take the tour is a link to the How to buy page, whose links lead into the flow."""
    instance = CenInstanceFactory(owner=user)
    sign_in(user)
    take_the_tour(page)
    expect(page).to_have_url(f"{live_server.url}/how-to-buy/")
    expect(page.get_by_role("heading", name="How to buy a bandwidth package")).to_be_visible()
    for number in range(1, 5):
        expect(page.get_by_role("heading", name=f"Step {number} of 4")).to_be_visible()
    page.get_by_role("link", name=f"Open the Bandwidth Packages tab of {instance.pk}").click()
    page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()
    expect(page.get_by_label("CEN ID")).to_have_value(instance.pk)


def overlaps(first, second):
    """Whether two bounding boxes ({x, y, width, height}) overlap."""
    return not (
        first["x"] + first["width"] <= second["x"]
        or second["x"] + second["width"] <= first["x"]
        or first["y"] + first["height"] <= second["y"]
        or second["y"] + second["height"] <= first["y"]
    )


@pytest.mark.browser_context_args(viewport={"width": 1280, "height": 800})
def test_step_2_popovers_cover_neither_their_target_nor_the_next(sign_in, live_server, user):
    """At 1280x800, Manage opens the CEN page on its first tab (Networks); the tab's popover covers neither the
    tab nor the Buy button, and Buy's popover covers neither Buy nor the package table's first row."""
    from tests.factories import buy_package

    instance = CenInstanceFactory(owner=user)
    buy_package(instance, area_a_code="China", area_b_code="China")
    page = sign_in(user)
    take_the_tour(page)
    highlighted(page).click()  # Manage
    expect(page).to_have_url(f"{live_server.url}/cen/instances/{instance.pk}/networks/")
    expect_stop(page, "Step 2 of 4 · Bandwidth Packages")
    box = popover(page).bounding_box()
    assert not overlaps(box, highlighted(page).bounding_box())
    highlighted(page).click()  # the Bandwidth Packages tab
    expect_stop(page, "Step 2 of 4 · Buy Bandwidth Package(Subscription)")
    buy = page.locator('[data-tour="buy-package"]')
    expect(popover(page)).to_be_visible()
    page.wait_for_timeout(300)  # driver.js's placement animation
    box = popover(page).bounding_box()
    assert not overlaps(box, buy.bounding_box())
    assert not overlaps(box, page.locator(".console-table tbody tr").first.bounding_box())
