"""AccessKeys, SignatureNonces and ClientTokens (cenconsole.api.services), and the check of a signed
request (api.protocol.authenticate) without a server."""

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings

from cenconsole.api import crypto, errors, protocol
from cenconsole.api import services as api_services
from cenconsole.api.models import AccessKey, ClientToken, SignatureNonce
from cenconsole.api.selectors import access_key_for_signing
from tests.api.conftest import ACCESS_KEY_ID, ACCESS_KEY_SECRET, common_parameters, sdk_sign

pytestmark = pytest.mark.django_db

NOW = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def signed_at(moment, **overrides):
    return sdk_sign(
        "POST", common_parameters("DescribeCens", Timestamp=moment.strftime("%Y-%m-%dT%H:%M:%SZ"), **overrides)
    )


# AccessKeys ------------------------------------------------------------------------------------------


def test_created_keys_look_like_the_real_services(user):
    """An AccessKey ID is LTAI and 20 letters and digits; the secret 30 letters and digits."""
    access_key, secret = api_services.access_key_create(owner=user)
    assert re.fullmatch(r"LTAI[A-Za-z0-9]{20}", access_key.pk)
    assert re.fullmatch(r"[A-Za-z0-9]{30}", secret)


def test_deleted_keys_do_not_count_towards_the_limit(user):
    """After deleting one of two keys, a new one can be created."""
    first, _ = api_services.access_key_create(owner=user)
    api_services.access_key_create(owner=user)
    api_services.access_key_delete(owner=user, access_key_id=first.pk)
    api_services.access_key_create(owner=user)
    assert AccessKey.objects.filter(owner=user, deleted_at__isnull=True).count() == 2


def test_a_third_key_is_refused(user):
    """Two keys per account, as the real service allows."""
    api_services.access_key_create(owner=user)
    api_services.access_key_create(owner=user)
    with pytest.raises(ValidationError) as refused:
        api_services.access_key_create(owner=user)
    assert refused.value.code == "limit_reached"


def test_a_deleted_key_cannot_be_found_for_signing(user):
    """Once deleted, the key is not found for signing, and it has no secret left to sign with."""
    access_key, _ = api_services.access_key_create(owner=user)
    api_services.access_key_delete(owner=user, access_key_id=access_key.pk)
    assert access_key_for_signing(access_key_id=access_key.pk) is None
    assert AccessKey.objects.get(pk=access_key.pk).secret_encrypted == ""


def test_another_account_cannot_change_a_key(user, other_user):
    """Disabling or deleting another account's key raises DoesNotExist (a 404 in views)."""
    access_key, _ = api_services.access_key_create(owner=user)
    with pytest.raises(AccessKey.DoesNotExist):
        api_services.access_key_set_status(owner=other_user, access_key_id=access_key.pk, active=False)
    with pytest.raises(AccessKey.DoesNotExist):
        api_services.access_key_delete(owner=other_user, access_key_id=access_key.pk)


def test_ensure_gives_a_known_key_and_is_idempotent(user):
    """access_key_ensure makes the given ID with the given secret; running it again changes nothing else."""
    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    access_key = AccessKey.objects.get(owner=user)
    assert access_key.pk == ACCESS_KEY_ID and api_services.access_key_secret(access_key) == ACCESS_KEY_SECRET


def test_ensure_refuses_another_accounts_key_id(user, other_user):
    """An ID that belongs to another account is not handed over."""
    api_services.access_key_ensure(owner=other_user, access_key_id=ACCESS_KEY_ID, secret=ACCESS_KEY_SECRET)
    with pytest.raises(ValidationError) as refused:
        api_services.access_key_ensure(owner=user, access_key_id=ACCESS_KEY_ID, secret="another-secret")
    assert refused.value.code == "access_key_taken"
    assert AccessKey.objects.get(pk=ACCESS_KEY_ID).owner == other_user


@pytest.mark.parametrize(("access_key_id", "secret"), [("short", ACCESS_KEY_SECRET), (ACCESS_KEY_ID, "has a space")])
def test_ensure_refuses_malformed_ids_and_secrets(user, access_key_id, secret):
    """IDs are 8 to 64 letters and digits; secrets 8 to 128 printable characters without spaces."""
    with pytest.raises(ValidationError):
        api_services.access_key_ensure(owner=user, access_key_id=access_key_id, secret=secret)
    assert not AccessKey.objects.exists()


# Secrets at rest -------------------------------------------------------------------------------------


