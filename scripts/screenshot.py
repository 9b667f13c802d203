"""Screenshots of the purchase page at three window sizes, of the guided tour and of a workshop's board,
from a running console (`make run` first).

    .venv/bin/python scripts/screenshot.py [--url http://127.0.0.1:8000] [--out-dir docs/images]
                                           [--user NAME --password PW]
                                           [--staff-user NAME --staff-password PW]

Clicks Try the console (or signs in as --user), opens the first CEN instance (Manage) and its Bandwidth Packages tab,
clicks Buy Bandwidth Package(Subscription), fills Bandwidth and Name and saves the whole page at
1280x800, 1024x768 and 390x844 (a laptop, a small laptop or tablet, a phone) as
purchase-page-<width>.png; then, at 1280x800, clicks Take the tour there (the tour starts at step 3 on
the purchase page), moves on to the first Area and saves what the screen shows as tour.png, and the
left navigation's Bandwidth Packages list as bandwidth-packages-1280.png, the second tour's steps page as
transit-tour.png and that tour at Create Transit Router as transit-tour-stop.png, the Create CEN Instance dialog
(a name and two tag rows) as create-cen-dialog.png and the first package's Renew page (3 Months, the Terms
selected, Pay) as renew-page.png. Then, as
the staff account (--staff-user, a facilitator), creates a workshop; three trainees join it by its link
in browsers of their own (two give a name) and go different distances into the tour (steps 1, 2 and 3),
and the board is saved as workshop-board.png once it shows them; then Show the join link large, at
1280x800, as workshop-projector.png.

Between the two, each feature of the CEN page and of a transit router's page is shown as a user makes it
(route maps, health checks, multicast, grants and published routes, route tables, QoS, VBR connections,
CIDR blocks, flow logs: one function each, below); the transit routers they need are made once, through
Create Transit Router, and shared (`_router_row`), so the script runs on a fresh sandbox.
"""

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SIZES = [(1280, 800), (1024, 768), (390, 844)]


def sign_in(page, url, user, password):
    """Signs in as `user`, or makes a sandbox with Try the console when no user is named."""
    page.goto(f"{url}/accounts/login/")
    if user:
        page.get_by_label("Username").fill(user)
        page.get_by_label("Password").fill(password)
        page.get_by_role("button", name="Sign in").click()
    else:
        page.get_by_role("button", name="Try the console").click()
    page.wait_for_url("**/cen/instances/")


def fill_purchase_form(page):
    page.get_by_label("Bandwidth", exact=True).fill("10")
    page.get_by_label("Name", exact=True).fill("demo-bwp")
    page.get_by_label("Name", exact=True).blur()
    page.wait_for_load_state("networkidle")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out-dir", default="docs/images")
    parser.add_argument("--user", default="", help="sign in as this user instead of Try the console")
    parser.add_argument("--password", default="")
    parser.add_argument("--staff-user", default="admin")
    parser.add_argument("--staff-password", default="admin")
    args = parser.parse_args()
    out_dir = Path(args.out_dir)
    saved = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": SIZES[0][0], "height": SIZES[0][1]})
        sign_in(page, args.url, args.user, args.password)
        page.get_by_role("link", name="Manage", exact=True).first.click()  # the instance's first tab
        page.get_by_role("tab", name="Bandwidth Packages").click()  # the seed's step 3
        page.wait_for_url("**/bandwidth-packages/")
        page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()
        purchase_url = page.url
        for width, height in SIZES:
            page.set_viewport_size({"width": width, "height": height})
            page.goto(purchase_url)
            fill_purchase_form(page)
            path = out_dir / f"purchase-page-{width}.png"
            page.screenshot(path=path, full_page=True)
            saved.append(path)

        page.set_viewport_size({"width": SIZES[0][0], "height": SIZES[0][1]})
        page.goto(purchase_url)
        fill_purchase_form(page)
        page.evaluate("window.sessionStorage.clear()")  # a fresh tour, not one left in an earlier run
        page.get_by_role("link", name="Take the tour").click()
        tour = page.locator(".driver-popover")
        tour.get_by_role("button", name="Next").click()
        tour.locator(".driver-popover-title").filter(has_text="Area").wait_for()
        path = out_dir / "tour.png"
        page.screenshot(path=path)
        saved.append(path)
        page.keyboard.press("Escape")  # leave the tour
        page.goto(f"{args.url}/cen/bandwidth-packages/")  # the left navigation's Bandwidth Packages list
        path = out_dir / "bandwidth-packages-1280.png"
        page.screenshot(path=path)
        saved.append(path)
        saved += transit_tour_pages(page, args.url, out_dir)
        saved += routing_pages(page, args.url, out_dir)
        saved += multicast_pages(page, args.url, out_dir)
        saved += grants_and_routes_pages(page, args.url, out_dir)
        saved += route_tables_pages(page, args.url, out_dir)
        saved += qos_pages(page, args.url, out_dir)
        saved += transit_connections_pages(page, args.url, out_dir)
        saved += addressing_pages(page, args.url, out_dir)
        saved += flow_logs_pages(page, args.url, out_dir)
        for name, shoot in (("create-cen-dialog.png", create_dialog), ("renew-page.png", renew_page)):
            shoot(page, args.url, out_dir / name)
            saved.append(out_dir / name)
        path, projector_path = out_dir / "workshop-board.png", out_dir / "workshop-projector.png"
        workshop_board(browser, args, path, projector_path)
        saved += [path, projector_path]
        browser.close()
    print("Saved " + ", ".join(str(path) for path in saved))


