"""The issue's story through the console's Transit Router tab, clicked through as a person would:
routers in Hangzhou and Virginia, a VPC connected to each, an inter-region connection of 5 Mbps from
the bound package, routes learned in both route tables, more than the package has refused, deletion
refused while connections exist, then everything removed in order."""

import re

import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def refresh_until(page, locator, text):
    """Clicks Refresh until locator shows text (Creating -> Active, Attaching -> Attached), or times out."""
    for _ in range(20):
        if re.search(text, locator.inner_text()):
            return
        page.wait_for_timeout(300)
        page.get_by_role("link", name="Refresh").click()
    expect(locator).to_contain_text(re.compile(text))


def router_row(page, region):
    return page.locator("#transit-router-table tbody tr", has_text=region)


def create_router(page, region):
    page.get_by_role("link", name="Create Transit Router").click()
    page.get_by_label("Region", exact=True).select_option(label=region)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.get_by_role("alert").or_(page.locator(".messages"))).to_contain_text("is being created")
    refresh_until(page, router_row(page, region).locator("td:nth-child(4)"), "^Active$")


def connect_vpc(page, region, vpc_id, zone):
    router_row(page, region).get_by_role("link", name="Create VPC Connection").click()
    page.get_by_label("VPC ID").fill(vpc_id)
    page.get_by_label("Primary Zone").fill(zone)
    page.get_by_label("vSwitch").first.fill("vsw-" + vpc_id[4:])
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, router_row(page, region).locator(".transit-connection .status"), "^Attached$")


def test_transit_routers_through_the_console(page, sign_in, user):
    """Create routers, connect VPCs, join the regions with 5 Mbps of the package, see the learned
    routes, be refused over budget and while connected, and remove it all."""
    cen_instance = CenInstanceFactory(owner=user, name="enterprise")
    package = buy_package(cen_instance)  # Mainland China <-> North America, 10 Mbps, bound
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Transit Router").click()
    expect(page.get_by_role("tab", name="Transit Router")).to_have_attribute("aria-selected", "true")

    create_router(page, "China (Hangzhou)")
    create_router(page, "US (Virginia)")
    connect_vpc(page, "China (Hangzhou)", "vpc-hzconsole01", "cn-hangzhou-h")
    connect_vpc(page, "US (Virginia)", "vpc-vaconsole01", "us-east-1a")

    router_row(page, "China (Hangzhou)").get_by_text("More").click()
    router_row(page, "China (Hangzhou)").get_by_role("link", name="Create Inter-region Connection").click()
    page.get_by_label("Bandwidth Type").select_option("BandwidthPackage")
    page.get_by_label("Bandwidth Package", exact=True).select_option(package.pk)
    page.get_by_label("Bandwidth (Mbps)").fill("5")
    page.get_by_role("button", name="OK", exact=True).click()
    peers = page.locator("#peer-connection-table tbody tr").first
    expect(peers).to_contain_text("5 Mbps")
    refresh_until(page, peers.locator("td:nth-child(5)"), "^Attached$")

    for region, other in (("China (Hangzhou)", "vpc-vaconsole01"), ("US (Virginia)", "vpc-hzconsole01")):
        router_row(page, region).get_by_role("link", name="Route Tables").click()
        expect(page.get_by_role("tab", name="Route Table", selected=True)).to_be_visible()
        expect(page.locator(".route-entries")).to_contain_text(other)  # learned over the connection
        expect(page.locator(".route-entries").get_by_text("Learned route")).to_have_count(2)
        page.get_by_role("link", name="Back").click()

    peers.get_by_role("link", name="Modify").click()
    page.get_by_label("Bandwidth (Mbps)").fill("11")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".invalid-feedback")).to_contain_text("has only 10 Mbps remaining")
    page.get_by_role("link", name="Cancel").click()

    router_row(page, "US (Virginia)").get_by_text("More").click()
    router_row(page, "US (Virginia)").get_by_role("link", name="Delete").last.click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.get_by_role("alert")).to_contain_text("still has connections")
    page.get_by_role("link", name="Cancel").click()

    page.locator("#peer-connection-table tbody tr").first.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#peer-connection-table"), "No inter-region connections")
    for region in ("China (Hangzhou)", "US (Virginia)"):
        router_row(page, region).locator(".transit-connection").get_by_role("link", name="Delete").click()
        page.get_by_role("button", name="OK", exact=True).click()
        refresh_until(page, router_row(page, region).locator("td:nth-child(5)"), "^-$")
    for region in ("China (Hangzhou)", "US (Virginia)"):
        router_row(page, region).get_by_text("More").click()
        router_row(page, region).get_by_role("link", name="Delete").last.click()
        page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#transit-router-table"), "has no transit routers")
