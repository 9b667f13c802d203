"""The CEN page and its tabs. Each tab is a page of its own URL; htmx swaps only the tab body."""

from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from .selectors import cen_instances_for

# (key, label, URL name taking cen_id), in the console's order.
CEN_TABS = [
    ("networks", _("Networks"), "networks:cen_networks"),
    ("bandwidth-packages", _("Bandwidth Packages"), "bandwidth:cen_tab"),
    ("region-connections", _("Region Connections"), "networks:cen_region_connections"),
    ("route-information", _("Route Information"), "networks:cen_routes"),
    ("route-maps", _("Route Maps"), "routemaps:cen_route_maps"),
    ("transit-routers", _("Transit Router"), "transit:cen_transit_routers"),
]


def cen_tabs(instance):
    return [
        {"key": key, "label": label, "url": reverse(url_name, kwargs={"cen_id": instance.pk})}
        for key, label, url_name in CEN_TABS
    ]


def cen_instance_or_404(request, cen_id):
    """The signed-in account's CEN instance; another account's (or a deleted one) is not found."""
    return get_object_or_404(cen_instances_for(owner=request.user), pk=cen_id)


def cen_page_context(instance, active_tab, **context):
    """What cen/detail_base.html needs (the instance and its tabs), plus the tab's own context."""
    return {"instance": instance, "cen_tabs": cen_tabs(instance), "active_tab": active_tab, **context}
