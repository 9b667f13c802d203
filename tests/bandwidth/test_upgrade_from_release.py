"""Upgrading a database made by an older release with today's migrations: every rule holds for what
it left behind. Two databases, each made by the releases' own code: bab3247's (before order deadlines
and the ledger; tests/fixtures/make_release_db.py) and the same upgraded to and used with b942b14, the
last landing (tests/fixtures/make_last_release_db.py)."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
RELEASE_DB = ROOT / "tests" / "fixtures" / "release-bab3247.sqlite3"
LAST_RELEASE_DB = ROOT / "tests" / "fixtures" / "release-b942b14.sqlite3"
# Slow (a migrate of each release in a fresh interpreter); one xdist worker for the module, so that each
# upgraded copy, a module fixture, is made once.
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("upgrade-from-release")]

# Runs in a fresh interpreter on the copied file: migrate, then look through today's code.
PROBE = r"""
import json
import django
django.setup()
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import Client
from django.utils import translation

call_command("migrate", verbosity=0)

from cenconsole.accounts.models import User
from cenconsole.accounts.selectors import ledger_check
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.bandwidth.services import order_pay
from cenconsole.tickets.models import DeletionTicket

def pay(username, key):
    owner = User.objects.get(username=username)
    order = Order.objects.get(owner=owner, idempotency_key=key)
    try:
        with translation.override("en"):
            order = order_pay(owner=owner, order_id=order.pk)
        outcome = order.status
    except ValidationError as error:
        with translation.override("en"):
            outcome = error.messages
    return {"outcome": outcome, "balance": str(User.objects.get(pk=owner.pk).balance)}

def page(username, url, language="en"):
    client = Client()
    client.force_login(User.objects.get(username=username))
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    return {"status": response.status_code, "html": response.content.decode()}

alice_upgrade = Order.objects.get(idempotency_key="alice-upgrade")
report = {
    "orders": {
        order.idempotency_key: {
            "type": order.order_type,
            "status": order.status,
            "amount": str(order.amount),
            "pay_before": order.pay_before and order.pay_before.isoformat(),
            "lapsed_at": order.lapsed_at and order.lapsed_at.isoformat(),
            "has_version": order.package_version is not None,
            "version_is_current": order.package is not None and order.package_version == order.package.version,
            "note": order.note,
        }
        for order in Order.objects.select_related("package")
    },
    "packages": sorted((p.name, p.bandwidth, p.status) for p in BandwidthPackage.objects.all()),
    "tickets": [
        {"status": t.status, "package": t.package.name, "messages": t.messages.count()}
        for t in DeletionTicket.objects.select_related("package")
    ],
    "ledgers": {
        user.username: [
            (e.kind, str(e.amount), str(e.balance_after), e.description) for e in user.ledger_entries.order_by("id")
        ]
        for user in User.objects.order_by("username")
    },
    "balances": {user.username: str(user.balance) for user in User.objects.all()},
    "disagreements": [d.username for d in ledger_check().disagreements],
    "upgrade_page": page("alice", f"/cen/orders/{alice_upgrade.pk}/"),
    "orders_page_zh": page("alice", "/cen/orders/", "zh-CN,zh;q=0.9"),
    "billing_page": page("alice", "/billing/"),
    "billing_page_zh": page("alice", "/billing/", "zh-CN,zh;q=0.9"),
    "pay_alice_upgrade": pay("alice", "alice-upgrade"),
    "pay_bob_renew": pay("bob", "bob-renew"),
}
report["orders_after"] = {o.idempotency_key: [o.status, str(o.amount)] for o in Order.objects.all()}
print(json.dumps(report))
"""


def upgrade(tmp_path, release_db=RELEASE_DB, **environment) -> dict:
    """Copies the release's database, migrates it with today's code and reports what it holds."""
    database = tmp_path / "release.sqlite3"
    shutil.copy(release_db, database)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cenconsole.settings_test",
        "DATABASE_URL": f"sqlite:///{database}",
        "ALLOWED_HOSTS": "testserver",
        "SECRET_KEY": "upgrade-test",
        **environment,
    }
    result = subprocess.run(
        [sys.executable, "-c", PROBE], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-4000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


# Each report is made once per worker process: xdist tears a module's fixtures down whenever a worker has not
# yet been told its next test, and each remake costs a migrate in a fresh interpreter (half a minute).
_REPORTS: dict[str, dict] = {}


def upgraded_once(tmp_path_factory, name, release_db=RELEASE_DB, **environment) -> dict:
    if name not in _REPORTS:
        _REPORTS[name] = upgrade(tmp_path_factory.mktemp(name), release_db, **environment)
    return _REPORTS[name]


@pytest.fixture(scope="module")
def upgraded(tmp_path_factory):
    """The release's database upgraded today: its unpaid orders were placed weeks ago."""
    return upgraded_once(tmp_path_factory, "upgraded")


