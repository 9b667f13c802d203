"""Traffic marking policies and QoS policies through the transit router page, as a person clicks:
Create Traffic Marking Policy, Add Traffic Classification Rule, Modify, Delete; Create QoS Policy on the
inter-region connection, Add Queue, Modify the queue, Delete; each step read back through Alibaba Cloud's
V3 SDK (ListTrafficMarkingPolicies, ListCenInterRegionTrafficQosPolicies). Then a shorter flow in 简体中文."""

import re
import time

import pytest
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from cenconsole.transit import services as transit_services
from tests.e2e.test_layout import set_language
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


def refresh_until(page, locator, text, refresh="Refresh"):
    """Clicks Refresh until locator shows text (Creating -> Active), or times out."""
    for _ in range(20):
        if re.search(text, locator.inner_text()):
            return
        page.wait_for_timeout(300)
        page.get_by_role("link", name=refresh, exact=True).click()
    expect(locator).to_contain_text(re.compile(text))


def router_with_connection(user):
    """An Active Hangzhou transit router with an Attached inter-region connection to Shanghai."""
    cen_instance = CenInstanceFactory(owner=user, name="qos")
    routers = [
        transit_services.transit_router_create(owner=user, cen_instance_id=cen_instance.pk, region_code=region)
        for region in ("cn-hangzhou", "cn-shanghai")
    ]
    time.sleep(1.2)
    connection = transit_services.peer_attachment_create(
        owner=user,
        transit_router_id=routers[0].pk,
        peer_transit_router_id=routers[1].pk,
        bandwidth=100,
        bandwidth_type="DataTransfer",
    )
    time.sleep(1.2)
    return cen_instance, routers[0], connection


def marking_policies(v3_sdk, router_id) -> list[dict]:
    request = models.ListTrafficMarkingPoliciesRequest(transit_router_id=router_id)
    return v3_sdk.call("list_traffic_marking_policies", request)["TrafficMarkingPolicies"]


def qos_policies(v3_sdk, router_id) -> list[dict]:
    request = models.ListCenInterRegionTrafficQosPoliciesRequest(transit_router_id=router_id)
    return v3_sdk.call("list_cen_inter_region_traffic_qos_policies", request)["TrafficQosPolicies"]


