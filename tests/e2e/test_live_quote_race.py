import pytest
from playwright.sync_api import expect

from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_bandwidth_typed_during_a_slow_live_update_gets_its_own_quote(page, sign_in, live_server, user):
    """A live update that answers after the user typed a new bandwidth keeps the typed value and the
    quote follows it (the update the typing scheduled is not lost with the old copy of the form)."""
    instance = CenInstanceFactory(owner=user)
    sign_in(user)
    page.goto(f"{live_server.url}/cen/bandwidth-packages/buy/?cen_id={instance.pk}")
    held = []

    def hold_first_update(route):
        if held:
            route.continue_()
        else:
            held.append(route)  # answered below, once the typing is done

    page.route("**/cen/bandwidth-packages/buy/?*", hold_first_update)
    page.get_by_label("Area B").select_option(label="Europe")
    for _ in range(100):  # until the browser has sent the area's update (at most 2 s)
        if held:
            break
        page.wait_for_timeout(20)
    page.get_by_label("Bandwidth", exact=True).fill("10")
    held[0].continue_()  # the area's update now answers, within the typing's 400 ms debounce
    expect(page.locator("#area-b-regions")).to_contain_text("Germany (Frankfurt)")
    expect(page.get_by_label("Bandwidth", exact=True)).to_have_value("10")
    expect(page.locator("#quote-total")).to_have_text("USD 1,700.00")
