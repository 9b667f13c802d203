"""A transit router's details page and its tabs (the real console's: click a router's ID on the CEN page's
Transit Router tab). Each tab is a page of its own URL taking cen_id and router_id; htmx swaps only the
tab body, as on the CEN page. A feature that lives on the router's page adds its tab here."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cenconsole.cen.tabs import cen_instance_or_404

from .selectors import transit_routers_for

# (key, label, URL name taking cen_id and router_id), in the console's order.
ROUTER_TABS = [
    ("route-tables", _("Route Table"), "transit:route_tables"),
    ("flow-logs", _("Flow Logs"), "flowlogs:router_flow_logs"),
    ("cidrs", _("CIDR"), "addressing:router_cidrs"),
    ("traffic-marking", _("Traffic Marking Policy"), "qos:marking_policies"),
    ("qos", _("QoS Policy"), "qos:qos_policies"),
    ("multicast", _("Multicast"), "multicast:router_multicast"),
]


def router_or_404(request, instance, router_id):
    """The signed-in account's transit router of this CEN instance (with its region); any other is not found."""
    return get_object_or_404(
        transit_routers_for(owner=request.user).select_related("region"), cen_instance=instance, pk=router_id
    )


def router_tabs(instance, router):
    kwargs = {"cen_id": instance.pk, "router_id": router.pk}
    return [
        {"key": key, "label": label, "url": reverse(url_name, kwargs=kwargs)} for key, label, url_name in ROUTER_TABS
    ]


def router_page(request, cen_id, router_id):
    """The CEN instance and the router a router page is about (each not found unless the account's own)."""
    instance = cen_instance_or_404(request, cen_id)
    return instance, router_or_404(request, instance, router_id)


def router_page_context(instance, router, active_tab, **context):
    """What transit/router_base.html needs (the instance, the router and its tabs), plus the tab's own."""
    return {
        "instance": instance,
        "router": router,
        "router_tabs": router_tabs(instance, router),
        "active_tab": active_tab,
        **context,
    }
