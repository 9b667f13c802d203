"""A tab's slow answer never lands over the tab clicked after it: a person clicks Refresh, then another tab
before the Refresh has answered; the page shows the tab clicked last (htmx's hx-sync replace, on the
element around the tabs, drops the older request). Found by CI: a Route Aggregation Refresh that answered
after the click on Prefix List Association put the aggregation list back under the prefix list's URL."""

import re
from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse
from playwright.sync_api import expect

from cenconsole.core import clock
from cenconsole.transit import services as transit_services
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)


def held(page, url_part):
    """Holds the htmx requests whose URL contains `url_part` until release() is called; returns release."""
    routes = []

    def hold(route):
        if route.request.headers.get("hx-request"):
            routes.append(route)
        else:
            route.continue_()

    page.route(re.compile(re.escape(url_part)), hold)

    def release():
        page.unroute(re.compile(re.escape(url_part)))
        for route in routes:
            try:
                route.continue_()
            except Exception:  # the browser dropped the request (aborted): nothing to answer
                pass

    return release


def test_a_refresh_answering_first_does_not_lose_the_sub_tab_clicked_after_it(page, sign_in, user, live_server):
    """Route Aggregation's Refresh clicked, then Prefix List Association; the Refresh answers first."""
    cen_instance = CenInstanceFactory(owner=user, name="tabs")
    transit_services.transit_router_service_open(owner=user)
    with time_machine.travel(clock.real_now() - timedelta(minutes=1), tick=False):
        router = transit_services.transit_router_create(
            owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
        )
    sign_in(user)
    page.goto(live_server.url + reverse("transit:route_tables", args=[cen_instance.pk, router.pk]))
    page.get_by_role("tab", name="Route Aggregation").click()
    expect(page.get_by_role("link", name="Add Route Aggregation")).to_be_visible()

    release_refresh = held(page, "/aggregations/")
    release_tab = held(page, "/prefix-lists/")
    page.locator("#router-tab").get_by_role("link", name="Refresh").click()
    page.get_by_role("tab", name="Prefix List Association").click()
    release_refresh()
    page.wait_for_timeout(300)
    release_tab()

    expect(page.get_by_role("link", name="Associate Prefix List")).to_be_visible()
    expect(page.get_by_role("tab", name="Prefix List Association")).to_have_attribute("aria-selected", "true")
    assert page.url.endswith("/prefix-lists/")


def test_a_cen_tab_answering_first_does_not_lose_the_tab_clicked_after_it(page, sign_in, user):
    """On a CEN instance's page: Transit Router clicked, then Bandwidth Packages; Transit Router answers first."""
    cen_instance = CenInstanceFactory(owner=user, name="tabs")
    sign_in(user)
    page.get_by_role("row", name=cen_instance.pk).get_by_role("link", name="Manage").click()

    release_first = held(page, "/transit-routers/")
    release_second = held(page, "/bandwidth-packages/")
    page.get_by_role("tab", name="Transit Router").click()
    page.get_by_role("tab", name="Bandwidth Packages").click()
    release_first()
    page.wait_for_timeout(300)
    release_second()

    expect(page.get_by_role("tab", name="Bandwidth Packages")).to_have_attribute("aria-selected", "true")
    expect(page.get_by_role("tab", name="Transit Router")).to_have_attribute("aria-selected", "false")
