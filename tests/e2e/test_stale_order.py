"""Issue 11's first scenario in a browser: an old renewal order is not paid at its old price."""

import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth import services
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)

TERMS = "I have read and agree to the Terms of Service"


def test_an_old_renewal_is_refused_after_an_upgrade_and_charges_nothing(page, live_server, sign_in, user):
    """An unpaid Renew order for 3 Years (Renew now pays on its page; an order left by the earlier flow, or
    by the API's AutoPay=false, is such an order); Upgrade to 400 Mbps and pay; then Pay the old renewal
    from its order page: refused with what changed, the order cancelled, the balance untouched."""
    cen_instance = CenInstanceFactory(owner=user)
    package = buy_package(cen_instance, area_a_code="North-America", area_b_code="North-America", bandwidth=2)
    renewal = services.order_create_renewal(
        owner=user, idempotency_key="old-renewal", package_id=package.pk, duration_months=36, terms_agreed=True
    )

    sign_in(user)
    page.goto(f"{live_server.url}/cen/orders/{renewal.pk}/")
    expect(page.get_by_text("Pay before")).to_be_visible()
    renewal_url = page.url

    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/bandwidth-packages/")
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Upgrade").click()
    page.get_by_label("New bandwidth").fill("400")
    # the live quote lands before the box is ticked (its price card, arriving mid-click, moved the box down)
    expect(page.locator("#resize-quote")).to_contain_text("2 Mbps → 400 Mbps")
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