@pytest.fixture(scope="module")
def upgraded_within_window(tmp_path_factory):
    """The same, with a payment window long enough that the old unpaid orders are still payable."""
    return upgraded_once(tmp_path_factory, "within-window", ORDER_PAYMENT_WINDOW_HOURS="10000000")


@pytest.fixture(scope="module")
def upgraded_from_last(tmp_path_factory):
    """The database of the last landing (b942b14), which had the ledger and deadlines for new orders."""
    return upgraded_once(tmp_path_factory, "last", LAST_RELEASE_DB, ORDER_PAYMENT_WINDOW_HOURS="10000000")


def test_old_unpaid_upgrade_is_not_payable_at_its_old_price_after_a_renewal(upgraded_within_window):
    """The unpaid Upgrade 8 -> 15 Mbps, priced before the package was renewed, is cancelled, not paid."""
    report = upgraded_within_window
    assert report["orders"]["alice-upgrade"]["status"] == "Cancelled"
    assert "has changed since the order was priced" in report["orders"]["alice-upgrade"]["note"]
    assert report["pay_alice_upgrade"]["outcome"] == ["This order was cancelled and can no longer be paid."]
    assert report["pay_alice_upgrade"]["balance"] == report["balances"]["alice"]
    assert report["orders_after"]["alice-upgrade"][0] == "Cancelled"
    assert ["alice-bwp", 8, "InUse"] in report["packages"]


def test_the_cancelled_order_says_why_on_its_page_and_on_orders(upgraded_within_window):
    """The order page and Orders (in Chinese too) say the upgrade cancelled it and nothing was charged."""
    report = upgraded_within_window
    assert report["upgrade_page"]["status"] == 200
    assert "has changed since the order was priced. Nothing was charged" in report["upgrade_page"]["html"]
    assert report["orders_page_zh"]["status"] == 200
    assert "Cancelled when the console was upgraded" not in report["orders_page_zh"]["html"]
    assert "控制台升级时已取消" in report["orders_page_zh"]["html"]


def test_old_unpaid_orders_get_a_deadline_and_their_package_version(upgraded_within_window):
    """Every old unpaid order lapses at placing + the window; a change order is priced on its package."""
    orders = upgraded_within_window["orders"]
    renew, buy = orders["bob-renew"], orders["bob-buy-2"]
    assert renew["status"] == buy["status"] == "Unpaid"
    assert renew["pay_before"] and buy["pay_before"]
    assert renew["has_version"] and renew["version_is_current"]
    assert not buy["has_version"]  # a purchase changes no package


def test_an_old_unpaid_renewal_is_paid_through_todays_pipeline(upgraded_within_window):
    """Paying the old Renew checks its package and charges it through the ledger."""
    report = upgraded_within_window
    assert report["pay_bob_renew"]["outcome"] == "Paid"
    assert report["orders_after"]["bob-renew"] == ["Paid", "640.00"]
    assert report["pay_bob_renew"]["balance"] == "5520.00"


