"""Screenshots of the purchase page, of the guided tour and of a workshop's board from a running
console (`make run` first).

    .venv/bin/python scripts/screenshot.py [--url http://127.0.0.1:8000] [--out docs/purchase-page.png]
                                           [--tour-out docs/tour.png] [--workshop-out docs/workshop-board.png]

Signs in as the demo account, opens the first CEN instance's Bandwidth Packages tab, clicks
Buy Bandwidth Package(Subscription) and saves the page as a PNG; then clicks Take the tour there (the
tour starts at step 3 on the purchase page), moves on to the first Area and saves what the screen shows.
Then, as the staff account (admin, a facilitator), creates a workshop; three trainees join it by its link
in browsers of their own and go different distances into the tour (steps 1, 2 and 3), and the board
is saved once it shows them.
"""

import argparse

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


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--out", default="docs/purchase-page.png")
    parser.add_argument("--tour-out", default="docs/tour.png")
    parser.add_argument("--user", default="demo")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--workshop-out", default="docs/workshop-board.png")
    parser.add_argument("--staff-user", default="admin")
    parser.add_argument("--staff-password", default="admin")
    args = parser.parse_args()
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": 1366, "height": 900})
        page.goto(f"{args.url}/accounts/login/")
        page.get_by_label("Username").fill(args.user)
        page.get_by_label("Password").fill(args.password)
        page.get_by_role("button", name="Sign in").click()
        page.wait_for_url("**/cen/instances/")
        page.get_by_role("link", name="Manage", exact=True).first.click()
        page.wait_for_url("**/bandwidth-packages/")
        page.get_by_role("link", name="Buy Bandwidth Package(Subscription)").click()
        page.get_by_label("Bandwidth", exact=True).fill("10")
        page.get_by_label("Name", exact=True).fill("demo-bwp")
        page.get_by_label("Name", exact=True).blur()
        page.wait_for_load_state("networkidle")
        page.screenshot(path=args.out, full_page=True)
        page.evaluate("window.sessionStorage.clear()")  # a fresh tour, not one left in an earlier run
        page.get_by_role("link", name="Take the tour").click()
        tour = page.locator(".driver-popover")
        tour.get_by_role("button", name="Next").click()
        tour.locator(".driver-popover-title").filter(has_text="Area").wait_for()
        page.screenshot(path=args.tour_out)
        workshop_board(browser, args)
        browser.close()
    print(f"Saved {args.out}, {args.tour_out} and {args.workshop_out}")


def workshop_board(browser, args):
    """A workshop with three trainees at different places of the tour, and its board."""
    page = browser.new_page(viewport={"width": 1366, "height": 1000})
    page.goto(f"{args.url}/accounts/login/")
    page.get_by_label("Username").fill(args.staff_user)
    page.get_by_label("Password").fill(args.staff_password)
    page.get_by_role("button", name="Sign in").click()
    page.goto(f"{args.url}/workshops/")
    page.get_by_label("Title").fill("Partner enablement: buying bandwidth")
    page.get_by_label("Starting scenario").select_option(label="Renewal due")
    page.get_by_role("button", name="Create workshop").click()
    join_url = page.locator(".join-url a").inner_text()
    # Each click of the highlighted element does a step: Manage, the tab, Buy Bandwidth Package(Subscription).
    stops = ["Step 1 of 4 · Manage", "Step 2 of 4 · Bandwidth Packages",
             "Step 2 of 4 · Buy Bandwidth Package(Subscription)", "Step 3 of 4 · CEN ID"]
    for clicks in (0, 1, 3):
        trainee = browser.new_context().new_page()
        trainee.goto(join_url)
        trainee.get_by_role("button", name="Join workshop").click()
        for title in stops[: clicks + 1]:
            trainee.locator(".driver-popover-title").filter(has_text=title).wait_for()
            if title != stops[clicks]:
                trainee.locator(".driver-active-element").click()
        trainee.wait_for_load_state("networkidle")
    page.reload()  # without the "workshop is ready" message
    page.locator("#trainees td", has_text="Step 3 of 4").wait_for()
    page.screenshot(path=args.workshop_out, full_page=True)


if __name__ == "__main__":
    main()
