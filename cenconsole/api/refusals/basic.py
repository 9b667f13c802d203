"""Basic Edition: CEN instances, bandwidth packages, region connections, child instances, tags, quotas."""

UNKNOWN_CEN = "The specified CenId does not exist."
UNKNOWN_PACKAGE = "The specified CenBandwidthPackageId does not exist."
UNKNOWN_REGION = "The specified region ID does not exist."
UNKNOWN_AREA = "The specified area is not valid: China, North-America, Asia-Pacific, Europe or Australia expected."
UNKNOWN_DURATION = "Period and PricingCycle must give 1, 2, 3 or 6 months (Month) or 1, 2 or 3 years (Year)."
UNKNOWN_AUTO_RENEWAL = "AutoRenewDuration must be 1, 2 or 3 (months)."
IDEMPOTENT_MISMATCH = "The request uses the same client token as a previous, but non-identical request."

ERRORS = {
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
    (None, "idempotent_parameter_mismatch"): ("IdempotentParameterMismatch", 400, None),  # documented
    # CreateCenBandwidthPackage: its ClientToken is the order's idempotency key (bandwidth services).
    (None, "order_key_other_terms"): ("IdempotentParameterMismatch", 400, IDEMPOTENT_MISMATCH),  # documented
    (None, "network_attached"): ("InvalidOperation.ChildInstanceAlreadyAttached", 409, None),  # documented
    # Resource groups, temporary upgrades (issue 22).
    (None, "resource_group_format"): ("InvalidResourceGroupId", 400, None),
    (None, "temporary_upgrade_not_higher"): ("InvalidParameter", 400, None),
    (None, "temporary_upgrade_end"): ("InvalidParameter", 400, None),
    (None, "temporary_upgrade_active"): ("OperationFailed.OperationIsProcessing", 400, None),  # documented code
}
