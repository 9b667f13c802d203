"""The demo says the balance a seeded account really has: the demo credit less its paid sample packages."""

from decimal import Decimal

import pytest
from django.db.models import Sum

from cenconsole.accounts.models import LedgerEntry
from cenconsole.demo import services as demo

pytestmark = pytest.mark.django_db


def shown(amount):
    return f"USD {amount:,.2f}"


def test_seeded_balance_is_the_credit_less_the_sample_packages():
    """USD 10,000 of demo credit less the two 2 Mbps one-month sample packages (USD 140 together at the
    replica's prices)."""
    assert demo.seeded_balance() == Decimal("10000.00") - Decimal("140.00")


def test_a_new_sandbox_has_the_balance_its_pages_promise(client):
    """Try the console says the balance the sandbox then really has (and the ledger agrees)."""
    page = client.get("/demo/start/").content.decode()
    sandbox = demo.sandbox_create(ip_address=None)
    assert sandbox.balance == demo.seeded_balance()
    assert f"a balance of {shown(sandbox.balance)}" in page
    assert "USD 10,000 of demo credit)" not in page
    assert LedgerEntry.objects.filter(account=sandbox).aggregate(total=Sum("amount"))["total"] == sandbox.balance


def test_the_sign_in_page_says_the_sandbox_balance(client):
    """The Try the console button on the sign-in page names the balance a sandbox starts with."""
    page = client.get("/accounts/login/").content.decode()
    assert f"a balance of {shown(demo.seeded_balance())}" in page


def test_reset_demo_says_the_balance_it_leaves(client, sandbox):
    """Reset demo's page says the balance after the reset, and the reset leaves exactly that."""
    client.force_login(sandbox)
    page = client.get("/demo/reset/").content.decode()
    client.post("/demo/reset/")
    sandbox.refresh_from_db()
    assert f"the balance is {shown(sandbox.balance)} again" in page
    assert sandbox.balance == demo.seeded_balance()
