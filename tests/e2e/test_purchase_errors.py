"""Bad input on the purchase page in a real browser: the error shows on the page, nothing is made."""

import re

import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import BandwidthPackage, Order
from tests.factories import PASSWORD, CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

AGREEMENT = re.compile("I have read and agree to the Cross-border Service Agreement")


@pytest.fixture
def purchase_page(sign_in, live_server, user):
    """The purchase page for a fresh CEN instance of `user`, signed in."""
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    page.instance = instance
    return page


def fill_and_buy(page, *, bandwidth="10", agree=True, terms=True):
    """Mainland China ↔ North America (cross-border), the given bandwidth, then Buy Now."""
    page.get_by_label("Area B").select_option(label="North America")
    expect(page.locator("#cross-border-notice")).to_be_visible()
    page.get_by_label("Bandwidth", exact=True).fill(bandwidth)
    page.get_by_label("Name", exact=True).fill("bwp-bad")
    # The live quote of what was typed lands first: its price and notices move the boxes below while it does
    # (a click then can land beside the box it aimed at).
    page.wait_for_load_state("networkidle")
    if agree:
        page.get_by_label(AGREEMENT).check()
    if terms:
        page.get_by_label("I have read and agree to the Terms of Service").check()
    page.get_by_role("button", name="Buy Now").click()


@pytest.mark.parametrize("bandwidth", ["1", "10001"])
def test_bandwidth_outside_2_to_10000_shows_the_error_and_orders_nothing(purchase_page, bandwidth):
    """Buy Now with 1 or 10,001 Mbps stays on the purchase page with the error under Bandwidth."""
    fill_and_buy(purchase_page, bandwidth=bandwidth)
    expect(purchase_page.locator("#div_id_bandwidth").get_by_text(services.BANDWIDTH_RANGE)).to_be_visible()
    expect(purchase_page.get_by_role("heading", name="Buy Bandwidth Package(Subscription)")).to_be_visible()
    expect(purchase_page.get_by_label("Bandwidth", exact=True)).to_have_value(bandwidth)
    assert not Order.objects.exists()


def test_missing_cross_border_agreement_shows_the_error_and_orders_nothing(purchase_page):
    """Buy Now for Mainland China ↔ North America without ticking the agreement shows the error beside it."""
    fill_and_buy(purchase_page, agree=False)
    expect(
        purchase_page.locator("#div_id_cross_border_agreed").get_by_text(services.CROSS_BORDER_NOT_AGREED)
    ).to_be_visible()
    expect(purchase_page.locator("#error-summary").get_by_text(services.CROSS_BORDER_NOT_AGREED)).to_be_visible()
    expect(purchase_page.get_by_label(AGREEMENT)).not_to_be_checked()
    assert not Order.objects.exists()


def test_area_pair_already_bought_shows_the_error_and_orders_nothing(purchase_page):
    """Buy Now for a pair the instance already has a package for shows the error under Area B."""
    buy_package(purchase_page.instance, area_a_code="North-America", area_b_code="China")
    fill_and_buy(purchase_page)
    message = services.AREA_PAIR_TAKEN % dict(cen_id=purchase_page.instance.pk, areas="Mainland China ↔ North America")
    expect(purchase_page.locator("#div_id_area_b_code").get_by_text(message)).to_be_visible()
    assert Order.objects.count() == 1  # the one bought above
    assert BandwidthPackage.objects.count() == 1


def test_pay_without_enough_balance_shows_the_message_and_charges_nothing(purchase_page, user):
    """Pay of an order above the balance stays on the confirmation with the message; the balance is unchanged."""
    fill_and_buy(purchase_page, bandwidth="100")  # USD 16,000 against USD 10,000
    purchase_page.get_by_role("button", name="Pay", exact=True).click()
    expect(purchase_page.get_by_role("alert")).to_contain_text(
        "Your balance of USD 10,000.00 is not enough to pay USD 16,000.00. Nothing was charged."
    )
    expect(purchase_page.locator("#balance")).to_have_text("USD 10,000.00")
    assert not BandwidthPackage.objects.exists()
    assert Order.objects.get().status == Order.Status.UNPAID


PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("javascript", [True, False], ids=["js", "no-js"])
def test_buy_now_without_terms_on_a_phone_puts_the_error_summary_in_view(browser, live_server, user, javascript):
    """On a 390x844 phone, Buy Now without the Terms: the summary is in view (and focused, with JavaScript),
    and its link leads to the Terms checkbox; Buy Now stays reachable in the bar at the bottom."""
    instance = CenInstanceFactory(owner=user)
    page = browser.new_context(viewport=PHONE, java_script_enabled=javascript).new_page()
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    expect(page.get_by_role("button", name="Buy Now")).to_be_in_viewport()
    page.get_by_role("button", name="Buy Now").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_in_viewport()
    expect(summary).to_contain_text("There is a problem")
    if javascript:
        expect(summary).to_be_focused()
    summary.get_by_role("link").click()
    expect(page.get_by_label("I have read and agree to the Terms of Service")).to_be_in_viewport()
    assert not Order.objects.exists()


def test_auto_renewal_period_is_disabled_while_auto_renewal_is_off(purchase_page):
    """The period is disabled while Auto-renewal is off, enabled when it is ticked, also after a live update."""
    period = purchase_page.get_by_label("Auto-renewal period")
    expect(period).to_be_disabled()
    purchase_page.get_by_label("Auto-renewal", exact=True).check()
    expect(period).to_be_enabled()
    purchase_page.get_by_label("Bandwidth", exact=True).fill("20")
    expect(purchase_page.locator("#quote-total")).to_contain_text("680.00")
    expect(period).to_be_enabled()
    purchase_page.get_by_label("Auto-renewal", exact=True).uncheck()
    expect(period).to_be_disabled()
