"""The CEN page's tabs. Each tab is a page of its own URL; htmx swaps only the tab body."""

from django.urls import reverse

# (key, label, URL name taking cen_id), in the console's order.
CEN_TABS = [
    ("networks", "Networks", "networks:cen_networks"),
    ("bandwidth-packages", "Bandwidth Packages", "bandwidth:cen_tab"),
    ("region-connections", "Region Connections", "networks:cen_region_connections"),
]


def cen_tabs(instance):
    return [
        {"key": key, "label": label, "url": reverse(url_name, kwargs={"cen_id": instance.pk})}
        for key, label, url_name in CEN_TABS
    ]
