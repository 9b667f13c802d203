"""API errors: the gateway's refusals (signature, timestamp, nonce, action) and the one table that
turns the services' ValidationError codes into the real API's error codes and HTTP statuses.

Codes marked "documented" appear in Alibaba Cloud's public references (the common gateway error
codes, the CEN API reference and error center, or the CEN codes Terraform's provider handles);
the others are the replica's choice where the real code is not published."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction

from .refusals import SERVICE_ERRORS  # the services' refusal codes -> the API's, by group of resources


@dataclass
class ApiError(Exception):
    code: str
    message: str
    status: int = 400


# The gateway: checked before any action runs. Messages are the real ones, word for word (the SDK
# parses SignatureDoesNotMatch's: the text after its colon is the server's string to sign).
def missing_parameter(name: str) -> ApiError:
    return ApiError(f"Missing{name}", f"{name} is mandatory for this action.")  # documented


def invalid_parameter(name: str, reason: str) -> ApiError:
    return ApiError("InvalidParameter", f'The specified parameter "{name}" is not valid: {reason}')  # documented


def invalid_action(action: str) -> ApiError:
    return ApiError(
        "InvalidAction.NotFound", "Specified api is not found, please check your url and method.", 404
    )  # documented


INVALID_VERSION = ApiError("InvalidVersion", "Specified parameter Version is not valid.")  # documented
INVALID_FORMAT = ApiError(
    "InvalidParameter.Format", "Specified parameter format is not valid: JSON or XML expected."
)  # documented code
UNSUPPORTED_METHOD = ApiError("UnsupportedHTTPMethod", "This http method is not supported.")  # documented
INVALID_SIGNATURE_METHOD = ApiError("InvalidSignatureMethod", "Specified signature method is not valid.")  # documented
INVALID_SIGNATURE_VERSION = ApiError("InvalidSignatureVersion", "Specified signature version is not valid.")
TIMESTAMP_FORMAT = ApiError(
    "InvalidTimeStamp.Format", "Specified time stamp or date value is not well formatted."
)  # documented
TIMESTAMP_EXPIRED = ApiError("InvalidTimeStamp.Expired", "Specified time stamp or date value is expired.")  # documented
ACCESS_KEY_NOT_FOUND = ApiError("InvalidAccessKeyId.NotFound", "Specified access key is not found.", 404)  # documented
ACCESS_KEY_INACTIVE = ApiError("InvalidAccessKeyId.Inactive", "Specified access key is disabled.")  # documented
NONCE_USED = ApiError("SignatureNonceUsed", "Specified signature nonce was used already.")  # documented
ACCESS_KEY_UNREADABLE = ApiError(
    "InvalidAccessKeyId.Inactive",
    "The AccessKey's secret cannot be read with this server's SECRET_KEY (was it changed?). Create a new AccessKey.",
)
# Signature V3 (an Authorization header).
INCOMPLETE_SIGNATURE = ApiError(
    "IncompleteSignature",
    "The request signature does not conform to Aliyun standards: "
    "Authorization: ACS3-HMAC-SHA256 Credential=<AccessKeyId>,SignedHeaders=<names>,Signature=<hex> expected.",
)  # documented
CONTENT_SHA256_MISMATCH = ApiError(
    "SignatureDoesNotMatch",
    "Specified signature is not matched with our calculation: x-acs-content-sha256 is not the SHA-256 of the body.",
)  # documented code


def unsigned_headers(names: list[str]) -> ApiError:
    return ApiError(
        "IncompleteSignature",
        f"The request signature does not conform to Aliyun standards: {', '.join(sorted(set(names)))} must be "
        "signed (host, every x-acs-* header and, with a body, content-type).",
    )  # documented code


INTERNAL_ERROR = ApiError(
    "InternalError", "The request processing has failed due to some unknown error, exception or failure.", 500
)  # documented


# Requests the API refuses before reading them as parameters (cenconsole.api.middleware). Alibaba Cloud's
# RPC gateway publishes no codes for oversize requests (its API Gateway product has I413RL and I413UL,
# in another header, for another gateway): the codes are the replica's, the HTTP statuses are HTTP's.
def request_body_too_large(limit: int) -> ApiError:
    return ApiError(
        "RequestBodyTooLarge",
        f"The request body is larger than {limit} bytes. Send fewer or shorter parameters.",
        413,
    )


def query_string_too_long(limit: int) -> ApiError:
    return ApiError(
        "RequestURITooLong",
        f"The query string is longer than {limit} characters. Send the parameters in a form-encoded POST body.",
        414,
    )


def too_many_parameters(limit: int) -> ApiError:
    return ApiError("InvalidParameter", f"The request has more than {limit} parameters.")  # documented code


def too_many_files(limit: int) -> ApiError:
    return ApiError(
        "InvalidParameter", f"The request has more than {limit} files. The API takes none."
    )  # documented code


UNREADABLE_BODY = ApiError(
    "InvalidParameter", "The request body cannot be read as application/x-www-form-urlencoded or multipart/form-data."
)  # documented code
THROTTLED = ApiError("Throttling.User", "Request was denied due to user flow control.")  # documented
FORBIDDEN = ApiError("Forbidden", "The request is refused.", 403)  # the replica's
API_NOT_FOUND = invalid_action("")  # a path under /api/ that is not the API: as for an unknown Action


def endpoint_not_a_host(host: str) -> ApiError:
    """A client configured with a URL for its endpoint (http://host:port, host:port/api): the SDKs send
    that as the Host header. The replica's hint; the real API is never reached so."""
    return ApiError(
        "InvalidParameter",
        f"The endpoint {host!r} is not a host: give the SDK the server's host and port only, such as "
        "127.0.0.1:8000, without http:// and without a path such as /api (the SDK adds the scheme and the path).",
    )


def for_status(status: int) -> ApiError:
    """The API's error for a refusal Django made in its own words (an HTML page): same status."""
    if status >= 500:
        return INTERNAL_ERROR
    known = {403: FORBIDDEN, 404: API_NOT_FOUND, 405: UNSUPPORTED_METHOD}
    return known.get(status) or ApiError("InvalidParameter", "The request is not valid.", status)  # documented code


def signature_does_not_match(server_string_to_sign: str) -> ApiError:
    return ApiError(
        "SignatureDoesNotMatch",
        f"Specified signature is not matched with our calculation. server string to sign is:{server_string_to_sign}",
    )  # documented


# A code missing from the table (a rule added to a service later) still answers 400 with its message.
FALLBACK = ("InvalidParameter", 400, None)


def _first_error(error: ValidationError) -> tuple[str | None, ValidationError]:
    if hasattr(error, "error_dict"):
        field, errors = next(iter(error.error_dict.items()))
        return (None if field == "__all__" else field), errors[0]
    return None, error.error_list[0]


def from_service_error(error: ValidationError) -> ApiError:
    """The API error for a service's refusal: its first error decides the code."""
    field, first = _first_error(error)
    api_code, status, message = SERVICE_ERRORS.get((field, first.code)) or SERVICE_ERRORS.get(
        (None, first.code), FALLBACK
    )
    if message is None:
        message = first.message % first.params if first.params else first.message
    return ApiError(api_code, str(message), status)


def service_error(code: str, message: str = "") -> ApiError:
    """A refusal for a service code the API learns another way (a DoesNotExist from a service's
    lookup, the model's refusal to delete a package): the same table decides."""
    return from_service_error(ValidationError(message, code=code))


# Issue 22 ----------------------------------------------------------------------------------------------

DRY_RUN_PASSED = ApiError(
    "DryRunOperation", "Request validation has been passed with DryRun flag set."
)  # documented (Alibaba Cloud's common codes)


class _DryRunPassed(Exception):
    pass


def dry_run_check(attempt) -> None:
    """DryRun=true: runs attempt inside a transaction that is always rolled back, so its refusals are
    the answer and nothing it did stays; a clean run answers DryRunOperation, as the real API does."""
    try:
        with transaction.atomic():
            attempt()
            raise _DryRunPassed
    except _DryRunPassed:
        raise DRY_RUN_PASSED from None


def unsupported_parameters(names: list[str]) -> ApiError:
    """Parameters the action has but the replica does not model: refused by name, never ignored."""
    listed = ", ".join(sorted(names))
    return ApiError(
        "InvalidParameter",
        f"The replica does not support the parameter(s) {listed} for this action: send the request without them.",
    )  # documented code
