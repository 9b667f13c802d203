"""The console with the keyboard alone, the Unbind dialog, and CEN ID's search as one types."""

import re

import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.demo.services import cen_instances_ensure
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

AGREEMENT = re.compile("I have read and agree to the Cross-border Service Agreement")


def focused(locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def tab_to(page, locator, *, backwards=False, limit=60):
    """Presses Tab (or Shift+Tab) until `locator` has the focus, as a keyboard user moves."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        if focused(locator):
            return
    raise AssertionError(f"{locator} never received the focus")


def test_buy_a_package_with_the_keyboard_alone(sign_in, live_server, user):
    """Instances -> Manage -> Bandwidth Packages -> Buy Bandwidth Package(Subscription) -> Buy Now -> Pay ->
    success, with Tab, Shift+Tab, Enter, Space and the arrow keys only; the live quote follows along."""
    instance = CenInstanceFactory(owner=user, name="keyboard-cen")
    page = sign_in(user)  # signing in is the fixture's; from the Instances page on, keys only

    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=instance.pk, exact=True))
    tab_to(page, row.get_by_role("link", name="Manage"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="keyboard-cen")).to_be_visible()
    tab_to(page, page.get_by_role("tab", name="Bandwidth Packages"))  # Manage opens the first tab (Networks)
    page.keyboard.press("Enter")

    tab_to(page, page.get_by_role("link", name="Buy Bandwidth Package(Subscription)"))
    page.keyboard.press("Enter")
    expect(page.get_by_label("CEN ID")).to_have_value(instance.pk)

    # Area B with the arrow keys: Mainland China (as Area A) -> North America -> Asia Pacific, and back up.
    area_b = page.get_by_label("Area B")
    expect(area_b).to_have_value("China")
    tab_to(page, area_b)
    page.keyboard.press("ArrowDown")
    expect(page.locator("#area-b-regions")).to_contain_text("US (Virginia)")
    page.keyboard.press("ArrowDown")
    expect(page.locator("#area-b-regions")).not_to_contain_text("US (Virginia)")
    expect(area_b).to_be_focused()  # the live update keeps the focus where it was
    page.keyboard.press("ArrowUp")
    expect(page.locator("#area-b-regions")).to_contain_text("US (Virginia)")

    bandwidth = page.get_by_label("Bandwidth", exact=True)
    tab_to(page, bandwidth)
    page.keyboard.press("Control+A")
    page.keyboard.type("5")
    expect(page.locator("#quote-total")).to_have_text("USD 800.00")

    # Shift+Tab back up to the cross-border agreement, Space to tick it.
    agreement = page.get_by_label(AGREEMENT)
    tab_to(page, agreement, backwards=True)
    page.keyboard.press("Space")
    expect(agreement).to_be_checked()

    terms = page.get_by_label("I have read and agree to the Terms of Service")
    tab_to(page, terms)
    page.keyboard.press("Space")
    expect(terms).to_be_checked()

    tab_to(page, page.get_by_role("button", name="Buy Now"))
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", name="Confirm Order")).to_be_visible()

    tab_to(page, page.get_by_role("button", name="Pay", exact=True))
    page.keyboard.press("Space")
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    package = BandwidthPackage.objects.get()
    assert (package.cen_instance_id, package.bandwidth) == (instance.pk, 5)


def test_unbind_asks_in_a_dialog_cancel_keeps_ok_unbinds(sign_in, live_server, user, browser_errors):
    """Unbind opens "Unbind Bandwidth Package": Cancel closes it and changes nothing; OK unbinds."""
    instance = CenInstanceFactory(owner=user)
    package = buy_package(instance)
    page = sign_in(user)
    errors = browser_errors(page)
    page.goto(f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/")

    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Unbind").click()
    dialog = page.get_by_role("dialog", name="Unbind Bandwidth Package")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text(package.pk)
    dialog.get_by_role("button", name="Cancel").click()
    expect(dialog).to_be_hidden()
    expect(page).to_have_url(f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/")
    package.refresh_from_db()
    assert package.cen_instance_id == instance.pk

    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Unbind").click()
    expect(dialog.get_by_role("button", name="OK")).to_be_focused()
    page.keyboard.press("Escape")  # the native dialog closes with Escape too
    expect(dialog).to_be_hidden()
    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Unbind").click()
    dialog.get_by_role("button", name="OK").click()
    expect(page.get_by_text(f"Bandwidth package {package.pk} was unbound. It is now available.")).to_be_visible()
    package.refresh_from_db()
    assert package.cen_instance_id is None
    assert errors.real() == [], errors


def test_the_tables_one_unbind_dialog_asks_about_the_row_clicked(sign_in, live_server, user):
    """With two bound packages, the table's one dialog names the package of the Unbind clicked, and OK
    unbinds that one only."""
    instance = CenInstanceFactory(owner=user)
    first = buy_package(instance, area_a_code="China", area_b_code="China")
    second = buy_package(instance, area_a_code="Europe", area_b_code="Europe")
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/")
    expect(page.locator("dialog")).to_have_count(1)
    dialog = page.get_by_role("dialog", name="Unbind Bandwidth Package")
    page.get_by_role("row", name=first.pk).get_by_text("More", exact=True).click()
    page.get_by_role("row", name=first.pk).get_by_role("link", name="Unbind").click()
    expect(dialog).to_contain_text(f"unbind bandwidth package {first.pk} from CEN instance {instance.pk}?")
    dialog.get_by_role("button", name="Cancel").click()
    page.get_by_role("row", name=second.pk).get_by_text("More", exact=True).click()
    page.get_by_role("row", name=second.pk).get_by_role("link", name="Unbind").click()
    expect(dialog).to_contain_text(f"unbind bandwidth package {second.pk} from CEN instance {instance.pk}?")
    expect(dialog).not_to_contain_text(first.pk)
    dialog.get_by_role("button", name="OK").click()
    expect(page.get_by_text(f"Bandwidth package {second.pk} was unbound. It is now available.")).to_be_visible()
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.cen_instance_id, second.cen_instance_id) == (instance.pk, None)


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_unbind_without_javascript_goes_through_its_confirmation_page(sign_in, live_server, user):
    """JavaScript off: Unbind opens the confirmation page; Cancel goes back; OK unbinds."""
    instance = CenInstanceFactory(owner=user)
    package = buy_package(instance)
    page = sign_in(user)
    tab_url = f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/"
    page.goto(tab_url)
    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Unbind").click()
    expect(page.get_by_role("heading", name="Unbind Bandwidth Package")).to_be_visible()
    page.get_by_role("link", name="Cancel").click()
    expect(page).to_have_url(tab_url)
    page.get_by_text("More", exact=True).click()
    page.get_by_role("link", name="Unbind").click()
    page.get_by_role("button", name="OK").click()
    expect(page).to_have_url(tab_url)
    expect(page.get_by_text(f"Bandwidth package {package.pk} was unbound.")).to_be_visible()


def test_cen_id_search_narrows_the_select_as_one_types(sign_in, live_server, user):
    """With 80 instances, typing part of a name in the search narrows CEN ID to the matches (the
    chosen one stays), and choosing a match keeps the live quote working."""
    cen_instances_ensure(owner=user, count=80, name_prefix="fleet")
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/")
    cen_id = page.get_by_label("CEN ID")
    expect(cen_id.locator("option")).to_have_count(50)
    chosen = cen_id.input_value()
    page.get_by_label("Search CEN instances by ID or name").press_sequentially("fleet-0003")
    expect(cen_id.locator("option")).to_have_count(1 + 10)
    expect(cen_id).to_have_value(chosen)
    target = page.get_by_role("option", name=re.compile("fleet-00031")).get_attribute("value")
    cen_id.select_option(target)
    page.get_by_label("Bandwidth", exact=True).fill("5")
    expect(page.locator("#quote-total")).to_have_text("USD 170.00")  # 5 Mbps Mainland China <-> Mainland China
    expect(cen_id).to_have_value(target)
    expect(page.get_by_label("Search CEN instances by ID or name")).to_have_value("fleet-0003")
