"""Transit route tables through the Route Table tab of a transit router, as a person clicks: Create
Route Table, Modify; Add Route Entry, Modify, Delete; Create Association and Delete; Enable Route
Learning and Disable; Delete the table. Each step read back through Alibaba Cloud's V3 SDK
(ListTransitRouterRouteTables, -RouteEntries, -RouteTableAssociations, -RouteTablePropagations);
then the same table made and deleted in Chinese."""

import re

import pytest
from alibabacloud_cbn20170912 import models
from django.urls import reverse
from playwright.sync_api import expect

from cenconsole.transit import services
from tests.e2e.test_layout import set_language
from tests.e2e.test_transit_routers import refresh_until
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


@pytest.fixture
def router_with_vpc(user, page):
    """An Active transit router in cn-hangzhou with an Attached VPC connection."""
    cen_instance = CenInstanceFactory(owner=user, name="路由表")
    services.transit_router_service_open(owner=user)
    router = services.transit_router_create(owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    page.wait_for_timeout(1100)
    attachment = services.vpc_attachment_create(
        owner=user, transit_router_id=router.pk, vpc_id="vpc-rtables0001", zone_mappings=[("cn-hangzhou-h", "vsw-rt1")]
    )
    page.wait_for_timeout(1100)
    return router, attachment


def tables(v3_sdk, router_id) -> dict[str, dict]:
    request = models.ListTransitRouterRouteTablesRequest(transit_router_id=router_id)
    answer = v3_sdk.call("list_transit_router_route_tables", request)
    return {table["TransitRouterRouteTableType"]: table for table in answer["TransitRouterRouteTables"]}


def static_routes(v3_sdk, table_id) -> list[dict]:
    request = models.ListTransitRouterRouteEntriesRequest(transit_router_route_table_id=table_id)
    answer = v3_sdk.call("list_transit_router_route_entries", request)
    return [entry for entry in answer["TransitRouterRouteEntries"] if entry["TransitRouterRouteEntryType"] == "Static"]


def linked(v3_sdk, kind, table_id) -> list[str]:
    name = "associations" if kind == "association" else "propagations"
    request_class = (
        models.ListTransitRouterRouteTableAssociationsRequest
        if kind == "association"
        else models.ListTransitRouterRouteTablePropagationsRequest
    )
    answer = v3_sdk.call(
        f"list_transit_router_route_table_{name}", request_class(transit_router_route_table_id=table_id)
    )
    wrapper = "TransitRouterAssociations" if kind == "association" else "TransitRouterPropagations"
    return [link["TransitRouterAttachmentId"] for link in answer[wrapper]]


def open_route_table_tab(page, sign_in, user, live_server, router, language=None):
    sign_in(user)
    if language:
        set_language(page, live_server, language)
    url = reverse("transit:route_tables", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk})
    page.goto(f"{live_server.url}{url}")


