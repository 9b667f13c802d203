"""Multicast through the console, as a person clicks: a transit router created with Enable Multicast, its
Multicast tab (Create Multicast Domain, Modify, Delete) and the domain's page (Associate vSwitch, Add
Multicast Source, Add Multicast Member, their Delete, Disassociate); each step read back through Alibaba
Cloud's V3 SDK, which sees the same resources. Then the same tab and dialogs in Chinese."""

import re

import pytest
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from cenconsole.transit import services as transit_services
from tests.e2e.test_chinese import ALLOWED_WORDS, IDS, WORD
from tests.e2e.test_layout import set_language
from tests.e2e.test_transit_routers import connect_vpc, refresh_until, router_row
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)

GROUP = "239.0.0.8"


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def domains(v3_sdk, cen_id) -> list[dict]:
    request = models.ListTransitRouterMulticastDomainsRequest(cen_id=cen_id)
    return v3_sdk.call("list_transit_router_multicast_domains", request)["TransitRouterMulticastDomains"]


def associations(v3_sdk, domain_id) -> list[dict]:
    request = models.ListTransitRouterMulticastDomainAssociationsRequest(transit_router_multicast_domain_id=domain_id)
    answer = v3_sdk.call("list_transit_router_multicast_domain_associations", request)
    return answer["TransitRouterMulticastAssociations"]


def groups(v3_sdk, domain_id) -> list[dict]:
    request = models.ListTransitRouterMulticastGroupsRequest(transit_router_multicast_domain_id=domain_id)
    return v3_sdk.call("list_transit_router_multicast_groups", request)["TransitRouterMulticastGroups"]


def add_group_resource(page, button, eni_id):
    page.get_by_role("link", name=button).click()
    expect(page.get_by_role("heading", name=button)).to_be_visible()
    page.get_by_label("Multicast Group IP Address").fill(GROUP)
    page.get_by_label("VPC", exact=True).select_option("vpc-mcconsole01")
    page.get_by_label("ENI").fill(eni_id)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being added to group")


def test_multicast_through_the_console_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk):
    """A domain, its vSwitch, a source and a member made, changed and removed in the console; the V3 SDK
    sees each step."""
    cen_instance = CenInstanceFactory(owner=user, name="multicast")
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Transit Router").click()
    page.get_by_role("link", name="Create Transit Router").click()
    page.get_by_label("Region", exact=True).select_option(label="China (Hangzhou)")
    page.get_by_label("Enable Multicast").check()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, router_row(page, "China (Hangzhou)").locator("td:nth-child(4)"), "^Active$")
    connect_vpc(page, "China (Hangzhou)", "vpc-mcconsole01", "cn-hangzhou-h")

    router_row(page, "China (Hangzhou)").locator("a.resource-id").click()
    page.get_by_role("tab", name="Multicast").click()
    expect(page.get_by_role("tab", name="Multicast")).to_have_attribute("aria-selected", "true")
    page.get_by_role("link", name="Create Multicast Domain").click()
    page.get_by_label("Multicast Domain Name").fill("video")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being created")
    row = page.locator("#multicast-domain-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(2)"), "^Active$")
    (made,) = domains(v3_sdk, cen_instance.pk)
    assert (made["TransitRouterMulticastDomainName"], made["Status"]) == ("video", "Active")
    assert made["Options"]["Igmpv2Support"] == "disable"
    domain_id = made["TransitRouterMulticastDomainId"]

    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_label("Multicast Domain Name")).to_have_value("video")
    page.get_by_label("Multicast Domain Name").fill("video-2")
    page.get_by_label("Enable IGMPv2").check()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is modified")
    (modified,) = domains(v3_sdk, cen_instance.pk)
    assert modified["TransitRouterMulticastDomainName"] == "video-2"
    assert modified["Options"]["Igmpv2Support"] == "enable"

    page.get_by_role("link", name=domain_id, exact=True).click()
    page.get_by_role("link", name="Associate vSwitch").click()
    page.get_by_role("checkbox", name="vsw-mcconsole01").check()
    page.get_by_role("button", name="OK", exact=True).click()
    vswitches = page.locator("#multicast-association-table")
    refresh_until(page, vswitches.locator("tbody tr").first.locator("td:nth-child(4)"), "^Associated$")
    (associated,) = associations(v3_sdk, domain_id)
    assert (associated["VSwitchId"], associated["ResourceId"], associated["Status"]) == (
        "vsw-mcconsole01",
        "vpc-mcconsole01",
        "Associated",
    )

    add_group_resource(page, "Add Multicast Source", "eni-mcsource01")
    add_group_resource(page, "Add Multicast Member", "eni-mcmember01")
    table = page.locator("#multicast-group-table")
    for number in (1, 2):
        refresh_until(page, table.locator(f"tbody tr:nth-child({number}) td:nth-child(5)"), "^Registered$")
    registered = {(each["NetworkInterfaceId"], each["GroupSource"]) for each in groups(v3_sdk, domain_id)}
    assert registered == {("eni-mcsource01", True), ("eni-mcmember01", False)}

    for eni_id in ("eni-mcmember01", "eni-mcsource01"):
        table.locator("tbody tr", has_text=eni_id).get_by_role("link", name="Delete").click()
        page.get_by_role("button", name="OK", exact=True).click()
        expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being removed")
    refresh_until(page, table, "has no multicast groups")
    assert groups(v3_sdk, domain_id) == []

    vswitches.get_by_role("link", name="Disassociate").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, vswitches, "No vSwitch is associated")
    assert associations(v3_sdk, domain_id) == []

    page.get_by_role("link", name="Back").click()
    page.locator("#multicast-domain-table tbody tr").first.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#multicast-domain-table"), "has no multicast domains")
    assert domains(v3_sdk, cen_instance.pk) == []


