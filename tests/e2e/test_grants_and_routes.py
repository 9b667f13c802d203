"""Grants and routes through the console, as people click: a second account grants its VPC to the first
account's CEN instance (CEN Cross-account Authorization), the first attaches it with Attach Network
Instance's Different Account tab and detaches it, the grant is revoked; a custom route is published and
withdrawn on the Route Information tab. Each step is read back through Alibaba Cloud's V3 SDK; the grant
and the attach again in Chinese."""

import re
import urllib.parse

import pytest
from alibabacloud_cbn20170912 import models
from playwright.sync_api import expect

from cenconsole.accounts.uids import account_uid
from cenconsole.api import services as api_services
from cenconsole.networks import services as network_services
from cenconsole.networks.routes import route_table_id
from tests.api.conftest import sdk_v3_client
from tests.e2e.test_layout import set_language
from tests.factories import CenInstanceFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

GRANTING_KEY_ID, GRANTING_SECRET = "LTAI5tTestKey00000000077", "TestSecret0000000000000000000g"
VPC_ID = "vpc-e2egranted"


@pytest.fixture
def granting(live_server, v3_sdk):
    """The second account, with its own V3 SDK (the granting side's read-back)."""
    account = UserFactory()
    api_services.access_key_ensure(owner=account, access_key_id=GRANTING_KEY_ID, secret=GRANTING_SECRET)
    client = sdk_v3_client(urllib.parse.urlsplit(live_server.url).netloc, GRANTING_KEY_ID, GRANTING_SECRET)
    return account, client


def grants_of_vpc(sdk) -> list[dict]:
    request = models.DescribeGrantRulesToResourceRequest(
        product_type="VPC", resource_id=VPC_ID, region_id="cn-hangzhou"
    )
    return sdk.call("describe_grant_rules_to_resource", request)["GrantRules"]


def grants_to_cen(sdk, cen_id) -> list[dict]:
    answer = sdk.call("describe_grant_rules_to_cen", models.DescribeGrantRulesToCenRequest(cen_id=cen_id))
    return answer["GrantRules"]["GrantRule"]


def attached(sdk, cen_id) -> list[dict]:
    request = models.DescribeCenAttachedChildInstancesRequest(cen_id=cen_id)
    return sdk.call("describe_cen_attached_child_instances", request)["ChildInstances"]["ChildInstance"]


def switch_account(page, sign_in, account):
    page.context.clear_cookies()
    sign_in(account)


