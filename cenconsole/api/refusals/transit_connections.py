"""Enterprise Edition: a transit router's VBR, VPN and ECR connections, a VPC connection's zones, the
transit router service, and the other products' records those connections name."""

ERRORS = {
    (None, "resource_connected"): (
        "InvalidOperation.ChildInstanceAlreadyAttached",  # the code for a VPC attached twice (documented)
        409,
        None,
    ),
    (None, "connection_has_links"): (
        "OperationFailed.RouteTableAssociationExist",
        400,
        None,
    ),  # documented (DeleteTransitRouterVpnAttachment)
    (None, "connection_has_routes"): ("OperationFailed.RouteEntryExist", 400, None),  # documented (the same)
    (None, "unknown_order_type"): ("InvalidParameter", 400, None),  # documented code
    (None, "zone_mapping_absent"): ("InvalidParameter", 400, None),  # documented code
    (None, "zone_already_used"): ("InvalidParameter", 400, None),  # documented code
    (None, "zones_left"): ("InvalidParameter", 400, None),  # documented code
}
