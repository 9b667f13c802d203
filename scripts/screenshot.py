"""Screenshot of the purchase page from a running console (`make run` first).

    .venv/bin/python scripts/screenshot.py [--url http://127.0.0.1:8000] [--out docs/purchase-page.png]

Signs in as the demo account, opens the first CEN instance's Bandwidth Packages tab, clicks
Buy Bandwidth Package(Subscription) and saves the page as a PNG.
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
        browser.close()
    print(f"Saved {args.out}")


if __name__ == "__main__":
    main()
