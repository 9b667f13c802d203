"""The RPC wire protocol: which parameters a request carries, which API it names, and who signed it.
Checked in the gateway's order: the API (Action, Version, Format), the common parameters, the
Timestamp, the AccessKey, the signature, the key's state, then the SignatureNonce.

Two signatures are accepted: V1 (HMAC-SHA1, a Signature parameter: signature.py), which
aliyun-python-sdk-core sends, and V3 (ACS3-HMAC-SHA256, an Authorization header: signature_v3.py),
which alibabacloud-tea-openapi sends by default."""

import re
from datetime import UTC, datetime
from urllib.parse import unquote_plus

from django.core.exceptions import ValidationError

from cenconsole.core import clock

from . import crypto, errors, selectors, services, signature, signature_v3
from .models import AccessKey

PRODUCT_VERSION = "2017-09-12"
SIGNED_PARAMETERS = ("AccessKeyId", "Signature", "SignatureMethod", "SignatureNonce", "SignatureVersion", "Timestamp")
MAX_NONCE_LENGTH = 128
FORMATS = ("JSON", "XML")
# Parameters that only an API request carries: with any of them the site root answers as the API.
API_PARAMETERS = ("Action", "Signature", "AccessKeyId")


def is_v3(request) -> bool:
    """A request signed with signature V3 (an ACS3-* Authorization header), or naming its action only
    in V3's x-acs-action header. The older SDK sends x-acs-action too, beside its V1 parameters."""
    if request.headers.get("Authorization", "").startswith("ACS3-"):
        return True
    v1 = any(name in request.GET for name in API_PARAMETERS) or (
        request.method == "POST" and any(name in request.POST for name in API_PARAMETERS)
    )
    return not v1 and "x-acs-action" in request.headers


def is_api_request(request) -> bool:
    """A request to the site root that the API answers, never the console's pages: one carrying API
    signature material (an API parameter, V3's headers or any x-acs-* header), or any POST (the
    console never posts to the site root; a text/plain, JSON or empty body gets the API's error)."""
    if request.method == "POST" or any(name.startswith("HTTP_X_ACS_") for name in request.META):
        return True
    return is_v3(request) or any(name in request.GET for name in API_PARAMETERS)


RAW_FORMAT = re.compile(r"(?:^|&)Format=([^&]*)")
RAW_V1_PARAMETER = re.compile("(?:^|&)(?:" + "|".join(API_PARAMETERS) + ")=")


def _raw_form_body(request) -> str:
    """A form body already within the upload limit, as text ("" for any other body: too large,
    multipart, or another content type)."""
    if request.method != "POST" or request.content_type != "application/x-www-form-urlencoded":
        return ""
    try:
        return request.body.decode("utf-8", "replace")
    except Exception:  # noqa: BLE001 - too large or already streamed: no Format to read there
        return ""


def requested_format(request) -> str:
    """JSON or XML, as a request asks, read from its raw query string and form body: for the
    refusals made before its parameters can be read (too large, too many, a null character). The
    body's Format wins over the query's, the last one in each, as request_parameters reads them; a
    V3 request is answered in JSON whatever it says."""
    query = request.META.get("QUERY_STRING", "")
    body = _raw_form_body(request)
    v3 = request.headers.get("Authorization", "").startswith("ACS3-") or (
        "x-acs-action" in request.headers and not RAW_V1_PARAMETER.search(query) and not RAW_V1_PARAMETER.search(body)
    )
    if v3:
        return "JSON"
    asked = RAW_FORMAT.findall(body) or RAW_FORMAT.findall(query)
    return response_format({"Format": unquote_plus(asked[-1])} if asked else {})


def response_format(parameters: dict[str, str]) -> str:
    """JSON or XML, as the Format parameter asks (JSON when absent or not understood)."""
    value = (parameters.get("Format") or "JSON").upper()
    return value if value in FORMATS else "JSON"


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
    if (parameters.get("Format") or "JSON").upper() not in FORMATS:
        raise errors.INVALID_FORMAT
    return action


