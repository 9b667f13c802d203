from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.cen.tabs import cen_instance_or_404, cen_page_context
from cenconsole.core.forms import add_service_errors
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import confirm_page, render_page

from . import routes, selectors, services
from .forms import AttachNetworkForm, RegionConnectionForm
from .models import NetworkInstance, RegionConnection

# Networks tab ------------------------------------------------------------------------------------


NETWORKS_PER_PAGE = 20


def networks_tab(request, instance, *, form=None, partial="tab_body", **extra):
    """The Networks tab, with an Attach Network form open when `form` is given (the grants app's
    Different Account form renders the same tab, through `extra`)."""
    # Lazy, so rendering only the form's partial does not read the networks.
    matrix = SimpleLazyObject(lambda: selectors.connectivity_matrix(owner=request.user, cen_instance=instance))
    # The table of network instances is paged; the matrix (one row per region) covers them all.
    networks = selectors.network_instances_for_cen(owner=request.user, cen_instance=instance)
    page = SimpleLazyObject(lambda: Paginator(networks, NETWORKS_PER_PAGE).get_page(request.GET.get("page")))
    context = cen_page_context(instance, "networks", matrix=matrix, page=page, form=form, **extra)
    return render_page(request, "networks/cen_networks.html", context, partial=partial)


@login_required
@require_GET
@cached_page
def cen_networks(request, cen_id):
    """The CEN page's Networks tab: attached network instances and who can reach whom."""
    return networks_tab(request, cen_instance_or_404(request, cen_id))


