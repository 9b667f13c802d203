"""Cross-account grant rules. Alibaba Cloud documents no error codes for the grant actions (only the
attach paths' Forbbiden.AttachChildInstanceAcrossUid): the others are the replica's, in the API's
forms; a missing rule answers 404, which Terraform's provider reads as "gone" on a destroy."""

ERRORS = {
    (None, "grant_instance_type"): ("IllegalParam.InstanceType", 400, None),
    (None, "grant_instance_id_format"): ("IllegalParam.InstanceId", 400, None),
    (None, "grant_unknown_account"): ("IllegalParam.CenOwnerId", 400, None),
    (None, "grant_to_self"): ("IllegalParam.CenOwnerId", 400, None),
    (None, "grant_order_type"): ("IllegalParam.OrderType", 400, None),
    (None, "grant_exists"): ("InstanceExist.GrantRule", 400, None),
    (None, "grant_unknown"): ("InvalidGrantRule.NotFound", 404, None),
    (None, "grant_in_use"): ("OperationFailed.GrantRuleInUse", 400, None),
    (None, "grant_missing"): (
        "Forbbiden.AttachChildInstanceAcrossUid",
        409,
        "Operation is invalid because the child-instance is not authorized to CEN.",
    ),  # documented (AttachCenChildInstance)
}
