"""The CEN page's Transit Router tab: routers, their connections and inter-region connections."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.bandwidth.selectors import packages_for_cen
from cenconsole.cen.tabs import cen_instance_or_404, cen_page_context
from cenconsole.core.forms import add_service_errors
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import confirm_page, render_page

from .. import selectors, services
from ..forms import PeerBandwidthForm, PeerConnectionForm, TransitRouterForm, VpcConnectionForm
from ..router_tabs import router_or_404 as _router_or_404

TEMPLATE = "transit/cen_transit_routers.html"


def tab_page(request, instance, *, partial="tab_body", **context):
    routers = selectors.cen_transit_routers(owner=request.user, cen_instance=instance)
    for router in routers:
        for connection in router.product_connections:
            kind = connection.RESOURCE_TYPE.lower()
            arguments = [instance.pk, connection.pk]
            connection.modify_url = reverse(f"transit:{kind}_connection_modify", args=arguments)
            connection.delete_url = reverse(f"transit:{kind}_connection_delete", args=arguments)
    peers = selectors.peer_attachments_for(owner=request.user).filter(transit_router__cen_instance=instance)
    peers = list(peers)
    matrix = selectors.transit_connectivity(routers, peers) if len(routers) > 1 else []
    context = cen_page_context(
        instance, "transit-routers", routers=routers, peer_connections=peers, matrix=matrix, **context
    )
    return render_page(request, TEMPLATE, context, partial=partial)


@login_required
@require_GET
@cached_page
def cen_transit_routers(request, cen_id):
    """The CEN page's Transit Router tab: the Enterprise Edition routers, each with its VPC connections."""
    return tab_page(request, cen_instance_or_404(request, cen_id))


@login_required
@require_http_methods(["GET", "POST"])
def transit_router_create(request, cen_id):
    """Create Transit Router: the form in the tab (only the form for htmx)."""
    instance = cen_instance_or_404(request, cen_id)
    form = TransitRouterForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            router = services.transit_router_create(
                owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Transit router %(transit_router_id)s is being created: it is Active in a few seconds.")
                % {"transit_router_id": router.pk},
            )
            return redirect("transit:cen_transit_routers", cen_id=instance.pk)
    return tab_page(request, instance, form=form, partial="router_form")


@login_required
@require_http_methods(["GET", "POST"])
def transit_router_delete(request, cen_id, router_id):
    """Delete on a transit router: a confirm page, then the delete (refused while it has connections)."""
    instance = cen_instance_or_404(request, cen_id)
    router = _router_or_404(request, instance, router_id)
    return confirm_page(
        request,
        "transit/transit_router_delete.html",
        {"instance": instance, "router": router},
        action=lambda: services.transit_router_delete(owner=request.user, transit_router_id=router.pk),
        success=gettext("Transit router %(transit_router_id)s is being deleted.") % {"transit_router_id": router.pk},
        next_url=reverse("transit:cen_transit_routers", kwargs={"cen_id": instance.pk}),
    )


@login_required
@require_http_methods(["GET", "POST"])
def vpc_connection_create(request, cen_id, router_id):
    """Create VPC Connection on a transit router."""
    instance = cen_instance_or_404(request, cen_id)
    router = _router_or_404(request, instance, router_id)
    form = VpcConnectionForm(request.POST or None, region=router.region)
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.vpc_attachment_create(
                owner=request.user, transit_router_id=router.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext(
                    "VPC %(vpc_id)s is being connected to transit router %(transit_router_id)s (%(attachment_id)s)."
                )
                % {"vpc_id": attachment.vpc_id, "transit_router_id": router.pk, "attachment_id": attachment.pk},
            )
            return redirect("transit:cen_transit_routers", cen_id=instance.pk)
    return tab_page(request, instance, connection_form=form, form_router=router, partial="connection_form")


@login_required
@require_http_methods(["GET", "POST"])
def vpc_connection_delete(request, cen_id, router_id, attachment_id):
    """Delete on a VPC connection: a confirm page, then the delete."""
    instance = cen_instance_or_404(request, cen_id)
    router = _router_or_404(request, instance, router_id)
    attachment = get_object_or_404(
        selectors.vpc_attachments_for(owner=request.user), transit_router=router, pk=attachment_id
    )
    return confirm_page(
        request,
        "transit/vpc_connection_delete.html",
        {"instance": instance, "router": router, "attachment": attachment},
        action=lambda: services.vpc_attachment_delete(owner=request.user, attachment_id=attachment.pk),
        success=gettext("VPC connection %(attachment_id)s is being deleted.") % {"attachment_id": attachment.pk},
        next_url=reverse("transit:cen_transit_routers", kwargs={"cen_id": instance.pk}),
    )


def _peer_or_404(request, instance, attachment_id):
    return get_object_or_404(
        selectors.peer_attachments_for(owner=request.user), transit_router__cen_instance=instance, pk=attachment_id
    )


@login_required
@require_http_methods(["GET", "POST"])
def peer_connection_create(request, cen_id, router_id):
    """Create Inter-region Connection from a transit router."""
    instance = cen_instance_or_404(request, cen_id)
    router = _router_or_404(request, instance, router_id)
    form = PeerConnectionForm(
        request.POST or None,
        router=router,
        peers=selectors.transit_routers_for(owner=request.user).filter(cen_instance=instance),
        packages=packages_for_cen(owner=request.user, cen_instance=instance),
    )
    if request.method == "POST" and form.is_valid():
        try:
            attachment = services.peer_attachment_create(
                owner=request.user, transit_router_id=router.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Inter-region connection %(attachment_id)s of %(bandwidth)s Mbps is being created.")
                % {"attachment_id": attachment.pk, "bandwidth": attachment.bandwidth},
            )
            return redirect("transit:cen_transit_routers", cen_id=instance.pk)
    return tab_page(request, instance, peer_form=form, form_router=router, partial="peer_form")


@login_required
@require_http_methods(["GET", "POST"])
def peer_connection_modify(request, cen_id, peer_attachment_id):
    """Modify an inter-region connection's bandwidth: its own page."""
    instance = cen_instance_or_404(request, cen_id)
    attachment = _peer_or_404(request, instance, peer_attachment_id)
    form = PeerBandwidthForm(request.POST or None, initial={"bandwidth": attachment.bandwidth})
    if request.method == "POST" and form.is_valid():
        try:
            services.peer_attachment_update(
                owner=request.user, attachment_id=attachment.pk, bandwidth=form.cleaned_data["bandwidth"]
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("Inter-region connection %(attachment_id)s now has %(bandwidth)s Mbps.")
                % {"attachment_id": attachment.pk, "bandwidth": form.cleaned_data["bandwidth"]},
            )
            return redirect("transit:cen_transit_routers", cen_id=instance.pk)
    context = {"instance": instance, "attachment": attachment, "form": form}
    return render_page(request, "transit/peer_connection_modify.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def peer_connection_delete(request, cen_id, peer_attachment_id):
    """Delete on an inter-region connection: a confirm page, then the delete."""
    instance = cen_instance_or_404(request, cen_id)
    attachment = _peer_or_404(request, instance, peer_attachment_id)
    return confirm_page(
        request,
        "transit/peer_connection_delete.html",
        {"instance": instance, "attachment": attachment},
        action=lambda: services.peer_attachment_delete(owner=request.user, attachment_id=attachment.pk),
        success=gettext("Inter-region connection %(attachment_id)s is being deleted.")
        % {"attachment_id": attachment.pk},
        next_url=reverse("transit:cen_transit_routers", kwargs={"cen_id": instance.pk}),
    )
