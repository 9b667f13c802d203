"""Reset demo: the account back to its seeded state, the same IDs, a ledger that still adds up."""

import time
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import Sum

from cenconsole.accounts.models import LedgerEntry
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.demo import services as demo
from cenconsole.networks.models import NetworkInstance, RegionConnection
from cenconsole.tickets.models import DeletionTicket
from tests.demo.conftest import give_everything
from tests.demo.test_sandboxes import holdings

pytestmark = pytest.mark.django_db

RESET_URL = "/demo/reset/"


def seeded_ids(account):
    return (
        set(CenInstance.objects.filter(owner=account, name="demo-cen").values_list("pk", flat=True)),
        dict(BandwidthPackage.objects.filter(owner=account).values_list("name", "pk")),
    )


def ledger_total(account):
    return LedgerEntry.objects.filter(account=account).aggregate(total=Sum("amount"))["total"]


def test_reset_page_asks_first(client, sandbox):
    """GET shows the confirmation with a Reset button; nothing changes until the POST."""
    client.force_login(sandbox)
    give_everything(sandbox)
    content = client.get(RESET_URL).content.decode()
    assert 'action="/demo/reset/"' in content and ">Reset<" in content
    assert BandwidthPackage.objects.filter(owner=sandbox).count() == 3


@pytest.mark.parametrize("who", ["sandbox", "demo_account"])
def test_reset_brings_back_the_seeded_state_with_the_same_ids(client, request, who):
    """Reset removes what was added (orders, packages, connections, networks, tickets) and brings back
    the seeded instance and packages under their old IDs, on real time, with the demo credit."""
    account = request.getfixturevalue(who)
    cen_ids, package_ids = seeded_ids(account)
    give_everything(account)
    demo.clock_advance(account=account, step="month")
    client.force_login(account)
    started = time.perf_counter()
    response = client.post(RESET_URL)
    elapsed = time.perf_counter() - started
    assert response.status_code == 302
    assert elapsed < 1.0, f"reset took {elapsed:.2f}s"
    account.refresh_from_db()
    assert seeded_ids(account) == (cen_ids, package_ids)
    assert account.clock_offset == timedelta(0)
    assert set(CenInstance.objects.filter(owner=account).values_list("name", flat=True)) == {"demo-cen"}
    assert not DeletionTicket.objects.filter(requester=account).exists()
    assert not RegionConnection.objects.filter(cen_instance__owner=account).exists()
    assert NetworkInstance.objects.filter(owner=account).count() == 2
    assert Order.objects.filter(owner=account).count() == 2  # the two seeded purchases
    assert ledger_total(account) == account.balance
    expiring = BandwidthPackage.objects.get(pk=package_ids["demo-expiring"])
    assert not expiring.shows_expired
    assert Order.objects.filter(package_id=expiring.pk, owner=account).exists()  # its order followed the ID


def test_reset_leaves_other_accounts_alone(sandbox, regular_account):
    """Resetting one account changes no other account's rows."""
    other = demo.sandbox_create(ip_address=None)
    before = [holdings(regular_account), holdings(other)]
    demo.demo_reset(account=sandbox)
    assert [holdings(regular_account), holdings(other)] == before


def test_only_demo_accounts_may_reset(client, regular_account):
    """An ordinary account gets 403 from Reset demo and the service refuses it."""
    client.force_login(regular_account)
    before = holdings(regular_account)
    assert client.get(RESET_URL).status_code == 403
    assert client.post(RESET_URL).status_code == 403
    with pytest.raises(Exception, match="Only the demo account"):
        demo.demo_reset(account=regular_account)
    assert holdings(regular_account) == before


def test_top_bar_offers_reset_to_demo_accounts_only(client, sandbox, regular_account):
    """Reset demo and Advance time show in the top bar of sandboxes and the demo account only."""
    client.force_login(sandbox)
    assert "Reset demo" in client.get("/cen/instances/").content.decode()
    client.force_login(regular_account)
    page = client.get("/cen/instances/").content.decode()
    assert "Reset demo" not in page and "Advance time" not in page


def test_seed_demo_reset_from_the_shell(demo_account):
    """`seed_demo --reset demo` does what the button does."""
    cen_ids, package_ids = seeded_ids(demo_account)
    give_everything(demo_account)
    call_command("seed_demo", reset="demo")
    assert seeded_ids(demo_account) == (cen_ids, package_ids)
    demo_account.refresh_from_db()
    assert ledger_total(demo_account) == demo_account.balance


def test_seed_demo_reset_refuses_an_ordinary_account(regular_account):
    """`seed_demo --reset NAME` refuses an account that is neither a sandbox nor demo."""
    from django.core.management import CommandError

    with pytest.raises(CommandError):
        call_command("seed_demo", reset=regular_account.username)
