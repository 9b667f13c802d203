"""The second guided tour, "Connect two VPCs in two regions through transit routers", over the live console:
a trainee of a workshop whose scenario starts from it joins, and pressing only Next takes the tour from the
Instances page to the learned route in the China (Hangzhou) transit router's route table, in English and in
Chinese: two transit routers, a VPC connected to each (the tour's examples filled in by Next), an
inter-region connection from the scenario's bandwidth package, and the route learned over it. Where a
transit router or the connection is still on its way, the tour waits for it and carries on."""

import re

import pytest
from playwright.sync_api import expect

from cenconsole.transit import services as transit_services
from cenconsole.transit.models import TransitRouter, TransitRouterPeerAttachment, TransitRouterVpcAttachment
from cenconsole.workshops.models import Trainee
from cenconsole.workshops.selectors import board_rows
from tests.factories import CenInstanceFactory, workshop_new

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    settings.TRANSIT_TRANSITION_SECONDS = 1


WORDS = {
    "en": {"step": r"^Step \d of 5 · ", "next": "Next", "go": "Go there", "finish": "Finish", "join": "Join workshop"},
    "zh": {"step": r"^第 \d 步（共 5 步） · ", "next": "下一步", "go": "前往", "finish": "完成", "join": "加入工作坊"},
}


def popover(page, words):
    return page.get_by_role("dialog", name=re.compile(words["step"]))


def highlighted(page):
    return page.locator(".driver-active-element")


def next_to(page, words, title, limit=10):
    """Presses Next, each once the stop before has moved on, until the stop titled title."""
    heading = popover(page, words).locator(".driver-popover-title")
    description = popover(page, words).locator(".driver-popover-description")
    for _ in range(limit):
        if heading.inner_text() == title:
            return
        before = description.inner_text()
        popover(page, words).get_by_role("button", name=words["next"]).click()
        expect(description).not_to_have_text(before)
    expect(heading).to_have_text(title)


def next_to_the_end(page, words, limit=45):
    """Presses only the popover's forward button (Next, or Go there), each once the stop before has moved on,
    until the last stop (Finish); returns how many presses it took."""
    description = popover(page, words).locator(".driver-popover-description")
    forward = re.compile(f"^({words['next']}|{words['go']})$")
    shown = []
    for presses in range(1, limit + 1):
        before = description.inner_text()
        shown.append(before)
        popover(page, words).get_by_role("button", name=forward).click()
        expect(description).not_to_have_text(before, timeout=15_000)
        if popover(page, words).get_by_role("button", name=words["finish"]).is_visible():
            return presses
    raise AssertionError(f"{limit} presses of Next did not reach the learned route: " + " | ".join(shown))


def join_and_take_the_tour(page, live_server, words):
    workshop = workshop_new(scenario="transit-tour")
    page.goto(f"{live_server.url}/w/{workshop.code}/")
    page.get_by_role("button", name=words["join"]).click()
    expect(popover(page, words)).to_be_visible()  # the tour starts by itself on the Instances page
    expect(page).to_have_url(f"{live_server.url}/cen/instances/")
    return workshop, Trainee.objects.get(workshop=workshop).account


def assert_connected(account):
    routers = TransitRouter.objects.filter(owner=account)
    assert sorted(routers.values_list("region_id", flat=True)) == ["cn-hangzhou", "us-east-1"]
    vpcs = TransitRouterVpcAttachment.objects.filter(owner=account)
    assert sorted(vpcs.values_list("vpc_id", flat=True)) == ["vpc-tourhangzhou", "vpc-tourvirginia"]
    peer = TransitRouterPeerAttachment.objects.get(owner=account)
    assert (peer.transit_router.region_id, peer.bandwidth, peer.package.name) == ("cn-hangzhou", 2, "transit-tour")


def test_next_alone_connects_two_vpcs_through_transit_routers(page, live_server):
    """From the Instances page to the learned route pressing only Next; the board counts the trainee finished."""
    words = WORDS["en"]
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    workshop, account = join_and_take_the_tour(page, live_server, words)
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 1 of 5 · Manage")
    presses = next_to_the_end(page, words)
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 5 of 5 · Learned route")
    learned = page.locator('.route-entries tr[data-next-hop="TR"]')
    expect(learned).to_contain_text("vpc-tourvirginia")
    expect(learned).to_contain_text("Learned route")
    assert presses <= 45
    assert_connected(account)
    expect(page.locator(".tour-lit")).to_have_count(1)
    popover(page, words).get_by_role("button", name="Finish").click()
    expect(popover(page, words)).to_have_count(0)
    row = board_rows(workshop=workshop)[0]
    assert (row.step, row.finished) == (5, True)
    assert errors == []


def test_enter_alone_takes_the_tour_from_the_keyboard(page, live_server):
    """After joining, only Enter: each stop, on each page the tour opens, has its forward button focused, so
    a keyboard user reaches the learned route as a mouse user does."""
    words = WORDS["en"]
    workshop, account = join_and_take_the_tour(page, live_server, words)
    description = popover(page, words).locator(".driver-popover-description")
    for _ in range(45):
        before = description.inner_text()
        page.keyboard.press("Enter")
        expect(description).not_to_have_text(before, timeout=15_000)
        if popover(page, words).get_by_role("button", name=words["finish"]).is_visible():
            break
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 5 of 5 · Learned route")
    expect(popover(page, words).get_by_role("button", name=words["finish"])).to_be_focused()
    assert_connected(account)


