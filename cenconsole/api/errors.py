"""API errors: the gateway's refusals (signature, timestamp, nonce, action) and the one table that
turns the services' ValidationError codes into the real API's error codes and HTTP statuses.

Codes marked "documented" appear in Alibaba Cloud's public references (the common gateway error
codes, the CEN API reference and error center, or the CEN codes Terraform's provider handles);
the others are the replica's choice where the real code is not published."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction


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
FORBIDDEN = ApiError("Forbidden", "The request is refused.", 403)  # the replica's
API_NOT_FOUND = invalid_action("")  # a path under /api/ that is not the API: as for an unknown Action


def for_status(status: int) -> ApiError:
    """The API's error for a refusal Django made in its own words (an HTML page): same status."""
    if status >= 500:
        return INTERNAL_ERROR
    known = {403: FORBIDDEN, 404: API_NOT_FOUND, 405: UNSUPPORTED_METHOD}
    return known.get(status) or ApiError("InvalidParameter", "The request is not valid.", status)  # documented code


UNKNOWN_CEN = "The specified CenId does not exist."
UNKNOWN_PACKAGE = "The specified CenBandwidthPackageId does not exist."
UNKNOWN_REGION = "The specified region ID does not exist."
UNKNOWN_AREA = "The specified area is not valid: China, North-America, Asia-Pacific, Europe or Australia expected."
UNKNOWN_DURATION = "Period and PricingCycle must give 1, 2, 3 or 6 months (Month) or 1, 2 or 3 years (Year)."
UNKNOWN_AUTO_RENEWAL = "AutoRenewDuration must be 1, 2 or 3 (months)."


def signature_does_not_match(server_string_to_sign: str) -> ApiError:
    return ApiError(
        "SignatureDoesNotMatch",
        f"Specified signature is not matched with our calculation. server string to sign is:{server_string_to_sign}",
    )  # documented


