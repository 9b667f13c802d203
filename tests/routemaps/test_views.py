"""The CEN page's Route Maps tab: list, Add Route Map, Modify and Delete without JavaScript, each
through the route map services, refusals on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.routemaps.models import RouteMap

pytestmark = pytest.mark.django_db

FORM = {"region": "cn-hangzhou", "transmit_direction": "RegionIn", "priority": "20", "map_result": "Permit"}


def tab_url(cen_instance):
    return reverse("routemaps:cen_route_maps", kwargs={"cen_id": cen_instance.pk})


def url(name, cen_instance, route_map):
    return reverse(f"routemaps:{name}", kwargs={"cen_id": cen_instance.pk, "route_map_id": route_map.pk})


def test_the_tab_lists_route_maps_with_status_and_add_route_map(client_user, cen_instance, route_map):
    """The tab shows each route map's ID, priority and Creating status, and the Add Route Map button."""
    made = route_map(priority=7)
    page = client_user.get(tab_url(cen_instance)).content.decode()
    assert "Add Route Map" in page and made.pk in page and "Creating" in page
    assert "Available once Active" in page


def test_the_tab_is_one_of_the_cen_page_tabs(client_user, cen_instance):
    """The CEN page's tabs include Route Maps, selected on its own page."""
    page = client_user.get(tab_url(cen_instance)).content.decode()
    assert 'aria-selected="true">Route Maps</a>' in page


def test_the_tab_queries_do_not_grow_with_route_maps(client_user, cen_instance, route_map, page_cache_off):
    """The Route Maps tab runs the same number of queries for one route map as for six."""
    route_map(priority=1)
    client_user.get(tab_url(cen_instance))
    with CaptureQueriesContext(connection) as one:
        client_user.get(tab_url(cen_instance))
    for priority in range(2, 7):
        route_map(priority=priority, transmit_direction="RegionOut" if priority % 2 else "RegionIn")
    with CaptureQueriesContext(connection) as six:
        client_user.get(tab_url(cen_instance))
    assert len(six) == len(one)


def test_create_route_map_posts_through_the_service_and_redirects(client_user, cen_instance):
    """Create Route Map's OK makes the route map with its conditions, Creating, and returns to the tab."""
    create = reverse("routemaps:route_map_create", kwargs={"cen_id": cen_instance.pk})
    form = {**FORM, "destination_cidr_blocks": "10.0.0.0/8\n192.168.0.0/16", "route_types": ["System"]}
    response = client_user.post(create, form, follow=True)
    made = RouteMap.objects.get()
    assert (made.priority, made.map_result) == (20, "Permit")
    assert made.conditions["DestinationCidrBlocks"] == ["10.0.0.0/8", "192.168.0.0/16"]
    assert made.conditions["RouteTypes"] == ["System"]
    assert "is being created" in response.content.decode()


def test_a_taken_priority_is_shown_beside_priority_and_nothing_is_made(client_user, cen_instance, route_map):
    """The service's priority refusal is an error on the Priority field; no second route map."""
    route_map(priority=20)
    create = reverse("routemaps:route_map_create", kwargs={"cen_id": cen_instance.pk})
    response = client_user.post(create, FORM)
    assert response.status_code == 200
    assert 'href="#id_priority"' in response.content.decode()
    assert RouteMap.objects.count() == 1


def test_a_bad_cidr_block_is_shown_beside_route_prefixes(client_user, cen_instance):
    """A condition the service refuses is an error on its own field."""
    create = reverse("routemaps:route_map_create", kwargs={"cen_id": cen_instance.pk})
    response = client_user.post(create, {**FORM, "destination_cidr_blocks": "10.0.0.0/99"})
    assert 'href="#id_destination_cidr_blocks"' in response.content.decode()
    assert not RouteMap.objects.exists()


def test_modify_keeps_the_conditions_the_form_does_not_show(client_user, cen_instance, route_map, later):
    """Modify changes what the form shows and keeps the API-only conditions (e.g. MatchAddressType)."""
    made = route_map(priority=5, conditions={"MatchAddressType": "IPv4", "MatchAsns": ["65001"]})
    later()
    page = client_user.get(url("route_map_modify", cen_instance, made)).content.decode()
    assert "65001" in page
    form = {**FORM, "priority": "6", "map_result": "Deny", "match_asns": "65002"}
    client_user.post(url("route_map_modify", cen_instance, made), form)
    made.refresh_from_db()
    assert (made.priority, made.map_result, made.transmit_direction) == (6, "Deny", "RegionIn")
    assert made.conditions["MatchAsns"] == ["65002"] and made.conditions["MatchAddressType"] == "IPv4"


def test_modify_of_a_creating_route_map_is_refused_on_the_page(client_user, cen_instance, route_map):
    """Modify while Creating shows the service's refusal and changes nothing."""
    made = route_map(priority=5)
    response = client_user.post(url("route_map_modify", cen_instance, made), {**FORM, "priority": "9"})
    assert "Wait until it is Active" in response.content.decode()
    made.refresh_from_db()
    assert made.priority == 5


def test_delete_confirms_then_the_route_map_is_deleting(client_user, cen_instance, route_map, later):
    """Delete shows a confirm page; OK makes the route map Deleting."""
    made = route_map()
    later()
    assert "Are you sure" in client_user.get(url("route_map_delete", cen_instance, made)).content.decode()
    response = client_user.post(url("route_map_delete", cen_instance, made), follow=True)
    made.refresh_from_db()
    assert made.deleted_at is not None
    assert "Deleting" in response.content.decode()


def test_the_tab_with_htmx_swaps_only_the_tab_body(client_user, cen_instance):
    """An htmx GET (a click on the tab) answers the tab body, not the whole page."""
    page = client_user.get(tab_url(cen_instance), headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="cen-tab">') and "Add Route Map" in page and "<html" not in page
