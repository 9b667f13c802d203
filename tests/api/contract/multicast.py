"""Multicast through the V3 SDK: a CEN instance with a China <-> North America package, routers made
with multicast in cn-hangzhou and us-east-1 joined by an inter-region connection, a VPC connected in
cn-hangzhou; a multicast domain on each router, two vSwitches associated, an ENI as a source and a
member, the us-east-1 domain as a member; everything listed, then removed."""

from alibabacloud_cbn20170912 import models

GROUP = "239.0.0.2"
VSWITCHES = ["vsw-contractmc01", "vsw-contractmc02"]


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    package = lambda: state["CenBandwidthPackageId"][0]  # noqa: E731
    router = lambda n: lambda: state["TransitRouterId"][n]  # noqa: E731
    hangzhou, virginia = router(0), router(1)
    attachment = lambda n: lambda: state["TransitRouterAttachmentId"][n]  # noqa: E731
    vpc, peer = attachment(0), attachment(1)
    domain = lambda n: lambda: state["TransitRouterMulticastDomainId"][n]  # noqa: E731
    hangzhou_domain, virginia_domain = domain(0), domain(1)

    def group_change(request, **extra):
        return lambda: request(transit_router_multicast_domain_id=hangzhou_domain(), group_ip_address=GROUP, **extra)

    eni = {"network_interface_ids": ["eni-contractmc01"]}
    peers = lambda: {"peer_transit_router_multicast_domains": [virginia_domain()]}  # noqa: E731
    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-multicast")),
        (
            "CreateCenBandwidthPackage",
            lambda: models.CreateCenBandwidthPackageRequest(
                geographic_region_aid="China", geographic_region_bid="North-America", bandwidth=5, period=1
            ),
        ),
        (
            "AssociateCenBandwidthPackage",
            lambda: models.AssociateCenBandwidthPackageRequest(cen_id=cen(), cen_bandwidth_package_id=package()),
        ),
        *(
            (
                "CreateTransitRouter",
                lambda region=region: models.CreateTransitRouterRequest(
                    cen_id=cen(), region_id=region, support_multicast=True
                ),
            )
            for region in ("cn-hangzhou", "us-east-1")
        ),
        (
            "CreateTransitRouterVpcAttachment",
            lambda: models.CreateTransitRouterVpcAttachmentRequest(
                transit_router_id=hangzhou(),
                vpc_id="vpc-contractmc01",
                zone_mappings=[
                    models.CreateTransitRouterVpcAttachmentRequestZoneMappings(zone_id=zone, v_switch_id=vswitch)
                    for zone, vswitch in zip(("cn-hangzhou-h", "cn-hangzhou-i"), VSWITCHES, strict=True)
                ],
            ),
        ),
        (
            "CreateTransitRouterPeerAttachment",
            lambda: models.CreateTransitRouterPeerAttachmentRequest(
                transit_router_id=hangzhou(),
                peer_transit_router_id=virginia(),
                cen_bandwidth_package_id=package(),
                bandwidth=2,
            ),
        ),
        (
            "CreateTransitRouterMulticastDomain",
            lambda: models.CreateTransitRouterMulticastDomainRequest(
                transit_router_id=hangzhou(),
                transit_router_multicast_domain_name="contract-mc",
                options=models.CreateTransitRouterMulticastDomainRequestOptions(igmpv_2support="disable"),
            ),
        ),
        (
            "CreateTransitRouterMulticastDomain",
            lambda: models.CreateTransitRouterMulticastDomainRequest(cen_id=cen(), region_id="us-east-1"),
        ),
        (
            "ModifyTransitRouterMulticastDomain",
            lambda: models.ModifyTransitRouterMulticastDomainRequest(
                transit_router_multicast_domain_id=hangzhou_domain(),
                transit_router_multicast_domain_description="every field",
                options=models.ModifyTransitRouterMulticastDomainRequestOptions(igmpv_2support="enable"),
            ),
        ),
        ("ListTransitRouterMulticastDomains", lambda: models.ListTransitRouterMulticastDomainsRequest(cen_id=cen())),
        (
            "AssociateTransitRouterMulticastDomain",
            lambda: models.AssociateTransitRouterMulticastDomainRequest(
                transit_router_multicast_domain_id=hangzhou_domain(),
                transit_router_attachment_id=vpc(),
                v_switch_ids=VSWITCHES,
            ),
        ),
        (
            "ListTransitRouterMulticastDomainAssociations",
            lambda: models.ListTransitRouterMulticastDomainAssociationsRequest(
                transit_router_multicast_domain_id=hangzhou_domain()
            ),
        ),
        (
            "ListTransitRouterMulticastDomainVSwitches",
            lambda: models.ListTransitRouterMulticastDomainVSwitchesRequest(cen_id=cen(), vpc_id="vpc-contractmc01"),
        ),
        (
            "RegisterTransitRouterMulticastGroupSources",
            group_change(models.RegisterTransitRouterMulticastGroupSourcesRequest, **eni),
        ),
        (
            "RegisterTransitRouterMulticastGroupMembers",
            group_change(models.RegisterTransitRouterMulticastGroupMembersRequest, **eni),
        ),
        (
            "RegisterTransitRouterMulticastGroupMembers",
            lambda: group_change(models.RegisterTransitRouterMulticastGroupMembersRequest, **peers())(),
        ),
        (
            "ListTransitRouterMulticastGroups",
            lambda: models.ListTransitRouterMulticastGroupsRequest(
                transit_router_multicast_domain_id=hangzhou_domain()
            ),
        ),
        (
            "DeregisterTransitRouterMulticastGroupMembers",
            lambda: group_change(models.DeregisterTransitRouterMulticastGroupMembersRequest, **eni, **peers())(),
        ),
        (
            "DeregisterTransitRouterMulticastGroupSources",
            group_change(models.DeregisterTransitRouterMulticastGroupSourcesRequest, **eni),
        ),
        (
            "DisassociateTransitRouterMulticastDomain",
            lambda: models.DisassociateTransitRouterMulticastDomainRequest(
                transit_router_multicast_domain_id=hangzhou_domain(),
                transit_router_attachment_id=vpc(),
                v_switch_ids=VSWITCHES,
            ),
        ),
        *(
            (
                "DeleteTransitRouterMulticastDomain",
                lambda each=each: models.DeleteTransitRouterMulticastDomainRequest(
                    transit_router_multicast_domain_id=each()
                ),
            )
            for each in (hangzhou_domain, virginia_domain)
        ),
        (
            "DeleteTransitRouterPeerAttachment",
            lambda: models.DeleteTransitRouterPeerAttachmentRequest(transit_router_attachment_id=peer()),
        ),
        (
            "DeleteTransitRouterVpcAttachment",
            lambda: models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=vpc()),
        ),
        *(
            ("DeleteTransitRouter", lambda each=each: models.DeleteTransitRouterRequest(transit_router_id=each()))
            for each in (hangzhou, virginia)
        ),
        (
            "UnassociateCenBandwidthPackage",
            lambda: models.UnassociateCenBandwidthPackageRequest(cen_id=cen(), cen_bandwidth_package_id=package()),
        ),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
