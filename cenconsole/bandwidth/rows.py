"""The links of a package table's rows. Each row offers up to eight links; reversing them per row
(eight URL reversals times fifteen rows) was most of the Bandwidth Packages tab's time, so each link
is reversed once per table with a marker and filled in per row."""

from django.urls import reverse

PACKAGE = "__package__"
CEN = "__cen__"
TICKET = 999_999_999_999  # an int converter needs a number

PACKAGE_LINKS = {
    "upgrade": "bandwidth:package_upgrade",
    "downgrade": "bandwidth:package_downgrade",
    "renew": "bandwidth:package_renew",
    "auto_renewal": "bandwidth:package_auto_renewal",
    "request_deletion": "tickets:request_deletion",
}


def with_row_links(packages):
    """The packages as a list, each with `links`: its action URLs by name."""
    patterns = {key: reverse(name, kwargs={"package_id": PACKAGE}) for key, name in PACKAGE_LINKS.items()}
    unbind = reverse("bandwidth:package_unbind", kwargs={"cen_id": CEN, "package_id": PACKAGE})
    ticket = reverse("tickets:ticket_detail", kwargs={"ticket_id": TICKET})
    packages = list(packages)
    for package in packages:
        package.links = {key: pattern.replace(PACKAGE, package.pk) for key, pattern in patterns.items()}
        if package.cen_instance_id:
            package.links["unbind"] = unbind.replace(CEN, package.cen_instance_id).replace(PACKAGE, package.pk)
        if getattr(package, "open_ticket_id", None):
            package.links["ticket"] = ticket.replace(str(TICKET), str(package.open_ticket_id))
    return packages
