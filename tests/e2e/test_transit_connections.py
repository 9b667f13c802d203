"""A transit router's VBR, VPN and ECR connections through the Transit Router tab, as a person clicks:
Create … Connection from the router's More menu, Attaching then Attached, Modify, Delete; each step read
back through Alibaba Cloud's V3 SDK (ListTransitRouterVbr/Vpn/EcrAttachments), which sees the same
connection. Then a VBR connection made and deleted in Chinese."""

import pytest
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from cenconsole.transit import services
from tests.e2e.test_layout import set_language
from tests.e2e.test_transit_routers import refresh_until, router_row
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)

# kind: (the resource, the label of its ID on Create Connection)
KINDS = {
    "Vbr": ("vbr-console0001", "VBR ID"),
    "Vpn": ("vco-console0001", "IPsec-VPN Connection ID"),
    "Ecr": ("ecr-console0001", "ECR ID"),
}


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def listed(v3_sdk, kind, cen_id) -> list[dict]:
    """List…Attachments of the CEN instance: the V3 SDK's view of the connections of `kind`."""
    request = getattr(models, f"ListTransitRouter{kind}AttachmentsRequest")(cen_id=cen_id)
    answer = v3_sdk.call(f"list_transit_router_{kind.lower()}_attachments", request)
    return answer.get("TransitRouterAttachments") or []


def open_tab(page, cen_instance):
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Transit Router").click()
    expect(page.get_by_role("tab", name="Transit Router")).to_have_attribute("aria-selected", "true")


def test_vbr_vpn_and_ecr_connections_through_the_console_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk):
    """Create, Modify and Delete a VBR, a VPN and an ECR connection; the V3 SDK sees each change."""
    cen_instance = CenInstanceFactory(owner=user, name="hybrid")
    services.transit_router_create(owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    sign_in(user)
    open_tab(page, cen_instance)
    row = router_row(page, "China (Hangzhou)")
    refresh_until(page, row.locator("td:nth-child(4)"), "^Active$")

    for kind, (resource_id, label) in KINDS.items():
        title = f"Create {kind.upper()} Connection"
        row.get_by_text("More").click()
        row.get_by_role("link", name=title).click()
        expect(page.get_by_role("heading", name=title)).to_be_visible()
        page.get_by_label(label).fill(resource_id)
        page.get_by_label("Name", exact=True).fill(f"{kind} office")
        page.get_by_role("button", name="OK", exact=True).click()
        expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being connected")
        connection = row.locator(".transit-product-connection", has_text=resource_id)
        refresh_until(page, connection.locator(".status"), "^Attached$")
        (made,) = listed(v3_sdk, kind, cen_instance.pk)
        assert (made[f"{kind}Id"], made["TransitRouterAttachmentName"], made["Status"]) == (
            resource_id,
            f"{kind} office",
            "Attached",
        )

        connection.get_by_role("link", name="Modify").click()
        expect(page.get_by_role("heading", name=f"Modify {kind.upper()} Connection")).to_be_visible()
        expect(page.get_by_label("Name", exact=True)).to_have_value(f"{kind} office")
        page.get_by_label("Name", exact=True).fill(f"{kind} branch")
        page.get_by_label("Description").fill("through the console")
        page.get_by_role("button", name="OK", exact=True).click()
        expect(page.locator(".messages, [role=alert]").first).to_contain_text("is modified")
        (modified,) = listed(v3_sdk, kind, cen_instance.pk)
        assert (modified["TransitRouterAttachmentId"], modified["TransitRouterAttachmentName"]) == (
            made["TransitRouterAttachmentId"],
            f"{kind} branch",
        )
        assert modified["TransitRouterAttachmentDescription"] == "through the console"

        connection.get_by_role("link", name="Delete").click()
        expect(page.get_by_role("heading", name=f"Delete {kind.upper()} Connection")).to_be_visible()
        page.get_by_role("button", name="OK", exact=True).click()
        expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being deleted")
        refresh_until(page, row.locator("td:nth-child(5)"), "^-$")
        assert listed(v3_sdk, kind, cen_instance.pk) == []


def test_a_chinese_reader_connects_and_deletes_a_vbr(page, sign_in, user, v3_sdk, live_server):
    """创建VBR连接 and 删除 in Chinese: found by their Chinese names, read back by the V3 SDK."""
    cen_instance = CenInstanceFactory(owner=user, name="混合云")
    services.transit_router_create(owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou")
    sign_in(user)
    set_language(page, live_server, "zh-hans")
    page.reload()
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="管理").click()
    page.get_by_role("tab", name="转发路由器").click()
    row = page.locator("#transit-router-table tbody tr", has_text="华东1（杭州）")
    for _ in range(20):  # 创建中 -> 可用
        if row.get_by_text("更多", exact=True).count():
            break
        page.wait_for_timeout(300)
        page.reload()

    row.get_by_text("更多", exact=True).click()
    row.get_by_role("link", name="创建VBR连接").click()
    expect(page.get_by_role("heading", name="创建VBR连接")).to_be_visible()
    page.get_by_label("VBR实例ID").fill("vbr-chinese0001")
    page.get_by_label("名称", exact=True).fill("北京专线")
    page.get_by_label("关联至转发路由器的默认路由表").check()
    page.get_by_role("button", name="确定", exact=True).click()
    connection = row.locator(".transit-product-connection", has_text="vbr-chinese0001")
    expect(connection).to_contain_text("北京专线")
    (made,) = listed(v3_sdk, "Vbr", cen_instance.pk)
    assert (made["VbrId"], made["TransitRouterAttachmentName"]) == ("vbr-chinese0001", "北京专线")

    for _ in range(20):  # 连接中 -> 已连接
        if connection.get_by_role("link", name="删除").count():
            break
        page.wait_for_timeout(300)
        page.reload()
    connection.get_by_role("link", name="删除").click()
    expect(page.get_by_role("heading", name="删除VBR连接")).to_be_visible()
    page.get_by_role("button", name="确定", exact=True).click()  # refused: it is associated with a route table
    expect(page.get_by_role("alert")).to_contain_text(made["TransitRouterAttachmentId"])
    page.get_by_label("强制删除", exact=False).check()
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("正在删除连接")
    remaining = listed(v3_sdk, "Vbr", cen_instance.pk)
    assert [each["Status"] for each in remaining] in ([], ["Detaching"])
