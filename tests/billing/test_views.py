"""The Billing page and its CSV export: the signed-in account's ledger, and only it."""

import csv
import io
import re
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import time_machine
from django.core.exceptions import ValidationError

from cenconsole.accounts.models import LedgerEntry
from cenconsole.accounts.services import balance_change
from cenconsole.bandwidth import services
from cenconsole.bandwidth.models import Order
from tests.factories import CenInstanceFactory, balance_set, buy_package, order_purchase

pytestmark = pytest.mark.django_db

BILLING_URL = "/billing/"
EXPORT_URL = "/billing/export.csv"


def rows(html):
    """The ledger table's body rows, as lists of cell texts without tags."""
    body = re.search(r"<tbody>(.*?)</tbody>", html, re.S).group(1)
    return [
        [re.sub(r"<[^>]+>", " ", cell).split() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, re.S)]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def export(client):
    response = client.get(EXPORT_URL)
    assert response.status_code == 200
    return response, list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))


def test_billing_is_in_the_navigation_after_orders(client_user):
    """The left navigation lists Billing right after Orders, marked current on the Billing page."""
    html = client_user.get(BILLING_URL).text
    labels = re.findall(r'<li><a href="[^"]+"[^>]*>([^<]+)</a></li>', html)
    assert labels[labels.index("Orders") + 1] == "Billing"
    assert '<a href="/billing/" class="active" aria-current="page">Billing</a>' in html


def test_lists_entries_newest_first_with_signed_amounts_and_balance_after(client_user, cen_instance):
    """A charge shows above the opening credit: its time, description, signed amount and balance after."""
    with time_machine.travel(datetime(2030, 5, 4, 3, 2, tzinfo=UTC), tick=False):
        package = buy_package(cen_instance)
    order_id = LedgerEntry.objects.get(account=package.owner, kind="charge").order_id
    listed = rows(client_user.get(BILLING_URL).text)
    assert listed[0] == [
        ["2030-05-04", "03:02", "UTC"],
        ["Buy", "order", Order.objects.get(pk=order_id).number, "Charge"],
        ["-1,600.00"],
        ["8,400.00"],
    ]
    assert listed[1][1:] == [["Opening", "credit", "Opening", "credit"], ["+10,000.00"], ["10,000.00"]]


def test_a_charge_links_to_its_order(client_user, cen_instance):
    """An entry with an order links to that order's page."""
    buy_package(cen_instance)
    order_id = LedgerEntry.objects.get(kind="charge").order_id
    assert f'<a href="/cen/orders/{order_id}/">' in client_user.get(BILLING_URL).text


def test_an_entry_without_an_order_has_no_link(client_user):
    """The opening credit is plain text: no order to link to."""
    html = client_user.get(BILLING_URL).text
    assert not re.search(r'href="/cen/orders/\d+/"', html) and re.search(r"<td[^>]*>Opening credit<div", html)


def test_a_failed_payment_writes_no_entry(client_user, cen_instance):
    """A refused Pay charges nothing and lists nothing."""
    order = order_purchase(cen_instance, bandwidth=1000)
    with pytest.raises(ValidationError):
        services.order_pay(owner=cen_instance.owner, order_id=order.pk)
    assert len(rows(client_user.get(BILLING_URL).text)) == 1


def test_pages_hold_twenty_entries(client_user, user):
    """Entries beyond twenty are on the next page, reached through the shared pager."""
    for amount in range(1, 22):
        balance_set(user, Decimal(10000 + amount))
    first = client_user.get(BILLING_URL).text
    assert len(rows(first)) == 20 and "Page 1 of 2" in first and 'href="?page=2"' in first
    assert len(rows(client_user.get(BILLING_URL, {"page": 2}).text)) == 2


@pytest.mark.parametrize("page", ["0", "999", "x", "-1", "1e9", "%00"])
def test_any_page_number_answers_a_page(client_user, page):
    """A page number out of range or not a number shows a page, never an error."""
    assert client_user.get(BILLING_URL, {"page": page}).status_code == 200


def test_another_accounts_entries_never_show(client_user, other_user, cen_instance):
    """Entries of another account are neither listed nor exported."""
    buy_package(CenInstanceFactory(owner=other_user), name="theirs")
    balance_set(other_user, Decimal("123.45"))
    other_orders = LedgerEntry.objects.filter(account=other_user, order_id__isnull=False).values_list(
        "order_id", flat=True
    )
    html = client_user.get(BILLING_URL).text
    assert "123.45" not in html and "Test set-up" not in html
    assert not any(f"/cen/orders/{order_id}/" in html for order_id in other_orders)
    _, exported = export(client_user)
    assert len(exported) == 2 and "Test set-up" not in str(exported)


