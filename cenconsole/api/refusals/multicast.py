"""Multicast on transit routers: domains, vSwitch associations, group members and sources. Where the
real API names one rule differently by action, the services raise a code per name."""

ERRORS = {
    (None, "unknown_multicast_domain"): (
        "InvalidTransitRouterMulticastDomainId.NotFound",
        400,
        "The specified TransitRouterMulticastDomainId is not found.",
    ),  # documented (Deregister*)
    (None, "multicast_domain_not_active"): ("IncorrectStatus.MulticastDomain", 400, None),  # documented
    (None, "multicast_group_domain_not_active"): ("InvalidOperation.MulticastDomainStatus", 400, None),  # documented
    (None, "router_without_multicast"): ("OperationUnsupported.TransitRouterSupportMulticast", 400, None),  # documented
    (None, "no_transit_router_in_region"): ("InvalidOperation.TransitRouterNotExist", 400, None),  # documented
    (None, "router_of_other_cen"): ("IllegalParam.CenId", 400, None),  # documented
    (None, "igmpv2_support_value"): (
        "IllegalParam.Igmpv2Support",
        400,
        "The specified Igmpv2Support is illegal. Valid values are [enable, disable].",
    ),  # documented
    (None, "igmpv2_stays_on"): ("OperationUnsupported.NotAllowedDisableIgmpv2Support", 400, None),  # documented
    (None, "domain_has_associations"): ("InvalidOperation.MulticastDomainAssociationExist", 400, None),  # documented
    (None, "multicast_groups_exist"): ("InvalidOperation.MulticastGroupExist", 400, None),  # documented
    (None, "domain_is_peer_member"): ("InvalidOperation.MulticastDomainInGroup", 400, None),  # documented
    (None, "transit_router_has_multicast_domains"): ("InvalidOperation.MulticastDomainExist", 400, None),
    (None, "multicast_unknown_attachment"): (
        "InvalidAttachmentId.NotFound",
        400,
        "The specified AttachmentId is not found.",
    ),  # documented
    (None, "attachment_of_other_router"): ("IllegalParam.AttachmentId", 400, None),  # documented
    (None, "multicast_attachment_not_attached"): ("IncorrectStatus.Attachment", 400, None),  # documented
    (None, "vswitch_not_in_attachment"): ("IllegalParam.VSwitchIds", 400, None),  # documented
    (None, "vswitch_associated"): ("AssociationExist.VSwitchIds", 400, None),  # documented
    (None, "vswitches_per_domain"): ("QuotaFull.VswitchPerMulticastDomain", 400, None),  # documented
    (None, "multicast_association_not_associated"): (
        "InvalidOperation.MulticastDomainAssociationStatus",
        400,
        None,
    ),  # documented
    (None, "vpc_attachment_in_multicast_domain"): (
        "InvalidOperation.MulticastDomainAssociationExist",
        400,
        None,
    ),  # documented code
    (None, "group_ip_format"): ("IllegalParam.GroupIpAddress", 400, None),  # documented
    (None, "eni_id_format"): ("InvalidOperation.NetworkInterfaceNotExist", 400, None),  # documented
    (None, "eni_not_associated"): ("InvalidOperation.MulticastDomainAssociationNotExist", 400, None),  # documented
    (None, "eni_in_other_vpc"): ("InvalidVpcId.NotValid", 400, None),  # documented
    (None, "already_registered"): ("InstanceExist", 400, None),  # documented
    (None, "registration_in_transition"): ("IncorrectStatus.MulticastGroup", 400, None),  # documented
    (None, "unknown_peer_domain"): (
        "InvalidPeerTrMulticastDomainId.NotFound",
        400,
        "The specified PeerTrMulticastDomainId is not found.",
    ),  # documented
    (None, "peer_domain_same_region"): ("InvalidOperation.PeerMulticastDomainRegion", 400, None),  # documented
    (None, "peer_domain_other_cen"): ("IllegalParam.PeerTrMulticastDomainId", 400, None),  # documented
    (None, "peer_domain_not_active"): ("IncorrectStatus.PeerTrMulticastDomainId", 400, None),  # documented
    (None, "no_peer_connection"): ("AttachmentNotFound", 400, None),  # documented
    (None, "peer_connection_not_attached"): ("IncorrectStatus.AttachmentId", 400, None),  # documented
}
