"""Screenshots of the purchase page and of the guided tour from a running console (`make run` first).

    .venv/bin/python scripts/screenshot.py [--url http://127.0.0.1:8000] [--out docs/purchase-page.png]
                                           [--tour-out docs/tour.png]

Signs in as the demo account, opens the first CEN instance's Bandwidth Packages tab, clicks
Buy Bandwidth Package(Subscription) and saves the page as a PNG; then clicks Take the tour there (the
tour starts at step 3 on the purchase page), moves on to the first Area and saves what the screen shows.
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
        browser.close()
    print(f"Saved {args.out} and {args.tour_out}")


if __name__ == "__main__":
    main()
