"""A transit router's own page: reached from its ID on the CEN page's Transit Router tab, with tabs of its own."""

import re

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_the_router_id_on_the_transit_router_tab_opens_the_routers_page(client_user, cen_instance, active_router):
    """Each router's ID on the Transit Router tab links to its page."""
    router = active_router()
    page = client_user.get(reverse("transit:cen_transit_routers", kwargs={"cen_id": cen_instance.pk})).content.decode()
    assert reverse("transit:router_detail", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk}) in page


def test_the_routers_page_opens_on_its_route_table_tab(client_user, cen_instance, active_router):
    """The router's page address leads to its first tab, Route Table."""
    router = active_router()
    kwargs = {"cen_id": cen_instance.pk, "router_id": router.pk}
    response = client_user.get(reverse("transit:router_detail", kwargs=kwargs))
    assert response.status_code == 302 and response.url == reverse("transit:route_tables", kwargs=kwargs)


def test_the_routers_page_shows_the_router_and_its_tabs(client_user, cen_instance, active_router):
    """The page names the router, its region and status, and its tabs with the current one selected."""
    router = active_router()
    url = reverse("transit:route_tables", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    page = client_user.get(url).content.decode()
    assert router.pk in page and "China (Hangzhou)" in page
    assert re.search(r"<dt>Status</dt><dd><span class=\"status status-\w+\">Active</span></dd>", page)
    assert 'role="tab"' in page and 'aria-selected="true">Route Table</a>' in page


def test_a_tab_asked_by_htmx_answers_only_the_tab(client_user, cen_instance, active_router):
    """A tab clicked with scripts on swaps only the tab body: the router's summary is not sent again."""
    router = active_router()
    url = reverse("transit:route_tables", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    page = client_user.get(url, headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="router-tab">') and "breadcrumb" not in page


def test_another_accounts_router_page_is_not_found(client, other_user, cen_instance, active_router):
    """Another account's router (or one of another CEN instance) is not found on the router's page."""
    router = active_router()
    client.force_login(other_user)
    url = reverse("transit:route_tables", kwargs={"cen_id": cen_instance.pk, "router_id": router.pk})
    assert client.get(url).status_code == 404