def test_marking_and_qos_policies_through_the_console_read_back_by_the_v3_sdk(page, live_server, sign_in, user, v3_sdk):
    """Marking policy with a rule, QoS policy with a queue: made, modified and deleted in the console."""
    cen_instance, router, connection = router_with_connection(user)
    sign_in(user)
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/transit-routers/{router.pk}/")
    page.get_by_role("tab", name="Traffic Marking Policy").click()
    expect(page.get_by_role("tab", name="Traffic Marking Policy")).to_have_attribute("aria-selected", "true")

    page.get_by_role("link", name="Create Traffic Marking Policy").click()
    page.get_by_label("Policy Name").fill("voice")
    page.get_by_label("Priority").fill("5")
    page.get_by_label("DSCP Value").fill("46")
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is being created")
    row = page.locator("#marking-policy-table tbody tr").first
    refresh_until(page, row.locator("td:nth-child(4)"), "^Active$")
    (made,) = marking_policies(v3_sdk, router.pk)
    assert (made["TrafficMarkingPolicyName"], made["Priority"], made["MarkingDscp"]) == ("voice", 5, 46)

    row.get_by_role("link", name="Add Traffic Classification Rule").click()
    page.get_by_label("Rule Name").fill("sip")
    page.get_by_label("Protocol").select_option("UDP")
    page.get_by_label("Source CIDR Block").fill("10.0.0.0/16")
    page.get_by_label("Destination Port").fill("5060")
    page.get_by_role("button", name="OK", exact=True).click()
    rule_row = page.locator("table.match-rules tbody tr").first
    refresh_until(page, rule_row.locator("td:nth-child(6)"), "^Active$")
    (rule,) = marking_policies(v3_sdk, router.pk)[0]["TrafficMatchRules"]
    assert (rule["TrafficMatchRuleName"], rule["Protocol"], rule["SrcCidr"]) == ("sip", "UDP", "10.0.0.0/16")
    assert rule["DstPortRange"] == [5060, 5060]

    refresh_until(page, row.locator("td:nth-child(4)"), "^Active$")
    row.get_by_role("link", name="Modify").click()
    expect(page.get_by_label("Policy Name")).to_have_value("voice")
    page.get_by_label("Policy Name").fill("voice-and-video")
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, row.locator("td:nth-child(4)"), "^Active$")
    assert marking_policies(v3_sdk, router.pk)[0]["TrafficMarkingPolicyName"] == "voice-and-video"

    # QoS Policy tab: a policy on the inter-region connection, and a queue for DSCP 46.
    page.get_by_role("tab", name="QoS Policy").click()
    page.get_by_role("link", name="Create QoS Policy").click()
    page.get_by_label("Inter-region Connection").select_option(connection.pk)
    page.get_by_label("Policy Name").fill("wan")
    page.get_by_role("button", name="OK", exact=True).click()
    policy_row = page.locator("#qos-policy-table tbody tr").first
    refresh_until(page, policy_row.locator("td:nth-child(4)"), "^Active$")
    (policy,) = qos_policies(v3_sdk, router.pk)
    assert (policy["TransitRouterAttachmentId"], policy["TrafficQosPolicyName"]) == (connection.pk, "wan")

    policy_row.get_by_role("link", name="Add Queue").click()
    page.get_by_label("Queue Name").fill("realtime")
    page.get_by_label("DSCP Value").fill("46")
    page.get_by_label("Bandwidth Percentage").fill("30")
    page.get_by_role("button", name="OK", exact=True).click()
    queue_row = page.locator("table.qos-queues tbody tr").first
    refresh_until(page, policy_row.locator("td:nth-child(4)"), "^Active$")
    (queue,) = qos_policies(v3_sdk, router.pk)[0]["TrafficQosQueues"]
    assert (queue["QosQueueName"], queue["Dscps"], queue["RemainBandwidthPercent"]) == ("realtime", [46], 30)

    queue_row.get_by_role("link", name="Modify").click()
    page.get_by_label("Bandwidth Percentage").fill("50")
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, policy_row.locator("td:nth-child(4)"), "^Active$")
    refresh_until(page, queue_row.locator("td:nth-child(4)"), "^Active$")
    assert qos_policies(v3_sdk, router.pk)[0]["TrafficQosQueues"][0]["RemainBandwidthPercent"] == 50

    queue_row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("table.qos-queues"), re.escape("No queues"))
    refresh_until(page, policy_row.locator("td:nth-child(4)"), "^Active$")
    assert qos_policies(v3_sdk, router.pk)[0]["TrafficQosQueues"] == []

    policy_row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#qos-policy-table"), re.escape("has no QoS policies"))
    assert qos_policies(v3_sdk, router.pk) == []

    # Back on the marking tab: delete the rule, then the policy.
    page.get_by_role("tab", name="Traffic Marking Policy").click()
    page.locator("table.match-rules tbody tr").first.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("table.match-rules"), re.escape("No traffic classification rules"))
    assert marking_policies(v3_sdk, router.pk)[0]["TrafficMatchRules"] == []
    refresh_until(page, row.locator("td:nth-child(4)"), "^Active$")
    row.get_by_role("link", name="Delete").click()
    page.get_by_role("button", name="OK", exact=True).click()
    refresh_until(page, page.locator("#marking-policy-table"), re.escape("has no traffic marking policies"))
    assert marking_policies(v3_sdk, router.pk) == []


def test_marking_and_qos_policies_in_chinese(page, live_server, sign_in, user, v3_sdk):
    """The same tabs in 简体中文: a marking policy and a QoS policy with a queue, found by Chinese labels."""
    cen_instance, router, connection = router_with_connection(user)
    sign_in(user)
    set_language(page, live_server, "zh-hans")
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/transit-routers/{router.pk}/")
    page.get_by_role("tab", name="流量标记策略").click()
    page.get_by_role("link", name="创建流量标记策略").click()
    page.get_by_label("策略名称").fill("语音")
    page.get_by_label("策略优先级").fill("9")
    page.get_by_label("DSCP值").fill("34")
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("正在创建")
    refresh_until(
        page, page.locator("#marking-policy-table tbody tr").first.locator("td:nth-child(4)"), "^可用$", "刷新"
    )
    (made,) = marking_policies(v3_sdk, router.pk)
    assert (made["TrafficMarkingPolicyName"], made["Priority"], made["MarkingDscp"]) == ("语音", 9, 34)

    page.get_by_role("tab", name="QoS策略").click()
    page.get_by_role("link", name="创建QoS策略").click()
    page.get_by_label("跨地域连接").select_option(connection.pk)
    page.get_by_role("button", name="确定", exact=True).click()
    policy_row = page.locator("#qos-policy-table tbody tr").first
    refresh_until(page, policy_row.locator("td:nth-child(4)"), "^可用$", "刷新")
    policy_row.get_by_role("link", name="添加队列").click()
    page.get_by_label("DSCP值").fill("34")
    page.get_by_label("带宽百分比").fill("20")
    page.get_by_role("button", name="确定", exact=True).click()
    refresh_until(page, policy_row.locator("td:nth-child(4)"), "^可用$", "刷新")
    (policy,) = qos_policies(v3_sdk, router.pk)
    (queue,) = policy["TrafficQosQueues"]
    assert (policy["TransitRouterAttachmentId"], queue["Dscps"], queue["RemainBandwidthPercent"]) == (
        connection.pk,
        [34],
        20,
    )
