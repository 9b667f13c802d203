import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.forms import CROSS_BORDER_AGREEMENT
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)


def open_tab(page, name):
    page.get_by_role("tab", name=name).click()
    expect(page.get_by_role("tab", name=name)).to_have_attribute("aria-selected", "true")


def buy_mainland_china_to_north_america(page, megabits):
    open_tab(page, "Bandwidth Packages")
    page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()
    # Every change re-renders the form with htmx from the values sent, so the bandwidth goes in
    # first and travels with each later refresh.
    page.get_by_label("Bandwidth", exact=True).fill(str(megabits))
    page.get_by_label("Area A", exact=True).select_option(label="Mainland China")
    page.get_by_label("Area B", exact=True).select_option(label="North America")
    expect(page.locator("#quote-total")).to_have_text("USD 1,600.00")
    with page.expect_response(lambda response: "/bandwidth-packages/buy/?" in response.url):
        page.get_by_label(CROSS_BORDER_AGREEMENT).check()
    expect(page.get_by_label(CROSS_BORDER_AGREEMENT)).to_be_checked()
    page.get_by_label("I have read and agree to the Terms of Service").check()
    page.get_by_role("button", name="Buy Now").click()
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    page.get_by_role("link", name="Back to Bandwidth Packages").click()


def attach_vpc(page, region, name):
    page.get_by_role("link", name="Attach Network Instance").click()
    expect(page.get_by_label("Network Type", exact=True)).to_have_value("VPC")
    page.get_by_label("Region", exact=True).select_option(label=region)
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("#network-table").get_by_role("row", name=name)).to_be_visible()


def set_region_connection(page, local, opposite, megabits):
    page.get_by_role("link", name="Set Region Connection").click()
    page.get_by_label("Local Region", exact=True).select_option(label=local)
    page.get_by_label("Opposite Region", exact=True).select_option(label=opposite)
    page.get_by_label("Bandwidth", exact=True).fill(str(megabits))
    page.get_by_role("button", name="OK", exact=True).click()


def test_vpcs_reach_each_other_through_a_region_connection(page, sign_in, user):
    """Buy Mainland China ↔ North America 10 Mbps, attach VPCs, connect Hangzhou ↔ Virginia at 6 Mbps:
    the matrix shows who reaches whom; 5 more Mbps are refused and 4 are saved."""
    cen_instance = CenInstanceFactory(owner=user, name="shop")
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    buy_mainland_china_to_north_america(page, 10)
    expect(page.get_by_role("row", name="Mainland China ↔ North America")).to_contain_text("10 Mbps")

    open_tab(page, "Networks")
    attach_vpc(page, "China (Hangzhou)", "hz-web")
    attach_vpc(page, "China (Hangzhou)", "hz-db")
    attach_vpc(page, "China (Shanghai)", "sh-app")
    attach_vpc(page, "US (Virginia)", "va-app")

    open_tab(page, "Region Connections")
    set_region_connection(page, "China (Hangzhou)", "US (Virginia)", 6)
    row = page.locator("#connection-table").get_by_role("row", name="China (Hangzhou) ↔ US (Virginia)")
    expect(row).to_contain_text("6 Mbps")

    open_tab(page, "Networks")
    # One row and column per region (Hangzhou holds hz-web and hz-db).
    hangzhou, shanghai, virginia = "cn-hangzhou", "cn-shanghai", "us-east-1"

    def cell(source, target):
        return page.locator(f'#connectivity-matrix td[data-from="{source}"][data-to="{target}"]')

    expect(cell(hangzhou, hangzhou)).to_contain_text("Connected (same region)")
    expect(cell(hangzhou, virginia)).to_contain_text("Connected · 6 Mbps")
    expect(cell(virginia, hangzhou)).to_contain_text("Connected · 6 Mbps")
    expect(cell(hangzhou, shanghai)).to_contain_text("Test bandwidth (1 Kbps)")
    buy_link = cell(hangzhou, shanghai).get_by_role("link")
    expect(buy_link).to_have_text("Buy a Mainland China ↔ Mainland China bandwidth package")

    open_tab(page, "Region Connections")
    set_region_connection(page, "China (Shanghai)", "US (Silicon Valley)", 5)
    # In the error summary at the top (a link to the field) and beside the field.
    expect(page.locator(".error-summary").get_by_text("has only 4 Mbps remaining")).to_be_visible()
    dialog = page.get_by_role("region", name="Set Region Connection")
    expect(dialog.get_by_text("has only 4 Mbps remaining")).to_be_visible()
    expect(page.locator("#connection-table").get_by_role("row", name="China (Shanghai)")).to_have_count(0)
    page.get_by_label("Bandwidth", exact=True).fill("4")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#connection-table").get_by_role("row", name="China (Shanghai) ↔ US (Silicon Valley)")
    expect(row).to_contain_text("4 Mbps")
    usage = page.locator("#package-usage").get_by_role("row", name="Mainland China ↔ North America")
    expect(usage).to_contain_text("10 Mbps 10 Mbps 0 Mbps")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_attach_and_set_a_connection_with_javascript_off(page, sign_in, user):
    """Without JavaScript the forms are plain pages; Show Regions narrows the region selects."""
    cen_instance = CenInstanceFactory(owner=user, name="plain")
    buy_package(cen_instance)
    europe = buy_package(cen_instance, area_a_code="Europe", area_b_code="Australia", cross_border_agreed=False)
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    open_tab(page, "Networks")
    attach_vpc(page, "UK (London)", "london")

    open_tab(page, "Region Connections")
    page.get_by_role("link", name="Set Region Connection").click()
    page.get_by_label("Bandwidth Package", exact=True).select_option(europe.pk)
    page.get_by_role("button", name="Show Regions").click()
    expect(page.get_by_label("Local Region", exact=True).locator("option")).to_have_text(
        ["Germany (Frankfurt)", "UK (London)", "Australia (Sydney)"]
    )
    page.get_by_label("Local Region", exact=True).select_option(label="UK (London)")
    page.get_by_label("Opposite Region", exact=True).select_option(label="Australia (Sydney)")
    page.get_by_label("Bandwidth", exact=True).fill("2")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#connection-table").get_by_role("row", name="UK (London) ↔ Australia (Sydney)")
    expect(row).to_contain_text("2 Mbps")
