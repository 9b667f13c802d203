"""Contract steps for the route entry actions: on a CEN instance of their own, two VPCs (Hangzhou,
Virginia) with a route to the CEN, a route each publishes to the same destination (a conflict), both
withdrawn; a transit router with a VPC connection and a route to it; then everything removed."""

from alibabacloud_cbn20170912 import models

HANGZHOU = dict(child_instance_id="vpc-routes0001", child_instance_region_id="cn-hangzhou", child_instance_type="VPC")
VIRGINIA = dict(child_instance_id="vpc-routes0002", child_instance_region_id="us-east-1", child_instance_type="VPC")


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    router = lambda: state["TransitRouterId"][0]  # noqa: E731
    attachment = lambda: state["TransitRouterAttachmentId"][0]  # noqa: E731

    def published(child, table):
        return lambda request: (
            lambda: request(
                cen_id=cen(), child_instance_route_table_id=table, destination_cidr_block="192.168.0.0/24", **child
            )
        )

    hangzhou, virginia = published(HANGZHOU, "vtb-routes0001"), published(VIRGINIA, "vtb-routes0002")
    to_cen = dict(route_table_id="vtb-routes0001", destination_cidr_block="0.0.0.0/0", **HANGZHOU)

    def to_attachment(request):
        return lambda: request(
            cen_id=cen(),
            route_table_id="vtb-routes0003",
            transit_router_attachment_id=attachment(),
            destination_cidr_block="0.0.0.0/0",
        )

    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-routes")),
        *(
            ("AttachCenChildInstance", lambda child=child: models.AttachCenChildInstanceRequest(cen_id=cen(), **child))
            for child in (HANGZHOU, VIRGINIA)
        ),
        (
            "CreateCenChildInstanceRouteEntryToCen",
            lambda: models.CreateCenChildInstanceRouteEntryToCenRequest(cen_id=cen(), **to_cen),
        ),
        ("PublishRouteEntries", hangzhou(models.PublishRouteEntriesRequest)),
        ("PublishRouteEntries", virginia(models.PublishRouteEntriesRequest)),
        (
            "DescribeRouteConflict",
            lambda: models.DescribeRouteConflictRequest(child_instance_route_table_id="vtb-routes0001", **HANGZHOU),
        ),
        ("WithdrawPublishedRouteEntries", hangzhou(models.WithdrawPublishedRouteEntriesRequest)),
        ("WithdrawPublishedRouteEntries", virginia(models.WithdrawPublishedRouteEntriesRequest)),
        (
            "DeleteCenChildInstanceRouteEntryToCen",
            lambda: models.DeleteCenChildInstanceRouteEntryToCenRequest(cen_id=cen(), **to_cen),
        ),
        (
            "CreateTransitRouter",
            lambda: models.CreateTransitRouterRequest(cen_id=cen(), region_id="cn-hangzhou"),
        ),
        (
            "CreateTransitRouterVpcAttachment",
            lambda: models.CreateTransitRouterVpcAttachmentRequest(
                cen_id=cen(),
                transit_router_id=router(),
                vpc_id="vpc-routes0003",
                zone_mappings=[
                    models.CreateTransitRouterVpcAttachmentRequestZoneMappings(
                        zone_id="cn-hangzhou-h", v_switch_id="vsw-routes0003"
                    )
                ],
            ),
        ),
        (
            "CreateCenChildInstanceRouteEntryToAttachment",
            to_attachment(models.CreateCenChildInstanceRouteEntryToAttachmentRequest),
        ),
        (
            "ListCenChildInstanceRouteEntriesToAttachment",
            lambda: models.ListCenChildInstanceRouteEntriesToAttachmentRequest(
                cen_id=cen(),
                child_instance_route_table_id="vtb-routes0003",
                transit_router_attachment_id=attachment(),
                route_filter=[
                    models.ListCenChildInstanceRouteEntriesToAttachmentRequestRouteFilter(
                        key="prefix-exact-match", value=["0.0.0.0/0"]
                    )
                ],
            ),
        ),
        (
            "DeleteCenChildInstanceRouteEntryToAttachment",
            to_attachment(models.DeleteCenChildInstanceRouteEntryToAttachmentRequest),
        ),
        (
            "DeleteTransitRouterVpcAttachment",
            lambda: models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=attachment()),
        ),
        ("DeleteTransitRouter", lambda: models.DeleteTransitRouterRequest(transit_router_id=router())),
        *(
            ("DetachCenChildInstance", lambda child=child: models.DetachCenChildInstanceRequest(cen_id=cen(), **child))
            for child in (HANGZHOU, VIRGINIA)
        ),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
