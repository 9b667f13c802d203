"""The console's addressing pages without JavaScript: a transit router's CIDR tab (Add CIDR Block, Modify,
Delete), and a route table's Route Aggregation and Prefix List Association sub-tabs, each through the same
service as its API action, refusals on the page, another account's objects not found."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from cenconsole.addressing import services
from cenconsole.addressing.models import PrefixListAssociation, TransitRouterCidr, TransitRouteTableAggregation

pytestmark = pytest.mark.django_db


def router_url(name, router, **kwargs):
    return reverse(f"addressing:{name}", kwargs={"cen_id": router.cen_instance_id, "router_id": router.pk, **kwargs})


def table_url(name, router, table=None, **kwargs):
    table = table or router.route_tables.get(table_type="System")
    return router_url(name, router, route_table_id=table.pk, **kwargs)


def add_block(router, cidr="192.168.10.0/24", **extra):
    return services.cidr_create(owner=router.owner, transit_router_id=router.pk, cidr=cidr, **extra)


def add_aggregation(router, cidr="10.0.0.0/8", **extra):
    table = router.route_tables.get(table_type="System")
    return services.aggregation_create(owner=router.owner, route_table_id=table.pk, cidr=cidr, scope="VPC", **extra)


def associate(router, prefix_list_id="pl-views0001", next_hop="BlackHole"):
    table = router.route_tables.get(table_type="System")
    return services.prefix_list_association_create(
        owner=router.owner,
        prefix_list_id=prefix_list_id,
        transit_router_id=router.pk,
        route_table_id=table.pk,
        next_hop=next_hop,
    )


def queries(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


# The CIDR tab


def test_the_cidr_tab_lists_the_routers_blocks_and_add_cidr_block(client_user, router):
    """The CIDR tab shows each block's ID, name and CIDR block, and the Add CIDR Block button."""
    block = add_block(router, name="办公网段")
    page = client_user.get(router_url("router_cidrs", router)).content.decode()
    assert "Add CIDR Block" in page and block.pk in page and "192.168.10.0/24" in page and "办公网段" in page


def test_the_cidr_tab_is_one_of_the_routers_tabs(client_user, router):
    """The router's page has a CIDR tab, selected on its own page."""
    page = client_user.get(router_url("router_cidrs", router)).content.decode()
    assert 'aria-selected="true">CIDR</a>' in page and ">Route Table</a>" in page


def test_the_cidr_tab_with_htmx_swaps_only_the_tab_body(client_user, router):
    """An htmx GET (a click on the tab) answers the tab body, not the whole page."""
    page = client_user.get(router_url("router_cidrs", router), headers={"HX-Request": "true"}).content.decode()
    assert page.lstrip().startswith('<div id="router-tab">') and "Add CIDR Block" in page and "<html" not in page


def test_the_cidr_tab_queries_do_not_grow_with_blocks(client_user, router):
    """The CIDR tab runs the same number of queries for one block as for four."""
    add_block(router, "192.168.10.0/24")
    url = router_url("router_cidrs", router)
    one = queries(client_user, url)
    for third in (11, 12, 13):
        add_block(router, f"192.168.{third}.0/24")
    assert queries(client_user, url) == one


def test_add_cidr_block_makes_the_block_through_the_service(client_user, router):
    """Add CIDR Block's OK makes the block with its name, description and Publish CIDR Route, and returns to the tab."""
    form = {"cidr": "172.16.0.0/16", "name": "杭州网段", "description": "VPN", "publish_cidr_route": ""}
    response = client_user.post(router_url("cidr_create", router), form, follow=True)
    block = TransitRouterCidr.objects.get()
    assert (block.cidr, block.name, block.description, block.publish_cidr_route) == (
        "172.16.0.0/16",
        "杭州网段",
        "VPN",
        False,
    )
    assert "is added to the transit router" in response.content.decode()


def test_a_refused_prefix_length_is_shown_beside_the_cidr_block(client_user, router):
    """A /25 is refused by the service: the error summary links to the CIDR Block field; nothing is made."""
    response = client_user.post(router_url("cidr_create", router), {"cidr": "192.168.10.0/25"})
    page = response.content.decode()
    assert response.status_code == 200 and 'href="#id_cidr"' in page and "/16 to /24" in page
    assert not TransitRouterCidr.objects.exists()


def test_modify_changes_the_blocks_name_and_route_publishing(client_user, router):
    """Modify shows the block's values and saves the new ones through the service."""
    block = add_block(router, name="旧名称")
    url = router_url("cidr_modify", router, cidr_id=block.pk)
    assert "旧名称" in client_user.get(url).content.decode()
    client_user.post(url, {"cidr": "192.168.10.0/24", "name": "新名称", "description": ""})
    block.refresh_from_db()
    assert (block.name, block.publish_cidr_route) == ("新名称", False)


