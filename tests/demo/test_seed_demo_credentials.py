"""seed_demo (run by every `make run`) creates the demo accounts only when missing: credentials stay changed."""

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import CommandError, call_command

from cenconsole.demo import services as demo

pytestmark = pytest.mark.django_db
User = get_user_model()


def test_running_it_again_keeps_a_changed_password():
    """After admin's and demo's passwords changed, seed_demo again signs neither in with the old ones."""
    call_command("seed_demo")
    for username in ("admin", "demo"):
        account = User.objects.get(username=username)
        account.set_password(f"{username}-new-secret-42")
        account.save()
    call_command("seed_demo")
    assert authenticate(username="admin", password="admin") is None
    assert authenticate(username="demo", password="demo") is None
    assert authenticate(username="admin", password="admin-new-secret-42") is not None
    assert authenticate(username="demo", password="demo-new-secret-42") is not None


def test_running_it_again_keeps_staff_flags_taken_away():
    """An admin demoted from superuser and staff stays demoted after seed_demo runs again."""
    call_command("seed_demo")
    User.objects.filter(username="admin").update(is_staff=False, is_superuser=False)
    call_command("seed_demo")
    admin = User.objects.get(username="admin")
    assert not admin.is_staff and not admin.is_superuser


def test_the_first_run_creates_both_accounts_with_their_demo_passwords():
    """On an empty database seed_demo makes admin (staff superuser) and demo, with the documented passwords."""
    call_command("seed_demo")
    admin = authenticate(username="admin", password="admin")
    assert admin is not None and admin.is_staff and admin.is_superuser
    assert authenticate(username="demo", password="demo") is not None


def test_an_explicit_user_and_password_is_still_set(settings):
    """`seed_demo --user NAME --password PW` sets that password, as documented for scripted sign-ins."""
    call_command("seed_demo", user="scripter", password="first-pass-42")
    call_command("seed_demo", user="scripter", password="second-pass-42")
    assert authenticate(username="scripter", password="second-pass-42") is not None


def test_demo_accounts_off_makes_neither(settings):
    """DEMO_ACCOUNTS=0: seed_demo creates no admin and no demo account."""
    settings.DEMO_ACCOUNTS = False
    call_command("seed_demo")
    assert not User.objects.filter(username__in=["admin", "demo"]).exists()


def test_demo_accounts_off_needs_a_named_account_for_extras(settings):
    """DEMO_ACCOUNTS=0: --access-key or --instances without --user is a CommandError, nothing is made."""
    settings.DEMO_ACCOUNTS = False
    with pytest.raises(CommandError):
        call_command("seed_demo", instances=3)
    assert not User.objects.exists()


def test_demo_accounts_off_an_account_named_demo_is_ordinary(settings):
    """DEMO_ACCOUNTS=0: someone who signs up as `demo` gets no Reset demo or Advance time."""
    settings.DEMO_ACCOUNTS = False
    account = User.objects.create_user(username="demo", password="pw-42-long-enough")
    assert not demo.is_demo_account(account)
