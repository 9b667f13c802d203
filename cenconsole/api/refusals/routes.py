"""Route entries of a VPC's route table (to the CEN instance, published to it, to a transit router
connection) and route conflicts."""

ERRORS = {
    (None, "vpc_route_table_unknown"): ("InvalidParameter", 400, None),  # documented code
    (None, "destination_format"): ("InvalidParameter", 400, None),  # documented code
    (None, "destination_in_vpc"): ("InvalidParameter", 400, None),  # documented code
    # The VPC product's code for a second route to a destination (CreateRouteEntry).
    (None, "route_entry_exists"): ("RouterEntryConflict.Duplicated", 400, None),
    (None, "route_entry_quota"): ("QuotaExceeded.RouteEntryNum", 400, None),  # the replica's
    # What Terraform's provider (alicloud_cen_route_entry) reads as "already withdrawn".
    (None, "route_entry_not_found"): ("InvalidOperation.NotFoundRoute", 400, None),
    (None, "route_not_publishable"): ("InvalidOperation.RouteNotPublishable", 400, None),  # the replica's
    (None, "system_route_fixed"): ("OperationUnsupported.SystemRoute", 400, None),  # the replica's
    (None, "route_entry_pending"): ("IncorrectStatus.RouteEntry", 400, None),  # the replica's
    # What Terraform's provider (alicloud_cen_child_instance_route_entry_to_attachment) reads as "gone".
    (None, "route_attachment_not_found"): (
        "ResourceNotFound.TransitRouterAttachment",
        400,
        "The specified TransitRouterAttachmentId does not exist.",
    ),
}