def _router_row(page, url, region, label, *, multicast=False):
    """The first instance's Transit Router tab and its row of the transit router in `region` (shown as `label`),
    the router made through Create Transit Router (with Enable Multicast if asked) unless there is one already
    (the pages below share the routers they make)."""
    page.goto(f"{url}/cen/instances/")
    page.get_by_role("link", name="Manage", exact=True).first.click()
    page.get_by_role("tab", name="Transit Router", exact=True).click()
    row = page.locator("#transit-router-table tbody tr", has_text=label)
    if not row.count():
        page.get_by_role("link", name="Create Transit Router").click()
        page.get_by_label("Region", exact=True).select_option(region)
        if multicast:
            page.get_by_label("Enable Multicast").check()
        page.get_by_role("button", name="OK", exact=True).click()
        _refresh_until(page, row.locator("td:nth-child(4)"), "Active")
    return row


def routing_pages(page, url, out_dir) -> list[Path]:
    """The first instance's Route Maps tab with a route map added through Create Route Map, and the
    Health Check page with a VBR's health check set, at 1280x800."""
    saved = [out_dir / name for name in ("route-map-create-1280.png", "route-maps-1280.png", "health-check-1280.png")]
    page.goto(f"{url}/cen/instances/")
    page.get_by_role("link", name="Manage", exact=True).first.click()
    page.get_by_role("tab", name="Route Maps").click()
    page.get_by_role("link", name="Add Route Map").click()
    page.get_by_label("Region", exact=True).select_option("cn-hangzhou")
    page.get_by_label("Priority", exact=True).fill("10")
    page.get_by_label("Route Prefixes").fill("10.0.0.0/8")
    page.screenshot(path=saved[0], full_page=True)
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)  # Creating for a few seconds, then Active
    page.get_by_role("link", name="Refresh").click()
    page.screenshot(path=saved[1])
    page.get_by_role("link", name="Health Check").click()
    page.get_by_role("link", name="Set Health Check").click()
    page.get_by_label("Region", exact=True).select_option("cn-hangzhou")
    page.get_by_label("VBR").fill("vbr-bp1demo00001")
    page.get_by_label("Source IP").fill("192.168.10.1")
    page.get_by_label("Destination IP").fill("10.10.0.2")
    page.get_by_role("button", name="OK", exact=True).click()
    page.locator("#health-check-table", has_text="vbr-bp1demo00001").wait_for()
    page.screenshot(path=saved[2])
    return saved


