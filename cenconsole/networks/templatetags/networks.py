"""The connectivity matrix's rows, rendered in Python: with network instances in all 18 regions the
matrix has 324 cells, and rendering each through template tags took most of the Networks tab's time."""

from urllib.parse import quote_plus, urlencode

from django import template
from django.urls import reverse
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext, ngettext

from cenconsole.accounts.uids import account_uid
from cenconsole.networks import selectors

register = template.Library()

PACKAGE = "__package__"


def instance_count(count: int) -> str:
    return ngettext("%(count)s network instance", "%(count)s network instances", count) % {"count": count}


@register.filter
def account_id(pk: int) -> int:
    """An account's 16-digit ID from its row key (a granted VPC's account)."""
    return account_uid(pk)


@register.filter
def network_count(group) -> str:
    """A region heading's "3 network instances"."""
    return instance_count(group.count)


@register.simple_tag
def connectivity_rows(matrix, instance):
    """The matrix's body: a row per region, a cell per region, each saying how the first region's
    network instances reach the second's and linking to what would change it. Every text is escaped
    once, before the loops, and the cells are joined as plain strings."""
    words = {
        key: escape(text)
        for key, text in {
            "self": gettext("Same instance"),
            "same_region": gettext("Connected (same region)"),
            "expired": gettext("Not connected (bandwidth package expired)"),
            "test_bandwidth": gettext("Test bandwidth (1 Kbps)"),
            "set_up": gettext("Set up connection"),
        }.items()
    }
    connected = gettext("Connected · %(bandwidth)s Mbps")
    buy_text = gettext("Buy a %(areas)s bandwidth package")
    renew_text = gettext("Renew %(package_id)s")
    connection_set_url = reverse("networks:connection_set", kwargs={"cen_id": instance.pk})
    buy_url = escape(reverse("bandwidth:buy") + "?" + urlencode({"cen_id": instance.pk}))
    renew_url = reverse("bandwidth:package_renew", kwargs={"package_id": PACKAGE})
    ids = {group.region.pk: escape(group.region.pk) for group in matrix.groups}
    quoted = {group.region.pk: quote_plus(group.region.pk) for group in matrix.groups}

    def cell_body(cell):
        if cell.kind == selectors.SELF:
            return f'<span class="text-muted">-</span><span class="visually-hidden">{words["self"]}</span>'
        if cell.kind == selectors.SAME_REGION:
            return f'<span class="status-dot status-ok"></span>{words["same_region"]}'
        if cell.kind == selectors.CONNECTED:
            return f'<span class="status-dot status-ok"></span>{escape(connected % {"bandwidth": cell.bandwidth})}'
        if cell.kind == selectors.EXPIRED:
            link = escape(renew_url.replace(PACKAGE, cell.setup_package))
            text = escape(renew_text % {"package_id": cell.setup_package})
            dot = '<span class="status-dot status-bad"></span>'
            return f'{dot}{words["expired"]}<div><a href="{link}">{text}</a></div>'
        if cell.setup_package:
            query = f"package={quote_plus(cell.setup_package)}&local_region={quoted[cell.source.pk]}"
            link = escape(f"{connection_set_url}?{query}&opposite_region={quoted[cell.target.pk]}")
            text = words["set_up"]
        else:
            link, text = buy_url, escape(buy_text % {"areas": cell.setup_areas})
        dot = '<span class="status-dot status-warn"></span>'
        return f'{dot}{words["test_bandwidth"]}<div><a href="{link}">{text}</a></div>'

    rows = []
    for row in matrix.rows:
        region = row.group.region
        cells = "".join(
            f'<td class="reach reach-{cell.kind}" data-from="{ids[cell.source.pk]}" data-to="{ids[cell.target.pk]}">'
            f"{cell_body(cell)}</td>"
            for cell in row.cells
        )
        rows.append(
            f'<tr><th scope="row" data-region="{ids[region.pk]}">{escape(region.display_name)}'
            f'<div class="resource-name">{escape(instance_count(row.group.count))}</div></th>{cells}</tr>'
        )
    return mark_safe("\n".join(rows))  # noqa: S308 - every value above is escaped
