"""The seed's purchase steps in a real browser, word for word:
on the Instances page click Manage in the Actions column; click the Bandwidth Packages tab, then
Buy Bandwidth Package(Subscription); set the parameters and click Buy Now; pay; see the package."""

import re

import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.models import BandwidthPackage
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

AGREEMENT = re.compile("I have read and agree to the Cross-border Service Agreement")
TERMS = "I have read and agree to the Terms of Service"


def open_purchase_page(page, live_server, instance):
    """Instances -> Manage -> Bandwidth Packages tab -> Buy Bandwidth Package(Subscription)."""
    page.goto(f"{live_server.url}/cen/instances/")
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=instance.pk, exact=True))
    row.get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()
    page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()
    expect(page.get_by_role("heading", name="Buy Bandwidth Package(Subscription)")).to_be_visible()
    return page


def test_seed_purchase_flow_buys_a_package_and_lists_it(sign_in, live_server, user, browser_errors):
    """Manage, Bandwidth Packages, Buy Bandwidth Package(Subscription), Buy Now, Pay: the package is listed
    on the instance's tab and the balance in the top bar is reduced by its price."""
    CenInstanceFactory(owner=user, name="staging-cen")
    instance = CenInstanceFactory(owner=user, name="prod-cen")
    page = sign_in(user)
    errors = browser_errors(page)

    # Step 2: on the Instances page, find the instance and click Manage in the Actions column.
    expect(page.get_by_role("columnheader", name="Actions")).to_be_visible()
    row = page.get_by_role("row").filter(has=page.get_by_role("link", name=instance.pk, exact=True))
    row.get_by_role("link", name="Manage").click()
    expect(page.get_by_role("heading", name="prod-cen")).to_be_visible()

    # Step 3: the Bandwidth Packages tab, then Buy Bandwidth Package(Subscription).
    page.get_by_role("tab", name="Bandwidth Packages").click()
    expect(page.get_by_role("tab", name="Bandwidth Packages")).to_have_attribute("aria-selected", "true")
    page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()

    # Step 4: set the parameters and click Buy Now.
    expect(page.get_by_label("CEN ID")).to_have_value(instance.pk)
    page.get_by_label("Area A").select_option(label="Mainland China")
    page.get_by_label("Area B").select_option(label="Europe")
    expect(page.locator("#area-b-regions")).to_have_text("Included regions: Germany (Frankfurt), UK (London)")
    page.get_by_label("Bandwidth", exact=True).fill("10")
    expect(page.locator("#quote-total")).to_have_text("USD 1,700.00")
    page.get_by_label("Name", exact=True).fill("bwp-e2e")
    page.get_by_label("Duration").select_option(label="1 Month")
    page.get_by_label(AGREEMENT).check()
    page.get_by_label(TERMS).check()
    expect(page.get_by_label("Name", exact=True)).to_have_value("bwp-e2e")
    page.get_by_role("button", name="Buy Now").click()

    # The order confirmation with its service period, then Pay.
    expect(page.get_by_role("heading", name="Confirm Order")).to_be_visible()
    expect(page.locator(".pay-bar .order-amount")).to_have_text("USD 1,700.00")
    expect(page.locator("#service-period")).to_have_text(re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d to .+ UTC$"))
    page.get_by_role("button", name="Pay", exact=True).click()

    # The success page names the period and links the package, its CEN instance and the tab.
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    expect(page.locator("#service-period")).to_be_visible()
    package_id = page.locator("#new-package-id").inner_text()
    expect(page.get_by_role("link", name=instance.pk, exact=True)).to_have_attribute(
        "href", f"/cen/instances/{instance.pk}/"
    )
    page.get_by_role("link", name="Back to Bandwidth Packages").click()
    expect(page).to_have_url(f"{live_server.url}/cen/instances/{instance.pk}/bandwidth-packages/")
    package_row = page.get_by_role("row").filter(has_text=package_id)
    for text in ["bwp-e2e", "Mainland China ↔ Europe", "10 Mbps", "Subscription", "In Use"]:
        expect(package_row).to_contain_text(text)
    expect(page.locator("#balance")).to_have_text("USD 8,300.00")
    assert BandwidthPackage.objects.get().pk == package_id
    assert errors.real() == [], errors  # nothing in the browser's console on the whole flow


def test_live_quote_total_follows_the_bandwidth(sign_in, live_server, user):
    """Changing Bandwidth updates the quoted total without leaving the page."""
    instance = CenInstanceFactory(owner=user)
    page = open_purchase_page(sign_in(user), live_server, instance)
    expect(page.locator("#quote-total")).to_have_text("USD 68.00")  # 2 Mbps China <-> China, the default
    page.get_by_label("Area B").select_option(label="North America")
    expect(page.locator("#quote-total")).to_have_text("USD 320.00")  # 2 Mbps China <-> North America
    page.get_by_label("Bandwidth", exact=True).fill("5")
    expect(page.locator("#quote-total")).to_have_text("USD 800.00")
    page.get_by_label("Duration").select_option(label="1 Year")
    expect(page.locator("#quote-total")).to_have_text("USD 8,000.00")


def test_choosing_an_area_changes_its_regions_list(sign_in, live_server, user):
    """Choosing another area replaces the regions listed beside it, and the cross-border notice follows."""
    instance = CenInstanceFactory(owner=user)
    page = open_purchase_page(sign_in(user), live_server, instance)
    expect(page.locator("#area-a-regions")).to_contain_text("China (Hangzhou)")
    expect(page.locator("#cross-border-notice")).to_be_hidden()  # Area B starts as Area A
    page.get_by_label("Area B").select_option(label="North America")
    expect(page.locator("#cross-border-notice")).to_be_visible()
    page.get_by_label("Area A").select_option(label="Australia")
    expect(page.locator("#area-a-regions")).to_have_text("Included regions: Australia (Sydney)")
    expect(page.locator("#cross-border-notice")).to_be_hidden()


def test_area_b_marks_the_pairs_bought_as_area_a_changes(sign_in, live_server, user):
    """Area B's options say (already bought) for the pairs the instance has with the Area A chosen now."""
    instance = CenInstanceFactory(owner=user)
    buy_package(instance, area_a_code="Europe", area_b_code="North-America")
    page = open_purchase_page(sign_in(user), live_server, instance)
    north_america = page.locator("#id_area_b_code-North-America")
    expect(north_america).to_have_text("North America")
    page.get_by_label("Area A").select_option(label="Europe")
    expect(north_america).to_have_text("North America (already bought)")
    page.get_by_label("Area A").select_option(label="Asia Pacific")
    expect(north_america).to_have_text("North America")
