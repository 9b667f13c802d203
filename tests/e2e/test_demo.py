"""Giving a demo, in the browser: Try the console, sandboxes kept apart, Reset demo, Advance time."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from playwright.sync_api import expect

from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.pricing import add_months
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.transit.models import TransitRouter

pytestmark = pytest.mark.django_db(transaction=True)

User = get_user_model()


def try_the_console(page, live_server):
    """Clicks Try the console on the sign-in page; returns the new sandbox account."""
    known = set(User.objects.filter(is_sandbox=True).values_list("pk", flat=True))
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("button", name="Try the console").click()
    page.wait_for_url(f"{live_server.url}/cen/instances/")
    return User.objects.filter(is_sandbox=True).exclude(pk__in=known).get()


def test_try_the_console_lands_signed_in_with_the_seeded_instance(page, live_server):
    """One click: signed in as a sandbox, the seeded CEN instance listed, the top bar says Sandbox."""
    sandbox = try_the_console(page, live_server)
    cen_instance = CenInstance.objects.get(owner=sandbox)
    expect(page.get_by_role("row", name=cen_instance.pk)).to_contain_text("demo-cen")
    expect(page.locator("#demo-bar")).to_contain_text("Sandbox")
    expect(page.locator("#demo-bar")).to_contain_text("left")
    expect(page.locator("#balance")).to_contain_text("USD")


def test_two_sandboxes_never_see_each_other(browser, live_server):
    """Two visitors' sandboxes: neither lists the other's instance, and the other's IDs answer 404."""
    pages = [browser.new_context().new_page() for _ in range(2)]
    first, second = (try_the_console(page, live_server) for page in pages)
    first_cen = CenInstance.objects.get(owner=first).pk
    second_cen = CenInstance.objects.get(owner=second).pk
    expect(pages[0].locator("main")).not_to_contain_text(second_cen)
    expect(pages[1].locator("main")).not_to_contain_text(first_cen)
    answer = pages[1].goto(f"{live_server.url}/cen/instances/{first_cen}/")
    assert answer.status == 404
    package = BandwidthPackage.objects.filter(owner=first).first()
    assert pages[1].goto(f"{live_server.url}/cen/bandwidth-packages/").status == 200
    expect(pages[1].locator("main")).not_to_contain_text(package.pk)
    for page in pages:
        page.context.close()


def test_reset_demo_brings_back_the_seeded_state(page, live_server):
    """Make a change, then Reset demo -> Reset: the change is gone, the seeded instance is back under
    the same ID and the balance is what the seeded state had."""
    sandbox = try_the_console(page, live_server)
    seeded_cen = CenInstance.objects.get(owner=sandbox).pk
    seeded_balance = page.locator("#balance").inner_text()
    page.goto(f"{live_server.url}/cen/instances/create/")
    page.get_by_label("Name").fill("extra-cen")
    page.get_by_role("button", name="OK").click()
    page.goto(f"{live_server.url}/cen/instances/")
    expect(page.locator("main")).to_contain_text("extra-cen")

    page.locator("#demo-bar").get_by_role("link", name="Reset demo").click()
    page.get_by_role("button", name="Reset", exact=True).click()
    page.wait_for_url(f"{live_server.url}/cen/instances/")
    expect(page.locator("main")).not_to_contain_text("extra-cen")
    expect(page.get_by_role("row", name=seeded_cen)).to_contain_text("demo-cen")
    expect(page.locator("#balance")).to_have_text(seeded_balance)


def test_a_sandbox_shows_the_office_example_on_its_transit_router_pages(page, live_server):
    """Try the console -> Manage -> Transit Router: the seeded Shanghai router is listed Active; its
    Flow Logs and CIDR tabs list the seeded flow log and CIDR block."""
    sandbox = try_the_console(page, live_server)
    cen_instance = CenInstance.objects.get(owner=sandbox)
    router = TransitRouter.objects.get(owner=sandbox, region="cn-shanghai")
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Transit Router").click()
    row = page.locator(f'tr[data-transit-router="{router.pk}"]')
    expect(row).to_contain_text("demo-tr-shanghai")
    expect(row).to_contain_text("Active")
    page.get_by_role("link", name=router.pk, exact=True).click()
    page.get_by_role("tab", name="Flow Logs").click()
    expect(page.locator("main")).to_contain_text("demo-leased-line-log")
    page.get_by_role("tab", name="CIDR").click()
    expect(page.locator("main")).to_contain_text("172.31.0.0/24")


