"""The whole purchase flow in 简体中文, as a person who reads only Chinese does it: the browser's
locale (Accept-Language zh-CN) picks Chinese on the first visit, every control is found by its Chinese
label, and no page shows an English word other than proper nouns, units and ids."""

import re

import pytest
from playwright.sync_api import expect

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.tickets import services as ticket_services
from cenconsole.tickets.models import DeletionTicket
from tests.e2e.top_bar import account_menu
from tests.factories import PASSWORD as FACTORY_PASSWORD
from tests.factories import CenInstanceFactory, support_staff

pytestmark = pytest.mark.django_db(transaction=True)

USERNAME = "zhangwei"
PASSWORD = "Yunqiye-2026-demo"
STAFF = "kefu"
# Words a Chinese page may show: proper nouns, units and formats the Chinese console keeps in English
# (AccessKey Secret, API, SDK, CLI, Terraform), the other language's name in the switch, the letters of
# 互通区域A / 互通区域B, the http:// of the name rules, and the usernames.
ALLOWED_WORDS = {"CEN", "VPC", "USD", "Mbps", "Kbps", "UTC", "ID", "CSV", "English", "A", "B", "http", "https"}
ALLOWED_WORDS |= {"AccessKey", "Secret", "API", "SDK", "CLI", "Terraform", USERNAME, STAFF}
# The reserved tag prefixes, as typed (Create CEN Instance's tag rows say a tag cannot start with them).
ALLOWED_WORDS |= {"aliyun", "acs"}
# A transit router's page: its QoS策略 tab (the Chinese console keeps QoS).
ALLOWED_WORDS |= {"QoS"}
# Ids: cen-..., cenbwp-..., vpc-..., rg-..., orders and tickets by number.
# Identifiers and the user's own data (email addresses) are not words of the console.
IDS = re.compile(r"\b(?:(?:cen|cenbwp|vpc|rg)-[a-z0-9]+|TK\d+)\b|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "locale": "zh-CN"}


def english_words(page) -> list[str]:
    text = IDS.sub(" ", page.inner_text("body"))
    return [word for word in WORD.findall(text) if word not in ALLOWED_WORDS]


def assert_chinese(page):
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    words = english_words(page)
    assert words == [], f"{page.url}: {words}"


def test_a_chinese_reader_buys_a_package_and_follows_it_to_deletion(page, live_server):
    base = live_server.url

    # 注册: the first visit is in Chinese because the browser asks for it.
    page.goto(f"{base}/accounts/signup/")
    assert_chinese(page)
    page.get_by_label("用户名").fill(USERNAME)
    page.get_by_label("邮箱").fill(f"{USERNAME}@example.com")
    page.get_by_label("密码", exact=True).fill(PASSWORD)
    page.get_by_label("密码确认").fill(PASSWORD)
    page.get_by_role("button", name="注册").click()
    page.wait_for_url(f"{base}/cen/instances/")
    expect(page.locator("#balance")).to_have_text("USD 10,000.00")
    assert_chinese(page)

    # 创建云企业网实例.
    page.get_by_role("link", name="创建云企业网实例").first.click()
    assert_chinese(page)
    page.get_by_label("名称", exact=True).fill("生产网络")
    page.get_by_role("button", name="确定").click()
    # The dialog's OK reloads the Instances page (HX-Redirect): wait for the new row before going on.
    expect(page.get_by_role("row").filter(has_text="生产网络")).to_be_visible()
    assert_chinese(page)

    # 实例 → 管理 → 带宽包 → 购买带宽包（包年包月）.
    page.get_by_role("row").filter(has_text="生产网络").get_by_role("link", name="管理").click()
    assert_chinese(page)
    page.get_by_role("tab", name="带宽包").click()
    expect(page.get_by_role("tab", name="带宽包")).to_have_attribute("aria-selected", "true")
    assert_chinese(page)
    page.get_by_role("link", name="购买带宽包（包年包月）").click()
    expect(page.get_by_role("heading", name="购买带宽包（包年包月）")).to_be_visible()
    assert_chinese(page)

    # The form by its Chinese labels; the cross-border notice and agreement are in Chinese.
    page.get_by_label("互通区域A").select_option(label="中国内地")
    page.get_by_label("互通区域B").select_option(label="北美")
    expect(page.locator("#area-b-regions")).to_have_text("包含地域： 美国（硅谷）、美国（弗吉尼亚）")
    expect(page.locator("#cross-border-notice")).to_contain_text("中国联通")
    page.get_by_label("带宽", exact=True).fill("10")
    page.get_by_label("名称", exact=True).fill("跨境带宽")
    page.get_by_label("购买时长").select_option(label="1个月")
    page.get_by_label(re.compile("我已阅读并同意《跨境服务协议》")).check()
    page.get_by_label("我已阅读并同意《服务条款》").check()
    expect(page.locator("#quote-total")).to_have_text("USD 1,600.00")
    assert_chinese(page)
    page.get_by_role("button", name="立即购买").click()

    # 确认订单 → 支付 → 支付成功.
    expect(page.get_by_role("heading", name="确认订单")).to_be_visible()
    assert_chinese(page)
    page.get_by_role("button", name="支付", exact=True).click()
    expect(page.get_by_role("heading", name="支付成功")).to_be_visible()
    assert_chinese(page)
    package_id = page.locator("#new-package-id").inner_text()
    page.get_by_role("link", name="返回带宽包").click()
    row = page.get_by_role("row").filter(has_text=package_id)
    for text in ["跨境带宽", "中国内地 ↔ 北美", "10 Mbps", "包年包月", "使用中"]:
        expect(row).to_contain_text(text)
    expect(page.locator("#balance")).to_have_text("USD 8,400.00")
    assert_chinese(page)

    # 网络实例: attach two VPCs, then 设置跨地域连接 between their regions.
    page.get_by_role("tab", name="网络实例").click()
    assert_chinese(page)
    for name, region in [("杭州业务", "华东1（杭州）"), ("硅谷业务", "美国（硅谷）")]:
        page.get_by_role("link", name="加载网络实例").click()
        assert_chinese(page)
        page.get_by_label("地域", exact=True).select_option(label=region)
        page.get_by_label("名称", exact=True).fill(name)
        page.get_by_role("button", name="确定", exact=True).click()
        expect(page.locator("#network-table").get_by_role("row", name=name)).to_be_visible()
    assert_chinese(page)
    page.get_by_role("tab", name="跨地域连接").click()
    page.get_by_role("link", name="设置跨地域连接").click()
    assert_chinese(page)
    page.get_by_label("本端地域", exact=True).select_option(label="华东1（杭州）")
    page.get_by_label("对端地域", exact=True).select_option(label="美国（硅谷）")
    page.get_by_label("带宽", exact=True).fill("4")
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator("#connection-table").get_by_role("row", name="华东1（杭州） ↔ 美国（硅谷）")).to_contain_text(
        "4 Mbps"
    )
    assert_chinese(page)

    # 续费: three more months, paid on the Renew page (支付).
    page.get_by_role("tab", name="带宽包").click()
    page.get_by_role("row").filter(has_text=package_id).get_by_role("link", name="续费", exact=True).click()
    assert_chinese(page)
    page.get_by_label("购买时长").select_option(label="3个月")
    page.get_by_label("我已阅读并同意《服务条款》").check()
    page.get_by_role("button", name="支付", exact=True).click()
    expect(page.get_by_role("heading", name="支付成功")).to_be_visible()
    assert_chinese(page)
    page.get_by_role("link", name="返回带宽包").click()

    # 申请删除 → 提交工单; staff reject it with a note in Chinese, which the user reads.
    row = page.get_by_role("row").filter(has_text=package_id)
    row.get_by_text("更多", exact=True).click()  # 申请删除 is under the row's More (更多) menu
    row.get_by_role("link", name="申请删除").click()
    assert_chinese(page)
    page.get_by_label("原因").fill("项目已结束，不再需要跨境连接。")
    page.get_by_role("button", name="提交工单").click()
    assert_chinese(page)
    ticket = DeletionTicket.objects.get(package_id=package_id)
    ticket_services.ticket_reject(ticket_id=ticket.pk, staff=support_staff(STAFF), note="请先删除跨地域连接后再申请。")
    page.locator("nav.sidenav").get_by_role("link", name="工单", exact=True).click()
    assert_chinese(page)
    page.get_by_role("row").filter(has_text=package_id).get_by_role("link").first.click()
    expect(page.locator("body")).to_contain_text("请先删除跨地域连接后再申请。")
    expect(page.locator("body")).to_contain_text("已拒绝")
    assert_chinese(page)

    # The other pages of the navigation and the top bar.
    for name in ["带宽包", "订单", "账单"]:
        page.locator("nav.sidenav").get_by_role("link", name=name, exact=True).click()
        assert_chinese(page)
    for name in ["账号", "AccessKey 管理"]:
        account_menu(page).get_by_role("link", name=name, exact=True).click()
        assert_chinese(page)
    assert BandwidthPackage.objects.get().name == "跨境带宽"

    # The switch: English, remembered, on the same URL.
    url = page.url
    page.get_by_role("button", name="English").click()
    expect(page).to_have_url(url)
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(account_menu(page).get_by_role("link", name="AccessKey Management")).to_be_visible()


