"""The CEN page's Route Maps tab: the list, Add Route Map, Modify and Delete, each through the same
service as its API action (CreateCenRouteMap, ModifyCenRouteMap, DeleteCenRouteMap)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.cen.tabs import cen_instance_or_404, cen_page_context
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import confirm_page, render_page

from . import selectors, services
from .forms import RouteMapForm


@login_required
@require_GET
@cached_page
def cen_route_maps(request, cen_id):
    """The Route Maps tab: the CEN instance's route maps by region, direction and priority."""
    instance = cen_instance_or_404(request, cen_id)
    route_maps = selectors.cen_route_maps(owner=request.user, cen_instance=instance)
    context = cen_page_context(instance, "route-maps", route_maps=route_maps)
    return render_page(request, "routemaps/cen_route_maps.html", context, partial="tab_body")


def _route_map_or_404(request, instance, route_map_id):
    return get_object_or_404(
        selectors.route_maps_for(owner=request.user).filter(deleted_at__isnull=True).select_related("region"),
        cen_instance=instance,
        pk=route_map_id,
    )


def _form_page(request, instance, form, route_map=None):
    context = {"instance": instance, "form": form, "route_map": route_map}
    return render_page(request, "routemaps/route_map_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def route_map_create(request, cen_id):
    """Add Route Map: the Create Route Map page."""
    instance = cen_instance_or_404(request, cen_id)
    form = RouteMapForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            route_map = services.route_map_create(
                owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                gettext("Route map %(route_map_id)s is being created: it is Active in a few seconds.")
                % {"route_map_id": route_map.pk},
            )
            return redirect("routemaps:cen_route_maps", cen_id=instance.pk)
    return _form_page(request, instance, form)


@login_required
@require_http_methods(["GET", "POST"])
def route_map_modify(request, cen_id, route_map_id):
    """Modify on a route map: the whole route map again (its direction stays)."""
    instance = cen_instance_or_404(request, cen_id)
    route_map = _route_map_or_404(request, instance, route_map_id)
    form = RouteMapForm(request.POST or None, route_map=route_map)
    if request.method == "POST" and form.is_valid():
        try:
            services.route_map_modify(
                owner=request.user,
                cen_instance_id=instance.pk,
                route_map_id=route_map.pk,
                **form.service_arguments(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                gettext("Route map %(route_map_id)s is being modified: it is Active again in a few seconds.")
                % {"route_map_id": route_map.pk},
            )
            return redirect("routemaps:cen_route_maps", cen_id=instance.pk)
    return _form_page(request, instance, form, route_map)


@login_required
@require_http_methods(["GET", "POST"])
def route_map_delete(request, cen_id, route_map_id):
    """Delete on a route map: a confirm page, then the delete (refused unless Active)."""
    instance = cen_instance_or_404(request, cen_id)
    route_map = _route_map_or_404(request, instance, route_map_id)
    return confirm_page(
        request,
        "routemaps/route_map_delete.html",
        {"instance": instance, "route_map": route_map},
        action=lambda: services.route_map_delete(
            owner=request.user, cen_instance_id=instance.pk, route_map_id=route_map.pk
        ),
        success=gettext("Route map %(route_map_id)s is being deleted.") % {"route_map_id": route_map.pk},
        next_url=reverse("routemaps:cen_route_maps", kwargs={"cen_id": instance.pk}),
    )