def test_secrets_survive_a_secret_key_rotation_with_fallbacks(settings):
    """A secret encrypted under the old SECRET_KEY still decrypts when the old key is a fallback."""
    token = crypto.encrypt_secret("s3cret")
    old_key = settings.SECRET_KEY
    with override_settings(SECRET_KEY="a-brand-new-secret-key", SECRET_KEY_FALLBACKS=[old_key]):
        assert crypto.decrypt_secret(token) == "s3cret"
    with override_settings(SECRET_KEY="a-brand-new-secret-key", SECRET_KEY_FALLBACKS=[]):
        with pytest.raises(crypto.SecretUnreadable):
            crypto.decrypt_secret(token)


def test_encrypting_twice_gives_different_ciphertexts():
    """Fernet is randomised: equal secrets do not show as equal rows."""
    assert crypto.encrypt_secret("same") != crypto.encrypt_secret("same")


# Signed requests -------------------------------------------------------------------------------------


def test_a_signed_request_authenticates_as_the_keys_account(access_key, user):
    """A request the SDK's signer signed with the key's secret authenticates as the key's account."""
    assert protocol.authenticate("POST", signed_at(NOW), now=NOW).owner == user


def test_a_used_nonce_is_refused_for_the_same_key(access_key):
    """The same SignatureNonce twice for one key: the second is SignatureNonceUsed."""
    protocol.authenticate("POST", signed_at(NOW, SignatureNonce="n-1"), now=NOW)
    with pytest.raises(errors.ApiError) as refused:
        protocol.authenticate("POST", signed_at(NOW, SignatureNonce="n-1"), now=NOW)
    assert refused.value is errors.NONCE_USED


def test_nonces_are_pruned_once_their_timestamp_is_too_old_to_replay(access_key):
    """A nonce whose request Timestamp is over 15 minutes old is pruned by the next request."""
    protocol.authenticate("POST", signed_at(NOW, SignatureNonce="old"), now=NOW)
    later = NOW + timedelta(minutes=16)
    protocol.authenticate("POST", signed_at(later, SignatureNonce="new"), now=later)
    assert list(SignatureNonce.objects.values_list("nonce", flat=True)) == ["new"]


def test_a_nonce_signed_for_the_future_is_kept_until_its_timestamp_is_old(access_key):
    """A request signed 10 minutes ahead keeps its nonce 15 minutes past its Timestamp, not past its arrival."""
    ahead = NOW + timedelta(minutes=10)
    protocol.authenticate("POST", signed_at(ahead, SignatureNonce="ahead"), now=NOW)
    api_services.signature_nonce_use(
        access_key=access_key, nonce="other", timestamp=NOW, now=NOW + timedelta(minutes=20)
    )
    assert SignatureNonce.objects.filter(nonce="ahead").exists()


def test_a_request_records_when_the_key_was_last_used(access_key):
    """The AccessKey Management page shows when a key last signed a request."""
    protocol.authenticate("POST", signed_at(NOW), now=NOW)
    access_key.refresh_from_db()
    assert access_key.last_used_at == NOW


def test_an_unreadable_secret_is_refused_not_crashed(access_key):
    """After SECRET_KEY changes without fallbacks the key is refused with a clear message."""
    with override_settings(SECRET_KEY="changed-without-fallback", SECRET_KEY_FALLBACKS=[]):
        with pytest.raises(errors.ApiError) as refused:
            protocol.authenticate("POST", signed_at(NOW), now=NOW)
    assert refused.value is errors.ACCESS_KEY_UNREADABLE


# ClientTokens ----------------------------------------------------------------------------------------


def test_a_client_token_runs_create_once(user):
    """The same ClientToken twice runs create() once and answers its resource ID both times."""
    made = []

    def create():
        made.append(f"res-{len(made)}")
        return made[-1]

    first = api_services.client_token_once(owner=user, action="CreateCen", token="t", create=create, fingerprint="")
    again = api_services.client_token_once(owner=user, action="CreateCen", token="t", create=create, fingerprint="")
    assert (first, again, made) == ("res-0", "res-0", ["res-0"])


def test_client_tokens_belong_to_their_account(user, other_user):
    """Two accounts using the same ClientToken each get their own resource."""
    api_services.client_token_once(owner=user, action="CreateCen", token="t", create=lambda: "mine", fingerprint="")
    theirs = api_services.client_token_once(
        owner=other_user, action="CreateCen", token="t", create=lambda: "theirs", fingerprint=""
    )
    assert theirs == "theirs"
    assert ClientToken.objects.count() == 2


def test_a_failed_create_leaves_the_token_unused(user):
    """When create() is refused, no token is kept: a corrected retry with the token creates."""

    def refuse():
        raise ValidationError("no", code="bad")

    with pytest.raises(ValidationError):
        api_services.client_token_once(owner=user, action="CreateCen", token="t", create=refuse, fingerprint="")
    assert (
        api_services.client_token_once(owner=user, action="CreateCen", token="t", create=lambda: "ok", fingerprint="")
        == "ok"
    )
