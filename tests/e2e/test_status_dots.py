"""A transit resource's status wears the dot the CEN instance's status wears: green when Active, amber
while it changes (Creating), the colour read from the page as the browser draws it."""

from datetime import timedelta

import pytest
import time_machine
from django.urls import reverse

from cenconsole.core import clock
from cenconsole.transit import services as transit_services
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db(transaction=True)

GREEN, AMBER = "rgb(30, 142, 62)", "rgb(240, 160, 32)"
DOT = "element => getComputedStyle(element, '::before').backgroundColor"


def test_a_routers_status_shows_a_green_dot_when_active_and_an_amber_one_while_creating(
    page, sign_in, user, live_server, settings
):
    """The router's summary and the Transit Router tab: the Active router green, as the CEN's own status; the
    new one amber while Creating."""
    settings.TRANSIT_TRANSITION_SECONDS = 600
    cen_instance = CenInstanceFactory(owner=user, name="dots")
    transit_services.transit_router_service_open(owner=user)
    with time_machine.travel(clock.real_now() - timedelta(hours=1), tick=False):
        active = transit_services.transit_router_create(
            owner=user, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
        )
    creating = transit_services.transit_router_create(
        owner=user, cen_instance_id=cen_instance.pk, region_code="us-east-1"
    )
    sign_in(user)

    page.goto(live_server.url + reverse("transit:route_tables", args=[cen_instance.pk, active.pk]))
    summary = page.locator(".cen-summary .status")
    assert (summary.inner_text(), summary.evaluate(DOT)) == ("Active", GREEN)

    page.goto(live_server.url + reverse("transit:cen_transit_routers", args=[cen_instance.pk]))
    assert (
        page.locator(".cen-summary .status-dot").evaluate("element => getComputedStyle(element).backgroundColor")
        == GREEN
    )
    row = page.locator("#transit-router-table tbody tr", has_text=creating.pk).locator(".status")
    assert (row.inner_text(), row.evaluate(DOT)) == ("Creating", AMBER)
