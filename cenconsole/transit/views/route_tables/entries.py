"""Add Route Entry, Modify and Delete on a static route of a route table
(CreateTransitRouterRouteEntry, UpdateTransitRouterRouteEntry, DeleteTransitRouterRouteEntry: the same
services). Learned routes have no Modify or Delete: they follow route learning."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page

from ... import selectors, services
from ...forms_route_tables import RouteEntryForm
from .page import table_page, table_tab_url


def _form_page(request, instance, router, table, form, entry=None):
    context = {"instance": instance, "router": router, "table": table, "form": form, "entry": entry}
    return render_page(request, "transit/route_entry_form.html", context)


def _entry_or_404(table, route_entry_id):
    return get_object_or_404(table.entries.live(), pk=route_entry_id)


@login_required
@require_http_methods(["GET", "POST"])
def route_entry_create(request, cen_id, router_id, route_table_id):
    """Add Route Entry: a static route to one of the router's connections, or a blackhole route."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    form = RouteEntryForm(request.POST or None, connections=selectors.connection_kinds(router))
    if request.method == "POST" and form.is_valid():
        try:
            entry = services.route_entry_create(owner=request.user, route_table_id=table.pk, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Route entry %(route_entry_id)s to %(cidr)s is added to route table %(route_table_id)s.")
                % {"route_entry_id": entry.pk, "cidr": entry.destination_cidr, "route_table_id": table.pk},
            )
            return redirect(table_tab_url(table))
    return _form_page(request, instance, router, table, form)


@login_required
@require_http_methods(["GET", "POST"])
def route_entry_modify(request, cen_id, router_id, route_table_id, route_entry_id):
    """Modify on a static route: its name and description (its destination and next hop stay)."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    entry = _entry_or_404(table, route_entry_id)
    form = RouteEntryForm(
        request.POST or None, modify=True, initial={"name": entry.name, "description": entry.description}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.route_entry_update(owner=request.user, route_entry_id=entry.pk, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("Route entry %(route_entry_id)s is modified.") % {"route_entry_id": entry.pk}
            )
            return redirect(table_tab_url(table))
    return _form_page(request, instance, router, table, form, entry)


@login_required
@require_http_methods(["GET", "POST"])
def route_entry_delete(request, cen_id, router_id, route_table_id, route_entry_id):
    """Delete on a static route: a confirm page, then the delete."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    entry = _entry_or_404(table, route_entry_id)
    return confirm_page(
        request,
        "transit/route_entry_delete.html",
        {"instance": instance, "router": router, "table": table, "entry": entry},
        action=lambda: services.route_entry_delete(owner=request.user, route_entry_id=entry.pk),
        success=gettext("Route entry %(route_entry_id)s is deleted.") % {"route_entry_id": entry.pk},
        next_url=table_tab_url(table),
    )
