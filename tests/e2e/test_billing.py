import csv
import io

import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.mark.browser_context_args(java_script_enabled=False, accept_downloads=True)
def test_billing_lists_the_charge_links_its_order_and_exports_with_javascript_off(page, sign_in, user, live_server):
    """Without JavaScript: Billing (navigation) lists the charge, Export CSV downloads, the charge opens its order."""
    package = buy_package(CenInstanceFactory(owner=user), area_a_code="China", area_b_code="China", bandwidth=2)
    order_id, number = package.orders.values_list("pk", "number").get()
    sign_in(user)
    page.get_by_role("navigation", name="Cloud Enterprise Network").get_by_role("link", name="Billing").click()
    expect(page.get_by_role("heading", name="Billing")).to_be_visible()
    charge = page.get_by_role("row", name=f"Buy order {number}")
    expect(charge).to_contain_text("-68.00")
    expect(charge).to_contain_text("9,932.00")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Export CSV").click()
    download = download_info.value
    assert download.suggested_filename.startswith(f"billing-{user.username}-")
    exported = list(csv.reader(io.StringIO(open(download.path(), encoding="utf-8").read())))
    assert [row[4] for row in exported[1:]] == ["-68.00", "10000.00"]
    charge.get_by_role("link", name=f"Buy order {number}").click()
    expect(page).to_have_url(f"{live_server.url}/cen/orders/{order_id}/")
