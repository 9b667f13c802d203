"""The Route Table tab of a transit router: route tables, static routes, associations and route
learning made, changed and removed through the console's pages, refusals on the page."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.transit import services
from cenconsole.transit.models import RouteTableLink, TransitRouterRouteEntry, TransitRouterRouteTable

from .conftest import ZONES

pytestmark = pytest.mark.django_db


@pytest.fixture
def router(active_router):
    return active_router()


@pytest.fixture
def vpc_connection(router, later):
    """An Attached VPC connection of the router, associated with and propagating to its default table."""
    attachment = services.vpc_attachment_create(
        owner=router.owner, transit_router_id=router.pk, vpc_id="vpc-rt0001", zone_mappings=ZONES
    )
    later(20)
    return attachment


@pytest.fixture
def custom_table(router, later):
    """An Active custom route table of the router, named 生产路由表."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk, name="生产路由表")
    later(20)
    return table


def system_table(router):
    return router.route_tables.get(table_type=TransitRouterRouteTable.TableType.SYSTEM)


def url(name, router, table=None, **kwargs):
    kwargs = {"cen_id": router.cen_instance_id, "router_id": router.pk, **kwargs}
    if table is not None:
        kwargs["route_table_id"] = table.pk
    return reverse(f"transit:{name}", kwargs=kwargs)


def test_the_tab_lists_the_tables_and_opens_the_default_one(client_user, router, custom_table):
    """The tab lists every route table and opens the default one on Route Entry, with Create Route Table."""
    page = client_user.get(url("route_tables", router)).content.decode()
    assert custom_table.pk in page and "生产路由表" in page and system_table(router).pk in page
    assert "Create Route Table" in page and "Add Route Entry" in page
    assert "Route Table Association" in page and "Route Learning" in page


def test_a_table_s_sub_tab_with_htmx_swaps_only_the_tab_body(client_user, router, custom_table):
    """An htmx GET of a table's sub-tab answers the tab body, not the whole page."""
    page = client_user.get(url("route_table_associations", router, custom_table), headers={"HX-Request": "true"})
    body = page.content.decode()
    assert 'id="router-tab"' in body and "<html" not in body and "Create Association" in body


def test_create_route_table_makes_a_creating_custom_table(client_user, router):
    """Create Route Table's OK makes a Creating custom table through the service and opens it."""
    response = client_user.post(url("route_table_create", router), {"name": "测试路由表", "description": "隔离"})
    table = router.route_tables.get(table_type=TransitRouterRouteTable.TableType.CUSTOM)
    assert response.status_code == 302 and response["Location"] == url("route_table_entries", router, table)
    assert (table.name, table.description, table.status) == ("测试路由表", "隔离", "Creating")


def test_a_name_starting_with_http_is_an_error_beside_name(client_user, router):
    """A refused name is shown beside the Name field with the error summary, and nothing is made."""
    response = client_user.post(url("route_table_create", router), {"name": "http://x"})
    page = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in page
    assert not router.route_tables.filter(table_type=TransitRouterRouteTable.TableType.CUSTOM).exists()


def test_modify_renames_the_table(client_user, router, custom_table):
    """Modify on a route table changes its name and description through route_table_update."""
    response = client_user.post(url("route_table_modify", router, custom_table), {"name": "新名称", "description": "d"})
    custom_table.refresh_from_db()
    assert response.status_code == 302 and (custom_table.name, custom_table.description) == ("新名称", "d")


def test_modify_of_a_creating_table_is_refused_on_the_page(client_user, router):
    """A table still Creating cannot be modified: the refusal is on the form and nothing changes."""
    table = services.route_table_create(owner=router.owner, transit_router_id=router.pk, name="a")
    response = client_user.post(url("route_table_modify", router, table), {"name": "b"})
    table.refresh_from_db()
    assert response.status_code == 200 and "There is a problem" in response.content.decode() and table.name == "a"


