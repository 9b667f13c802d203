"""Writes for AccessKeys, the SignatureNonces they use, API ClientTokens and the request counts of the
optional throttle."""

import re
from datetime import datetime, timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils.translation import gettext_noop

from cenconsole.audit.services import audit_record
from cenconsole.core import clock
from cenconsole.core.errors import refusal

from . import crypto
from .models import AccessKey, ClientToken, ConnectionDirection, RequestCount, SignatureNonce, new_access_key_secret

# The real service allows two AccessKey pairs per account.
ACCESS_KEY_LIMIT = 2
# A request whose Timestamp is further than this from the server's clock is refused.
TIMESTAMP_TOLERANCE = timedelta(minutes=15)

LIMIT_REACHED = gettext_noop(
    "An account can have at most %(limit)s AccessKeys. Delete one you no longer use, then create a new one."
)
ACCESS_KEY_ID_FORMAT = gettext_noop("An AccessKey ID is 8 to 64 letters and digits.")
ACCESS_KEY_SECRET_FORMAT = gettext_noop("An AccessKey Secret is 8 to 128 characters, without spaces.")
ACCESS_KEY_TAKEN = gettext_noop("AccessKey ID %(access_key_id)s belongs to another account.")
NONCE_USED = "Specified signature nonce was used already."
IDEMPOTENT_MISMATCH = "The request uses the same client token as a previous, but non-identical request."

ACCESS_KEY_ID_PATTERN = re.compile(r"[A-Za-z0-9]{8,64}")
ACCESS_KEY_SECRET_PATTERN = re.compile(r"[!-~]{8,128}")  # printable ASCII, no space


def _lock_account(owner):
    """Serialises key changes of one account, so two creations at once cannot pass the limit."""
    get_user_model().objects.select_for_update().filter(pk=owner.pk).first()


def _check_limit(owner, *, excluding: str | None = None) -> None:
    keys = AccessKey.objects.filter(owner=owner, deleted_at__isnull=True)
    if excluding:
        keys = keys.exclude(pk=excluding)
    if keys.count() >= ACCESS_KEY_LIMIT:
        raise refusal(LIMIT_REACHED, "limit_reached", limit=ACCESS_KEY_LIMIT)


def _owned_key(*, owner, access_key_id: str) -> AccessKey:
    """One of the owner's keys that is not deleted, locked; anything else raises DoesNotExist."""
    return AccessKey.objects.select_for_update().get(owner=owner, pk=access_key_id, deleted_at__isnull=True)


@transaction.atomic
def access_key_create(*, owner) -> tuple[AccessKey, str]:
    """Create AccessKey: a new enabled key and its secret. The secret is returned to show once and
    only its encrypted form is stored."""
    _lock_account(owner)
    _check_limit(owner)
    secret = new_access_key_secret()
    access_key = AccessKey(owner=owner, secret_encrypted=crypto.encrypt_secret(secret))
    access_key.save(force_insert=True)
    audit_record(actor=owner, action="access_key.created", target=access_key, changes={"status": (None, "Active")})
    return access_key, secret


@transaction.atomic
def access_key_set_status(*, owner, access_key_id: str, active: bool) -> AccessKey:
    """Enable or Disable: a disabled key is refused by the API until it is enabled again."""
    access_key = _owned_key(owner=owner, access_key_id=access_key_id)
    new_status = AccessKey.Status.ACTIVE if active else AccessKey.Status.INACTIVE
    if access_key.status != new_status:
        old_status, access_key.status = access_key.status, new_status
        access_key.save(update_fields=["status"])
        changes = {"status": (old_status, new_status)}
        audit_record(actor=owner, action="access_key.status_changed", target=access_key, changes=changes)
    return access_key


@transaction.atomic
def access_key_delete(*, owner, access_key_id: str) -> AccessKey:
    """Delete: the key stops working at once, for good. The row stays (audit records and past nonces
    name it, and its ID is never issued again) but its secret is wiped, so nothing can sign with it."""
    access_key = _owned_key(owner=owner, access_key_id=access_key_id)
    old_status = access_key.status
    access_key.status, access_key.secret_encrypted, access_key.deleted_at = (
        AccessKey.Status.INACTIVE,
        "",
        clock.now(),
    )
    access_key.save(update_fields=["status", "secret_encrypted", "deleted_at"])
    changes = {"status": (old_status, "Deleted")}
    audit_record(actor=owner, action="access_key.deleted", target=access_key, changes=changes)
    return access_key


