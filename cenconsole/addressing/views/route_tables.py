"""A route table's sub-tabs of the addressing app on the router's Route Table tab (rendered by transit's
route_table_tab_render with a body of their own): Route Aggregation (list, Add Route Aggregation, Modify,
Delete: Create/Modify/DeleteTransitRouteTableAggregation) and Prefix List Association (list, Associate
Prefix List, Delete: Create/DeleteTransitRouterPrefixListAssociation); their forms are pages of their own."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page
from cenconsole.transit import selectors as transit_selectors
from cenconsole.transit.router_tabs import router_page
from cenconsole.transit.views.route_tables.page import AGGREGATIONS, PREFIX_LISTS, route_table_tab_render

from .. import selectors, services
from ..forms import AggregationForm, PrefixListAssociationForm


def _table_page(request, cen_id, router_id, route_table_id):
    """The CEN instance, the router and its route table a page is about (not found unless the account's)."""
    instance, router = router_page(request, cen_id, router_id)
    table = get_object_or_404(
        transit_selectors.route_tables_for(owner=request.user), transit_router=router, pk=route_table_id
    )
    return instance, router, table


def _kwargs(instance, router, table) -> dict:
    return {"cen_id": instance.pk, "router_id": router.pk, "route_table_id": table.pk}


def _context(instance, router, table, **context) -> dict:
    return {"instance": instance, "router": router, "table": table, **context}


# Route Aggregation


@login_required
@require_GET
def route_table_aggregations(request, cen_id, router_id, route_table_id):
    """The Route Aggregation sub-tab of a route table: its aggregate routes (Deleting ones until gone)."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    aggregations = selectors.aggregations_for(owner=request.user).filter(route_table=table)
    return route_table_tab_render(
        request,
        instance,
        router,
        table,
        tab=AGGREGATIONS,
        body_template="addressing/aggregations.html",
        aggregations=aggregations,
    )


def _aggregation_or_404(request, table, aggregation_id):
    return get_object_or_404(
        selectors.aggregations_for(owner=request.user).filter(deleted_at__isnull=True),
        route_table=table,
        pk=aggregation_id,
    )


def _aggregations_url(instance, router, table):
    return reverse("addressing:route_table_aggregations", kwargs=_kwargs(instance, router, table))


def _aggregation_form_page(request, instance, router, table, form, aggregation=None):
    context = _context(instance, router, table, form=form, aggregation=aggregation)
    return render_page(request, "addressing/aggregation_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def aggregation_create(request, cen_id, router_id, route_table_id):
    """Add Route Aggregation: the aggregate block, its name and description, and where it is published."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    form = AggregationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            aggregation = services.aggregation_create(
                owner=request.user, route_table_id=table.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Aggregate route %(cidr)s is being configured: it is Configured in a few seconds.")
                % {"cidr": aggregation.cidr},
            )
            return redirect(_aggregations_url(instance, router, table))
    return _aggregation_form_page(request, instance, router, table, form)


@login_required
@require_http_methods(["GET", "POST"])
def aggregation_modify(request, cen_id, router_id, route_table_id, aggregation_id):
    """Modify on an aggregate route: its name, description and scope (its block names it and stays)."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    aggregation = _aggregation_or_404(request, table, aggregation_id)
    form = AggregationForm(request.POST or None, aggregation=aggregation)
    if request.method == "POST" and form.is_valid():
        try:
            services.aggregation_update(owner=request.user, route_table_id=table.pk, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("Aggregate route %(cidr)s is modified.") % {"cidr": aggregation.cidr})
            return redirect(_aggregations_url(instance, router, table))
    return _aggregation_form_page(request, instance, router, table, form, aggregation)


@login_required
@require_http_methods(["GET", "POST"])
def aggregation_delete(request, cen_id, router_id, route_table_id, aggregation_id):
    """Delete on an aggregate route: a confirm page, then Deleting for a few seconds."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    aggregation = _aggregation_or_404(request, table, aggregation_id)
    return confirm_page(
        request,
        "addressing/aggregation_delete.html",
        _context(instance, router, table, aggregation=aggregation),
        action=lambda: services.aggregation_delete(owner=request.user, route_table_id=table.pk, cidr=aggregation.cidr),
        success=gettext("Aggregate route %(cidr)s is being deleted.") % {"cidr": aggregation.cidr},
        next_url=_aggregations_url(instance, router, table),
    )


# Prefix List Association


@login_required
@require_GET
def route_table_prefix_lists(request, cen_id, router_id, route_table_id):
    """The Prefix List Association sub-tab of a route table: the prefix lists associated with it and their
    next hops."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    associations = selectors.prefix_list_associations_for(owner=request.user).filter(route_table=table)
    return route_table_tab_render(
        request,
        instance,
        router,
        table,
        tab=PREFIX_LISTS,
        body_template="addressing/prefix_lists.html",
        associations=associations,
    )


def _prefix_lists_url(instance, router, table):
    return reverse("addressing:route_table_prefix_lists", kwargs=_kwargs(instance, router, table))


@login_required
@require_http_methods(["GET", "POST"])
def prefix_list_association_create(request, cen_id, router_id, route_table_id):
    """Associate Prefix List: the prefix list and its next hop (a connection of the router, or a blackhole)."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    form = PrefixListAssociationForm(request.POST or None, connections=transit_selectors.connection_kinds(router))
    if request.method == "POST" and form.is_valid():
        try:
            association = services.prefix_list_association_create(
                owner=request.user, transit_router_id=router.pk, route_table_id=table.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Prefix list %(prefix_list_id)s is being associated: it is Active in a few seconds.")
                % {"prefix_list_id": association.prefix_list.resource_id},
            )
            return redirect(_prefix_lists_url(instance, router, table))
    context = _context(instance, router, table, form=form)
    return render_page(request, "addressing/prefix_list_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def prefix_list_association_delete(request, cen_id, router_id, route_table_id, prefix_list_association_id):
    """Delete on an association: a confirm page, then the delete (refused while it is Updating)."""
    instance, router, table = _table_page(request, cen_id, router_id, route_table_id)
    association = get_object_or_404(
        selectors.prefix_list_associations_for(owner=request.user), route_table=table, pk=prefix_list_association_id
    )
    prefix_list_id = association.prefix_list.resource_id
    return confirm_page(
        request,
        "addressing/prefix_list_delete.html",
        _context(instance, router, table, association=association),
        action=lambda: services.prefix_list_association_delete(
            owner=request.user,
            prefix_list_id=prefix_list_id,
            transit_router_id=router.pk,
            route_table_id=table.pk,
            next_hop=association.next_hop,
        ),
        success=gettext("The association of prefix list %(prefix_list_id)s is deleted.")
        % {"prefix_list_id": prefix_list_id},
        next_url=_prefix_lists_url(instance, router, table),
    )