@pytest.mark.browser_context_args(locale="zh-CN")
def test_next_alone_takes_the_tour_in_chinese(page, live_server):
    """The same tour in 简体中文: every stop in Chinese, and Next alone reaches the learned route."""
    words = WORDS["zh"]
    workshop, account = join_and_take_the_tour(page, live_server, words)
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("第 1 步（共 5 步） · 管理")
    next_to_the_end(page, words)
    expect(popover(page, words).locator(".driver-popover-title")).to_contain_text("第 5 步（共 5 步）")
    expect(page.locator('.route-entries tr[data-next-hop="TR"]')).to_contain_text("vpc-tourvirginia")
    assert_connected(account)


def test_a_creating_router_is_waited_for_and_done_work_is_passed(settings, sign_in, live_server, user):
    """Taken on the Transit Router tab whose two routers exist but are still Creating: the router stops are
    passed (done), the VPC connection's stop is shown over the router's row, waiting, and becomes Create VPC
    Connection by itself once the router is Active."""
    settings.TRANSIT_TRANSITION_SECONDS = 8
    words = WORDS["en"]
    instance = CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/transit-tour/")
    for region in ("cn-hangzhou", "us-east-1"):
        transit_services.transit_router_create(owner=user, cen_instance_id=instance.pk, region_code=region)
    page.get_by_role("link", name="Take this tour").click()
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 1 of 5 · Manage")
    popover(page, words).get_by_role("button", name="Next").click()
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 1 of 5 · Transit Router")
    popover(page, words).get_by_role("button", name="Next").click()
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 3 of 5 · Create VPC Connection")
    expect(popover(page, words)).to_contain_text("Waiting for it to be Active")
    expect(highlighted(page)).to_have_attribute("data-region", "cn-hangzhou")  # the row, still Creating
    expect(popover(page, words)).not_to_contain_text("Waiting for it to be Active", timeout=20_000)
    expect(highlighted(page)).to_have_text("Create VPC Connection")


def test_exit_pauses_and_take_the_tour_resumes_the_second_tour(sign_in, live_server, user):
    """Esc leaves the second tour; the top bar's Take the tour (which names the first tour on other pages)
    resumes the second where it was left, on the form's own page; away from the flow, Go there comes back;
    Next fills the region in; Exit leaves it again."""
    words = WORDS["en"]
    CenInstanceFactory(owner=user)
    page = sign_in(user)
    page.goto(f"{live_server.url}/transit-tour/")
    page.get_by_role("link", name="Take this tour").click()
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 1 of 5 · Manage")
    next_to(page, words, "Step 2 of 5 · Region")
    expect(page.get_by_label("Region", exact=True)).not_to_have_value("cn-hangzhou")  # not yet: Next fills it
    page.keyboard.press("Escape")
    expect(popover(page, words)).to_have_count(0)
    page.goto(f"{live_server.url}/cen/orders/")
    expect(page.get_by_role("link", name="Take the tour")).to_have_attribute("href", "/how-to-buy/")
    page.get_by_role("link", name="Take the tour").click()
    expect(page).to_have_url(re.compile(r"/transit-routers/create/$"))  # the form's own page
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 2 of 5 · Region")
    page.goto(f"{live_server.url}/cen/orders/")  # away from the flow, the tour says where its step is
    expect(popover(page, words)).to_contain_text("This step is on another page.")
    popover(page, words).get_by_role("button", name="Go there").click()
    expect(page).to_have_url(re.compile(r"/transit-routers/create/$"))
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 2 of 5 · Region")
    popover(page, words).get_by_role("button", name="Next").click()
    expect(page.get_by_label("Region", exact=True)).to_have_value("cn-hangzhou")  # filled where the user sees it
    expect(popover(page, words).locator(".driver-popover-title")).to_have_text("Step 2 of 5 · OK")
    popover(page, words).get_by_role("button", name="Exit").click()
    expect(popover(page, words)).to_have_count(0)
    assert not TransitRouter.objects.filter(owner=user).exists()


@pytest.mark.browser_context_args(java_script_enabled=False)
def test_with_javascript_off_the_transit_tour_workshop_opens_its_steps_page(page, live_server):
    """Without JavaScript, Join workshop opens the second tour's steps page, Take the tour is a link to it, and
    its links lead into the console's Transit Router tab."""
    workshop = workshop_new(scenario="transit-tour")
    page.goto(f"{live_server.url}/w/{workshop.code}/")
    page.get_by_role("button", name="Join workshop").click()
    expect(page).to_have_url(f"{live_server.url}/transit-tour/")
    expect(page.get_by_role("heading", name="Connect two VPCs in two regions through transit routers")).to_be_visible()
    for number in range(1, 6):
        expect(page.get_by_role("heading", name=f"Step {number} of 5")).to_be_visible()
    page.get_by_role("link", name="Orders").click()
    page.get_by_role("link", name="Take the tour").click()
    expect(page).to_have_url(f"{live_server.url}/transit-tour/")
    page.get_by_role("link", name=re.compile("^Open the Transit Router tab of ")).click()
    expect(page.get_by_role("tab", name="Transit Router")).to_have_attribute("aria-selected", "true")
    page.get_by_role("link", name="Create Transit Router").click()
    expect(page.get_by_label("Region", exact=True)).to_be_visible()