def test_delete_confirms_then_the_block_is_gone(client_user, router):
    """Delete shows a confirm page; OK deletes the block and says so on the tab."""
    block = add_block(router)
    url = router_url("cidr_delete", router, cidr_id=block.pk)
    assert "Are you sure" in client_user.get(url).content.decode()
    response = client_user.post(url, follow=True)
    assert not TransitRouterCidr.objects.exists() and "is deleted" in response.content.decode()


def test_another_accounts_block_is_not_found(client, other_user, router):
    """Another account's CIDR block is not found on Modify (nor is its router's tab)."""
    block = add_block(router)
    client.force_login(other_user)
    assert client.get(router_url("cidr_modify", router, cidr_id=block.pk)).status_code == 404
    assert client.get(router_url("router_cidrs", router)).status_code == 404


# A route table's pages


def test_each_route_table_has_route_aggregation_and_prefix_list_sub_tabs(client_user, router):
    """The Route Table tab's panel of a table has Route Aggregation and Prefix List Association sub-tabs
    after Route Learning, as the console has them."""
    kwargs = {"cen_id": router.cen_instance_id, "router_id": router.pk}
    page = client_user.get(reverse("transit:route_tables", kwargs=kwargs)).content.decode()
    tabs = re.findall(r'<a role="tab" href="([^"]+)"', page)
    assert tabs[-3:] == [
        reverse(
            "transit:route_table_propagations",
            kwargs={**kwargs, "route_table_id": router.route_tables.get(table_type="System").pk},
        ),
        table_url("route_table_aggregations", router),
        table_url("route_table_prefix_lists", router),
    ]


def test_the_aggregation_sub_tab_is_selected_on_the_route_table_tab(client_user, router):
    """Route Aggregation opens on the router's page: the Route Table tab and its Route Aggregation sub-tab
    selected, the table's summary above it."""
    page = client_user.get(table_url("route_table_aggregations", router)).content.decode()
    selected = re.findall(r'<a role="tab" href="([^"]+)"[^>]*aria-selected="true"', page)
    assert table_url("route_table_aggregations", router) in selected
    assert 'id="router-tab"' in page and f'id="table-{router.route_tables.get(table_type="System").pk}"' in page


def test_the_aggregation_page_lists_aggregate_routes_configuring(client_user, router):
    """The Route Aggregation page shows each aggregate route's block and its Configuring status."""
    add_aggregation(router, name="汇总")
    page = client_user.get(table_url("route_table_aggregations", router)).content.decode()
    assert "Add Route Aggregation" in page and "10.0.0.0/8" in page and "汇总" in page and "Configuring" in page


def test_add_route_aggregation_makes_the_route_through_the_service(client_user, router):
    """Add Route Aggregation's OK makes the aggregate route, published to VPCs, and returns to the list."""
    form = {"cidr": "10.0.0.0/8", "name": "汇总路由", "description": "", "scope": "VPC"}
    response = client_user.post(table_url("aggregation_create", router), form, follow=True)
    made = TransitRouteTableAggregation.objects.get()
    assert (made.cidr, made.name, made.scope) == ("10.0.0.0/8", "汇总路由", "VPC")
    assert "is being configured" in response.content.decode()


def test_an_unsupported_aggregate_block_is_shown_beside_its_field(client_user, router):
    """A multicast block is refused by the service: an error on the block's field, nothing made."""
    form = {"cidr": "224.0.0.0/8", "scope": "VPC"}
    page = client_user.post(table_url("aggregation_create", router), form).content.decode()
    assert 'href="#id_cidr"' in page and "not supported" in page
    assert not TransitRouteTableAggregation.objects.exists()


def test_modify_changes_an_aggregate_routes_description(client_user, router, later):
    """Modify (once Configured) changes the description; the block stays."""
    made = add_aggregation(router)
    later()
    url = table_url("aggregation_modify", router, aggregation_id=made.pk)
    client_user.post(url, {"cidr": "11.0.0.0/8", "name": "", "description": "新描述", "scope": "VPC"})
    made.refresh_from_db()
    assert (made.cidr, made.description) == ("10.0.0.0/8", "新描述")


def test_modify_while_configuring_is_refused_on_the_page(client_user, router):
    """Modify while Configuring shows the service's refusal and changes nothing."""
    made = add_aggregation(router)
    url = table_url("aggregation_modify", router, aggregation_id=made.pk)
    page = client_user.post(url, {"description": "新描述", "scope": "VPC"}).content.decode()
    assert "Wait until it is configured" in page
    made.refresh_from_db()
    assert made.description == ""