@transaction.atomic
def access_key_ensure(*, owner, access_key_id: str, secret: str) -> AccessKey:
    """A known key for scripted demos (seed_demo --access-key): the account gets that ID with that
    secret, enabled, whatever state the key was in."""
    errors = {}
    if not ACCESS_KEY_ID_PATTERN.fullmatch(access_key_id or ""):
        errors["access_key_id"] = refusal(ACCESS_KEY_ID_FORMAT, "access_key_id_format")
    if not ACCESS_KEY_SECRET_PATTERN.fullmatch(secret or ""):
        errors["secret"] = refusal(ACCESS_KEY_SECRET_FORMAT, "access_key_secret_format")
    if errors:
        raise ValidationError(errors)
    _lock_account(owner)
    access_key = AccessKey.objects.select_for_update().filter(pk=access_key_id).first()
    if access_key is not None and access_key.owner_id != owner.pk:
        raise refusal(ACCESS_KEY_TAKEN, "access_key_taken", access_key_id=access_key_id)
    if access_key is not None and access_key.is_active and _secret_is(access_key, secret):
        return access_key  # already so: running seed_demo again changes nothing
    if access_key is None or access_key.deleted_at is not None:
        _check_limit(owner, excluding=access_key_id)
    old_status = access_key.status if access_key and not access_key.deleted_at else None
    if access_key is None:
        access_key = AccessKey(id=access_key_id, owner=owner)
    access_key.secret_encrypted = crypto.encrypt_secret(secret)
    access_key.status, access_key.deleted_at = AccessKey.Status.ACTIVE, None
    access_key.save()
    changes = {"status": (old_status, access_key.status)}
    audit_record(actor=owner, action="access_key.ensured", target=access_key, changes=changes)
    return access_key


def _secret_is(access_key: AccessKey, secret: str) -> bool:
    try:
        return crypto.decrypt_secret(access_key.secret_encrypted) == secret
    except crypto.SecretUnreadable:
        return False


def access_key_secret(access_key: AccessKey) -> str:
    """The plain secret, for checking a signature. Raises crypto.SecretUnreadable."""
    return crypto.decrypt_secret(access_key.secret_encrypted)


def access_key_touch(*, access_key: AccessKey, now: datetime) -> None:
    AccessKey.objects.filter(pk=access_key.pk).update(last_used_at=now)


def signature_nonce_use(*, access_key: AccessKey, nonce: str, timestamp: datetime, now: datetime | None = None) -> None:
    """Records a request's SignatureNonce; a nonce the key has used already is refused (code
    nonce_used). Nonces whose Timestamp no longer passes the 15-minute check are pruned first: a
    replay of them is refused by its Timestamp."""
    now = now or clock.real_now()
    SignatureNonce.objects.filter(timestamp__lt=now - TIMESTAMP_TOLERANCE).delete()
    try:
        with transaction.atomic():
            SignatureNonce.objects.create(access_key=access_key, nonce=nonce, timestamp=timestamp)
    except IntegrityError:
        raise ValidationError(NONCE_USED, code="nonce_used") from None


class _TokenTaken(Exception):
    """A concurrent request with the same ClientToken created its resource first."""


def client_token_once(*, owner, action: str, token: str, create, fingerprint: str) -> str:
    """Runs create() (which returns the new resource's ID) once per ClientToken: a retry with the same
    token returns the first resource's ID, if it asks the same (fingerprint, Params.fingerprint);
    asking something else with it is refused (idempotent_parameter_mismatch), as the real API does.
    Without a token every call creates."""
    if not token:
        return create()
    tokens = ClientToken.objects.filter(owner=owner, action=action, token=token)
    try:
        with transaction.atomic():
            if not tokens.exists():
                resource_id = create()
                try:
                    with transaction.atomic():
                        ClientToken.objects.create(
                            owner=owner, action=action, token=token, resource_id=resource_id, fingerprint=fingerprint
                        )
                except IntegrityError:
                    raise _TokenTaken from None  # undoes this request's resource with the outer block
                return resource_id
    except _TokenTaken:
        pass
    resource_id, first_fingerprint = tokens.values_list("resource_id", "fingerprint").get()
    if first_fingerprint and fingerprint and first_fingerprint != fingerprint:
        raise refusal(IDEMPOTENT_MISMATCH, "idempotent_parameter_mismatch", token=token)
    return resource_id


def connection_direction_record(*, connection, local_region_id: str, opposite_region_id: str) -> None:
    """Remembers the local and opposite regions an API caller gave a region connection."""
    ConnectionDirection.objects.update_or_create(
        connection_id=connection.pk,
        defaults={"local_region_id": local_region_id, "opposite_region_id": opposite_region_id},
    )


def request_counted(*, owner) -> bool:
    """Counts one API request of the account in the current second (real time); False when that passes
    API_RATE_PER_SECOND (the request is to be refused with Throttling.User). Always True with no limit."""
    limit = settings.API_RATE_PER_SECOND
    if not limit:
        return True
    second = clock.real_now().replace(microsecond=0)
    rows = RequestCount.objects.filter(owner=owner, second=second)
    with transaction.atomic():
        if not rows.update(count=F("count") + 1):
            try:
                with transaction.atomic():
                    RequestCount.objects.create(owner=owner, second=second, count=1)
            except IntegrityError:  # another app server counted this second's first request meanwhile
                rows.update(count=F("count") + 1)
            else:
                RequestCount.objects.filter(owner=owner, second__lt=second - timedelta(minutes=1)).delete()
        count = rows.values_list("count", flat=True).first()
    return count <= limit
