import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.models import add_months
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)


def test_renewing_a_package_moves_its_expiration(page, sign_in, user):
    """Renew -> 3 Months -> Buy Now -> Pay: the tab shows the expiration three months later."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=2)
    new_expiration = add_months(package.expires_at, 3).strftime("%Y-%m-%d %H:%M")
    errors = []
    page.on("console", lambda message: message.type == "error" and errors.append(message.text))
    page.on("pageerror", lambda error: errors.append(str(error)))

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
    page.get_by_role("button", name="Buy Now").click()
    page.get_by_role("button", name="Pay").click()
    expect(page.locator("#new-expiration")).to_have_text(f"{new_expiration} UTC")
    page.get_by_role("link", name="Back to Bandwidth Packages").click()
    expect(page.get_by_role("row", name=package.pk)).to_contain_text(new_expiration)
    expect(page.locator("#balance")).to_have_text("USD 9,728.00")  # 10,000 - 68 - 204
    assert errors == [], errors  # nothing in the browser's console on the whole flow
