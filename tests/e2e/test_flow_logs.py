"""Flow logs through a transit router's Flow Logs tab, as a person clicks: Create Flow Log of a VBR
connection, Creating then Active, Modify, Stop, Delete; each step read back through Alibaba Cloud's V3
SDK (DescribeFlowlogs), which sees the same flow log. Then the same in 简体中文."""

import re
from datetime import timedelta

import pytest
import time_machine
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from cenconsole.core import clock
from cenconsole.transit import services as transit_services
from tests.e2e.test_chinese import ALLOWED_WORDS, WORD
from tests.e2e.test_layout import set_language
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def router_with_vbr(user):
    """A CEN instance of `user` with an Active transit router in cn-hangzhou and an Attached VBR connection."""
    cen_instance = CenInstanceFactory(owner=user, name="flow-logs")
    transit_services.transit_router_service_open(owner=user)
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        router = transit_services.transit_router_create(
            owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
        )
    with time_machine.travel(clock.real_now() - timedelta(seconds=30), tick=False):
        vbr = transit_services.product_attachment_create(
            owner=user, kind="VBR", resource_id="vbr-flowe2e0001", transit_router_id=router.pk
        )
    return cen_instance, router, vbr


def refresh_until(page, locator, text, refresh="Refresh"):
    """Clicks Refresh (刷新) until locator shows text (Creating -> Active, Modifying -> Inactive), or times out."""
    for _ in range(20):
        if re.search(text, locator.inner_text()):
            return
        page.wait_for_timeout(300)
        page.get_by_role("link", name=refresh).click()
    expect(locator).to_contain_text(re.compile(text))


# Ids (cen-, tr-, tr-attach-, flowlog-, vbr-) and names typed in this test; SLS's own names for its resources.
IDS = re.compile(r"\b(?:cen|tr|flowlog|vbr)-[a-z0-9-]+\b|\bcen[-_]flow[-_]zh\b")
FLOW_LOG_WORDS = ALLOWED_WORDS | {"Project", "Logstore", "SLS", "VBR", "VPN", "ECR"}


def assert_chinese(page):
    """No English word on the page other than ids, proper nouns and SLS's Project and Logstore."""
    words = [word for word in WORD.findall(IDS.sub(" ", page.inner_text("body"))) if word not in FLOW_LOG_WORDS]
    assert words == [], f"{page.url}: {words}"


def described(v3_sdk, cen_id) -> list[dict]:
    request = models.DescribeFlowlogsRequest(cen_id=cen_id, region_id="cn-hangzhou")
    return v3_sdk.call("describe_flowlogs", request)["FlowLogs"]["FlowLog"]


def open_flow_logs_tab(page, cen_instance, router, *, manage, transit_tab, route_tables, flow_logs):
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name=manage).click()
    page.get_by_role("tab", name=transit_tab, exact=True).click()
    page.locator("#transit-router-table tbody tr", has_text=router.pk).get_by_role("link", name=route_tables).click()
    page.get_by_role("tab", name=flow_logs).click()
    expect(page.get_by_role("tab", name=flow_logs)).to_have_attribute("aria-selected", "true")


def test_flow_logs_through_the_console_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk):
    """Create Flow Log, Modify, Stop and Delete on the Flow Logs tab; the V3 SDK sees each change."""
    cen_instance, router, vbr = router_with_vbr(user)
    sign_in(user)
    open_flow_logs_tab(
        page,
        cen_instance,
        router,
        manage="Manage",
        transit_tab="Transit Router",
        route_tables="Route Tables",
        flow_logs="Flow Logs",
    )

    page.get_by_role("link", name="Create Flow Log").click()
    expect(page.get_by_role("heading", name="Create Flow Log")).to_be_visible()
    expect(page.locator("dl")).to_contain_text(router.pk)
    page.get_by_label("Name", exact=True).fill("vbr-traffic")
    page.get_by_label("Instance", exact=True).select_option(vbr.pk)
    page.get_by_label("Project", exact=True).fill("cen-flow-project")
    page.get_by_label("Logstore", exact=True).fill("cen_flow_store")
    page.get_by_label("1 minute").check()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being created")
    row = page.locator("#flow-log-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(5)"), "^Active$")
    (made,) = described(v3_sdk, cen_instance.pk)
    assert (made["FlowLogName"], made["TransitRouterId"], made["TransitRouterAttachmentId"]) == (
        "vbr-traffic",
        router.pk,
        vbr.pk,
    )
    assert (made["ProjectName"], made["LogStoreName"], made["Interval"]) == ("cen-flow-project", "cen_flow_store", 60)

    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_role("heading", name="Modify Flow Log")).to_be_visible()
    expect(page.get_by_label("Name", exact=True)).to_have_value("vbr-traffic")
    page.get_by_label("Name", exact=True).fill("vbr-traffic-2")
    page.get_by_label("10 minutes").check()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(row).to_contain_text("vbr-traffic-2")
    (modified,) = described(v3_sdk, cen_instance.pk)
    assert (modified["FlowLogId"], modified["FlowLogName"], modified["Interval"]) == (
        made["FlowLogId"],
        "vbr-traffic-2",
        600,
    )

    row.get_by_role("link", name="Stop").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, row.locator("td:nth-child(5)"), "^Inactive$")
    assert described(v3_sdk, cen_instance.pk)[0]["Status"] == "Inactive"

    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#flow-log-table"), re.escape("has no flow logs"))
    assert described(v3_sdk, cen_instance.pk) == []


def test_flow_logs_in_chinese(page, sign_in, user, live_server, v3_sdk):
    """The same tab in 简体中文: 创建流日志 of the whole transit router, 停止, 删除."""
    cen_instance, router, _vbr = router_with_vbr(user)
    sign_in(user)
    set_language(page, live_server, "zh-hans")
    page.reload()
    open_flow_logs_tab(
        page,
        cen_instance,
        router,
        manage="管理",
        transit_tab="转发路由器",
        route_tables="路由表",
        flow_logs="流日志",
    )

    assert_chinese(page)
    page.get_by_role("link", name="创建流日志").click()
    expect(page.get_by_role("heading", name="创建流日志")).to_be_visible()
    assert_chinese(page)
    page.get_by_label("名称", exact=True).fill("杭州流日志")
    page.get_by_label("实例", exact=True).select_option("transit-router")
    page.get_by_label("Project", exact=True).fill("cen-flow-zh")
    page.get_by_label("Logstore", exact=True).fill("cen_flow_zh")
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("正在创建")
    row = page.locator("#flow-log-table tbody tr").first
    expect(row).to_contain_text("杭州流日志")
    expect(row).to_contain_text("10分钟")
    refresh_until(page, row.locator("td:nth-child(5)"), "^可用$", "刷新")
    (made,) = described(v3_sdk, cen_instance.pk)
    assert (made["FlowLogName"], made["TransitRouterId"], made["TransitRouterAttachmentId"]) == (
        "杭州流日志",
        router.pk,
        "",
    )

    assert_chinese(page)
    row.get_by_role("link", name="停止").click()
    assert_chinese(page)
    page.get_by_role("button", name="确定", exact=True).click()
    refresh_until(page, row.locator("td:nth-child(5)"), "^未启用$", "刷新")
    row.get_by_role("link", name="删除").click()
    page.get_by_role("button", name="确定", exact=True).click()
    refresh_until(page, page.locator("#flow-log-table"), "没有流日志", "刷新")
    assert described(v3_sdk, cen_instance.pk) == []
