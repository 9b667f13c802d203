"""The Billing page: the account's ledger, newest first, and the same entries as a CSV file."""

import csv

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext
from django.views.decorators.http import require_GET

from cenconsole.accounts.selectors import ledger_entries_for
from cenconsole.core import clock
from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import render_page

PAGE_SIZE = 20
# A spreadsheet runs a cell that starts with one of these as a formula; descriptions may hold a
# staff member's free text. A spreadsheet that splits lines on another separator than the file's
# comma (and ignores the quotes) starts a cell after each of these separators too.
FORMULA_STARTS = frozenset("=+-@\t\r")
SEPARATORS = frozenset(";,\t|\r\n")


@login_required
@require_GET
@cached_page
def ledger(request):
    page = Paginator(ledger_entries_for(account=request.user), PAGE_SIZE).get_page(request.GET.get("page"))
    return render_page(request, "billing/ledger.html", {"page": page})


class _Echo:
    """A file-like object csv.writer writes a row to, handing the row back for streaming."""

    def write(self, value):
        return value


def _text_cell(value: str) -> str:
    """The text with a quote before every character that could start a formula: at its start, or
    after a separator (and any spaces), so no split of the line makes a cell that a spreadsheet runs."""
    cell, at_start = [], True
    for character in value:
        if at_start and character in FORMULA_STARTS:
            cell.append("'")
        cell.append(character)
        at_start = character in SEPARATORS or (at_start and character == " ")
    return "".join(cell)


def _csv_rows(entries):
    yield [
        gettext("Time (UTC)"),
        gettext("Kind"),
        gettext("Description"),
        gettext("Order"),
        gettext("Amount (USD)"),
        gettext("Balance After (USD)"),
    ]
    for entry in entries:
        yield [
            f"{entry.created_at:%Y-%m-%d %H:%M:%S}",
            _text_cell(entry.get_kind_display()),
            _text_cell(entry.description),
            entry.order_id or "",
            f"{entry.amount:.2f}",
            f"{entry.balance_after:.2f}",
        ]


@login_required
@require_GET
def ledger_export(request):
    """Export CSV: every entry of the account, streamed (no list in memory however long the ledger)."""
    writer = csv.writer(_Echo(), quoting=csv.QUOTE_ALL)
    entries = ledger_entries_for(account=request.user).iterator(chunk_size=1000)
    response = StreamingHttpResponse(
        (writer.writerow(row) for row in _csv_rows(entries)), content_type="text/csv; charset=utf-8"
    )
    filename = f"billing-{request.user.get_username()}-{clock.now():%Y-%m-%d}.csv"
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    return response
