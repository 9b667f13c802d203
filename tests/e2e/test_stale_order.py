"""Issue 11's first scenario in a browser: an old renewal order is not paid at its old price."""

import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

TERMS = "I have read and agree to the Terms of Service"


def test_an_old_renewal_is_refused_after_an_upgrade_and_charges_nothing(page, sign_in, user):
    """Renew for 3 Years and leave it unpaid; Upgrade to 400 Mbps and pay; then Pay the old renewal
    from Orders: refused with what changed, the order cancelled, the balance untouched."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=2)

    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Renew", exact=True).click()
    page.get_by_label("Duration").select_option(label="3 Years")
    expect(page.locator(".quote-total")).to_contain_text("USD 1,200.00")
    page.get_by_label(TERMS).check()
    page.get_by_role("button", name="Buy Now").click()
    expect(page.get_by_text("Pay before")).to_be_visible()
    renewal_url = page.url

    page.goto(page.url.split("/orders/")[0] + f"/instances/{cen_instance.pk}/bandwidth-packages/")
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Upgrade").click()
    page.get_by_label("New bandwidth").fill("400")
    page.get_by_label(TERMS).check()
    page.get_by_role("button", name="Buy Now").click()
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_text("Paid")).to_be_visible()
    balance = page.locator("#balance").inner_text()

    page.goto(renewal_url)
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_role("alert")).to_contain_text("bandwidth 2 Mbps → 400 Mbps")
    expect(page.get_by_role("alert")).to_contain_text("nothing was charged")
    expect(page.locator("#balance")).to_have_text(balance)
    page.get_by_role("link", name="Orders").first.click()
    expect(page.get_by_role("row", name="Renew")).to_contain_text("Cancelled")
