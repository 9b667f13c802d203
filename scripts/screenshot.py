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
left navigation's Bandwidth Packages list as bandwidth-packages-1280.png. Then, as
the staff account (--staff-user, a facilitator), creates a workshop; three trainees join it by its link
in browsers of their own (two give a name) and go different distances into the tour (steps 1, 2 and 3),
and the board is saved as workshop-board.png once it shows them; then Show the join link large, at
1280x800, as workshop-projector.png.
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
        path, projector_path = out_dir / "workshop-board.png", out_dir / "workshop-projector.png"
        workshop_board(browser, args, path, projector_path)
        saved += [path, projector_path]
        browser.close()
    print("Saved " + ", ".join(str(path) for path in saved))


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


if __name__ == "__main__":
    main()