def test_old_unpaid_orders_past_the_window_have_lapsed(upgraded):
    """Placed weeks before the upgrade, the old unpaid orders lapsed window hours after placing."""
    orders = upgraded["orders"]
    for key in ("bob-renew", "bob-buy-2"):
        assert orders[key]["status"] == "Lapsed"
        assert orders[key]["lapsed_at"] == orders[key]["pay_before"]
    assert orders["alice-upgrade"]["status"] == "Cancelled"  # its package changed: the better reason
    assert "has lapsed" in upgraded["pay_bob_renew"]["outcome"][0]
    assert upgraded["pay_bob_renew"]["balance"] == "6160.00"


def test_paid_orders_packages_and_tickets_survive_the_upgrade(upgraded):
    """Paid orders stay paid, packages keep their bandwidth and binding, the ticket keeps its reason."""
    orders = upgraded["orders"]
    assert [orders[key]["status"] for key in ("alice-buy-1", "alice-renew", "alice-buy-2", "bob-buy-1")] == ["Paid"] * 4
    assert upgraded["packages"] == [["alice-bwp", 8, "InUse"], ["alice-cn", 4, "InUse"], ["bob-bwp", 4, "InUse"]]
    assert upgraded["tickets"] == [{"status": "Pending", "package": "alice-cn", "messages": 1}]


def test_billing_of_an_upgraded_account_begins_with_its_paid_orders_charges(upgraded):
    """The ledger is the opening credit and one charge per paid order, no 'Opening balance'."""
    ledgers = upgraded["ledgers"]
    assert ledgers["alice"][0] == ["opening_credit", "10000.00", "10000.00", "Opening credit"]
    assert [entry[3] for entry in ledgers["alice"][1:]] == ["Buy order 1", "Renew order 3", "Buy order 4"]
    assert ledgers["alice"][-1][2] == upgraded["balances"]["alice"] == "7304.00"
    assert ledgers["carol"] == [["opening_credit", "10000.00", "10000.00", "Opening credit"]]
    assert not any("Opening balance" in entry[3] for entries in ledgers.values() for entry in entries)
    assert upgraded["disagreements"] == []
    assert "Buy order 1" in upgraded["billing_page"]["html"]


def test_billing_of_an_upgraded_account_is_translated(upgraded):
    """In Chinese, Billing shows the opening credit and the charges in Chinese."""
    page = upgraded["billing_page_zh"]["html"]
    assert "Opening" not in page and "Buy order" not in page


def test_from_the_last_release_the_old_upgrade_is_not_paid_at_its_old_price(upgraded_from_last):
    """b942b14 paid the old Upgrade (USD 1,082.67, priced before the renewal) as it was; now it is cancelled."""
    report = upgraded_from_last
    assert report["orders"]["alice-upgrade"]["status"] == "Cancelled"
    assert report["pay_alice_upgrade"]["outcome"] == ["This order was cancelled and can no longer be paid."]
    assert report["pay_alice_upgrade"]["balance"] == report["balances"]["alice"] == "7256.00"


def test_from_the_last_release_its_own_orders_are_left_as_they_were(upgraded_from_last):
    """An unpaid order made by b942b14 keeps the deadline and package version it was given."""
    upgrade_order = upgraded_from_last["orders"]["bob-upgrade"]
    assert upgrade_order["status"] == "Unpaid"
    assert upgrade_order["pay_before"] == "2026-11-23T10:00:00+00:00"
    assert upgrade_order["has_version"]


def test_from_the_last_release_the_ledger_keeps_its_later_entries(upgraded_from_last):
    """The "Opening balance" becomes the opening credit and the earlier charges; the charge written by
    b942b14 after it follows with its balance; check_ledger passes."""
    alice = upgraded_from_last["ledgers"]["alice"]
    assert [entry[3] for entry in alice] == [
        "Opening credit",
        "Buy order 1",
        "Renew order 3",
        "Buy order 4",
        "Buy order 8",
    ]
    assert [entry[2] for entry in alice] == ["10000.00", "8720.00", "7440.00", "7304.00", "7256.00"]
    assert upgraded_from_last["disagreements"] == []
    assert "Opening" not in upgraded_from_last["billing_page_zh"]["html"]
