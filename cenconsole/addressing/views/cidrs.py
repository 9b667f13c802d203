"""The transit router page's CIDR tab: the router's CIDR blocks, Add CIDR Block, Modify and Delete, each
through the service its API action calls (Create/Modify/DeleteTransitRouterCidr)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import confirm_page, render_page
from cenconsole.transit.router_tabs import router_page, router_page_context

from .. import selectors, services
from ..forms import CidrForm


@login_required
@require_GET
def router_cidrs(request, cen_id, router_id):
    """CIDR tab of a transit router: its CIDR blocks, oldest first."""
    instance, router = router_page(request, cen_id, router_id)
    blocks = selectors.cidrs_for(owner=request.user).filter(transit_router=router)
    context = router_page_context(instance, router, "cidrs", blocks=blocks)
    return render_page(request, "addressing/cidrs.html", context, partial="tab_body")


def _block_or_404(request, router, cidr_id):
    return get_object_or_404(selectors.cidrs_for(owner=request.user), transit_router=router, pk=cidr_id)


def _tab_url(instance, router):
    return reverse("addressing:router_cidrs", kwargs={"cen_id": instance.pk, "router_id": router.pk})


def _form_page(request, instance, router, form, block=None):
    context = {"instance": instance, "router": router, "form": form, "cidr_block": block}
    return render_page(request, "addressing/cidr_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def cidr_create(request, cen_id, router_id):
    """Add CIDR Block: the block, its name and description, and whether its route is published."""
    instance, router = router_page(request, cen_id, router_id)
    form = CidrForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            block = services.cidr_create(owner=request.user, transit_router_id=router.pk, **form.service_arguments())
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request,
                gettext("CIDR block %(cidr)s (%(cidr_id)s) is added to the transit router.")
                % {"cidr": block.cidr, "cidr_id": block.pk},
            )
            return redirect(_tab_url(instance, router))
    return _form_page(request, instance, router, form)


@login_required
@require_http_methods(["GET", "POST"])
def cidr_modify(request, cen_id, router_id, cidr_id):
    """Modify on a CIDR block: every field again (a new block is refused while its addresses are allocated)."""
    instance, router = router_page(request, cen_id, router_id)
    block = _block_or_404(request, router, cidr_id)
    form = CidrForm(request.POST or None, block=block)
    if request.method == "POST" and form.is_valid():
        try:
            services.cidr_update(
                owner=request.user, transit_router_id=router.pk, cidr_id=block.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, gettext("CIDR block %(cidr_id)s is modified.") % {"cidr_id": block.pk})
            return redirect(_tab_url(instance, router))
    return _form_page(request, instance, router, form, block)


@login_required
@require_http_methods(["GET", "POST"])
def cidr_delete(request, cen_id, router_id, cidr_id):
    """Delete on a CIDR block: a confirm page, then the delete (refused while its addresses are allocated)."""
    instance, router = router_page(request, cen_id, router_id)
    block = _block_or_404(request, router, cidr_id)
    return confirm_page(
        request,
        "addressing/cidr_delete.html",
        {"instance": instance, "router": router, "cidr_block": block},
        action=lambda: services.cidr_delete(owner=request.user, transit_router_id=router.pk, cidr_id=block.pk),
        success=gettext("CIDR block %(cidr)s (%(cidr_id)s) is deleted.") % {"cidr": block.cidr, "cidr_id": block.pk},
        next_url=_tab_url(instance, router),
    )