def flow_logs_pages(page, url, out_dir) -> list[Path]:
    """The first instance's transit router in Hangzhou (made through Create Transit Router), its Flow
    Logs tab's Create Flow Log filled in, and the tab with the flow log made, at 1280x800."""
    saved = [out_dir / name for name in ("flow-log-create-1280.png", "flow-logs-1280.png")]
    _router_row(page, url, "cn-hangzhou", "China (Hangzhou)").locator("a.resource-id").first.click()
    page.get_by_role("tab", name="Flow Logs").click()
    page.get_by_role("link", name="Create Flow Log").click()
    page.get_by_label("Name", exact=True).fill("hangzhou-traffic")
    page.get_by_label("Instance", exact=True).select_option("transit-router")
    page.get_by_label("Project", exact=True).fill("cen-flowlog-demo")
    page.get_by_label("Logstore", exact=True).fill("hangzhou_router")
    page.screenshot(path=saved[0], full_page=True)
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)  # Creating for a few seconds, then Active
    page.get_by_role("link", name="Refresh").click()
    page.screenshot(path=saved[1])
    return saved


def create_dialog(page, url, path):
    """Create CEN Instance's dialog on the Instances page: a name, a tag, Add Tag and a second tag."""
    page.goto(f"{url}/cen/instances/")
    page.get_by_role("link", name="Create CEN Instance").click()
    dialog = page.get_by_role("dialog", name="Create CEN Instance")
    dialog.get_by_label("Name").fill("production")
    dialog.get_by_label("Tag key").fill("env")
    dialog.get_by_label("Tag value").fill("prod")
    dialog.get_by_role("button", name="Add Tag").click()
    dialog.get_by_label("Tag key").nth(1).fill("team")
    dialog.get_by_label("Tag value").nth(1).fill("network")
    page.screenshot(path=path)
    page.keyboard.press("Escape")


def renew_page(page, url, path):
    """The first CEN instance's first package's Renew page, ready to Pay."""
    page.goto(f"{url}/cen/instances/")
    page.get_by_role("link", name="Manage", exact=True).first.click()
    page.get_by_role("tab", name="Bandwidth Packages").click()
    page.get_by_role("link", name="Renew", exact=True).first.click()
    page.get_by_label("Duration").select_option(label="3 Months")
    page.get_by_label("I have read and agree to the Terms of Service").check()
    page.wait_for_load_state("networkidle")
    page.screenshot(path=path, full_page=True)


def workshop_board(browser, args, path, projector_path):
    """A workshop with three trainees at different places of the tour, its board, and its join link as
    the projector page shows it at 1280x800."""
    page = browser.new_page(viewport={"width": 1366, "height": 1000})
    page.goto(f"{args.url}/accounts/login/")
    page.get_by_label("Username").fill(args.staff_user)
    page.get_by_label("Password").fill(args.staff_password)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(lambda url: "/accounts/login/" not in url)  # staff land where their work is
    page.goto(f"{args.url}/workshops/")
    page.get_by_label("Title").fill("Partner enablement: buying bandwidth")
    page.get_by_label("Starting scenario").select_option(label="Renewal due")
    page.get_by_role("button", name="Create workshop").click()
    join_url = page.locator(".join-url a").inner_text()
    # Each click of the highlighted element does a step: Manage, the tab, Buy Bandwidth Package(Subscription).
    stops = [
        "Step 1 of 4 · Manage",
        "Step 2 of 4 · Bandwidth Packages",
        "Step 2 of 4 · Buy Bandwidth Package(Subscription)",
        "Step 3 of 4 · CEN ID",
    ]
    for clicks, name in ((0, "Mei Lin"), (1, ""), (3, "Arjun Rao")):
        trainee = browser.new_context().new_page()
        trainee.goto(join_url)
        trainee.get_by_label("Your name (optional)").fill(name)  # one trainee gives none: the sandbox id shows
        trainee.get_by_role("button", name="Join workshop").click()
        for title in stops[: clicks + 1]:
            trainee.locator(".driver-popover-title").filter(has_text=title).wait_for()
            if title != stops[clicks]:
                trainee.locator(".driver-active-element").click()
        trainee.wait_for_load_state("networkidle")
    page.reload()  # without the "workshop is ready" message
    page.locator("#trainees td", has_text="Step 3 of 4").wait_for()
    page.screenshot(path=path, full_page=True)
    # Show the join link large, as a projector shows it.
    page.set_viewport_size({"width": 1280, "height": 800})
    page.get_by_role("link", name="Show the join link large").click()
    page.get_by_role("heading", name="Join Partner enablement: buying bandwidth").wait_for()
    page.screenshot(path=projector_path)


