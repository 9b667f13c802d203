"""Create Route Table, Modify and Delete on a route table (CreateTransitRouterRouteTable,
UpdateTransitRouterRouteTable, DeleteTransitRouterRouteTable: the same services)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page

from ... import services
from ...forms_route_tables import RouteTableForm
from ...router_tabs import router_page
from .page import table_page, table_tab_url


def _form_page(request, instance, router, form, table=None):
    context = {"instance": instance, "router": router, "form": form, "table": table}
    return render_page(request, "transit/route_table_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def route_table_create(request, cen_id, router_id):
    """Create Route Table: a custom route table of the router, Creating and then Active."""
    instance, router = router_page(request, cen_id, router_id)
    form = RouteTableForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            table = services.route_table_create(
                owner=request.user, transit_router_id=router.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Route table %(route_table_id)s is being created: it is Active in a few seconds.")
                % {"route_table_id": table.pk},
            )
            return redirect(table_tab_url(table))
    return _form_page(request, instance, router, form)


@login_required
@require_http_methods(["GET", "POST"])
def route_table_modify(request, cen_id, router_id, route_table_id):
    """Modify on a route table (the default one too): its name and description."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    form = RouteTableForm(request.POST or None, initial={"name": table.name, "description": table.description})
    if request.method == "POST" and form.is_valid():
        try:
            services.route_table_update(owner=request.user, route_table_id=table.pk, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("Route table %(route_table_id)s is modified.") % {"route_table_id": table.pk}
            )
            return redirect(table_tab_url(table))
    return _form_page(request, instance, router, form, table)


@login_required
@require_http_methods(["GET", "POST"])
def route_table_delete(request, cen_id, router_id, route_table_id):
    """Delete on a route table: a confirm page, then the delete (the default route table, or one still
    with associations, route learning or static routes, is refused on the page)."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    return confirm_page(
        request,
        "transit/route_table_delete.html",
        {"instance": instance, "router": router, "table": table},
        action=lambda: services.route_table_delete(owner=request.user, route_table_id=table.pk),
        success=gettext("Route table %(route_table_id)s is being deleted.") % {"route_table_id": table.pk},
        next_url=reverse("transit:route_tables", kwargs={"cen_id": instance.pk, "router_id": router.pk}),
    )