def test_delete_confirms_then_the_aggregate_route_is_deleting(client_user, router, later):
    """Delete shows a confirm page; OK makes the aggregate route Deleting."""
    made = add_aggregation(router)
    later()
    url = table_url("aggregation_delete", router, aggregation_id=made.pk)
    assert "Are you sure" in client_user.get(url).content.decode()
    response = client_user.post(url, follow=True)
    made.refresh_from_db()
    assert made.deleted_at is not None and "Deleting" in response.content.decode()


def test_the_aggregation_page_queries_do_not_grow_with_routes(client_user, router):
    """The Route Aggregation page runs the same number of queries for one aggregate route as for four."""
    add_aggregation(router, "10.0.0.0/8")
    url = table_url("route_table_aggregations", router)
    one = queries(client_user, url)
    for second in (1, 2, 3):
        add_aggregation(router, f"172.{16 + second}.0.0/16")
    assert queries(client_user, url) == one


def test_the_aggregation_refresh_with_htmx_swaps_only_the_tab_body(client_user, router):
    """Refresh (or a click on the sub-tab) with scripts on answers only the router's tab body, the list in it."""
    page = client_user.get(table_url("route_table_aggregations", router), headers={"HX-Request": "true"})
    page = page.content.decode()
    assert page.lstrip().startswith('<div id="router-tab">') and "breadcrumb" not in page
    assert 'id="aggregation-table"' in page


def test_another_accounts_route_table_pages_are_not_found(client, other_user, router):
    """Another account's route table has no Route Aggregation nor Prefix List Association page for it."""
    made = add_aggregation(router)
    client.force_login(other_user)
    assert client.get(table_url("route_table_aggregations", router)).status_code == 404
    assert client.get(table_url("route_table_prefix_lists", router)).status_code == 404
    assert client.get(table_url("aggregation_modify", router, aggregation_id=made.pk)).status_code == 404


def test_associate_prefix_list_with_a_blackhole_next_hop(client_user, router):
    """Associate Prefix List's OK associates the prefix list, Updating, and returns to the list."""
    form = {"prefix_list": "pl-views0001", "next_hop": "BlackHole"}
    response = client_user.post(table_url("prefix_list_association_create", router), form, follow=True)
    made = PrefixListAssociation.objects.get()
    assert (made.prefix_list.resource_id, made.next_hop_type) == ("pl-views0001", "BlackHole")
    page = response.content.decode()
    assert "is being associated" in page and "pl-views0001" in page and "Updating" in page


def test_the_next_hop_offers_the_routers_connections(client_user, connected):
    """Next Hop lists Blackhole and the router's connections; a VPC connection is taken with its VPC."""
    url = table_url("prefix_list_association_create", connected)
    assert connected.connection.pk in client_user.get(url).content.decode()
    client_user.post(url, {"prefix_list": "pl-views0002", "next_hop": connected.connection.pk})
    made = PrefixListAssociation.objects.get()
    assert (made.next_hop_type, made.next_hop_instance_id) == ("VPC", "vpc-addr0001")


def test_a_second_association_with_the_same_next_hop_is_shown_on_the_prefix_list(client_user, router):
    """The service's refusal of a duplicate is an error on the Prefix List field; no second association."""
    associate(router)
    form = {"prefix_list": "pl-views0001", "next_hop": "BlackHole"}
    page = client_user.post(table_url("prefix_list_association_create", router), form).content.decode()
    assert 'href="#id_prefix_list"' in page and "already associated" in page
    assert PrefixListAssociation.objects.count() == 1


def test_delete_of_an_active_association_removes_it(client_user, router, later):
    """Delete shows a confirm page; OK removes the association once Active."""
    made = associate(router)
    later()
    url = table_url("prefix_list_association_delete", router, prefix_list_association_id=made.pk)
    assert "Are you sure" in client_user.get(url).content.decode()
    response = client_user.post(url, follow=True)
    assert not PrefixListAssociation.objects.exists() and "is deleted" in response.content.decode()


def test_delete_of_an_updating_association_is_refused_on_the_page(client_user, router):
    """Delete while Updating shows the service's refusal on the confirm page; the association stays."""
    made = associate(router)
    url = table_url("prefix_list_association_delete", router, prefix_list_association_id=made.pk)
    assert "Wait until it is Active" in client_user.post(url).content.decode()
    assert PrefixListAssociation.objects.count() == 1


def test_the_prefix_list_page_queries_do_not_grow_with_associations(client_user, router):
    """The Prefix List Association page runs the same number of queries for one association as for four."""
    associate(router, "pl-views0001")
    url = table_url("route_table_prefix_lists", router)
    one = queries(client_user, url)
    for number in (2, 3, 4):
        associate(router, f"pl-views000{number}")
    assert queries(client_user, url) == one
