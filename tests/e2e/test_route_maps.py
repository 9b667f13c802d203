"""Route maps through the console's Route Maps tab, as a person clicks: Add Route Map with a route
prefix, Creating then Active, Modify, Delete; each step read back through Alibaba Cloud's V3 SDK
(DescribeCenRouteMaps), which sees the same route map."""

import re

import pytest
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from tests.e2e.test_transit_routers import refresh_until
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def described(v3_sdk, cen_id) -> list[dict]:
    answer = v3_sdk.call("describe_cen_route_maps", models.DescribeCenRouteMapsRequest(cen_id=cen_id))
    return answer["RouteMaps"]["RouteMap"]


def test_route_maps_through_the_console_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk):
    """Add Route Map, Modify and Delete on the Route Maps tab; the V3 SDK sees each change."""
    cen_instance = CenInstanceFactory(owner=user, name="routing")
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Route Maps").click()
    expect(page.get_by_role("tab", name="Route Maps")).to_have_attribute("aria-selected", "true")

    page.get_by_role("link", name="Add Route Map").click()
    expect(page.get_by_role("heading", name="Create Route Map")).to_be_visible()
    page.get_by_label("Region", exact=True).select_option(label="China (Hangzhou)")
    page.get_by_label("Transmit Direction").select_option("RegionOut")
    page.get_by_label("Priority", exact=True).fill("30")
    page.get_by_label("Route Prefixes").fill("10.0.0.0/8")
    page.get_by_label("Policy Action").select_option("Permit")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being created")
    row = page.locator("#route-map-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(5)"), "^Active$")
    (made,) = described(v3_sdk, cen_instance.pk)
    assert (made["Priority"], made["TransmitDirection"], made["MapResult"]) == (30, "RegionOut", "Permit")
    assert made["DestinationCidrBlocks"]["DestinationCidrBlock"] == ["10.0.0.0/8"]

    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_role("heading", name="Modify Route Map")).to_be_visible()
    expect(page.get_by_label("Route Prefixes")).to_have_value("10.0.0.0/8")
    page.get_by_label("Priority", exact=True).fill("31")
    page.get_by_label("Policy Action").select_option("Deny")
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, row.locator("td:nth-child(5)"), "^Active$")
    (modified,) = described(v3_sdk, cen_instance.pk)
    assert (modified["RouteMapId"], modified["Priority"], modified["MapResult"]) == (made["RouteMapId"], 31, "Deny")

    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#route-map-table"), re.escape("has no route maps"))
    assert described(v3_sdk, cen_instance.pk) == []
