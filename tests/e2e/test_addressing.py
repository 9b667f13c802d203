"""A transit router's CIDR blocks and a route table's aggregate routes and prefix list associations through
the console, as a person clicks: the router's CIDR tab (Add CIDR Block, Modify, Delete), then the default
route table's Route Aggregation sub-tab on the Route Table tab (Add Route Aggregation, Configuring then
Configured, Modify, Delete) and its Prefix List Association sub-tab (Associate Prefix List, Updating then
Active, Delete); each step read back through Alibaba Cloud's V3 SDK. Then a shorter walk in
简体中文."""

import re
from datetime import timedelta

import pytest
import time_machine
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from cenconsole.core import clock
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit import services as transit_services
from tests.e2e.test_layout import set_language
from tests.e2e.test_transit_routers import refresh_until
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def active_router(user):
    """A CEN instance of `user` with an Active transit router in cn-hangzhou (made a minute ago)."""
    cen_instance = CenInstanceFactory(owner=user, name="addressing")
    if not transit_selectors.transit_router_service_enabled(owner=user):
        transit_services.transit_router_service_open(owner=user)
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        router = transit_services.transit_router_create(
            owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="杭州转发"
        )
    return cen_instance, router


def cidr_blocks(v3_sdk, router) -> list[dict]:
    request = models.ListTransitRouterCidrRequest(region_id="cn-hangzhou", transit_router_id=router.pk)
    return v3_sdk.call("list_transit_router_cidr", request)["CidrLists"]


def aggregations(v3_sdk, table_id) -> list[dict]:
    request = models.DescribeTransitRouteTableAggregationRequest(transit_route_table_id=table_id)
    return v3_sdk.call("describe_transit_route_table_aggregation", request)["Data"]


def prefix_lists(v3_sdk, router) -> list[dict]:
    request = models.ListTransitRouterPrefixListAssociationRequest(region_id="cn-hangzhou", transit_router_id=router.pk)
    return v3_sdk.call("list_transit_router_prefix_list_association", request)["PrefixLists"]


def test_cidr_blocks_aggregations_and_prefix_lists_through_the_console(page, sign_in, user, v3_sdk):
    """Each create, modify and delete on the router's CIDR tab and its route table's pages; the V3 SDK sees each."""
    cen_instance, router = active_router(user)
    table_id = router.route_tables.get(table_type="System").pk
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Transit Router").click()
    page.get_by_role("link", name=router.pk, exact=True).click()
    page.get_by_role("tab", name="CIDR").click()
    expect(page.get_by_role("tab", name="CIDR")).to_have_attribute("aria-selected", "true")

    # CIDR blocks.
    page.get_by_role("link", name="Add CIDR Block").click()
    expect(page.get_by_role("heading", name="Add CIDR Block")).to_be_visible()
    page.get_by_label("CIDR Block", exact=True).fill("192.168.10.0/24")
    page.get_by_label("Name", exact=True).fill("杭州网段")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is added to the transit router")
    (made,) = cidr_blocks(v3_sdk, router)
    assert (made["Cidr"], made["Name"], made["PublishCidrRoute"]) == ("192.168.10.0/24", "杭州网段", True)

    row = page.locator("#cidr-table tbody tr").first
    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_label("CIDR Block", exact=True)).to_have_value("192.168.10.0/24")
    page.get_by_label("Name", exact=True).fill("办公网段")
    page.get_by_label("Publish CIDR Route").uncheck()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(row).to_contain_text("办公网段")
    (modified,) = cidr_blocks(v3_sdk, router)
    assert (modified["TransitRouterCidrId"], modified["Name"], modified["PublishCidrRoute"]) == (
        made["TransitRouterCidrId"],
        "办公网段",
        False,
    )

    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("#cidr-table")).to_contain_text("has no CIDR blocks")
    assert cidr_blocks(v3_sdk, router) == []

    # Route aggregation, a sub-tab of the default route table on the Route Table tab.
    page.get_by_role("tab", name="Route Table").click()
    page.get_by_role("tab", name="Route Aggregation").click()
    expect(page.get_by_role("tab", name="Route Aggregation")).to_have_attribute("aria-selected", "true")
    page.get_by_role("link", name="Add Route Aggregation").click()
    page.get_by_label("Aggregate Destination CIDR Block").fill("10.0.0.0/8")
    page.get_by_label("Name", exact=True).fill("汇总路由")
    page.get_by_label("Publish To").select_option("VPC")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being configured")
    row = page.locator("#aggregation-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(3)"), "^Configured$")
    (aggregate,) = aggregations(v3_sdk, table_id)
    assert (aggregate["TransitRouteTableAggregationCidr"], aggregate["Name"], aggregate["Status"]) == (
        "10.0.0.0/8",
        "汇总路由",
        "AllConfigured",
    )

    row = page.locator("#aggregation-table tbody tr").first
    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_label("Aggregate Destination CIDR Block")).to_be_disabled()
    page.get_by_label("Description").fill("汇总到 VPC")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#aggregation-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(3)"), "^Configured$")
    assert aggregations(v3_sdk, table_id)[0]["Description"] == "汇总到 VPC"

    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#aggregation-table"), re.escape("has no aggregate routes"))
    assert aggregations(v3_sdk, table_id) == []

    # Prefix list associations, the next sub-tab of the same table.
    page.get_by_role("tab", name="Prefix List Association").click()
    page.get_by_role("link", name="Associate Prefix List").click()
    page.get_by_label("Prefix List", exact=True).fill("pl-console0001")
    page.get_by_label("Next Hop").select_option("BlackHole")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being associated")
    row = page.locator("#prefix-list-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(4)"), "^Active$")
    (association,) = prefix_lists(v3_sdk, router)
    assert (association["PrefixListId"], association["NextHopType"], association["TransitRouterTableId"]) == (
        "pl-console0001",
        "BlackHole",
        table_id,
    )

    row = page.locator("#prefix-list-table tbody tr").first
    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("#prefix-list-table")).to_contain_text("No prefix list is associated")
    assert prefix_lists(v3_sdk, router) == []


