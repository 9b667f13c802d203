"""Try the console: sandbox accounts, their throttling, and the purge that removes them."""

from datetime import timedelta
from decimal import Decimal

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db.models import Sum
from django.test import override_settings

from cenconsole.accounts.models import LedgerEntry
from cenconsole.api.models import AccessKey
from cenconsole.audit.models import AuditRecord
from cenconsole.bandwidth.models import BandwidthPackage, Order
from cenconsole.cen.models import CenInstance
from cenconsole.core import clock
from cenconsole.demo import services as demo
from cenconsole.networks.models import NetworkInstance, RegionConnection
from cenconsole.tags.models import Tag
from cenconsole.tickets.models import DeletionTicket
from tests.concurrency import at_once
from tests.conftest import requires_postgres
from tests.demo.conftest import give_everything

pytestmark = pytest.mark.django_db

START_URL = "/demo/start/"
User = get_user_model()


def holdings(account):
    """How many rows of each kind the account owns."""
    return {
        "cen": CenInstance.objects.filter(owner=account).count(),
        "packages": BandwidthPackage.objects.filter(owner=account).count(),
        "orders": Order.objects.filter(owner=account).count(),
        "networks": NetworkInstance.objects.filter(owner=account).count(),
        "connections": RegionConnection.objects.filter(cen_instance__owner=account).count(),
        "tickets": DeletionTicket.objects.filter(requester=account).count(),
        "tags": Tag.objects.filter(owner=account).count(),
        "ledger": LedgerEntry.objects.filter(account=account).count(),
        "keys": AccessKey.objects.filter(owner=account).count(),
        "audit": AuditRecord.objects.filter(actor=account).count(),
    }


def expire(account):
    User.objects.filter(pk=account.pk).update(sandbox_expires_at=clock.real_now() - timedelta(minutes=1))


# Try the console ------------------------------------------------------------------------------------


def test_get_shows_the_button_without_javascript(client):
    """GET /demo/start/ answers a page with a POST form for the button (works with JavaScript off)."""
    content = client.get(START_URL).content.decode()
    assert 'action="/demo/start/"' in content and "Try the console" in content


def test_sign_in_page_offers_try_the_console(client):
    """The sign-in page carries the Try the console button."""
    assert 'action="/demo/start/"' in client.get("/accounts/login/").content.decode()


def test_try_the_console_makes_a_seeded_sandbox_and_signs_it_in(client):
    """One POST makes a sandbox (no usable password, expiring in DEMO_SANDBOX_HOURS) seeded like the
    demo, and signs it in: the Instances page lists the seeded instance and the top bar says Sandbox."""
    response = client.post(START_URL)
    assert response.status_code == 302
    account = User.objects.get(is_sandbox=True)
    assert not account.has_usable_password()
    left = account.sandbox_expires_at - clock.real_now()
    assert timedelta(hours=7, minutes=59) < left <= timedelta(hours=8)
    page = client.get("/cen/instances/").content.decode()
    assert "demo-cen" in page and "Sandbox" in page and "7 h 59 min left" in page
    packages = BandwidthPackage.objects.filter(owner=account)
    assert {p.name for p in packages} == {"demo-expiring", "demo-expired"}
    assert sorted(NetworkInstance.objects.filter(owner=account).values_list("region__area_id", flat=True)) == [
        "China",
        "North-America",
    ]
    assert sum(p.shows_expired for p in packages) == 1


def test_sandbox_ledger_matches_its_balance(sandbox):
    """A sandbox starts with USD 10,000 of credit, and its balance is the sum of its ledger."""
    total = LedgerEntry.objects.filter(account=sandbox).aggregate(total=Sum("amount"))["total"]
    assert total == sandbox.balance and LedgerEntry.objects.filter(account=sandbox, amount=Decimal("10000")).exists()


@override_settings(DEMO_SANDBOXES_PER_ADDRESS=3)
def test_sandbox_creation_is_throttled_per_address(client):
    """An address gets DEMO_SANDBOXES_PER_ADDRESS sandboxes an hour; the next is refused (429) and
    makes nothing, while another address still may."""
    for _ in range(3):
        assert client.post(START_URL).status_code == 302
    refused = client.post(START_URL)
    assert refused.status_code == 429 and "Too many sandboxes" in refused.content.decode()
    assert User.objects.filter(is_sandbox=True).count() == 3
    assert client.post(START_URL, REMOTE_ADDR="192.0.2.7").status_code == 302


@override_settings(DEMO_SANDBOXES_PER_ADDRESS=1)
def test_throttle_window_is_real_time_and_passes(client, time_machine):
    """The window is an hour of real time: after it, the address may make a sandbox again."""
    time_machine.move_to(clock.real_now(), tick=False)
    assert client.post(START_URL).status_code == 302
    assert client.post(START_URL).status_code == 429
    time_machine.shift(timedelta(minutes=61))
    assert client.post(START_URL).status_code == 302