def test_export_streams_every_entry_with_a_header_row(client_user, user, cen_instance):
    """Export CSV streams a header and one row per entry, newest first, as text/csv."""
    buy_package(cen_instance)
    with time_machine.travel(datetime(2030, 5, 4, 3, 2, 1, tzinfo=UTC), tick=False):
        for amount in range(25):
            balance_set(user, Decimal(9000 + amount))
    response, exported = export(client_user)
    assert response.streaming and response["Content-Type"].startswith("text/csv")
    assert exported[0] == ["Time (UTC)", "Kind", "Description", "Order", "Amount (USD)", "Balance After (USD)"]
    assert len(exported) == 1 + LedgerEntry.objects.filter(account=user).count() == 1 + 27
    charge = LedgerEntry.objects.get(kind="charge")
    assert exported[1] == ["2030-05-04 03:02:01", "Adjustment", "Test set-up", "", "1.00", "9024.00"]
    assert exported[-2] == [
        f"{charge.created_at:%Y-%m-%d %H:%M:%S}",
        "Charge",
        f"Buy order {Order.objects.get(pk=charge.order_id).number}",
        str(charge.order_id),
        "-1600.00",
        "8400.00",
    ]
    assert exported[-1][1:] == ["Opening credit", "Opening credit", "", "10000.00", "10000.00"]


def test_export_filename_names_the_account_and_the_date(client_user, user):
    """The download is named billing-<account>-<date>.csv."""
    with time_machine.travel(datetime(2026, 7, 8, 9, 0, tzinfo=UTC), tick=False):
        response, _ = export(client_user)
    assert response["Content-Disposition"] == f'attachment; filename="billing-{user.username}-2026-07-08.csv"'


def test_export_neutralises_a_description_a_spreadsheet_would_run(client_user, user):
    """A description starting with = is exported with a leading quote, so a spreadsheet shows it as text."""
    balance_change(account=user, amount=Decimal("1"), kind="adjustment", description='=HYPERLINK("x")')
    _, exported = export(client_user)
    assert exported[1][2] == '\'=HYPERLINK("x")'


def test_billing_page_links_the_export(client_user):
    """The Billing page offers Export CSV as a plain link."""
    assert f'href="{EXPORT_URL}"' in client_user.get(BILLING_URL).text


# What a spreadsheet might take for a formula at the start of a cell, whatever it splits a line on.
FORMULA = re.compile(r"^[=+\-@\t\r]")
NUMBER = re.compile(r"^-?\d+(\.\d+)?$")


def raw_export(client) -> list[str]:
    return b"".join(client.get(EXPORT_URL).streaming_content).decode().splitlines()


def test_export_quotes_every_cell(client_user, cen_instance):
    """Every cell of the export is in double quotes, numbers and the header included."""
    buy_package(cen_instance)
    for line in raw_export(client_user):
        cells = next(csv.reader([line]))
        assert line == ",".join('"' + cell.replace('"', '""') + '"' for cell in cells)


@pytest.mark.parametrize("separator", [";", ",", "\t", "|"])
def test_a_staff_reason_cannot_become_a_formula_whatever_the_separator(client_user, user, separator):
    """A staff reason like x;=cmd|' /C calc'!A0 never starts a cell with = + - @ for a spreadsheet that
    splits lines on ; , tab or |, ignoring the quotes."""
    from cenconsole.accounts.services import balance_adjust
    from tests.factories import UserFactory

    staff = UserFactory(username="cashier", is_staff=True, is_superuser=True)
    balance_adjust(account=user, amount=Decimal("1"), reason="x;=cmd|' /C calc'!A0", staff=staff)
    balance_adjust(account=user, amount=Decimal("1"), reason="@SUM(1+1)*cmd|' /C calc'!A0", staff=staff)
    balance_adjust(account=user, amount=Decimal("1"), reason="ok,\t+1,-2", staff=staff)
    for line in raw_export(client_user):
        for field in line.split(separator):
            field = field.strip().strip('"').strip()
            assert not FORMULA.match(field) or NUMBER.match(field), (line, field)


def test_a_neutralised_reason_still_reads_as_written(client_user, user):
    """Read back with a CSV reader, the reason is what staff wrote, each dangerous start behind a quote."""
    balance_change(account=user, amount=Decimal("1"), kind="adjustment", description="x;=cmd|' /C calc'!A0")
    _, exported = export(client_user)
    assert exported[1][2] == "x;'=cmd|' /C calc'!A0"
