"""Create Association and Delete on a route table's Route Table Association sub-tab; Enable Route
Learning and Disable on its Route Learning sub-tab. The same services as the API's
AssociateTransitRouterAttachmentWithRouteTable (or ReplaceTransitRouterRouteTableAssociation, for a
connection associated with another table: one association per connection),
DissociateTransitRouterAttachmentFromRouteTable, Enable- and DisableTransitRouterRouteTablePropagation."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_http_methods

from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page

from ... import selectors, services
from ...forms_route_tables import RouteTableLinkForm, connection_label
from ...models import RouteTableLink
from .page import ASSOCIATIONS, PROPAGATIONS, table_page, table_tab_url

ASSOCIATION, PROPAGATION = RouteTableLink.Kind.ASSOCIATION, RouteTableLink.Kind.PROPAGATION


def _association_choices(router, table):
    """The router's connections not associated with this table; one associated with another says so
    (associating it here moves it)."""
    associated = dict(router.route_table_links.filter(kind=ASSOCIATION).values_list("attachment_id", "route_table_id"))
    choices = []
    for attachment_id, kind in selectors.connection_kinds(router).items():
        current = associated.get(attachment_id)
        if current == table.pk:
            continue
        label = connection_label(attachment_id, kind)
        if current:
            label = gettext("%(connection)s, associated with %(route_table_id)s: moves here") % {
                "connection": label,
                "route_table_id": current,
            }
        choices.append((attachment_id, label))
    return choices, associated


def _propagation_choices(router, table):
    """The router's connections whose routes this table does not learn yet."""
    learning = set(table.links.filter(kind=PROPAGATION).values_list("attachment_id", flat=True))
    return [
        (attachment_id, connection_label(attachment_id, kind))
        for attachment_id, kind in selectors.connection_kinds(router).items()
        if attachment_id not in learning
    ]


def _form_page(request, instance, router, table, form, kind):
    context = {"instance": instance, "router": router, "table": table, "form": form, "kind": kind}
    return render_page(request, "transit/route_table_link_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def association_create(request, cen_id, router_id, route_table_id):
    """Create Association: the table forwards a connection's traffic (a connection associated with
    another of the router's tables moves here: ReplaceTransitRouterRouteTableAssociation)."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    choices, associated = _association_choices(router, table)
    form = RouteTableLinkForm(request.POST or None, choices=choices)
    if request.method == "POST" and form.is_valid():
        attachment_id = form.cleaned_data["attachment"]
        try:
            if associated.get(attachment_id):
                services.route_table_association_replace(
                    owner=request.user, attachment_id=attachment_id, route_table_id=table.pk
                )
            else:
                services.route_table_link(
                    owner=request.user, route_table_id=table.pk, attachment_id=attachment_id, kind=ASSOCIATION
                )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Connection %(attachment_id)s is associated with route table %(route_table_id)s.")
                % {"attachment_id": attachment_id, "route_table_id": table.pk},
            )
            return redirect(table_tab_url(table, ASSOCIATIONS))
    return _form_page(request, instance, router, table, form, ASSOCIATION)


@login_required
@require_http_methods(["GET", "POST"])
def propagation_create(request, cen_id, router_id, route_table_id):
    """Enable Route Learning: the table learns a connection's routes."""
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    form = RouteTableLinkForm(request.POST or None, choices=_propagation_choices(router, table))
    if request.method == "POST" and form.is_valid():
        attachment_id = form.cleaned_data["attachment"]
        try:
            services.route_table_link(
                owner=request.user, route_table_id=table.pk, attachment_id=attachment_id, kind=PROPAGATION
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Route table %(route_table_id)s learns the routes of connection %(attachment_id)s.")
                % {"attachment_id": attachment_id, "route_table_id": table.pk},
            )
            return redirect(table_tab_url(table, PROPAGATIONS))
    return _form_page(request, instance, router, table, form, PROPAGATION)


def _link_delete(request, cen_id, router_id, route_table_id, attachment_id, kind):
    instance, router, table = table_page(request, cen_id, router_id, route_table_id)
    link = get_object_or_404(table.links, kind=kind, attachment_id=attachment_id)
    if kind == ASSOCIATION:
        success = gettext("Connection %(attachment_id)s is no longer associated with route table %(route_table_id)s.")
    else:
        success = gettext("Route table %(route_table_id)s no longer learns the routes of connection %(attachment_id)s.")
    return confirm_page(
        request,
        "transit/route_table_link_delete.html",
        {"instance": instance, "router": router, "table": table, "link": link, "kind": kind},
        action=lambda: services.route_table_unlink(
            owner=request.user, route_table_id=table.pk, attachment_id=link.attachment_id, kind=kind
        ),
        success=success % {"attachment_id": link.attachment_id, "route_table_id": table.pk},
        next_url=table_tab_url(table, ASSOCIATIONS if kind == ASSOCIATION else PROPAGATIONS),
    )


@login_required
@require_http_methods(["GET", "POST"])
def association_delete(request, cen_id, router_id, route_table_id, attachment_id):
    """Delete on an association: a confirm page, then the connection leaves the table."""
    return _link_delete(request, cen_id, router_id, route_table_id, attachment_id, ASSOCIATION)


@login_required
@require_http_methods(["GET", "POST"])
def propagation_delete(request, cen_id, router_id, route_table_id, attachment_id):
    """Disable Route Learning for a connection: a confirm page, then the table stops learning its routes."""
    return _link_delete(request, cen_id, router_id, route_table_id, attachment_id, PROPAGATION)