def addressing_pages(page, url, out_dir) -> list[Path]:
    """A transit router of the first instance (made through Create Transit Router): Add CIDR Block filled in,
    its CIDR tab with the block, and its default route table's Route Aggregation sub-tab (on the Route Table
    tab) with an aggregate route added, at 1280x800."""
    saved = [out_dir / name for name in ("cidr-create-1280.png", "cidrs-1280.png", "route-aggregation-1280.png")]
    _router_row(page, url, "cn-hangzhou", "China (Hangzhou)").locator("a.resource-id").first.click()
    page.get_by_role("tab", name="CIDR").click()
    page.get_by_role("link", name="Add CIDR Block").click()
    page.get_by_label("CIDR Block", exact=True).fill("192.168.10.0/24")
    page.get_by_label("Name", exact=True).fill("vpn-addresses")
    page.screenshot(path=saved[0], full_page=True)
    page.get_by_role("button", name="OK", exact=True).click()
    page.locator("#cidr-table", has_text="192.168.10.0/24").wait_for()
    page.screenshot(path=saved[1])
    page.get_by_role("tab", name="Route Table").click()
    page.get_by_role("tab", name="Route Aggregation").click()
    page.get_by_role("link", name="Add Route Aggregation").click()
    page.get_by_label("Aggregate Destination CIDR Block").fill("10.0.0.0/8")
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)  # Configuring for a few seconds, then Configured
    page.reload()
    page.locator("#aggregation-table td", has_text="Modify").wait_for()
    page.locator("#aggregation-table").scroll_into_view_if_needed()  # the sub-tabs and the list, below the router
    page.screenshot(path=saved[2])
    return saved


def transit_tour_pages(page, url, out_dir) -> list[Path]:
    """The second guided tour's steps page (Connect two VPCs in two regions through transit routers) at
    1280x800, and its tour on the first instance's Transit Router tab, at Create Transit Router. Before the
    pages that make transit routers, so the tour has its first router still to make."""
    saved = [out_dir / name for name in ("transit-tour.png", "transit-tour-stop.png")]
    page.goto(f"{url}/transit-tour/")
    page.screenshot(path=saved[0], full_page=True)
    page.evaluate("window.sessionStorage.clear()")  # a fresh tour, not one left in an earlier run
    page.get_by_role("link", name="Take this tour").click()
    tour = page.locator(".driver-popover")
    tour.locator(".driver-popover-title").filter(has_text="Manage").wait_for()
    tour.get_by_role("button", name="Next").click()
    tour.locator(".driver-popover-title").filter(has_text="Transit Router").wait_for()
    tour.get_by_role("button", name="Next").click()
    tour.locator(".driver-popover-title").filter(has_text="Create Transit Router").wait_for()
    page.screenshot(path=saved[1])
    page.keyboard.press("Escape")  # leave the tour
    page.evaluate("window.sessionStorage.clear()")
    return saved


def transit_connections_pages(page, url, out_dir) -> list[Path]:
    """The first instance's Transit Router tab: a router made in China (Hangzhou), Create VBR Connection
    filled in, then the router's row with the VBR connection Attached, at 1280x800."""
    saved = [out_dir / name for name in ("transit-connection-create-1280.png", "transit-connections-1280.png")]
    row = _router_row(page, url, "cn-hangzhou", "China (Hangzhou)")
    row.get_by_text("More").click()
    row.get_by_role("link", name="Create VBR Connection").click()
    page.get_by_label("VBR ID").fill("vbr-bp1demo00002")
    page.get_by_label("Name", exact=True).fill("data-center")
    page.screenshot(path=saved[0], full_page=True)
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)  # Attaching for a few seconds, then Attached
    page.get_by_role("link", name="Refresh").click()
    page.screenshot(path=saved[1])
    return saved