def test_delete_confirms_then_the_table_is_deleting(client_user, router, custom_table):
    """Delete shows a confirm page; OK deletes the custom table (Deleting) and returns to the tab."""
    assert "Are you sure" in client_user.get(url("route_table_delete", router, custom_table)).content.decode()
    response = client_user.post(url("route_table_delete", router, custom_table))
    custom_table.refresh_from_db()
    assert response.status_code == 302 and custom_table.deleted_at is not None


def test_deleting_the_default_table_is_refused_on_the_page(client_user, router):
    """The default (system) route table cannot be deleted: the confirm page shows the refusal."""
    table = system_table(router)
    response = client_user.post(url("route_table_delete", router, table))
    table.refresh_from_db()
    assert response.status_code == 200 and 'class="alert alert-danger"' in response.content.decode()
    assert table.deleted_at is None


def test_add_route_entry_adds_a_blackhole_route(client_user, router, custom_table):
    """Add Route Entry with Blackhole Route Yes adds a static blackhole route to the table."""
    form = {"destination_cidr": "192.168.10.0/24", "blackhole": "yes", "name": "黑洞", "description": ""}
    response = client_user.post(url("route_entry_create", router, custom_table), form)
    entry = custom_table.entries.get()
    assert response.status_code == 302
    assert (entry.destination_cidr, entry.next_hop_type, entry.name) == ("192.168.10.0/24", "BlackHole", "黑洞")


def test_add_route_entry_to_a_connection(client_user, router, custom_table, vpc_connection):
    """Add Route Entry with a connection as next hop adds a route to it; the tab lists it with Modify."""
    form = {"destination_cidr": "10.20.0.0/16", "blackhole": "no", "next_hop": vpc_connection.pk}
    client_user.post(url("route_entry_create", router, custom_table), form)
    entry = custom_table.entries.get()
    assert (entry.next_hop_type, entry.next_hop_id) == ("Attachment", vpc_connection.pk)
    page = client_user.get(url("route_table_entries", router, custom_table)).content.decode()
    assert "10.20.0.0/16" in page and url("route_entry_modify", router, custom_table, route_entry_id=entry.pk) in page


def test_no_next_hop_and_no_blackhole_is_an_error_beside_next_hop(client_user, router, custom_table):
    """Blackhole Route No without a connection: the service's refusal is beside Next Hop, nothing added."""
    form = {"destination_cidr": "10.20.0.0/16", "blackhole": "no", "next_hop": ""}
    response = client_user.post(url("route_entry_create", router, custom_table), form)
    page = response.content.decode()
    assert response.status_code == 200 and 'href="#id_next_hop"' in page
    assert not custom_table.entries.exists()


def test_a_second_route_to_the_same_destination_is_an_error_beside_it(client_user, router, custom_table):
    """A destination the table already has a static route to is refused beside Destination CIDR."""
    form = {"destination_cidr": "10.30.0.0/16", "blackhole": "yes"}
    client_user.post(url("route_entry_create", router, custom_table), form)
    response = client_user.post(url("route_entry_create", router, custom_table), form)
    assert 'href="#id_destination_cidr"' in response.content.decode()
    assert custom_table.entries.count() == 1


def test_modify_and_delete_a_route_entry(client_user, router, custom_table):
    """Modify renames a static route; Delete confirms, then the route is gone from the table."""
    entry = services.route_entry_create(
        owner=router.owner, route_table_id=custom_table.pk, destination_cidr="10.40.0.0/16", next_hop_type="BlackHole"
    )
    client_user.post(url("route_entry_modify", router, custom_table, route_entry_id=entry.pk), {"name": "改名"})
    entry.refresh_from_db()
    assert entry.name == "改名"
    client_user.post(url("route_entry_delete", router, custom_table, route_entry_id=entry.pk))
    assert not custom_table.entries.live().exists()
    assert TransitRouterRouteEntry.objects.get(pk=entry.pk).deleted_at is not None