def assert_chinese(page):
    expect(page.locator("html")).to_have_attribute("lang", "zh-hans")
    text = IDS.sub(" ", page.inner_text("body"))
    text = re.sub(r"\b(?:tr|tr-mcast-domain|eni|vsw)-[a-z0-9-]+", " ", text)
    words = [word for word in WORD.findall(text) if word not in ALLOWED_WORDS | {"IGMPv", "IP"}]
    assert words == [], f"{page.url}: {words}"


def test_a_chinese_reader_creates_modifies_and_deletes_a_multicast_domain(page, sign_in, user, live_server, v3_sdk):
    """组播 in Chinese: 创建组播域, 修改 and 删除, found by Chinese names; the V3 SDK sees each step."""
    cen_instance = CenInstanceFactory(owner=user, name="组播")
    router = transit_services.transit_router_create(
        owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", support_multicast=True
    )
    sign_in(user)
    set_language(page, live_server, "zh-hans")
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/transit-routers/{router.pk}/")
    page.get_by_role("tab", name="组播").click()
    expect(page.get_by_role("tab", name="组播")).to_have_attribute("aria-selected", "true")
    assert_chinese(page)
    page.get_by_role("link", name="创建组播域").click()
    assert_chinese(page)
    page.get_by_label("组播域名称").fill("视频")
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("正在创建组播域")
    assert_chinese(page)
    row = page.locator("#multicast-domain-table tbody tr").first
    refresh_until_chinese(page, row.locator("td:nth-child(2)"), "^可用$")
    (made,) = domains(v3_sdk, cen_instance.pk)
    assert made["TransitRouterMulticastDomainName"] == "视频"

    row.get_by_role("link", name="修改").click()
    assert_chinese(page)
    page.get_by_label("组播域描述").fill("直播")
    page.get_by_role("button", name="确定", exact=True).click()
    (modified,) = domains(v3_sdk, cen_instance.pk)
    assert modified["TransitRouterMulticastDomainDescription"] == "直播"

    page.get_by_role("link", name=made["TransitRouterMulticastDomainId"], exact=True).click()
    assert_chinese(page)
    page.get_by_role("link", name="返回").click()
    page.locator("#multicast-domain-table tbody tr").first.get_by_role("link", name="删除").click()
    assert_chinese(page)
    page.get_by_role("button", name="确定", exact=True).click()
    refresh_until_chinese(page, page.locator("#multicast-domain-table"), "没有组播域")
    assert domains(v3_sdk, cen_instance.pk) == []


def refresh_until_chinese(page, locator, text):
    """refresh_until with the Chinese Refresh (刷新)."""
    for _ in range(20):
        if re.search(text, locator.inner_text()):
            return
        page.wait_for_timeout(300)
        page.get_by_role("link", name="刷新").click()
    expect(locator).to_contain_text(re.compile(text))
