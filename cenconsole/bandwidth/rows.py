"""The links and words of a package table's rows, and the links of the Orders table's. Each package
row offers up to nine links and a dozen words; reversing the links (nine reversals times fifteen
rows) and translating the words ({% translate %} a dozen times a row) per row was most of the
Bandwidth Packages tab's time, so each link is reversed once per table with a marker and filled in
per row, and the words are translated once per table into `row_words`."""

from django.urls import reverse
from django.utils.translation import gettext, gettext_noop

PACKAGE = "__package__"
CEN = "__cen__"
TICKET = 999_999_999_999  # an int converter needs a number
ORDER = TICKET

PACKAGE_LINKS = {
    "upgrade": "bandwidth:package_upgrade",
    "downgrade": "bandwidth:package_downgrade",
    "renew": "bandwidth:package_renew",
    "auto_renewal": "bandwidth:package_auto_renewal",
    "request_deletion": "tickets:request_deletion",
    "tags": "tags:package_tags",
}

# The words every row shows, by the key templates read them with (`row_words.upgrade`).
ROW_WORDS = {
    "upgrade": gettext_noop("Upgrade"),
    "downgrade": gettext_noop("Downgrade"),
    "subscription": gettext_noop("Subscription"),
    "expired": gettext_noop("Expired"),
    "auto_renewal_label": gettext_noop("Auto-renewal:"),
    "off": gettext_noop("Off"),
    "renew": gettext_noop("Renew"),
    "auto_renewal": gettext_noop("Auto-renewal"),
    "deletion_requested": gettext_noop("Deletion Requested"),
    "request_deletion": gettext_noop("Request Deletion"),
    "unbind": gettext_noop("Unbind"),
    "edit_tags": gettext_noop("Edit Tags"),
    "more": gettext_noop("More"),
    # The column headings, repeated on each cell (data-label) for the phone's stacked cards.
    "column_id": gettext_noop("Instance ID/Name"),
    "column_areas": gettext_noop("Interconnected Areas"),
    "column_cen": gettext_noop("CEN Instance"),
    "column_resource_group": gettext_noop("Resource Group"),
    "column_bandwidth": gettext_noop("Bandwidth"),
    "column_billing": gettext_noop("Billing Method"),
    "column_status": gettext_noop("Status"),
    "column_expiration": gettext_noop("Expiration Time"),
    "column_actions": gettext_noop("Actions"),
    "unbind_title": gettext_noop("Unbind Bandwidth Package"),
    "ok": gettext_noop("OK"),
    "cancel": gettext_noop("Cancel"),
    # Why an action is shown disabled (beside it, and its aria-describedby).
    "reason_deletion_pending": gettext_noop("Not available while a deletion ticket is pending."),
    "reason_cross_border": gettext_noop("Cross-border packages cannot be downgraded."),
}


def unavailable_actions(package) -> dict[str, str]:
    """The row's actions the package cannot take, each with the key of its reason in ROW_WORDS: they
    are shown disabled with the reason, not offered and then refused at Buy Now. The services refuse
    them all the same (check_no_pending_deletion, resize_check)."""
    if getattr(package, "open_ticket_id", None):
        return dict.fromkeys(("renew", "upgrade", "downgrade"), "reason_deletion_pending")
    if package.is_cross_border:
        return {"downgrade": "reason_cross_border"}
    return {}


def row_words() -> dict[str, str]:
    """ROW_WORDS in the active language, once per table."""
    return {key: gettext(text) for key, text in ROW_WORDS.items()}


# The actions a row may show disabled: `unavailable` names each of them, "" when it is available.
ROW_ACTIONS = ("renew", "upgrade", "downgrade")


def with_row_links(packages):
    """The packages as a list, each with `links`: its action URLs by name ("" for a link the row does
    not offer), and `unavailable`: each of ROW_ACTIONS with its reason's key or "". Every key the row
    template reads is there: a missing one costs the template engine a failed lookup (an exception and
    a dir() of the object), which was about a tenth of a package table's time."""
    patterns = {key: reverse(name, kwargs={"package_id": PACKAGE}) for key, name in PACKAGE_LINKS.items()}
    unbind = reverse("bandwidth:package_unbind", kwargs={"cen_id": CEN, "package_id": PACKAGE})
    cen_tab = reverse("bandwidth:cen_tab", kwargs={"cen_id": CEN})
    ticket = reverse("tickets:ticket_detail", kwargs={"ticket_id": TICKET})
    packages = list(packages)
    for package in packages:
        package.links = {key: pattern.replace(PACKAGE, package.pk) for key, pattern in patterns.items()}
        package.links["unbind"] = package.links["cen_tab"] = package.links["ticket"] = ""
        if package.cen_instance_id:
            package.links["unbind"] = unbind.replace(CEN, package.cen_instance_id).replace(PACKAGE, package.pk)
            package.links["cen_tab"] = cen_tab.replace(CEN, package.cen_instance_id)
        package.unavailable = dict.fromkeys(ROW_ACTIONS, "") | unavailable_actions(package)
        if getattr(package, "open_ticket_id", None):
            package.links["ticket"] = ticket.replace(str(TICKET), str(package.open_ticket_id))
    return packages


ORDER_LINKS = {
    "detail": "bandwidth:order_detail",
    "pay": "bandwidth:order_pay",
    "cancel": "bandwidth:order_cancel",
}


def with_order_links(orders):
    """The orders as a list, each with `links`: its own URLs by name and `package_cen_tab`, the CEN tab
    of the package it made when that package is bound ("" otherwise). Reversing them per row was about
    a tenth of the Orders page's time."""
    patterns = {key: reverse(name, kwargs={"order_id": ORDER}) for key, name in ORDER_LINKS.items()}
    cen_tab = reverse("bandwidth:cen_tab", kwargs={"cen_id": CEN})
    orders = list(orders)
    for order in orders:
        order.links = {key: pattern.replace(str(ORDER), str(order.pk)) for key, pattern in patterns.items()}
        cen_id = order.package.cen_instance_id if order.package_id else None
        order.links["package_cen_tab"] = cen_tab.replace(CEN, cen_id) if cen_id else ""
    return orders