@login_required
@require_http_methods(["GET", "POST"])
def network_attach(request, cen_id):
    """Attach Network Instance: the form in the Networks tab (only the form for htmx)."""
    instance = cen_instance_or_404(request, cen_id)
    form = AttachNetworkForm(request.POST or None, initial={"network_type": NetworkInstance.NetworkType.VPC})
    if request.method == "POST" and form.is_valid():
        try:
            network = services.network_instance_attach(
                owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(
                request, gettext("Network instance %(network_id)s was attached.") % {"network_id": network.instance_id}
            )
            return redirect("networks:cen_networks", cen_id=instance.pk)
    return networks_tab(request, instance, form=form, partial="attach_form")


@login_required
@require_POST
def network_detach(request, cen_id, network_id):
    instance = cen_instance_or_404(request, cen_id)
    network = get_object_or_404(
        selectors.network_instances_for(owner=request.user), cen_instance=instance, pk=network_id
    )
    services.network_instance_detach(owner=request.user, network_id=network.pk)
    messages.success(
        request, gettext("Network instance %(network_id)s was detached.") % {"network_id": network.instance_id}
    )
    return redirect("networks:cen_networks", cen_id=instance.pk)


# Route Information tab ---------------------------------------------------------------------------

ROUTES_PER_PAGE = 50


@login_required
@require_GET
@cached_page
def cen_routes(request, cen_id):
    """The CEN page's Route Information tab: the routes CEN learns from the attached VPCs, and one
    network instance's routes (chosen by `network`, the first by default) with their publish status:
    Publish and Withdraw on the custom routes the service allows them for."""
    instance = cen_instance_or_404(request, cen_id)
    page = Paginator(routes.cen_routes(cen_instance=instance), ROUTES_PER_PAGE).get_page(request.GET.get("page"))
    networks = list(selectors.network_instances_for_cen(owner=request.user, cen_instance=instance))
    chosen = request.GET.get("network")
    network = next((each for each in networks if each.instance_id == chosen), networks[0] if networks else None)
    network_routes = routes.published_routes(network=network) if network is not None else []
    context = cen_page_context(
        instance, "route-information", page=page, networks=networks, network=network, network_routes=network_routes
    )
    return render_page(request, "networks/cen_routes.html", context, partial="tab_body")


def _route_entry_or_404(request, instance, route_entry_id):
    return get_object_or_404(
        selectors.publishable_route_entries(owner=request.user, cen_instance=instance), pk=route_entry_id
    )


def _route_entry_change(request, instance, entry, *, template, change, success):
    network = entry.network
    next_url = reverse("networks:cen_routes", kwargs={"cen_id": instance.pk}) + f"?network={network.instance_id}"
    return confirm_page(
        request,
        template,
        {"instance": instance, "entry": entry, "network": network, "next_url": next_url},
        action=lambda: change(
            owner=request.user,
            cen_instance_id=instance.pk,
            vpc_id=network.instance_id,
            region_code=network.region_id,
            route_table_id=entry.route_table_id,
            destination_cidr=entry.destination_cidr,
        ),
        success=success % {"cidr": entry.destination_cidr, "network_id": network.instance_id},
        next_url=next_url,
    )


@login_required
@require_http_methods(["GET", "POST"])
def route_entry_publish(request, cen_id, vpc_route_entry_id):
    """Publish on a route entry: a confirm page, then PublishRouteEntries' service."""
    instance = cen_instance_or_404(request, cen_id)
    entry = _route_entry_or_404(request, instance, vpc_route_entry_id)
    return _route_entry_change(
        request,
        instance,
        entry,
        template="networks/route_entry_publish.html",
        change=services.route_entry_publish,
        success=gettext("The route to %(cidr)s of %(network_id)s was published to the CEN instance."),
    )


@login_required
@require_http_methods(["GET", "POST"])
def route_entry_withdraw(request, cen_id, vpc_route_entry_id):
    """Withdraw on a published route entry: a confirm page, then WithdrawPublishedRouteEntries' service."""
    instance = cen_instance_or_404(request, cen_id)
    entry = _route_entry_or_404(request, instance, vpc_route_entry_id)
    return _route_entry_change(
        request,
        instance,
        entry,
        template="networks/route_entry_withdraw.html",
        change=services.route_entry_withdraw,
        success=gettext("The route to %(cidr)s of %(network_id)s was withdrawn from the CEN instance."),
    )


# Region Connections tab --------------------------------------------------------------------------


def _connections_tab(request, instance, *, form=None, partial="tab_body"):
    context = cen_page_context(
        instance,
        "region-connections",
        packages=selectors.packages_with_usage_for_cen(owner=request.user, cen_instance=instance),
        connections=selectors.region_connections_for_cen(owner=request.user, cen_instance=instance),
        form=form,
    )
    return render_page(request, "networks/cen_region_connections.html", context, partial=partial)


@login_required
@require_GET
@cached_page
def cen_region_connections(request, cen_id):
    """The CEN page's Region Connections tab: the connections and each package's used bandwidth."""
    return _connections_tab(request, cen_instance_or_404(request, cen_id))


@login_required
@require_http_methods(["GET", "POST"])
def connection_set(request, cen_id):
    """Set Region Connection. GET shows the form, filled from the query string (Modify, the matrix's
    links, and htmx narrowing the regions when the package changes); POST sets the connection."""
    instance = cen_instance_or_404(request, cen_id)
    packages = selectors.packages_for_cen(owner=request.user, cen_instance=instance)
    if request.method == "POST":
        form = RegionConnectionForm(request.POST, packages=packages)
        if form.is_valid():
            try:
                connection = services.region_connection_set(
                    owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if connection is None:
                    messages.success(request, gettext("The region connection was deleted (bandwidth 0)."))
                else:
                    message = gettext("Region connection %(regions)s was set to %(bandwidth)s Mbps.")
                    messages.success(
                        request, message % {"regions": connection.regions_label, "bandwidth": connection.bandwidth}
                    )
                return redirect("networks:cen_region_connections", cen_id=instance.pk)
    else:
        fields = ("package", "local_region", "opposite_region", "bandwidth")
        initial = {key: request.GET[key] for key in fields if key in request.GET}
        form = RegionConnectionForm(initial=initial, packages=packages)
    return _connections_tab(request, instance, form=form, partial="connection_form")


@login_required
@require_POST
def connection_delete(request, cen_id, connection_id):
    instance = cen_instance_or_404(request, cen_id)
    try:
        connection = selectors.region_connection_get(
            owner=request.user, cen_instance=instance, connection_id=connection_id
        )
        services.region_connection_delete(owner=request.user, connection_id=connection.pk)
    except RegionConnection.DoesNotExist:
        raise Http404("No such region connection.") from None
    messages.success(
        request,
        gettext("Region connection %(regions_label)s was deleted.") % {"regions_label": connection.regions_label},
    )
    return redirect("networks:cen_region_connections", cen_id=instance.pk)