def _refresh_until(page, locator, text):
    """Clicks Refresh until locator shows text (Creating -> Active), for a few seconds at most."""
    for _ in range(30):
        if locator.inner_text().strip() == text:
            return
        page.wait_for_timeout(500)
        page.get_by_role("link", name="Refresh", exact=True).click()


def qos_pages(page, url, out_dir) -> list[Path]:
    """A transit router's Traffic Marking Policy tab (a policy with a rule) and QoS Policy tab (a policy on
    an inter-region connection, with a queue), at 1280x800. Makes what it needs through the console: the
    first instance's Hangzhou and Shanghai transit routers and a pay-by-data-transfer connection."""
    saved = [out_dir / name for name in ("traffic-marking-1280.png", "qos-policy-1280.png")]
    _router_row(page, url, "cn-shanghai", "China (Shanghai)")
    hangzhou = _router_row(page, url, "cn-hangzhou", "China (Hangzhou)")
    hangzhou.get_by_text("More").click()
    hangzhou.get_by_role("link", name="Create Inter-region Connection").click()
    page.get_by_label("Peer Transit Router").select_option(index=0)
    page.get_by_label("Bandwidth Type").select_option("DataTransfer")
    page.get_by_label("Bandwidth (Mbps)").fill("100")
    page.get_by_role("button", name="OK", exact=True).click()
    _refresh_until(page, page.locator("#peer-connection-table tbody tr").first.locator("td:nth-child(5)"), "Attached")
    hangzhou.locator("a.resource-id").first.click()

    page.get_by_role("tab", name="Traffic Marking Policy").click()
    page.get_by_role("link", name="Create Traffic Marking Policy").click()
    page.get_by_label("Policy Name").fill("voice")
    page.get_by_label("Priority").fill("5")
    page.get_by_label("DSCP Value").fill("46")
    page.get_by_role("button", name="OK", exact=True).click()
    row = page.locator("#marking-policy-table tbody tr").first
    _refresh_until(page, row.locator("td:nth-child(4)"), "Active")
    row.get_by_role("link", name="Add Traffic Classification Rule").click()
    page.get_by_label("Rule Name").fill("sip")
    page.get_by_label("Protocol").select_option("UDP")
    page.get_by_label("Source CIDR Block").fill("10.0.0.0/16")
    page.get_by_label("Destination Port").fill("5060")
    page.get_by_role("button", name="OK", exact=True).click()
    _refresh_until(page, page.locator("table.match-rules tbody tr").first.locator("td:nth-child(6)"), "Active")
    _refresh_until(page, row.locator("td:nth-child(4)"), "Active")
    page.screenshot(path=saved[0], full_page=True)

    page.get_by_role("tab", name="QoS Policy").click()
    page.get_by_role("link", name="Create QoS Policy").click()
    page.get_by_label("Policy Name").fill("wan")
    page.get_by_role("button", name="OK", exact=True).click()
    policy = page.locator("#qos-policy-table tbody tr").first
    _refresh_until(page, policy.locator("td:nth-child(4)"), "Active")
    policy.get_by_role("link", name="Add Queue").click()
    page.get_by_label("Queue Name").fill("realtime")
    page.get_by_label("DSCP Value").fill("46")
    page.get_by_label("Bandwidth Percentage").fill("30")
    page.get_by_role("button", name="OK", exact=True).click()
    _refresh_until(page, policy.locator("td:nth-child(4)"), "Active")
    page.screenshot(path=saved[1], full_page=True)
    return saved


def route_tables_pages(page, url, out_dir) -> list[Path]:
    """A transit router's Route Table tab, at 1280x800: a router made through Create Transit Router with a
    VPC connection, a custom route table made through Create Route Table with a blackhole static route."""
    saved = [out_dir / "route-tables-1280.png"]
    row = _router_row(page, url, "cn-shenzhen", "China (Shenzhen)")
    row.get_by_role("link", name="Create VPC Connection").click()
    page.get_by_label("VPC ID").fill("vpc-wz9demo00001")
    page.get_by_label("Primary Zone").fill("cn-shenzhen-a")
    page.get_by_label("vSwitch").first.fill("vsw-wz9demo00001")
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)
    row.locator("a.resource-id").first.click()
    page.get_by_role("link", name="Create Route Table").click()
    page.get_by_label("Name").fill("production")
    page.get_by_label("Description").fill("Traffic of the production VPCs")
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)
    page.get_by_role("link", name="Add Route Entry").click()
    page.get_by_label("Name").fill("drop-test")
    page.get_by_label("Destination CIDR").fill("192.168.100.0/24")
    page.get_by_label("Yes", exact=True).check()
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)
    page.get_by_role("link", name="Refresh").click()
    page.locator("table.route-entries", has_text="192.168.100.0/24").wait_for()
    page.wait_for_load_state()
    page.screenshot(path=saved[0], full_page=True)
    return saved