def test_create_association_moves_the_connection_from_the_default_table(
    client_user, router, custom_table, vpc_connection
):
    """Create Association with a connection associated with the default table moves it (Replace)."""
    page = client_user.get(url("association_create", router, custom_table)).content.decode()
    assert vpc_connection.pk in page and "moves here" in page
    response = client_user.post(url("association_create", router, custom_table), {"attachment": vpc_connection.pk})
    assert response.status_code == 302
    link = RouteTableLink.objects.get(kind="association", attachment_id=vpc_connection.pk)
    assert link.route_table_id == custom_table.pk


def test_create_association_of_an_unassociated_connection(client_user, router, custom_table, vpc_connection):
    """A connection with no association is associated with the table (Associate)."""
    services.route_table_unlink(
        owner=router.owner, route_table_id=system_table(router).pk, attachment_id=vpc_connection.pk, kind="association"
    )
    client_user.post(url("association_create", router, custom_table), {"attachment": vpc_connection.pk})
    assert custom_table.links.filter(kind="association", attachment_id=vpc_connection.pk).exists()


def test_delete_association_confirms_then_dissociates(client_user, router, vpc_connection):
    """Delete on an association: a confirm page, then the connection is no longer associated."""
    table = system_table(router)
    delete = url("association_delete", router, table, attachment_id=vpc_connection.pk)
    assert "Are you sure" in client_user.get(delete).content.decode()
    client_user.post(delete)
    assert not table.links.filter(kind="association").exists()


def test_enable_and_disable_route_learning(client_user, router, custom_table, vpc_connection):
    """Enable Route Learning makes the table learn the VPC's routes; Disable removes the propagation."""
    client_user.post(url("propagation_create", router, custom_table), {"attachment": vpc_connection.pk})
    assert custom_table.links.filter(kind="propagation", attachment_id=vpc_connection.pk).exists()
    page = client_user.get(url("route_table_entries", router, custom_table)).content.decode()
    assert "Learned route" in page
    client_user.post(url("propagation_delete", router, custom_table, attachment_id=vpc_connection.pk))
    assert not custom_table.links.filter(kind="propagation").exists()


def test_a_connection_already_learned_is_not_offered_again(client_user, router, vpc_connection):
    """Enable Route Learning on the default table (which learns the VPC already) refuses it beside Connection."""
    response = client_user.post(
        url("propagation_create", router, system_table(router)), {"attachment": vpc_connection.pk}
    )
    assert response.status_code == 200 and 'href="#id_attachment"' in response.content.decode()


def test_another_account_s_table_is_not_found(client, other_user, router, custom_table):
    """Another account gets 404 for the tab, a table's page and its Delete."""
    client.force_login(other_user)
    for page in (
        url("route_tables", router),
        url("route_table_entries", router, custom_table),
        url("route_table_delete", router, custom_table),
    ):
        assert client.get(page).status_code == 404
    assert client.post(url("route_table_delete", router, custom_table)).status_code == 404
    custom_table.refresh_from_db()
    assert custom_table.deleted_at is None


def entries_tab_queries(client, router, table):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url("route_table_entries", router, table)).status_code == 200
    return len(captured)


def test_the_tab_s_queries_do_not_grow_with_tables_and_entries(client_user, router, custom_table, vpc_connection):
    """Two tables with one static route, or five with four: the same number of queries."""
    services.route_entry_create(
        owner=router.owner, route_table_id=custom_table.pk, destination_cidr="10.50.0.0/16", next_hop_type="BlackHole"
    )
    few = entries_tab_queries(client_user, router, custom_table)
    for number in range(3):
        services.route_table_create(owner=router.owner, transit_router_id=router.pk, name=f"表{number}")
        services.route_entry_create(
            owner=router.owner,
            route_table_id=custom_table.pk,
            destination_cidr=f"10.6{number}.0.0/16",
            next_hop_type="Attachment",
            next_hop_id=vpc_connection.pk,
        )
    assert entries_tab_queries(client_user, router, custom_table) == few
