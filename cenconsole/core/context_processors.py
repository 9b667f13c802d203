"""The layout every console page shares: the left navigation and the top bar's links and assets.
URLs and static paths are worked out once per process, not on every page: the layout is rendered on
every request, and reversing URLs was a large share of a list page's time."""

from functools import cache

from django.templatetags.static import static
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

# The left navigation, in the console's order: (section, label, URL name). Labels are lazy, so the
# cached layout below still shows each request's language.
NAV_LINKS = [
    ("instances", _("Instances"), "cen:instance_list"),
    ("packages", _("Bandwidth Packages"), "bandwidth:package_list"),
    ("health-check", _("Health Check"), "healthchecks:health_checks"),
    ("cross-account", _("Cross-account Authorization"), "grants:grant_list"),
    ("orders", _("Orders"), "bandwidth:order_list"),
    ("billing", _("Billing"), "billing:ledger"),
    ("tickets", _("Tickets"), "tickets:ticket_list"),
]

# Which entry a page belongs to, by the first matching view-name prefix.
NAV_SECTIONS = [
    ("bandwidth:order", "orders"),
    ("tickets:", "tickets"),
    ("billing:", "billing"),
    ("cen:", "instances"),
    ("bandwidth:package_list", "packages"),
    ("bandwidth:", "instances"),
    ("networks:", "instances"),
    ("routemaps:", "instances"),
    ("healthchecks:", "health-check"),
    ("grants:grant", "cross-account"),
    ("grants:", "instances"),
    ("workshops:", "workshops"),
]

LAYOUT_URLS = {
    "home": "cen:instance_list",
    "logout": "logout",
    "account": "account",
    "access_keys": "api:access_key_list",
    "account_email": "account_email",
    "sign_out_everywhere": "sign_out_everywhere",
    "how_to_buy": "how_to_buy",
    "demo_clock": "demo:clock",
    "demo_reset": "demo:reset",
}
LAYOUT_ASSETS = {
    "favicon": "img/favicon.svg",
    "bootstrap_css": "vendor/bootstrap-5.3.9/bootstrap.min.css",
    "console_css": "css/console.css",
    "htmx_js": "vendor/htmx-2.0.11/htmx.min.js",
    "console_js": "js/console.js",
    "driver_css": "vendor/driver.js-1.8.0/driver.css",
    "driver_js": "vendor/driver.js-1.8.0/driver.js.iife.js",
    "tour_css": "css/tour.css",
    "tour_js": "js/tour.js",
}


@cache
def _layout():
    return {
        "nav_links": [(section, label, reverse(url_name)) for section, label, url_name in NAV_LINKS],
        "layout_urls": {key: reverse(url_name) for key, url_name in LAYOUT_URLS.items()},
        "assets": {key: static(path) for key, path in LAYOUT_ASSETS.items()},
    }


def navigation(request):
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    section = next((section for prefix, section in NAV_SECTIONS if view_name.startswith(prefix)), "")
    return {"nav": section, **_layout()}
