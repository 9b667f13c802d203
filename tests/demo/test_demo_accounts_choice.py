"""Demo accounts are a fact of the database (issue 27): seed_demo marks the accounts it makes, only those
(and sandboxes) get Reset demo, Advance time and the sample packages, and DEMO_ACCOUNTS=0 is recorded so a
later plain `make run` makes no admin/admin and never touches an account someone else made."""

from decimal import Decimal

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.management import call_command

from cenconsole.cen.models import CenInstance
from cenconsole.demo import services as demo
from cenconsole.demo.models import DemoAccountsChoice
from cenconsole.demo.upgrades import recognise
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
User = get_user_model()
SIGN_UP = {
    "username": "demo",
    "email": "visitor@example.com",
    "password1": "a-long-passphrase-42",
    "password2": "a-long-passphrase-42",
}


def sign_up_as_demo(client):
    assert client.post("/accounts/signup/", SIGN_UP).status_code == 302
    return User.objects.get(username="demo")


def test_a_plain_run_after_demo_accounts_off_makes_no_admin_and_leaves_a_visitor_named_demo_alone(client, settings):
    """DEMO_ACCOUNTS=0 once, a visitor signs up as demo, seed_demo again without it: no admin, their
    credit untouched, Reset demo and Advance time still 403."""
    settings.DEMO_ACCOUNTS = False
    call_command("seed_demo")
    visitor = sign_up_as_demo(client)
    settings.DEMO_ACCOUNTS = True
    call_command("seed_demo")
    assert not User.objects.filter(username="admin").exists()
    visitor.refresh_from_db()
    assert visitor.balance == Decimal("10000.00") and not visitor.is_demo
    assert not CenInstance.objects.filter(owner=visitor).exists()
    assert client.post("/demo/reset/").status_code == 403
    assert client.post("/demo/clock/", {"step": "day"}).status_code == 403


def test_an_account_named_demo_the_seeder_did_not_make_is_never_seeded(client):
    """Without any choice recorded, seed_demo buys nothing with a visitor's `demo` account and does not
    make it a demo account (admin is still made)."""
    visitor = sign_up_as_demo(client)
    call_command("seed_demo")
    visitor.refresh_from_db()
    assert visitor.balance == Decimal("10000.00") and not visitor.is_demo
    assert not CenInstance.objects.filter(owner=visitor).exists()
    assert User.objects.get(username="admin").is_demo
    assert client.post("/demo/reset/").status_code == 403


def test_the_accounts_seed_demo_makes_are_marked_as_its_own():
    """seed_demo marks admin and demo as made by it; demo is a demo account, admin (staff) is not."""
    admin, account = demo.demo_ensure()
    assert admin.is_demo and account.is_demo
    assert demo.is_demo_account(account) and not demo.is_demo_account(admin)


def test_a_seeded_account_stays_a_demo_account_whatever_its_username():
    """The seeded demo account renamed keeps Reset demo; the username decides nothing."""
    account = demo.demo_ensure()[1]
    User.objects.filter(pk=account.pk).update(username="renamed")
    account.refresh_from_db()
    assert demo.is_demo_account(account)
    demo.demo_reset(account=account)


def test_demo_accounts_off_is_recorded_once_in_the_database(settings):
    """seed_demo with DEMO_ACCOUNTS=0 records the choice; demo_accounts_enabled then says off without it."""
    settings.DEMO_ACCOUNTS = False
    call_command("seed_demo")
    settings.DEMO_ACCOUNTS = True
    assert not DemoAccountsChoice.objects.get().enabled
    assert not demo.demo_accounts_enabled()


def test_seed_demo_demo_accounts_turns_them_on_again(settings):
    """`seed_demo --demo-accounts` on a database that recorded DEMO_ACCOUNTS=0 makes the demo accounts."""
    settings.DEMO_ACCOUNTS = False
    call_command("seed_demo")
    settings.DEMO_ACCOUNTS = True
    call_command("seed_demo", demo_accounts=True)
    assert User.objects.get(username="demo").is_demo


def test_the_upgrade_recognises_the_earlier_seeders_demo_account():
    """Upgrade: a `demo` holding the seeded sample CEN instance, and the superuser admin beside it, are marked."""
    admin = UserFactory(username="admin", is_staff=True, is_superuser=True)
    account = UserFactory(username="demo")
    CenInstance.objects.create(
        id="cen-seeded0000000001", owner=account, name="demo-cen", description="Sample CEN instance"
    )
    recognise(apps, None)
    assert User.objects.get(pk=account.pk).is_demo and User.objects.get(pk=admin.pk).is_demo
    assert not DemoAccountsChoice.objects.exists()


def test_the_upgrade_leaves_a_visitor_named_demo_ordinary_and_records_no_demo_accounts():
    """Upgrade: accounts but none the seeder made (a `demo` without the sample CEN) record DEMO_ACCOUNTS=0."""
    account = UserFactory(username="demo")
    recognise(apps, None)
    assert not User.objects.get(pk=account.pk).is_demo
    assert not DemoAccountsChoice.objects.get().enabled


def test_the_upgrade_of_an_empty_database_records_nothing():
    """Upgrade: a database with no accounts leaves the choice to the first seed_demo."""
    recognise(apps, None)
    assert not DemoAccountsChoice.objects.exists()