def v3_parameters(request) -> dict[str, str]:
    """A V3 request's parameters: the query and the form body as for V1, with the action and the
    version taken from its x-acs-action and x-acs-version headers."""
    parameters = request_parameters(request)
    parameters.pop("Action", None)
    parameters.pop("Version", None)
    for name, header in (("Action", "x-acs-action"), ("Version", "x-acs-version")):
        if request.headers.get(header):
            parameters[name] = request.headers[header]
    parameters["Format"] = "JSON"  # the V3 SDK reads JSON (it sends Accept: application/json)
    return parameters


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
    now = now or clock.real_now()  # signatures are checked against real time, whatever the account's clock
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


def _signing_key(access_key_id: str) -> tuple[AccessKey, str]:
    access_key = selectors.access_key_for_signing(access_key_id=access_key_id)
    if access_key is None:
        raise errors.ACCESS_KEY_NOT_FOUND
    try:
        return access_key, services.access_key_secret(access_key)
    except crypto.SecretUnreadable:
        raise errors.ACCESS_KEY_UNREADABLE from None


def _accept(access_key: AccessKey, *, nonce: str, timestamp: datetime, now: datetime) -> AccessKey:
    """The signature matched: the key must be usable and the nonce new."""
    if not access_key.is_active or not access_key.owner.is_active:
        raise errors.ACCESS_KEY_INACTIVE
    try:
        services.signature_nonce_use(access_key=access_key, nonce=nonce, timestamp=timestamp, now=now)
    except ValidationError:
        raise errors.NONCE_USED from None
    services.access_key_touch(access_key=access_key, now=now)
    return access_key


def authenticate_v3(request, *, now: datetime | None = None) -> AccessKey:
    """The AccessKey that signed a V3 request; raises ApiError for any refusal. Its x-acs-date is
    checked like V1's Timestamp and its x-acs-signature-nonce is accepted once per AccessKey."""
    now = now or clock.real_now()  # signatures are checked against real time, whatever the account's clock
    authorization = signature_v3.parse_authorization(request.headers.get("Authorization", ""))
    if authorization is None or not authorization.access_key_id:
        raise errors.INCOMPLETE_SIGNATURE
    if authorization.algorithm != signature_v3.ALGORITHM:
        raise errors.INVALID_SIGNATURE_METHOD
    headers = {name.lower(): value for name, value in request.headers.items()}
    if "host" not in headers and request.META.get("SERVER_NAME"):
        headers["host"] = request.META["SERVER_NAME"]  # a WSGI request without a Host header
    for name in signature_v3.REQUIRED_SIGNED_HEADERS:
        if not headers.get(name):
            raise errors.missing_parameter(name)
    must_sign = [*signature_v3.REQUIRED_SIGNED_HEADERS, *(name for name in headers if name.startswith("x-acs-"))]
    if request.body:
        # The content type says how the body's parameters are read: unsigned, it could be changed in
        # transit (text/plain drops them) while the signature still verifies.
        must_sign.append("content-type")
    unsigned = [name for name in must_sign if name not in authorization.signed_headers]
    if unsigned:
        raise errors.unsigned_headers(unsigned)
    nonce = headers["x-acs-signature-nonce"]
    if len(nonce) > MAX_NONCE_LENGTH:
        raise errors.invalid_parameter("x-acs-signature-nonce", f"at most {MAX_NONCE_LENGTH} characters.")
    timestamp = _timestamp(headers["x-acs-date"], now)

    access_key, secret = _signing_key(authorization.access_key_id)
    hashed_payload = headers["x-acs-content-sha256"].lower()
    if hashed_payload != signature_v3.payload_hash(request.body):
        raise errors.CONTENT_SHA256_MISMATCH
    canonical = signature_v3.canonical_request(
        method=request.method,
        path=request.path,
        query={name: value for name, value in request.GET.items()},
        headers=headers,
        signed_headers=authorization.signed_headers,
        hashed_payload=hashed_payload,
    )
    text = signature_v3.string_to_sign(canonical)
    if not signature_v3.signature_matches(authorization.signature, text, secret):
        raise errors.signature_does_not_match(text)
    return _accept(access_key, nonce=nonce, timestamp=timestamp, now=now)
