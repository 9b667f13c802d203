"""The Route Table tab: the router's route tables on the left; the chosen one (the default route table
unless one is named) with its sub-tabs Route Entry, Route Table Association, Route Learning, Route
Aggregation and Prefix List Association (the last two are the addressing app's: its views render this tab
through route_table_tab_render with the body template of their own)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from cenconsole.core.rendering import render_page

from ... import selectors
from ...models import RouteTableLink
from ...router_tabs import router_page, router_page_context

ENTRIES, ASSOCIATIONS, PROPAGATIONS = "entries", "associations", "propagations"
AGGREGATIONS, PREFIX_LISTS = "aggregations", "prefix-lists"
# (key, label, URL name taking cen_id, router_id and route_table_id), in the console's order. A feature of
# an app above transit that lives on a route table adds its sub-tab here (its URL name only: transit
# imports nothing of it), and its view renders the tab with route_table_tab_render and a body template.
TABLE_TABS = [
    (ENTRIES, _("Route Entry"), "transit:route_table_entries"),
    (ASSOCIATIONS, _("Route Table Association"), "transit:route_table_associations"),
    (PROPAGATIONS, _("Route Learning"), "transit:route_table_propagations"),
    (AGGREGATIONS, _("Route Aggregation"), "addressing:route_table_aggregations"),
    (PREFIX_LISTS, _("Prefix List Association"), "addressing:route_table_prefix_lists"),
]
TAB_URLS = {key: url_name for key, _label, url_name in TABLE_TABS}


def table_or_404(request, router, route_table_id):
    """The router's route table (not yet gone) of the signed-in account; any other is not found."""
    return get_object_or_404(selectors.route_tables_for(owner=request.user), transit_router=router, pk=route_table_id)


def table_page(request, cen_id, router_id, route_table_id):
    """The CEN instance, router and route table a route table's page is about (each the account's own)."""
    instance, router = router_page(request, cen_id, router_id)
    return instance, router, table_or_404(request, router, route_table_id)


def table_tab_url(table, tab=ENTRIES) -> str:
    """A route table's sub-tab on the Route Table tab: where its changes return."""
    router = table.transit_router
    kwargs = {"cen_id": router.cen_instance_id, "router_id": router.pk, "route_table_id": table.pk}
    return reverse(TAB_URLS[tab], kwargs=kwargs)


def _connections(kinds, links):
    """Each link's connection as the tab lists it: its ID, and the type and ID of what it connects."""
    return [{"attachment_id": link.attachment_id, "kind": kinds.get(link.attachment_id, ("", ""))} for link in links]


def route_table_tab_render(request, instance, router, table=None, tab=ENTRIES, body_template=None, **context):
    """The Route Table tab with `table` (else the router's first) open on its sub-tab `tab`: the whole page,
    or for htmx the tab's body. The sub-tabs of other apps give the template of their body and its context."""
    tables = list(selectors.route_tables_for(owner=request.user).filter(transit_router=router))
    if table is None:
        if not tables:
            raise Http404
        table = tables[0]
    kinds = selectors.connection_kinds(router)
    links = list(table.links.all())
    table.associations = _connections(kinds, [link for link in links if link.kind == RouteTableLink.Kind.ASSOCIATION])
    table.propagations = _connections(kinds, [link for link in links if link.kind == RouteTableLink.Kind.PROPAGATION])
    if tab == ENTRIES:
        statuses = {entry.pk: entry for entry in table.entries.live()}
        table.routes = [
            {"route": route, "entry": statuses.get(route.id), "next_hop_kind": kinds.get(route.next_hop_id)}
            for route in selectors.routes_of(table)
        ]
    elif tab in (ASSOCIATIONS, PROPAGATIONS):
        table.connections = table.associations if tab == ASSOCIATIONS else table.propagations
    sub_tabs = [{"key": key, "label": label, "url": table_tab_url(table, key)} for key, label, _url_name in TABLE_TABS]
    for each in tables:
        each.url = table_tab_url(each)
    context = router_page_context(
        instance,
        router,
        "route-tables",
        tables=tables,
        table=table,
        table_tab=tab,
        table_tabs=sub_tabs,
        table_body_template=body_template,
        **context,
    )
    return render_page(request, "transit/route_tables.html", context, partial="tab_body")


@login_required
@require_GET
def router_detail(request, cen_id, router_id):
    """A transit router's page: its first tab (another account's router is not found)."""
    instance, router = router_page(request, cen_id, router_id)
    return redirect("transit:route_tables", cen_id=instance.pk, router_id=router.pk)


@login_required
@require_GET
def route_tables(request, cen_id, router_id):
    """The Route Table tab of a transit router: its route tables, the default one open on Route Entry."""
    instance, router = router_page(request, cen_id, router_id)
    return route_table_tab_render(request, instance, router)


@login_required
@require_GET
def route_table_entries(request, cen_id, router_id, route_table_id):
    """A route table's Route Entry sub-tab: its static routes, then the routes it learned."""
    return route_table_tab_render(request, *table_page(request, cen_id, router_id, route_table_id), tab=ENTRIES)


@login_required
@require_GET
def route_table_associations(request, cen_id, router_id, route_table_id):
    """A route table's Route Table Association sub-tab: the connections whose traffic it forwards."""
    return route_table_tab_render(request, *table_page(request, cen_id, router_id, route_table_id), tab=ASSOCIATIONS)


@login_required
@require_GET
def route_table_propagations(request, cen_id, router_id, route_table_id):
    """A route table's Route Learning sub-tab: the connections whose routes it learns."""
    return route_table_tab_render(request, *table_page(request, cen_id, router_id, route_table_id), tab=PROPAGATIONS)