def test_sign_up_cannot_make_a_sandbox(client):
    """The flags are not fields of any form: a sign-up posting them makes an ordinary account."""
    client.post(
        "/accounts/signup/",
        {
            "username": "sneaky",
            "email": "sneaky@example.com",
            "password1": "Str0ng-pass-phrase",
            "password2": "Str0ng-pass-phrase",
            "is_sandbox": "on",
            "sandbox_expires_at": "2000-01-01T00:00Z",
            "clock_offset": "30 00:00:00",
        },
    )
    account = User.objects.get(username="sneaky")
    assert (account.is_sandbox, account.sandbox_expires_at, account.clock_offset) == (False, None, timedelta(0))


# The purge ------------------------------------------------------------------------------------------


def test_purge_removes_an_expired_sandbox_with_everything_it_owns(sandbox):
    """An expired sandbox goes with its packages, orders, networks, connections, tickets, tags,
    ledger, AccessKeys and audit trail; one audit record says what it held."""
    give_everything(sandbox)
    expire(sandbox)
    assert demo.sandboxes_purge() == [sandbox.username]
    assert not User.objects.filter(pk=sandbox.pk).exists()
    assert set(holdings(sandbox).values()) == {0}
    record = AuditRecord.objects.get(action="sandbox.purged")
    assert record.target_id == str(sandbox.pk) and "3 bandwidth packages" in record.note
    assert "2 CEN instances" in record.note


def test_purge_never_touches_another_account(sandbox, regular_account, demo_account):
    """The purge removes the expired sandbox only: an ordinary account and the demo account holding
    the same kinds of things, and a sandbox still in its time, keep every row."""
    give_everything(sandbox)
    young = demo.sandbox_create(ip_address=None)
    before = {account.pk: holdings(account) for account in (regular_account, demo_account, young)}
    expire(sandbox)
    # Even with an expiry in the past, an account that is not a sandbox is never taken.
    User.objects.filter(pk=regular_account.pk).update(sandbox_expires_at=clock.real_now() - timedelta(days=1))
    demo.sandboxes_purge()
    after = {account.pk: holdings(account) for account in (regular_account, demo_account, young)}
    assert after == before
    assert all(value for value in after[regular_account.pk].values())


def test_purge_is_idempotent_and_uses_real_time(sandbox):
    """A sandbox whose own clock runs ahead is purged on real time; a second run removes nothing."""
    demo.clock_advance(account=sandbox, step="month")
    assert demo.sandboxes_purge() == []
    expire(sandbox)
    assert demo.sandboxes_purge() == [sandbox.username]
    assert demo.sandboxes_purge() == []


def test_purge_command(sandbox):
    """`manage.py purge_sandboxes` runs the purge (the Makefile's loop calls it)."""
    expire(sandbox)
    call_command("purge_sandboxes")
    assert not User.objects.filter(pk=sandbox.pk).exists()


def test_packages_still_refuse_deletion_elsewhere(sandbox):
    """The purge's path is its own: a sandbox's packages refuse delete() like any other."""
    from cenconsole.bandwidth.models import DeletionRefused

    with pytest.raises(DeletionRefused):
        BandwidthPackage.objects.filter(owner=sandbox).delete()


def test_admin_shows_but_never_edits_the_sandbox_flags(admin_client, sandbox):
    """Staff see a sandbox's flags in the admin; posting the change form cannot clear them."""
    url = f"/admin/accounts/user/{sandbox.pk}/change/"
    page = admin_client.get(url).content.decode()
    assert "sandbox expires" in page.lower()
    assert 'name="is_sandbox"' not in page and 'name="clock_offset"' not in page


def test_the_removal_path_itself_refuses_an_ordinary_account(regular_account):
    """The one path that drops package rows checks the account again itself: an ordinary account is
    refused with nothing removed, whoever calls it."""
    from django.core.exceptions import ValidationError

    before = holdings(regular_account)
    with pytest.raises(ValidationError):
        demo.account_data_remove(regular_account, access_keys=True)
    assert holdings(regular_account) == before


@requires_postgres
@pytest.mark.django_db(transaction=True)
@override_settings(DEMO_SANDBOXES_PER_ADDRESS=10)
def test_simultaneous_try_the_console_from_one_address_stays_within_the_limit():
    """Thirty Try the console at the same moment from one address make at most DEMO_SANDBOXES_PER_ADDRESS."""
    outcomes = at_once(*[lambda: demo.sandbox_create(ip_address="192.0.2.50") for _ in range(30)])
    assert User.objects.filter(is_sandbox=True).count() == 10
    assert sum(1 for outcome in outcomes if isinstance(outcome, ValidationError)) == 20


@override_settings(TRUSTED_PROXIES=["10.0.0.0/8"], DEMO_SANDBOXES_PER_ADDRESS=1)
def test_behind_a_trusted_proxy_sandboxes_count_per_client(client):
    """Behind TRUSTED_PROXIES each forwarded client gets its own sandboxes, not the proxy's one."""
    forwarded = {"REMOTE_ADDR": "10.0.0.1"}
    assert client.post(START_URL, HTTP_X_FORWARDED_FOR="198.51.100.1", **forwarded).status_code == 302
    assert client.post(START_URL, HTTP_X_FORWARDED_FOR="198.51.100.2", **forwarded).status_code == 302
    assert client.post(START_URL, HTTP_X_FORWARDED_FOR="198.51.100.1", **forwarded).status_code == 429