def test_route_tables_through_the_console_read_back_by_the_v3_sdk(
    page, sign_in, user, v3_sdk, live_server, router_with_vpc
):
    """Every change on the Route Table tab is what the V3 SDK lists afterwards."""
    router, attachment = router_with_vpc
    open_route_table_tab(page, sign_in, user, live_server, router)
    expect(page.get_by_role("tab", name="Route Table", exact=True)).to_have_attribute("aria-selected", "true")

    page.get_by_role("link", name="Create Route Table").click()
    page.get_by_label("Name").fill("生产路由表")
    page.get_by_label("Description").fill("隔离生产流量")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being created")
    refresh_until(page, page.locator(".summary-grid").last, "Active")
    custom = tables(v3_sdk, router.pk)["Custom"]
    table_id = custom["TransitRouterRouteTableId"]
    assert (custom["TransitRouterRouteTableName"], custom["TransitRouterRouteTableDescription"]) == (
        "生产路由表",
        "隔离生产流量",
    )

    page.get_by_role("link", name=f"Modify {table_id}").click()
    expect(page.get_by_label("Name")).to_have_value("生产路由表")
    page.get_by_label("Name").fill("生产路由表二")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.get_by_role("heading", level=2, name=re.compile(table_id))).to_contain_text("生产路由表二")
    assert tables(v3_sdk, router.pk)["Custom"]["TransitRouterRouteTableName"] == "生产路由表二"

    page.get_by_role("link", name="Add Route Entry").click()
    page.get_by_label("Name").fill("到分支")
    page.get_by_label("Destination CIDR").fill("10.20.0.0/16")
    page.get_by_label("No", exact=True).check()
    page.get_by_label("Next Hop").select_option(attachment.pk)
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("table.route-entries tbody tr", has_text="10.20.0.0/16")
    expect(row).to_contain_text(attachment.pk)
    (entry,) = static_routes(v3_sdk, table_id)
    assert (entry["TransitRouterRouteEntryNextHopId"], entry["TransitRouterRouteEntryName"]) == (
        attachment.pk,
        "到分支",
    )

    row.get_by_role("link", name=re.compile("^Modify")).click()
    page.get_by_label("Name").fill("到总部")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(row).to_contain_text("到总部")
    assert static_routes(v3_sdk, table_id)[0]["TransitRouterRouteEntryName"] == "到总部"

    row.get_by_role("link", name=re.compile("^Delete")).click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("table.route-entries")).not_to_contain_text("10.20.0.0/16")
    assert static_routes(v3_sdk, table_id) == []

    page.get_by_role("tab", name="Route Table Association").click()
    page.get_by_role("link", name="Create Association").click()
    page.get_by_label("Connection").select_option(attachment.pk)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("table.route-table-connections")).to_contain_text(attachment.pk)
    assert linked(v3_sdk, "association", table_id) == [attachment.pk]
    assert linked(v3_sdk, "association", tables(v3_sdk, router.pk)["System"]["TransitRouterRouteTableId"]) == []

    page.get_by_role("link", name=f"Delete {attachment.pk}").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("table.route-table-connections")).to_contain_text("No connection is associated")
    assert linked(v3_sdk, "association", table_id) == []

    page.get_by_role("tab", name="Route Learning").click()
    page.get_by_role("link", name="Enable Route Learning").click()
    page.get_by_label("Connection").select_option(attachment.pk)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("table.route-table-connections")).to_contain_text(attachment.pk)
    assert linked(v3_sdk, "propagation", table_id) == [attachment.pk]

    page.get_by_role("link", name=f"Disable Route Learning {attachment.pk}").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator("table.route-table-connections")).to_contain_text("learns no connection")
    assert linked(v3_sdk, "propagation", table_id) == []

    page.get_by_role("link", name=f"Delete {table_id}").click()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being deleted")
    assert tables(v3_sdk, router.pk)["Custom"]["TransitRouterRouteTableStatus"] == "Deleting"


def test_a_chinese_reader_creates_and_deletes_a_route_table(page, sign_in, user, v3_sdk, live_server, router_with_vpc):
    """创建路由表 and 删除 in Chinese; the default route table's 删除 is refused on the page."""
    router, _attachment = router_with_vpc
    open_route_table_tab(page, sign_in, user, live_server, router, language="zh-hans")
    page.get_by_role("tab", name="路由学习").click()
    expect(page.locator("table.route-table-connections")).to_contain_text("vpc-rtables0001")

    page.get_by_role("link", name="创建路由表").click()
    page.get_by_label("名称").fill("测试路由表")
    page.get_by_role("button", name="确定", exact=True).click()
    refresh_until_chinese = page.locator(".summary-grid").last
    for _ in range(20):
        if "可用" in refresh_until_chinese.inner_text():
            break
        page.wait_for_timeout(300)
        page.get_by_role("link", name="刷新").click()
    table_id = tables(v3_sdk, router.pk)["Custom"]["TransitRouterRouteTableId"]
    page.get_by_role("link", name=f"删除 {table_id}").click()
    expect(page.get_by_role("heading", name="删除路由表")).to_be_visible()
    page.get_by_role("button", name="确定", exact=True).click()
    assert tables(v3_sdk, router.pk)["Custom"]["TransitRouterRouteTableStatus"] == "Deleting"

    system_id = tables(v3_sdk, router.pk)["System"]["TransitRouterRouteTableId"]
    page.get_by_role("link", name=system_id, exact=True).click()
    page.get_by_role("link", name=f"删除 {system_id}").click()
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".alert-danger")).to_be_visible()
    assert tables(v3_sdk, router.pk)["System"]["TransitRouterRouteTableStatus"] == "Active"