def grants_and_routes_pages(page, url, out_dir) -> list[Path]:
    """CEN Cross-account Authorization's form filled in, Attach Network Instance's Different Account tab,
    and the Route Information tab's route entries with their publish status, at 1280x800."""
    names = ("cross-account-authorization-1280.png", "attach-different-account-1280.png", "route-publish-1280.png")
    saved = [out_dir / name for name in names]
    page.goto(f"{url}/cen/cross-account-authorization/grant/")
    page.get_by_label("Region", exact=True).select_option("cn-hangzhou")
    page.get_by_label("Network Instance ID").fill("vpc-bp1demo0granted")
    page.get_by_label("Peer Account CEN ID").fill("cen-7qthudw0ll6jmc1234")
    page.get_by_label("Peer Account UID").fill("1234567890123456")
    page.screenshot(path=saved[0], full_page=True)
    page.goto(f"{url}/cen/instances/")
    page.get_by_role("link", name="Manage", exact=True).first.click()
    page.get_by_role("link", name="Attach Network Instance").click()
    page.get_by_role("link", name="Different Account", exact=True).click()
    page.get_by_label("Peer Account UID").fill("1234567890123456")
    page.screenshot(path=saved[1])
    page.get_by_role("tab", name="Route Information").click()
    page.locator("#route-entry-table").scroll_into_view_if_needed()
    page.screenshot(path=saved[2])
    return saved


def multicast_pages(page, url, out_dir) -> list[Path]:
    """The first instance's transit router in China (Hangzhou), made with Enable Multicast and a VPC
    connection: its Multicast tab with a domain, and the domain's page with an associated vSwitch and a
    group's source and member, at 1280x800."""
    saved = [out_dir / name for name in ("multicast-tab-1280.png", "multicast-domain-1280.png")]
    row = _router_row(page, url, "cn-hangzhou", "China (Hangzhou)", multicast=True)
    row.get_by_role("link", name="Create VPC Connection").click()
    page.get_by_label("VPC ID").fill("vpc-bp1demo00001")
    page.get_by_label("Primary Zone").fill("cn-hangzhou-h")
    page.get_by_label("vSwitch").first.fill("vsw-bp1demo00001")
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)  # Attaching, then Attached
    page.locator("#transit-router-table tbody tr", has_text="China (Hangzhou)").locator("a.resource-id").click()
    page.get_by_role("tab", name="Multicast").click()
    page.get_by_role("link", name="Create Multicast Domain").click()
    page.get_by_label("Multicast Domain Name").fill("video")
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)
    page.get_by_role("link", name="Refresh").click()
    page.screenshot(path=saved[0])
    page.locator("#multicast-domain-table tbody tr").first.locator("a.resource-id").click()
    page.get_by_role("link", name="Associate vSwitch").click()
    page.get_by_role("checkbox", name="vsw-bp1demo00001").check()
    page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)
    for button, eni_id in (("Add Multicast Source", "eni-bp1demo00001"), ("Add Multicast Member", "eni-bp1demo00002")):
        page.get_by_role("link", name=button).click()
        page.get_by_label("Multicast Group IP Address").fill("239.0.0.8")
        page.get_by_label("VPC", exact=True).select_option("vpc-bp1demo00001")
        page.get_by_label("ENI").fill(eni_id)
        page.get_by_role("button", name="OK", exact=True).click()
    page.wait_for_timeout(4000)
    page.get_by_role("link", name="Refresh").click()
    page.screenshot(path=saved[1], full_page=True)
    return saved


if __name__ == "__main__":
    main()
