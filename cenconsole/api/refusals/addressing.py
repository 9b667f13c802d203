"""A transit router's address space and route-table extras: CIDR blocks, prefix list associations,
aggregate routes. Codes marked "provider" are those terraform-provider-alicloud names for these actions
(its retry and not-found lists, so the real API answers them); the others are the replica's choice, in
the reference's patterns (IllegalParam.<Parameter>, InstanceExist/InstanceNotExist.<Resource>)."""

ERRORS = {
    # Transit router CIDR blocks.
    (None, "cidr_format"): ("IllegalParam.Cidr", 400, None),
    (None, "cidr_prefix_length"): ("IllegalParam.Cidr", 400, None),
    (None, "cidr_reserved"): ("IllegalParam.Cidr", 400, None),
    (None, "cidr_overlap"): ("OperationFailed.CidrConflict", 400, None),
    (None, "cidr_quota"): ("QuotaExceeded.TransitRouterCidr", 400, None),
    (None, "unknown_cidr"): ("OperationFailed.CidrNotExist", 400, None),  # provider (DeleteTransitRouterCidr: gone)
    (None, "cidr_allocated"): ("OperationFailed.CidrBlockAllocated", 400, None),  # provider (DeleteTransitRouterCidr)
    (None, "cidr_exhausted"): ("OperationFailed.AllocateCidrFailed", 400, None),  # provider (VPN attachments)
    # Prefix list associations.
    ("prefix_list", "resource_id_format"): ("IllegalParam.PrefixListId", 400, None),
    ("prefix_list", "resource_region"): ("IllegalParam.PrefixListId", 400, None),
    (None, "prefix_list_next_hop_blackhole"): ("IllegalParam.NextHop", 400, None),
    (None, "prefix_list_next_hop_unknown"): ("IllegalParam.NextHop", 400, None),
    (None, "prefix_list_next_hop_type"): ("IllegalParam.NextHopType", 400, None),
    (None, "route_table_of_another_router"): ("IllegalParam.TransitRouterTableId", 400, None),
    (None, "prefix_list_associated"): ("InstanceExist.PrefixListAssociation", 400, None),
    (None, "unknown_prefix_list_association"): ("InstanceNotExist.PrefixListAssociation", 400, None),
    (None, "prefix_list_association_updating"): ("InvalidStatus.PrefixlistAssociation", 400, None),  # provider
    # Aggregate routes.
    (None, "aggregation_cidr_unsupported"): ("IllegalParam.TransitRouteTableAggregationCidr", 400, None),
    (None, "aggregation_scope"): ("IllegalParam.TransitRouteTableAggregationScope", 400, None),
    (None, "aggregation_exists"): ("InstanceExist.AggregationRoute", 400, None),
    (None, "unknown_aggregation"): ("InstanceNotExist.AggregationRoute", 400, None),  # provider (not found)
    (None, "aggregation_not_configured"): ("IncorrectStatus.AggregationRoute", 400, None),  # provider (retried)
    (None, "unknown_aggregation_route_table"): (
        "InstanceNotExist.TransitRouterRouteTable",
        400,
        "The specified TransitRouteTableId does not exist.",
    ),  # provider (not found)
    # What still names a transit router, a connection or a route table refuses its delete (the reference
    # names no code for these dependencies).
    (None, "cidr_blocks_exist"): ("InvalidOperation.TransitRouterCidrExist", 400, None),
    (None, "prefix_list_associations_exist"): ("InvalidOperation.PrefixListAssociationExist", 400, None),
    (None, "aggregate_routes_exist"): ("InvalidOperation.AggregateRouteExist", 400, None),
}
