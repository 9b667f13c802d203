"""Contract steps for a transit router's address space and route-table extras: CIDR blocks (and their
allocations), prefix-list associations and aggregate routes, on a router of a CEN instance of their own
with one VPC connection; everything removed at the end."""

from alibabacloud_cbn20170912 import models

REGION = "cn-hangzhou"
AGGREGATE = "10.0.0.0/8"


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    router = lambda: state["TransitRouterId"][0]  # noqa: E731
    connection = lambda: state["TransitRouterAttachmentId"][0]  # noqa: E731
    block = lambda: state["TransitRouterCidrId"][0]  # noqa: E731

    def table():
        tables = state["answers"]["ListTransitRouterRouteTables"]["TransitRouterRouteTables"]
        return next(t["TransitRouterRouteTableId"] for t in tables if t["TransitRouterRouteTableType"] == "System")

    def association(request):
        return lambda: request(
            region_id=REGION,
            prefix_list_id="pl-contract0001",
            transit_router_id=router(),
            transit_router_table_id=table(),
            next_hop=connection(),
        )

    def aggregate(request, **extra):
        return lambda: request(transit_route_table_id=table(), transit_route_table_aggregation_cidr=AGGREGATE, **extra)

    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-addressing")),
        ("CreateTransitRouter", lambda: models.CreateTransitRouterRequest(cen_id=cen(), region_id=REGION)),
        (
            "CreateTransitRouterVpcAttachment",
            lambda: models.CreateTransitRouterVpcAttachmentRequest(
                cen_id=cen(),
                transit_router_id=router(),
                vpc_id="vpc-contractaddr1",
                zone_mappings=[
                    models.CreateTransitRouterVpcAttachmentRequestZoneMappings(
                        zone_id="cn-hangzhou-h", v_switch_id="vsw-contractaddr1"
                    )
                ],
            ),
        ),
        (
            "ListTransitRouterRouteTables",
            lambda: models.ListTransitRouterRouteTablesRequest(transit_router_id=router()),
        ),
        # Transit router CIDR blocks.
        (
            "CreateTransitRouterCidr",
            lambda: models.CreateTransitRouterCidrRequest(
                region_id=REGION,
                transit_router_id=router(),
                cidr="192.168.10.0/24",
                name="contract",
                description="every field",
                publish_cidr_route=True,
                client_token="contract-cidr",
            ),
        ),
        (
            "ListTransitRouterCidr",
            lambda: models.ListTransitRouterCidrRequest(region_id=REGION, transit_router_id=router()),
        ),
        ("ListTransitRouters", lambda: models.ListTransitRoutersRequest(cen_id=cen())),
        (
            "ModifyTransitRouterCidr",
            lambda: models.ModifyTransitRouterCidrRequest(
                region_id=REGION,
                transit_router_id=router(),
                transit_router_cidr_id=block(),
                cidr="192.168.20.0/24",
                name="contract-2",
                publish_cidr_route=False,
            ),
        ),
        (
            "ListTransitRouterCidrAllocation",
            lambda: models.ListTransitRouterCidrAllocationRequest(
                region_id=REGION, transit_router_id=router(), max_results=20
            ),
        ),
        (
            "DeleteTransitRouterCidr",
            lambda: models.DeleteTransitRouterCidrRequest(
                region_id=REGION, transit_router_id=router(), transit_router_cidr_id=block()
            ),
        ),
        # Prefix-list associations.
        (
            "CreateTransitRouterPrefixListAssociation",
            association(models.CreateTransitRouterPrefixListAssociationRequest),
        ),
        (
            "ListTransitRouterPrefixListAssociation",
            lambda: models.ListTransitRouterPrefixListAssociationRequest(
                region_id=REGION, transit_router_id=router(), transit_router_table_id=table()
            ),
        ),
        (
            "DeleteTransitRouterPrefixListAssociation",
            association(models.DeleteTransitRouterPrefixListAssociationRequest),
        ),
        # Aggregate routes.
        (
            "CreateTransitRouteTableAggregation",
            aggregate(
                models.CreateTransitRouteTableAggregationRequest,
                transit_route_table_aggregation_name="contract",
                transit_route_table_aggregation_scope_list=["VPC"],
            ),
        ),
        ("DescribeTransitRouteTableAggregation", aggregate(models.DescribeTransitRouteTableAggregationRequest)),
        (
            "DescribeTransitRouteTableAggregationDetail",
            aggregate(models.DescribeTransitRouteTableAggregationDetailRequest),
        ),
        (
            "ModifyTransitRouteTableAggregation",
            aggregate(
                models.ModifyTransitRouteTableAggregationRequest,
                transit_route_table_aggregation_description="changed",
            ),
        ),
        ("RefreshTransitRouteTableAggregation", aggregate(models.RefreshTransitRouteTableAggregationRequest)),
        ("DeleteTransitRouteTableAggregation", aggregate(models.DeleteTransitRouteTableAggregationRequest)),
        # Everything removed.
        (
            "DeleteTransitRouterVpcAttachment",
            lambda: models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=connection()),
        ),
        ("DeleteTransitRouter", lambda: models.DeleteTransitRouterRequest(transit_router_id=router())),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