def test_a_granted_vpc_attached_with_different_account_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk, granting):
    """Grant, Attach (Different Account), Detach and Revoke in the console; both SDKs see each step."""
    granting_account, granting_sdk = granting
    cen_instance = CenInstanceFactory(owner=user, name="grantee")
    sign_in(granting_account)
    page.get_by_role("link", name="Cross-account Authorization", exact=True).click()
    expect(page.get_by_role("heading", name="CEN Cross-account Authorization")).to_be_visible()
    page.get_by_role("link", name="CEN Cross-account Authorization").click()
    page.get_by_label("Region", exact=True).select_option(label="China (Hangzhou)")
    page.get_by_label("Network Instance ID").fill(VPC_ID)
    page.get_by_label("Peer Account CEN ID").fill(cen_instance.pk)
    page.get_by_label("Peer Account UID").fill(str(account_uid(user.pk)))
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("is granted to CEN instance")
    expect(page.locator("#grant-table")).to_contain_text(cen_instance.pk)
    (made,) = grants_of_vpc(granting_sdk)
    assert (made["CenId"], made["CenOwnerId"]) == (cen_instance.pk, account_uid(user.pk))
    (received,) = grants_to_cen(v3_sdk, cen_instance.pk)
    assert (received["ChildInstanceId"], received["ChildInstanceOwnerId"]) == (VPC_ID, account_uid(granting_account.pk))

    switch_account(page, sign_in, user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("link", name="Attach Network Instance").click()
    page.get_by_role("link", name="Different Account", exact=True).click()
    page.get_by_label("Peer Account UID").fill(str(account_uid(granting_account.pk)))
    page.get_by_label("Region", exact=True).select_option(label="China (Hangzhou)")
    page.get_by_role("textbox", name="Networks", exact=True).fill(VPC_ID)
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("was attached")
    row = page.locator("#network-table tbody tr", has_text=VPC_ID)
    expect(row).to_contain_text(f"Account {account_uid(granting_account.pk)}")
    (child,) = attached(v3_sdk, cen_instance.pk)
    assert (child["ChildInstanceId"], child["ChildInstanceOwnerId"]) == (VPC_ID, account_uid(granting_account.pk))

    row.get_by_role("button", name="Detach").click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("was detached")
    assert attached(v3_sdk, cen_instance.pk) == []

    switch_account(page, sign_in, granting_account)
    page.get_by_role("link", name="Cross-account Authorization", exact=True).click()
    page.locator("#grant-table tbody tr", has_text=VPC_ID).get_by_role("link", name="Revoke").click()
    expect(page.get_by_role("heading", name="Revoke Grant")).to_be_visible()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("was revoked")
    assert grants_of_vpc(granting_sdk) == []
    assert grants_to_cen(v3_sdk, cen_instance.pk) == []


def published_status(sdk, network, destination) -> str:
    request = models.DescribePublishedRouteEntriesRequest(
        cen_id=network.cen_instance_id,
        child_instance_id=network.instance_id,
        child_instance_region_id=network.region_id,
        child_instance_type="VPC",
        destination_cidr_block=destination,
    )
    (entry,) = sdk.call("describe_published_route_entries", request)["PublishedRouteEntries"]["PublishedRouteEntry"]
    return entry["PublishStatus"]


def test_a_route_published_and_withdrawn_read_back_by_the_v3_sdk(page, sign_in, user, v3_sdk):
    """Publish, then Withdraw, on the Route Information tab; the V3 SDK sees each publish status."""
    cen_instance = CenInstanceFactory(owner=user, name="routes")
    network = network_services.network_instance_attach(
        owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="web"
    )
    route = {
        "owner": user,
        "cen_instance_id": cen_instance.pk,
        "vpc_id": network.instance_id,
        "region_code": "cn-hangzhou",
        "route_table_id": route_table_id(network),
        "destination_cidr": "192.168.50.0/24",
    }
    network_services.route_entry_publish(**route)
    network_services.route_entry_withdraw(**route)  # a custom route to an ECS instance, not published
    assert published_status(v3_sdk, network, "192.168.50.0/24") == "NonPublished"

    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()
    page.get_by_role("tab", name="Route Information").click()
    row = page.locator("#route-entry-table tbody tr", has_text="192.168.50.0/24")
    expect(row).to_contain_text("Non-published")
    row.get_by_role("link", name="Publish").click()
    expect(page.get_by_role("heading", name="Publish Route")).to_be_visible()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("was published to the CEN instance")
    expect(row.locator("td:nth-child(4)")).to_have_text(re.compile(r"^\s*Published\s*$"))
    assert published_status(v3_sdk, network, "192.168.50.0/24") == "Published"

    row.get_by_role("link", name="Withdraw").click()
    expect(page.get_by_role("heading", name="Withdraw Route")).to_be_visible()
    page.get_by_role("button", name="OK", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("was withdrawn from the CEN instance")
    expect(row).to_contain_text("Non-published")
    assert published_status(v3_sdk, network, "192.168.50.0/24") == "NonPublished"


def test_grant_and_different_account_attach_in_chinese(page, sign_in, live_server, user, v3_sdk, granting):
    """In Chinese: CEN跨账号授权 grants the VPC, 跨账号 attaches it; the V3 SDK sees both."""
    granting_account, granting_sdk = granting
    cen_instance = CenInstanceFactory(owner=user, name="grantee")
    sign_in(granting_account)
    set_language(page, live_server, "zh-hans")
    page.reload()
    page.get_by_role("link", name="跨账号授权", exact=True).click()
    expect(page.get_by_role("heading", name="CEN跨账号授权")).to_be_visible()
    page.get_by_role("link", name="CEN跨账号授权").click()
    page.get_by_label("地域", exact=True).select_option(label="华东1（杭州）")
    page.get_by_label("网络实例ID").fill(VPC_ID)
    page.get_by_label("对方账号CEN ID").fill(cen_instance.pk)
    page.get_by_label("对方账号UID").fill(str(account_uid(user.pk)))
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator(".messages, [role=alert]").first).to_contain_text("授权给云企业网实例")
    assert [rule["CenId"] for rule in grants_of_vpc(granting_sdk)] == [cen_instance.pk]

    page.context.clear_cookies()
    sign_in(user)
    set_language(page, live_server, "zh-hans")
    page.goto(f"{live_server.url}/cen/instances/{cen_instance.pk}/networks/")
    page.get_by_role("link", name="加载网络实例").click()
    page.get_by_role("link", name="跨账号", exact=True).click()
    page.get_by_label("对方账号UID").fill(str(account_uid(granting_account.pk)))
    page.get_by_label("地域", exact=True).select_option(label="华东1（杭州）")
    page.get_by_role("textbox", name="网络实例", exact=True).fill(VPC_ID)
    page.get_by_role("button", name="确定", exact=True).click()
    expect(page.locator("#network-table")).to_contain_text(VPC_ID)
    (child,) = attached(v3_sdk, cen_instance.pk)
    assert child["ChildInstanceOwnerId"] == account_uid(granting_account.pk)