# The route map and health check pages keep the Chinese console's own English: VBR, IP, AS Path,
# Community, BGP; their ids (vbr-..., cenrmap-...) are the user's data.
ROUTING_WORDS = ALLOWED_WORDS | {"VBR", "IP", "AS", "Path", "Community", "BGP"}
ROUTING_IDS = re.compile(r"(?:vbr|cenrmap)-[a-z0-9]+")


def assert_chinese_routing(page):
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    text = ROUTING_IDS.sub(" ", IDS.sub(" ", page.inner_text("body")))
    words = [word for word in WORD.findall(text) if word not in ROUTING_WORDS]
    assert words == [], f"{page.url}: {words}"


def test_a_chinese_reader_adds_a_route_map_and_sets_a_health_check(page, live_server, user):
    """路由策略 and 健康检查 in Chinese: every page of the two, found and filled by Chinese labels."""
    cen_instance = CenInstanceFactory(owner=user, name="路由", description="测试")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("用户名").fill(user.username)
    page.get_by_label("密码").fill(FACTORY_PASSWORD)
    page.get_by_role("button", name="登录", exact=True).click()
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="管理").click()
    page.get_by_role("tab", name="路由策略").click()
    assert_chinese_routing(page)
    page.get_by_role("link", name="添加路由策略").click()
    assert_chinese_routing(page)
    page.get_by_label("地域", exact=True).select_option(label="华东1（杭州）")
    page.get_by_role("button", name="确定").click()  # no priority yet
    expect(page.locator("#error-summary")).to_be_visible()
    assert_chinese_routing(page)  # the refusal too
    page.get_by_label("策略优先级", exact=True).fill("10")
    page.get_by_label("BGP路由").check()
    page.get_by_role("button", name="确定").click()
    expect(page.locator("#route-map-table")).to_contain_text("入地域网关方向")
    assert_chinese_routing(page)

    page.get_by_role("navigation", name="云企业网").get_by_role("link", name="健康检查").click()
    assert_chinese_routing(page)
    page.get_by_role("link", name="设置健康检查").click()
    assert_chinese_routing(page)
    page.get_by_label("边界路由器 VBR").fill("vbr-chinese0001")
    page.get_by_label("目标IP").fill("10.0.0.2")
    page.get_by_role("button", name="确定").click()
    expect(page.locator("#health-check-table")).to_contain_text("vbr-chinese0001")
    assert_chinese_routing(page)
