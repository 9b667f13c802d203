"""The RPC wire protocol: which parameters a request carries, which API it names, and who signed it.
Checked in the gateway's order: the API (Action, Version, Format), the common parameters, the
Timestamp, the AccessKey, the signature, the key's state, then the SignatureNonce."""

from datetime import UTC, datetime

from django.core.exceptions import ValidationError

from cenconsole.core import clock

from . import crypto, errors, selectors, services, signature
from .models import AccessKey

PRODUCT_VERSION = "2017-09-12"
SIGNED_PARAMETERS = ("AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp")
MAX_NONCE_LENGTH = 128


def request_parameters(request) -> dict[str, str]:
    """The query string and the form body together, as the SDK signs them."""
    parameters = {name: value for name, value in request.GET.items()}
    if request.method == "POST":
        parameters.update(request.POST.items())
    return parameters


def check_api(parameters: dict[str, str], actions) -> str:
    """The action the request names, if this API (Cbn 2017-09-12) has it."""
    action = parameters.get("Action")
    if not action:
        raise errors.missing_parameter("Action")
    version = parameters.get("Version")
    if not version:
        raise errors.missing_parameter("Version")
    if version != PRODUCT_VERSION:
        raise errors.INVALID_VERSION
    if action not in actions:
        raise errors.invalid_action(action)
    if parameters.get("Format", "JSON").upper() == "XML":
        raise errors.INVALID_FORMAT
    return action


def _timestamp(value: str, now: datetime) -> datetime:
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise errors.TIMESTAMP_FORMAT from None
    if moment.tzinfo is None or moment.utcoffset().total_seconds() != 0:
        raise errors.TIMESTAMP_FORMAT  # ISO 8601 in UTC: 2017-09-12T08:00:00Z
    if abs(now - moment) > services.TIMESTAMP_TOLERANCE:
        raise errors.TIMESTAMP_EXPIRED
    return moment.astimezone(UTC)


def authenticate(method: str, parameters: dict[str, str], *, now: datetime | None = None) -> AccessKey:
    """The AccessKey that signed the request; raises ApiError for any refusal. Records the
    request's SignatureNonce, so the same signed request is refused the second time."""
    now = now or clock.now()
    for name in SIGNED_PARAMETERS:
        if not parameters.get(name):
            raise errors.missing_parameter(name)
    if parameters["SignatureMethod"] != signature.SIGNATURE_METHOD:
        raise errors.INVALID_SIGNATURE_METHOD
    if parameters["SignatureVersion"] != signature.SIGNATURE_VERSION:
        raise errors.INVALID_SIGNATURE_VERSION
    if len(parameters["SignatureNonce"]) > MAX_NONCE_LENGTH:
        raise errors.invalid_parameter("SignatureNonce", f"at most {MAX_NONCE_LENGTH} characters.")
    timestamp = _timestamp(parameters["Timestamp"], now)

    access_key = selectors.access_key_for_signing(access_key_id=parameters["AccessKeyId"])
    if access_key is None:
        raise errors.ACCESS_KEY_NOT_FOUND
    try:
        secret = services.access_key_secret(access_key)
    except crypto.SecretUnreadable:
        raise errors.ACCESS_KEY_UNREADABLE from None
    text = signature.string_to_sign(method, parameters)
    if not signature.signature_matches(parameters["Signature"], text, secret):
        raise errors.signature_does_not_match(text)
    if not access_key.is_active or not access_key.owner.is_active:
        raise errors.ACCESS_KEY_INACTIVE

    try:
        services.signature_nonce_use(
            access_key=access_key, nonce=parameters["SignatureNonce"], timestamp=timestamp, now=now
        )
    except ValidationError:
        raise errors.NONCE_USED from None
    services.access_key_touch(access_key=access_key, now=now)
    return access_key