def test_a_chinese_reader_adds_a_cidr_block_and_an_aggregate_route(page, sign_in, user, v3_sdk, live_server):
    """The same pages in 简体中文: 添加地址段 and 删除, 添加聚合路由 on 路由聚合; read back by the SDK."""
    cen_instance, router = active_router(user)
    table_id = router.route_tables.get(table_type="System").pk
    sign_in(user)
    set_language(page, live_server, "zh-hans")
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/transit-routers/{router.pk}/cidrs/")
    expect(page.get_by_role("tab", name="地址段")).to_have_attribute("aria-selected", "true")

    page.get_by_role("link", name="添加地址段").click()
    page.get_by_label("网段", exact=True).fill("172.16.0.0/16")
    page.get_by_label("名称", exact=True).fill("上海网段")
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("已添加到转发路由器")
    assert [block["Cidr"] for block in cidr_blocks(v3_sdk, router)] == ["172.16.0.0/16"]

    page.locator("#cidr-table tbody tr").first.get_by_role("link", name="删除").click()
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator("#cidr-table")).to_contain_text("暂无地址段")
    assert cidr_blocks(v3_sdk, router) == []

    page.get_by_role("tab", name="路由表").click()
    page.get_by_role("tab", name="路由聚合").click()
    page.get_by_role("link", name="添加聚合路由").click()
    page.get_by_label("聚合路由目标网段").fill("10.0.0.0/8")
    page.get_by_role("button", name="确定", exact=True).click()
    row = page.locator("#aggregation-table tbody tr").first
    refresh_until_chinese(page, row.locator("td:nth-child(3)"), "^已配置$")
    assert [each["Status"] for each in aggregations(v3_sdk, table_id)] == ["AllConfigured"]


def refresh_until_chinese(page, locator, text):
    """refresh_until with the Chinese page's 刷新."""
    for _ in range(20):
        if re.search(text, locator.inner_text()):
            return
        page.wait_for_timeout(300)
        page.get_by_role("link", name="刷新").click()
    expect(locator).to_contain_text(re.compile(text))
