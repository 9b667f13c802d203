"""Enterprise Edition: transit routers, their connections and route tables."""

ERRORS = {
    (None, "unknown_transit_router"): (
        "InvalidTransitRouterInstance.NotFound",
        400,
        "The Transit Router instance is not found.",
    ),  # documented (DeleteTransitRouter)
    (None, "transit_router_exists"): ("InstanceExist.TransitRouterInstance", 400, None),  # documented code
    (None, "transit_router_not_active"): ("IncorrectStatus.TransitRouterInstance", 400, None),  # documented
    (None, "transit_router_has_attachments"): ("InvalidOperation.TransitRouterAttachmentExist", 400, None),
    (None, "cen_has_transit_connections"): ("InvalidOperation.CenInstanceStatus", 400, None),  # documented code
    (None, "cen_has_custom_route_tables"): (
        "OperationFailed.DeleteCenWithCustomRouteTable",
        400,
        "Operation failed because you are not allowed to delete the CEN with the custom transit router route table.",
    ),  # documented (DeleteCen)
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
    # TransitRouterVPCAttachmentOptions: a key or a value the reference does not list (ipv6Support: enable,
    # disable); the reference documents no code of its own for it.
    (None, "vpc_option_unknown"): ("InvalidParameter", 400, None),  # documented code
    (None, "vpc_option_value"): ("InvalidParameter", 400, None),  # documented code
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
    ),  # documented (UpdateTransitRouterRouteEntry)
    (None, "route_entry_learned"): (
        "OperationFailed.UpdateTransitRouterRouteEntry",
        400,
        None,
    ),  # documented (UpdateTransitRouterRouteEntry: "this route entry is created by system")
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
    # DefaultLinkType: Platinum or Gold, Platinum only with DataTransfer (the reference); no code of its own.
    (None, "unknown_link_type"): ("InvalidParameter", 400, None),  # documented code
    (None, "platinum_needs_data_transfer"): ("InvalidParameter", 400, None),  # documented code
    (None, "vpc_attached_transit"): ("InvalidOperation.ChildInstanceAlreadyAttached", 409, None),  # documented code
}
