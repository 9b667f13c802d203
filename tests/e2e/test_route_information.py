import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def attach_vpc(page, region, name, cidr_block):
    page.wait_for_load_state("networkidle")  # the page after the last OK, its scripts ready for the next click
    page.get_by_role("link", name="Attach Network Instance").click()
    page.get_by_label("Region", exact=True).select_option(label=region)
    page.get_by_label("Name", exact=True).fill(name)
    page.get_by_label("CIDR Block", exact=True).fill(cidr_block)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("#network-table").get_by_role("row", name=name)).to_contain_text(cidr_block)


def test_attached_vpcs_cidr_blocks_are_the_routes_on_route_information(page, sign_in, user):
    """Attach two VPCs with CIDR blocks on Networks, open Route Information: each block is a route in
    both regions, the far one at the test bandwidth, and an overlapping third is Rejected."""
    cen_instance = CenInstanceFactory(owner=user, name="routes")
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Networks").click()
    expect(page.get_by_role("tab", name="Networks")).to_have_attribute("aria-selected", "true")
    attach_vpc(page, "China (Hangzhou)", "hz-web", "10.1.0.0/16")
    attach_vpc(page, "US (Virginia)", "va-web", "10.2.0.0/16")
    attach_vpc(page, "US (Virginia)", "va-copy", "10.1.8.0/24")
    page.get_by_role("tab", name="Route Information").click()
    expect(page.get_by_role("tab", name="Route Information")).to_have_attribute("aria-selected", "true")
    table = page.locator("#route-table")
    expect(table.get_by_role("row")).to_have_count(1 + 6)  # 3 routes in each of 2 regions
    hangzhou_learns_virginia = (
        table.get_by_role("row").filter(has_text="China (Hangzhou)").filter(has_text="10.2.0.0/16")
    )
    expect(hangzhou_learns_virginia).to_contain_text("Test bandwidth (1 Kbps)")
    expect(table.get_by_role("row").filter(has_text="10.1.8.0/24").first).to_contain_text("Rejected")
