"""Contract steps for a transit router's VBR, VPN and ECR connections, a VPC connection's zones and the
transit router service: a CEN instance of its own with a router in cn-hangzhou, a VPC connection whose
zones change, one connection of each other kind listed, updated and deleted, then all removed."""

from alibabacloud_cbn20170912 import models


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    router = lambda: state["TransitRouterId"][0]  # noqa: E731
    attachment = lambda n: lambda: state["TransitRouterAttachmentId"][n]  # noqa: E731
    vpc, vbr, vpn, ecr = attachment(0), attachment(1), attachment(2), attachment(3)
    kinds = (("Vbr", vbr), ("Vpn", vpn), ("Ecr", ecr))

    def request(action: str, **fields):
        return getattr(models, f"{action}Request")(**fields)

    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-connections")),
        ("OpenTransitRouterService", lambda: models.OpenTransitRouterServiceRequest(client_token="contract-open")),
        ("CheckTransitRouterService", lambda: models.CheckTransitRouterServiceRequest()),
        (
            "ListTransitRouterAvailableResource",
            lambda: models.ListTransitRouterAvailableResourceRequest(region_id="cn-hangzhou"),
        ),
        ("CreateTransitRouter", lambda: models.CreateTransitRouterRequest(cen_id=cen(), region_id="cn-hangzhou")),
        (
            "CreateTransitRouterVpcAttachment",
            lambda: models.CreateTransitRouterVpcAttachmentRequest(
                transit_router_id=router(),
                vpc_id="vpc-contract0101",
                zone_mappings=[
                    models.CreateTransitRouterVpcAttachmentRequestZoneMappings(
                        zone_id="cn-hangzhou-h", v_switch_id="vsw-contract0101"
                    )
                ],
            ),
        ),
        (
            "UpdateTransitRouterVpcAttachmentZones",
            lambda: models.UpdateTransitRouterVpcAttachmentZonesRequest(
                transit_router_attachment_id=vpc(),
                add_zone_mappings=[
                    models.UpdateTransitRouterVpcAttachmentZonesRequestAddZoneMappings(
                        zone_id="cn-hangzhou-i", v_switch_id="vsw-contract0102"
                    )
                ],
                remove_zone_mappings=[
                    models.UpdateTransitRouterVpcAttachmentZonesRequestRemoveZoneMappings(
                        zone_id="cn-hangzhou-h", v_switch_id="vsw-contract0101"
                    )
                ],
            ),
        ),
        (
            "CreateTransitRouterVbrAttachment",
            lambda: models.CreateTransitRouterVbrAttachmentRequest(
                transit_router_id=router(),
                vbr_id="vbr-contract0101",
                auto_publish_route_enabled=True,
                transit_router_attachment_name="contract-vbr",
            ),
        ),
        (
            "CreateTransitRouterVpnAttachment",
            lambda: models.CreateTransitRouterVpnAttachmentRequest(
                transit_router_id=router(),
                vpn_id="vco-contract0101",
                charge_type="POSTPAY",
                zone=[models.CreateTransitRouterVpnAttachmentRequestZone(zone_id="cn-hangzhou-h")],
            ),
        ),
        (
            "CreateTransitRouterEcrAttachment",
            lambda: models.CreateTransitRouterEcrAttachmentRequest(
                transit_router_id=router(), ecr_id="ecr-contract0101", client_token="contract-ecr"
            ),
        ),
        *(
            (f"ListTransitRouter{kind}Attachments", lambda kind=kind: request(f"ListTransitRouter{kind}Attachments"))
            for kind, _ in kinds
        ),
        *(
            (
                f"UpdateTransitRouter{kind}AttachmentAttribute",
                lambda kind=kind, each=each: request(
                    f"UpdateTransitRouter{kind}AttachmentAttribute",
                    transit_router_attachment_id=each(),
                    transit_router_attachment_name=f"contract-{kind.lower()}-2",
                    order_type="PayByCenOwner",
                ),
            )
            for kind, each in kinds
        ),
        *(
            (
                f"DeleteTransitRouter{kind}Attachment",
                lambda kind=kind, each=each: request(
                    f"DeleteTransitRouter{kind}Attachment", transit_router_attachment_id=each()
                ),
            )
            for kind, each in kinds
        ),
        (
            "DeleteTransitRouterVpcAttachment",
            lambda: models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=vpc()),
        ),
        ("DeleteTransitRouter", lambda: models.DeleteTransitRouterRequest(transit_router_id=router())),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