# The services' ValidationError codes -> (API code, HTTP status, message). A key is (field, code); a
# field of None matches the code on any field (or on none). A message of None keeps the service's own:
# it says exactly what was wrong, in the console's words; the others replace a form's wording
# ("Select one of ...") with the parameters an API caller sent.
SERVICE_ERRORS: dict[tuple[str | None, str], tuple[str, int, str | None]] = {
    # Unknown or another account's resources: refused as if they did not exist.
    (None, "unknown_cen"): ("ParameterCenInstanceId", 400, UNKNOWN_CEN),  # documented
    (None, "unknown_package"): ("ParameterBwpInstanceId", 400, UNKNOWN_PACKAGE),  # documented (cen-facts)
    (None, "unknown_region"): ("ParameterIllegal.RegionId", 400, UNKNOWN_REGION),  # documented
    (None, "unknown_area"): ("InvalidParameter", 400, UNKNOWN_AREA),  # documented (cen-facts)
    # Values out of range.
    (None, "bandwidth_range"): ("InvalidParameter", 400, None),
    (None, "unknown_duration"): ("InvalidParameter", 400, UNKNOWN_DURATION),
    (None, "unknown_auto_renewal"): ("InvalidParameter", 400, UNKNOWN_AUTO_RENEWAL),
    (None, "idempotency_key"): ("InvalidParameter", 400, "The specified parameter ClientToken is not valid."),
    (None, "cross_border"): ("InvalidParameter", 400, None),
    (None, "same_region"): ("InvalidParameter", 400, None),
    (None, "bandwidth_too_low"): ("ParameterIllegal.BandwidthLimit", 400, None),  # documented
    ("name", "max_length"): ("InvalidName", 400, None),  # documented
    ("name", "url_prefix"): ("InvalidName", 400, None),  # documented
    ("description", "max_length"): ("InvalidDescription", 400, None),  # documented
    ("description", "url_prefix"): ("InvalidDescription", 400, None),  # documented
    ("name", "bidi_control"): ("InvalidName", 400, None),
    ("description", "bidi_control"): ("InvalidDescription", 400, None),
    ("name", "control_character"): ("InvalidName", 400, None),
    ("description", "control_character"): ("InvalidDescription", 400, None),
    # Rules about the state of things.
    (None, "area_pair_taken"): ("InvalidOperation.BwpForGeoSpanAlreadyAssociated", 409, None),  # documented
    (None, "package_bound"): ("InvalidOperation.BwpInstanceStatus", 403, None),  # documented (cen-facts)
    (None, "package_not_bound"): ("InvalidOperation.BwpInstanceStatus", 403, None),  # documented (cen-facts)
    (None, "package_has_connections"): ("InvalidOperation.CenBandwidthLimitsNotZero", 400, None),  # (cen-facts)
    (None, "has_packages"): ("InvalidOperation.CenInstanceStatus", 400, None),  # documented code
    (None, "has_networks"): ("InvalidOperation.CenInstanceStatus", 400, None),  # documented code
    (None, "regions_not_covered"): ("InvalidOperation.NoBwpForGeographicSpan", 400, None),
    (None, "no_package_for_regions"): ("InvalidOperation.NoBwpForGeographicSpan", 400, None),
    (None, "bandwidth_exceeds_remaining"): ("QuotaExceeded.Bandwidth", 400, None),
    (None, "below_connections"): ("QuotaExceeded.Bandwidth", 400, None),
    (None, "region_pair_taken"): ("OperationFailed.OperationIsProcessing", 400, None),  # documented
    (None, "resize_stale"): ("OperationFailed.OperationIsProcessing", 400, None),  # documented
    (None, "resize_same"): ("Operation.Failed", 400, None),  # documented
    (None, "expired"): ("InvalidOperation.BwpBusinessStatus", 400, None),  # documented code
    (None, "package_expired"): ("InvalidOperation.BwpBusinessStatus", 400, None),  # documented code
    (None, "downgrade_cross_border"): ("OperationUnsupported.CrossBorderDowngrade", 400, None),
    (None, "insufficient_balance"): ("OperationFailed.InsufficientBalance", 400, None),  # documented
    (None, "order_cancelled"): ("InvalidStatus.Resource", 400, None),  # documented
    (None, "release_forbidden"): ("Forbidden.Release", 403, None),  # documented (cen-facts)
    (None, "deletion_pending"): ("InvalidOperation.BwpInstanceStatus", 403, None),  # documented code
    (None, "order_lapsed"): ("InvalidStatus.Resource", 400, None),  # documented code
    (None, "order_stale"): ("InvalidStatus.Resource", 400, None),  # documented code
    # Tags (TagResources, UntagResources, CreateCen and CreateCenBandwidthPackage with Tag.N).
    (None, "tag_key_invalid"): ("InvalidTagKey", 400, None),  # documented (CEN TagResources)
    (None, "tag_value_invalid"): ("InvalidTagValue", 400, None),
    (None, "tag_key_duplicated"): ("Forbidden.TagKey.Duplicated", 400, None),  # documented (Alibaba tag APIs)
    (None, "tag_limit"): ("QuotaExceeded.TagNum", 400, None),  # documented (Alibaba tag APIs)
    # Per-account quotas (settings QUOTA_*). Alibaba publishes a code for the CEN instance quota only.
    (None, "quota_cen_instances"): ("QuotaExceeded.CenCountExceeded", 400, None),  # documented (Terraform's provider)
    (None, "quota_unpaid_orders"): ("QuotaExceeded.UnpaidOrders", 400, None),  # the replica's
    (None, "quota_bandwidth_packages"): ("QuotaExceeded.CenBandwidthPackageCount", 400, None),  # the replica's
    # Child instances (AttachCenChildInstance, DetachCenChildInstance).
    (None, "unknown_network"): ("ParameterInstanceId", 400, None),  # documented (Terraform's provider)
    (None, "network_id_format"): ("InvalidParameter", 400, None),  # documented code
    (None, "network_attached"): ("InvalidOperation.ChildInstanceAlreadyAttached", 409, None),  # documented
}
# Issue 22 (resource groups, child instances, routes): kept together.
SERVICE_ERRORS.update(
    {
        (None, "resource_group_format"): ("InvalidResourceGroupId", 400, None),
        (None, "temporary_upgrade_not_higher"): ("InvalidParameter", 400, None),
        (None, "temporary_upgrade_end"): ("InvalidParameter", 400, None),
        (None, "temporary_upgrade_active"): ("OperationFailed.OperationIsProcessing", 400, None),  # documented code
    }
)
# Issue 24 (transit routers and their connections): kept together.
SERVICE_ERRORS.update(
    {
        (None, "unknown_transit_router"): (
            "InvalidTransitRouterInstance.NotFound",
            400,
            "The Transit Router instance is not found.",
        ),  # documented (DeleteTransitRouter)
        (None, "transit_router_exists"): ("InstanceExist.TransitRouterInstance", 400, None),  # documented code
        (None, "transit_router_not_active"): ("IncorrectStatus.TransitRouterInstance", 400, None),  # documented
        (None, "transit_router_has_attachments"): ("InvalidOperation.TransitRouterAttachmentExist", 400, None),
        (None, "has_transit_routers"): ("InvalidOperation.CenInstanceStatus", 400, None),  # documented code
        (None, "unknown_attachment"): (
            "InvalidTransitRouterAttachmentId.NotFound",
            400,
            "The specified TransitRouterAttachmentId does not exist.",
        ),
        (None, "attachment_not_attached"): ("IncorrectStatus.TransitRouterAttachment", 400, None),  # documented
        (None, "zone_mappings_required"): ("InvalidParameter", 400, None),  # documented code
        (None, "zone_format"): ("IllegalParam.ZoneId", 400, None),
        (None, "vswitch_format"): ("IllegalParam.VSwitchId", 400, None),
        (None, "zone_repeated"): ("InvalidParameter", 400, None),  # documented code
        (None, "vpc_attached_basic"): ("InvalidOperation.ChildInstanceAlreadyAttached", 409, None),  # documented code
        (None, "unknown_route_table"): (
            "InvalidTransitRouterRouteTableId.NotFound",
            400,
            "The specified TransitRouterRouteTableId does not exist.",
        ),
        (None, "system_route_table"): ("OperationUnsupported.SystemRouteTable", 400, None),
        (None, "route_table_not_active"): ("IncorrectStatus.TransitRouterRouteTable", 400, None),  # documented
        (None, "route_table_in_use"): ("OperationFailed.RouteTableAssociationExist", 400, None),  # documented code
        (None, "transit_router_has_route_tables"): ("OperationFailed.DeleteTransitRouter", 400, None),  # documented
        (None, "unknown_next_hop"): ("IllegalParam.TransitRouterRouteEntryNextHopId", 400, None),
        (None, "route_exists"): ("InstanceExist.TransitRouterRouteEntry", 400, None),  # documented
        (None, "unknown_route_entry"): (
            "IllegalParam.TransitRouterRouteEntryId",  # what Terraform's provider reads as "already gone"
            400,
            "The specified TransitRouterRouteEntryId does not exist.",
        ),
        (None, "already_associated"): ("AssociationExist.TransitRouterTable", 400, None),  # documented
        (None, "not_associated"): ("InvalidOperation.AssociationNotExist", 400, None),
        (None, "already_propagating"): ("PropagationExist.TransitRouterTable", 400, None),
        (None, "not_propagating"): ("InvalidOperation.PropagationNotExist", 400, None),
        ("destination_cidr", "cidr_block_format"): (
            "IllegalParam.TransitRouterDestinationCidrBlock",
            400,
            None,
        ),  # documented
        (None, "peer_pair_taken"): ("InvalidOperation.TransitRouterPeerAttachmentExist", 400, None),
        (None, "unknown_bandwidth_type"): ("InvalidParameter", 400, None),  # documented code
        (None, "package_not_for_data_transfer"): ("InvalidParameter", 400, None),  # documented code
        (None, "vpc_attached_transit"): ("InvalidOperation.ChildInstanceAlreadyAttached", 409, None),  # documented code
    }
)
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
