import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.models import add_months
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)


def test_renewing_a_package_moves_its_expiration(page, live_server, sign_in, user, browser_errors):
    """Renew -> 3 Months -> Terms -> Pay, in one step: the success page, then the tab shows the
    expiration three months later and the Orders page lists the paid Renew order."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)
    new_expiration = add_months(package.expires_at, 3).strftime("%Y-%m-%d %H:%M")
    errors = browser_errors(page)

    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()  # Manage opens the first tab
    row = page.get_by_role("row", name=package.pk)
    expect(row).to_contain_text(package.expires_at.strftime("%Y-%m-%d %H:%M"))
    row.get_by_role("link", name="Renew", exact=True).click()
    page.get_by_label("Duration").select_option(label="3 Months")
    expect(page.locator("#new-expiration")).to_have_text(f"{new_expiration} UTC")
    expect(page.locator(".quote-total")).to_contain_text("USD 204.00")
    page.get_by_label("I have read and agree to the Terms of Service").check()
    expect(page.get_by_role("button", name="Buy Now")).to_have_count(0)  # no order page in between
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_role("heading", name="Payment successful")).to_be_visible()
    expect(page.locator("#new-expiration")).to_have_text(f"{new_expiration} UTC")
    page.get_by_role("link", name="Back to Bandwidth Packages").click()
    expect(page.get_by_role("row", name=package.pk)).to_contain_text(new_expiration)
    expect(page.locator("#balance")).to_have_text("USD 9,728.00")  # 10,000 - 68 - 204
    page.goto(f"{live_server.url}/cen/orders/")
    expect(page.get_by_role("row").filter(has_text="Renew")).to_contain_text("Paid")
    assert errors.real() == [], errors  # nothing in the browser's console on the whole flow


def test_renewing_with_a_low_balance_charges_nothing(page, live_server, sign_in, user):
    """Renew -> Pay with a balance short of the price: the refusal on the Renew page, the balance and the
    expiration unchanged, and no Renew order on the Orders page."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)
    type(user).objects.filter(pk=user.pk).update(balance=10)
    expires = package.expires_at.strftime("%Y-%m-%d %H:%M")

    sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/{package.pk}/renew/")
    page.get_by_label("I have read and agree to the Terms of Service").check()
    page.get_by_role("button", name="Pay").click()
    expect(page.get_by_role("heading", name="Renew")).to_be_visible()
    expect(page.get_by_text("Your balance of USD 10.00 is not enough to pay USD 68.00").first).to_be_visible()
    expect(page.locator("#balance")).to_have_text("USD 10.00")
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/bandwidth-packages/")
    expect(page.get_by_role("row", name=package.pk)).to_contain_text(expires)
    page.goto(f"{live_server.url}/cen/orders/")
    expect(page.get_by_role("row").filter(has_text="Renew")).to_have_count(0)
