"""seed_demo --access-key ID:SECRET: a known AccessKey for scripted demos."""

import pytest
from django.core.management import CommandError, call_command

from cenconsole.api.models import AccessKey
from cenconsole.api.services import access_key_secret
from cenconsole.audit.models import AuditRecord
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET

pytestmark = pytest.mark.django_db


def test_gives_the_demo_account_the_key():
    """Bare seed_demo with --access-key gives the demo account that ID and secret, enabled."""
    call_command("seed_demo", access_key=f"{ACCESS_KEY_ID}:{ACCESS_KEY_SECRET}")
    access_key = AccessKey.objects.get(pk=ACCESS_KEY_ID)
    assert access_key.owner.username == "demo"
    assert access_key.is_active and access_key_secret(access_key) == ACCESS_KEY_SECRET


def test_gives_the_named_user_the_key():
    """With --user, that account gets the key."""
    call_command("seed_demo", user="scripter", password="pw", access_key=f"{ACCESS_KEY_ID}:{ACCESS_KEY_SECRET}")
    assert AccessKey.objects.get(pk=ACCESS_KEY_ID).owner.username == "scripter"


def test_running_it_twice_changes_nothing_the_second_time():
    """seed_demo stays idempotent with --access-key: one key, one audit record."""
    for _ in range(2):
        call_command("seed_demo", user="scripter", access_key=f"{ACCESS_KEY_ID}:{ACCESS_KEY_SECRET}")
    assert AccessKey.objects.count() == 1
    assert AuditRecord.objects.filter(target_type="AccessKey", action="access_key.ensured").count() == 1


def test_a_new_secret_for_the_same_id_replaces_the_old_one():
    """Running it with another secret for the same ID re-keys it: the old secret stops working."""
    call_command("seed_demo", user="scripter", access_key=f"{ACCESS_KEY_ID}:{ACCESS_KEY_SECRET}")
    call_command("seed_demo", user="scripter", access_key=f"{ACCESS_KEY_ID}:a-different-secret")
    assert access_key_secret(AccessKey.objects.get(pk=ACCESS_KEY_ID)) == "a-different-secret"


def test_a_secret_may_contain_colons():
    """Only the first colon separates ID from secret."""
    call_command("seed_demo", user="scripter", access_key=f"{ACCESS_KEY_ID}:with:colons")
    assert access_key_secret(AccessKey.objects.get(pk=ACCESS_KEY_ID)) == "with:colons"


@pytest.mark.parametrize("value", ["no-colon-at-all", "bad id:secret-long-enough", f"{ACCESS_KEY_ID}:short"])
def test_malformed_values_are_refused(value):
    """A value without a colon, a malformed ID or a too-short secret is a CommandError; no key is made."""
    with pytest.raises(CommandError):
        call_command("seed_demo", user="scripter", access_key=value)
    assert not AccessKey.objects.exists()