def advance(page, step):
    page.locator("#demo-bar summary", has_text="Advance time").click()
    page.locator("#demo-bar").get_by_role("button", name=step, exact=True).click()


def test_advance_time_expires_the_expiring_package(page, live_server):
    """Advance time -> 1 week: the package that expired within the hour shows Expired, the top bar
    shows the account's clock; 1 (calendar) month more and, past the grace period, it is released."""
    sandbox = try_the_console(page, live_server)
    package = BandwidthPackage.objects.get(owner=sandbox, name="demo-expiring")
    page.goto(f"{live_server.url}/cen/bandwidth-packages/")
    expect(page.get_by_role("row", name=package.pk)).not_to_contain_text("Expired")
    advance(page, "1 week")
    expect(page.locator("#test-clock")).to_contain_text("7 days ahead")
    expect(page.get_by_role("row", name=package.pk)).to_contain_text("Expired")
    advance(page, "1 month")  # one calendar month on from the account's clock, as subscriptions count it
    week_on = clock.real_now() + timedelta(days=7)
    days = 7 + (add_months(week_on, 1) - week_on).days
    expect(page.locator("#test-clock")).to_contain_text(f"{days} days ahead")
    expect(page.locator("main")).not_to_contain_text(package.pk)


def test_advance_one_month_with_auto_renewal_renews_and_charges(page, live_server):
    """Auto-renewal on, then Advance time -> 1 month: the package is renewed (not Expired), the Renew
    order is paid on the Orders page, and the top bar's balance is the seeded balance less it."""
    sandbox = try_the_console(page, live_server)
    package = BandwidthPackage.objects.get(owner=sandbox, name="demo-expiring")
    page.goto(f"{live_server.url}/cen/bandwidth-packages/")
    page.get_by_role("row", name=package.pk).get_by_role("link", name="Auto-renewal").click()
    page.get_by_label("Auto-renewal", exact=True).check()
    page.get_by_role("button", name="OK").click()
    balance_before = User.objects.get(pk=sandbox.pk).balance

    page.goto(f"{live_server.url}/cen/bandwidth-packages/")
    advance(page, "1 month")
    row = page.get_by_role("row", name=package.pk)
    expect(row).not_to_contain_text("Expired")
    expect(row).to_contain_text("On (1 Month)")
    renewal = Order.objects.get(owner=sandbox, order_type=Order.Type.RENEW)
    balance_after = balance_before - renewal.amount
    assert User.objects.get(pk=sandbox.pk).balance == balance_after
    expect(page.locator("#balance")).to_have_text(f"USD {balance_after:,.2f}")

    page.goto(f"{live_server.url}/cen/orders/")
    order_row = page.get_by_role("row", name=renewal.number, exact=False).first
    expect(order_row).to_contain_text("Renew")
    expect(order_row).to_contain_text(f"USD {renewal.amount:,.2f}")
    expect(order_row).to_contain_text("Paid")
    assert renewal.amount > Decimal("0")


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_demo_works_with_javascript_off(page, live_server):
    """With JavaScript off: /demo/start/'s button makes a sandbox, and Advance time (a <details> menu of
    plain forms) and Reset demo still work."""
    page.goto(f"{live_server.url}/demo/start/")
    page.get_by_role("button", name="Try the console").click()
    page.wait_for_url(f"{live_server.url}/cen/instances/")
    expect(page.locator("#demo-bar")).to_contain_text("Sandbox")
    advance(page, "1 day")
    expect(page.locator("#test-clock")).to_contain_text("1 day ahead")
    page.locator("#demo-bar").get_by_role("link", name="Reset demo").click()
    page.get_by_role("button", name="Reset", exact=True).click()
    expect(page.locator("#demo-bar")).not_to_contain_text("Clock:")
