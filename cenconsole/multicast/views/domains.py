"""The transit router page's Multicast tab and a multicast domain's page: Create Multicast Domain, Modify
and Delete, through the services of CreateTransitRouterMulticastDomain, ModifyTransitRouterMulticastDomain
and DeleteTransitRouterMulticastDomain."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.rendering import confirm_page, render_page
from cenconsole.transit.router_tabs import router_page, router_page_context

from .. import selectors, services
from ..forms import MulticastDomainForm
from .common import domain_page, domain_url, tab_url


@login_required
@require_GET
def router_multicast(request, cen_id, router_id):
    """The Multicast tab of a transit router: its multicast domains with their status on the clock."""
    instance, router = router_page(request, cen_id, router_id)
    domains = selectors.router_multicast_domains(owner=request.user, router=router)
    context = router_page_context(instance, router, "multicast", domains=domains)
    return render_page(request, "multicast/router_multicast.html", context, partial="tab_body")


def _form_page(request, instance, router, form, domain=None):
    context = {"instance": instance, "router": router, "form": form, "domain": domain}
    return render_page(request, "multicast/domain_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def domain_create(request, cen_id, router_id):
    """Create Multicast Domain on the router (refused unless it was made with multicast and is Active)."""
    instance, router = router_page(request, cen_id, router_id)
    form = MulticastDomainForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            domain = services.multicast_domain_create(
                owner=request.user, transit_router_id=router.pk, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                gettext("Multicast domain %(domain_id)s is being created: it is Active in a few seconds.")
                % {"domain_id": domain.pk},
            )
            return redirect(tab_url(instance, router))
    return _form_page(request, instance, router, form)


@login_required
@require_http_methods(["GET", "POST"])
def domain_modify(request, cen_id, domain_id):
    """Modify on a multicast domain: its name, description and IGMPv2."""
    instance, domain = domain_page(request, cen_id, domain_id)
    form = MulticastDomainForm(request.POST or None, domain=domain)
    if request.method == "POST" and form.is_valid():
        try:
            services.multicast_domain_update(owner=request.user, domain_id=domain.pk, **form.service_arguments())
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, gettext("Multicast domain %(domain_id)s is modified.") % {"domain_id": domain.pk})
            return redirect(tab_url(instance, domain.transit_router))
    return _form_page(request, instance, domain.transit_router, form, domain)


@login_required
@require_http_methods(["GET", "POST"])
def domain_delete(request, cen_id, domain_id):
    """Delete on a multicast domain: a confirm page, then the delete (refused while it has vSwitches,
    members or sources)."""
    instance, domain = domain_page(request, cen_id, domain_id)
    return confirm_page(
        request,
        "multicast/domain_delete.html",
        {"instance": instance, "router": domain.transit_router, "domain": domain},
        action=lambda: services.multicast_domain_delete(owner=request.user, domain_id=domain.pk),
        success=gettext("Multicast domain %(domain_id)s is being deleted.") % {"domain_id": domain.pk},
        next_url=tab_url(instance, domain.transit_router),
    )


@login_required
@require_GET
def domain_detail(request, cen_id, domain_id):
    """A multicast domain's page: its associated vSwitches and its multicast groups' sources and members."""
    instance, domain = domain_page(request, cen_id, domain_id)
    context = {
        "instance": instance,
        "router": domain.transit_router,
        "domain": domain,
        "associations": selectors.domain_associations(owner=request.user, domain=domain),
        "group_resources": selectors.domain_group_resources(owner=request.user, domain=domain),
        "domain_url": domain_url(instance, domain),
    }
    return render_page(request, "multicast/domain_detail.html", context)
