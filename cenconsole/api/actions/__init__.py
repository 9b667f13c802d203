"""The CEN API's actions (product Cbn, version 2017-09-12), one module per resource. Each reads its
parameters, calls the same service or selector the console calls, and shapes the answer as the real
API does. Every rule and refusal lives in the services; errors.SERVICE_ERRORS names their refusals
the API's way. ACTIONS below is the one table of every action the API answers."""

from django.core.exceptions import ValidationError
from django.db import transaction

from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from cenconsole.networks.models import NetworkInstance

from .. import errors
from ..params import Params
from . import (
    bandwidth_packages,
    cens,
    child_instances,
    flow_logs,
    grants,
    health_checks,
    inter_region,
    multicast,
    private_zones,
    resource_groups,
    route_entries,
    route_maps,
    routes,
    tags,
    traffic_marking,
    traffic_qos,
    transit_aggregations,
    transit_cidrs,
    transit_connections,
    transit_peer_attachments,
    transit_prefix_lists,
    transit_route_tables,
    transit_routers,
    transit_service,
)
from .child_instances import UNKNOWN_CHILD_INSTANCE

# The one table of every action the API answers: action name -> function, by resource. A new resource
# (transit routers, say) gets its own module and its own group here.
ACTIONS = {
    # CEN instances
    "CreateCen": cens.create_cen,
    "DescribeCens": cens.describe_cens,
    "DeleteCen": cens.delete_cen,
    "ModifyCenAttribute": cens.modify_cen_attribute,
    # Resource groups
    "MoveResourceGroup": resource_groups.move_resource_group,
    # Tags
    "TagResources": tags.tag_resources,
    "UntagResources": tags.untag_resources,
    "ListTagResources": tags.list_tag_resources,
    # Child instances (the Networks tab's network instances)
    "AttachCenChildInstance": child_instances.attach_cen_child_instance,
    "DetachCenChildInstance": child_instances.detach_cen_child_instance,
    "DescribeCenAttachedChildInstances": child_instances.describe_cen_attached_child_instances,
    "DescribeCenAttachedChildInstanceAttribute": child_instances.describe_cen_attached_child_instance_attribute,
    "DescribeChildInstanceRegions": child_instances.describe_child_instance_regions,
    # Route views (the Route Information tab)
    "DescribeCenRegionDomainRouteEntries": routes.describe_cen_region_domain_route_entries,
    "DescribePublishedRouteEntries": routes.describe_published_route_entries,
    "DescribeCenChildInstanceRouteEntries": routes.describe_cen_child_instance_route_entries,
    # Route entries of an attached VPC's route table: to the CEN, published to it, their conflicts.
    "CreateCenChildInstanceRouteEntryToCen": route_entries.create_cen_child_instance_route_entry_to_cen,
    "DeleteCenChildInstanceRouteEntryToCen": route_entries.delete_cen_child_instance_route_entry_to_cen,
    "PublishRouteEntries": route_entries.publish_route_entries,
    "WithdrawPublishedRouteEntries": route_entries.withdraw_published_route_entries,
    "DescribeRouteConflict": route_entries.describe_route_conflict,
    # ... and of a VPC connected to a transit router, to its connection (Enterprise Edition).
    "CreateCenChildInstanceRouteEntryToAttachment": route_entries.create_cen_child_instance_route_entry_to_attachment,
    "DeleteCenChildInstanceRouteEntryToAttachment": route_entries.delete_cen_child_instance_route_entry_to_attachment,
    "ListCenChildInstanceRouteEntriesToAttachment": route_entries.list_cen_child_instance_route_entries_to_attachment,
    # PrivateZone and cloud services in an attached VPC, reached through the CEN instance.
    "RoutePrivateZoneInCenToVpc": private_zones.route_private_zone_in_cen_to_vpc,
    "UnroutePrivateZoneInCenToVpc": private_zones.unroute_private_zone_in_cen_to_vpc,
    "DescribeCenPrivateZoneRoutes": private_zones.describe_cen_private_zone_routes,
    "ResolveAndRouteServiceInCen": private_zones.resolve_and_route_service_in_cen,
    "DeleteRouteServiceInCen": private_zones.delete_route_service_in_cen,
    "DescribeRouteServicesInCen": private_zones.describe_route_services_in_cen,
    # Bandwidth packages
    "CreateCenBandwidthPackage": bandwidth_packages.create_cen_bandwidth_package,
    "DescribeCenBandwidthPackages": bandwidth_packages.describe_cen_bandwidth_packages,
    "AssociateCenBandwidthPackage": bandwidth_packages.associate_cen_bandwidth_package,
    "UnassociateCenBandwidthPackage": bandwidth_packages.unassociate_cen_bandwidth_package,
    "ModifyCenBandwidthPackageAttribute": bandwidth_packages.modify_cen_bandwidth_package_attribute,
    "ModifyCenBandwidthPackageSpec": bandwidth_packages.modify_cen_bandwidth_package_spec,
    "TempUpgradeCenBandwidthPackageSpec": bandwidth_packages.temp_upgrade_cen_bandwidth_package_spec,
    "DeleteCenBandwidthPackage": bandwidth_packages.delete_cen_bandwidth_package,
    # Inter-region bandwidth (region connections) and areas
    "SetCenInterRegionBandwidthLimit": inter_region.set_cen_inter_region_bandwidth_limit,
    "DescribeCenInterRegionBandwidthLimits": inter_region.describe_cen_inter_region_bandwidth_limits,
    "DescribeGeographicRegionMembership": inter_region.describe_geographic_region_membership,
    "DescribeCenGeographicSpans": inter_region.describe_cen_geographic_spans,
    "DescribeCenGeographicSpanRemainingBandwidth": inter_region.describe_cen_geographic_span_remaining_bandwidth,
    # Enterprise Edition (issue 24): transit routers and their connections.
    "CreateTransitRouter": transit_routers.create_transit_router,
    "ListTransitRouters": transit_routers.list_transit_routers,
    "UpdateTransitRouter": transit_routers.update_transit_router,
    "DeleteTransitRouter": transit_routers.delete_transit_router,
    "CreateTransitRouterVpcAttachment": transit_routers.create_transit_router_vpc_attachment,
    "ListTransitRouterVpcAttachments": transit_routers.list_transit_router_vpc_attachments,
    "UpdateTransitRouterVpcAttachmentAttribute": transit_routers.update_transit_router_vpc_attachment_attribute,
    "DeleteTransitRouterVpcAttachment": transit_routers.delete_transit_router_vpc_attachment,
    "UpdateTransitRouterVpcAttachmentZones": transit_routers.update_transit_router_vpc_attachment_zones,
    "CreateTransitRouterPeerAttachment": transit_peer_attachments.create_transit_router_peer_attachment,
    "ListTransitRouterPeerAttachments": transit_peer_attachments.list_transit_router_peer_attachments,
    "UpdateTransitRouterPeerAttachmentAttribute": (
        transit_peer_attachments.update_transit_router_peer_attachment_attribute
    ),
    "DeleteTransitRouterPeerAttachment": transit_peer_attachments.delete_transit_router_peer_attachment,
    "CreateTransitRouterRouteTable": transit_route_tables.create_transit_router_route_table,
    "ListTransitRouterRouteTables": transit_route_tables.list_transit_router_route_tables,
    "UpdateTransitRouterRouteTable": transit_route_tables.update_transit_router_route_table,
    "DeleteTransitRouterRouteTable": transit_route_tables.delete_transit_router_route_table,
    "CreateTransitRouterRouteEntry": transit_route_tables.create_transit_router_route_entry,
    "ListTransitRouterRouteEntries": transit_route_tables.list_transit_router_route_entries,
    "UpdateTransitRouterRouteEntry": transit_route_tables.update_transit_router_route_entry,
    "DeleteTransitRouterRouteEntry": transit_route_tables.delete_transit_router_route_entry,
    "AssociateTransitRouterAttachmentWithRouteTable": (
        transit_route_tables.associate_transit_router_attachment_with_route_table
    ),
    "DissociateTransitRouterAttachmentFromRouteTable": (
        transit_route_tables.dissociate_transit_router_attachment_from_route_table
    ),
    "ReplaceTransitRouterRouteTableAssociation": (transit_route_tables.replace_transit_router_route_table_association),
    "EnableTransitRouterRouteTablePropagation": transit_route_tables.enable_transit_router_route_table_propagation,
    "DisableTransitRouterRouteTablePropagation": transit_route_tables.disable_transit_router_route_table_propagation,
    "ListTransitRouterRouteTableAssociations": transit_route_tables.list_transit_router_route_table_associations,
    "ListTransitRouterRouteTablePropagations": transit_route_tables.list_transit_router_route_table_propagations,
    # Issue 32: VBR, VPN and ECR connections, the transit router service and the zones it offers.
    "CreateTransitRouterVbrAttachment": transit_connections.create_transit_router_vbr_attachment,
    "ListTransitRouterVbrAttachments": transit_connections.list_transit_router_vbr_attachments,
    "UpdateTransitRouterVbrAttachmentAttribute": transit_connections.update_transit_router_vbr_attachment_attribute,
    "DeleteTransitRouterVbrAttachment": transit_connections.delete_transit_router_vbr_attachment,
    "CreateTransitRouterVpnAttachment": transit_connections.create_transit_router_vpn_attachment,
    "ListTransitRouterVpnAttachments": transit_connections.list_transit_router_vpn_attachments,
    "UpdateTransitRouterVpnAttachmentAttribute": transit_connections.update_transit_router_vpn_attachment_attribute,
    "DeleteTransitRouterVpnAttachment": transit_connections.delete_transit_router_vpn_attachment,
    "CreateTransitRouterEcrAttachment": transit_connections.create_transit_router_ecr_attachment,
    "ListTransitRouterEcrAttachments": transit_connections.list_transit_router_ecr_attachments,
    "UpdateTransitRouterEcrAttachmentAttribute": transit_connections.update_transit_router_ecr_attachment_attribute,
    "DeleteTransitRouterEcrAttachment": transit_connections.delete_transit_router_ecr_attachment,
    "CheckTransitRouterService": transit_service.check_transit_router_service,
    "OpenTransitRouterService": transit_service.open_transit_router_service,
    "ListTransitRouterAvailableResource": transit_service.list_transit_router_available_resource,
    # Route maps, VBR health checks and flow logs (issue 32).
    "CreateCenRouteMap": route_maps.create_cen_route_map,
    "DescribeCenRouteMaps": route_maps.describe_cen_route_maps,
    "ModifyCenRouteMap": route_maps.modify_cen_route_map,
    "DeleteCenRouteMap": route_maps.delete_cen_route_map,
    "EnableCenVbrHealthCheck": health_checks.enable_cen_vbr_health_check,
    "DescribeCenVbrHealthCheck": health_checks.describe_cen_vbr_health_check,
    "DisableCenVbrHealthCheck": health_checks.disable_cen_vbr_health_check,
    "CreateFlowlog": flow_logs.create_flowlog,
    "DescribeFlowlogs": flow_logs.describe_flowlogs,
    "ModifyFlowLogAttribute": flow_logs.modify_flow_log_attribute,
    "ActiveFlowLog": flow_logs.active_flow_log,
    "DeactiveFlowLog": flow_logs.deactive_flow_log,
    "DeleteFlowlog": flow_logs.delete_flowlog,
    # A transit router's address space and route-table extras (issue 32): CIDR blocks, prefix lists, aggregates.
    "CreateTransitRouterCidr": transit_cidrs.create_transit_router_cidr,
    "ListTransitRouterCidr": transit_cidrs.list_transit_router_cidr,
    "ModifyTransitRouterCidr": transit_cidrs.modify_transit_router_cidr,
    "DeleteTransitRouterCidr": transit_cidrs.delete_transit_router_cidr,
    "ListTransitRouterCidrAllocation": transit_cidrs.list_transit_router_cidr_allocation,
    "CreateTransitRouterPrefixListAssociation": transit_prefix_lists.create_transit_router_prefix_list_association,
    "DeleteTransitRouterPrefixListAssociation": transit_prefix_lists.delete_transit_router_prefix_list_association,
    "ListTransitRouterPrefixListAssociation": transit_prefix_lists.list_transit_router_prefix_list_association,
    "CreateTransitRouteTableAggregation": transit_aggregations.create_transit_route_table_aggregation,
    "DescribeTransitRouteTableAggregation": transit_aggregations.describe_transit_route_table_aggregation,
    "DescribeTransitRouteTableAggregationDetail": transit_aggregations.describe_transit_route_table_aggregation_detail,
    "ModifyTransitRouteTableAggregation": transit_aggregations.modify_transit_route_table_aggregation,
    "RefreshTransitRouteTableAggregation": transit_aggregations.refresh_transit_route_table_aggregation,
    "DeleteTransitRouteTableAggregation": transit_aggregations.delete_transit_route_table_aggregation,
    # Cross-account grant rules (issue 32): network instances of other accounts granted to a CEN instance.
    "DescribeGrantRulesToCen": grants.describe_grant_rules_to_cen,
    "DescribeGrantRulesToResource": grants.describe_grant_rules_to_resource,
    "GrantInstanceToTransitRouter": grants.grant_instance_to_transit_router,
    "ModifyGrantInstanceToTransitRouter": grants.modify_grant_instance_to_transit_router,
    "RevokeInstanceFromTransitRouter": grants.revoke_instance_from_transit_router,
    "ListGrantVSwitchesToCen": grants.list_grant_vswitches_to_cen,
    "ListGrantVSwitchEnis": grants.list_grant_vswitch_enis,
    # Multicast (issue 32): multicast domains of transit routers, their vSwitches, members and sources.
    "CreateTransitRouterMulticastDomain": multicast.create_transit_router_multicast_domain,
    "ListTransitRouterMulticastDomains": multicast.list_transit_router_multicast_domains,
    "ModifyTransitRouterMulticastDomain": multicast.modify_transit_router_multicast_domain,
    "DeleteTransitRouterMulticastDomain": multicast.delete_transit_router_multicast_domain,
    "AssociateTransitRouterMulticastDomain": multicast.associate_transit_router_multicast_domain,
    "DisassociateTransitRouterMulticastDomain": multicast.disassociate_transit_router_multicast_domain,
    "ListTransitRouterMulticastDomainAssociations": multicast.list_transit_router_multicast_domain_associations,
    "ListTransitRouterMulticastDomainVSwitches": multicast.list_transit_router_multicast_domain_vswitches,
    "RegisterTransitRouterMulticastGroupMembers": multicast.register_transit_router_multicast_group_members,
    "DeregisterTransitRouterMulticastGroupMembers": multicast.deregister_transit_router_multicast_group_members,
    "RegisterTransitRouterMulticastGroupSources": multicast.register_transit_router_multicast_group_sources,
    "DeregisterTransitRouterMulticastGroupSources": multicast.deregister_transit_router_multicast_group_sources,
    "ListTransitRouterMulticastGroups": multicast.list_transit_router_multicast_groups,
    # Traffic marking and inter-region traffic QoS (issue 32); the SDK's misspelt twins answer alike.
    "CreateTrafficMarkingPolicy": traffic_marking.create_traffic_marking_policy,
    "ListTrafficMarkingPolicies": traffic_marking.list_traffic_marking_policies,
    "UpdateTrafficMarkingPolicyAttribute": traffic_marking.update_traffic_marking_policy_attribute,
    "DeleteTrafficMarkingPolicy": traffic_marking.delete_traffic_marking_policy,
    "AddTrafficMatchRuleToTrafficMarkingPolicy": traffic_marking.add_traffic_match_rule_to_traffic_marking_policy,
    "AddTraficMatchRuleToTrafficMarkingPolicy": traffic_marking.add_traffic_match_rule_to_traffic_marking_policy,
    "ModifyTrafficMatchRuleToTrafficMarkingPolicy": traffic_marking.modify_traffic_match_rule_to_traffic_marking_policy,
    "RemoveTrafficMatchRuleFromTrafficMarkingPolicy": (
        traffic_marking.remove_traffic_match_rule_from_traffic_marking_policy
    ),
    "RemoveTraficMatchRuleFromTrafficMarkingPolicy": (
        traffic_marking.remove_traffic_match_rule_from_traffic_marking_policy
    ),
    "CreateCenInterRegionTrafficQosPolicy": traffic_qos.create_cen_inter_region_traffic_qos_policy,
    "ListCenInterRegionTrafficQosPolicies": traffic_qos.list_cen_inter_region_traffic_qos_policies,
    "UpdateCenInterRegionTrafficQosPolicyAttribute": traffic_qos.update_cen_inter_region_traffic_qos_policy_attribute,
    "DeleteCenInterRegionTrafficQosPolicy": traffic_qos.delete_cen_inter_region_traffic_qos_policy,
    "CreateCenInterRegionTrafficQosQueue": traffic_qos.create_cen_inter_region_traffic_qos_queue,
    "ListCenInterRegionTrafficQosQueues": traffic_qos.list_cen_inter_region_traffic_qos_queues,
    "UpdateCenInterRegionTrafficQosQueueAttribute": traffic_qos.update_cen_inter_region_traffic_qos_queue_attribute,
    "DeleteCenInterRegionTrafficQosQueue": traffic_qos.delete_cen_inter_region_traffic_qos_queue,
}


def run(action: str, *, owner, parameters: dict[str, str]) -> dict:
    """Runs an action as owner; a service's refusal becomes the API's error."""
    params = Params(parameters)
    try:
        # One transaction: a parameter found unsupported after the action ran undoes what it did.
        with transaction.atomic():
            result = ACTIONS[action](owner=owner, params=params)
            unread = params.unread()
            if unread:
                raise errors.unsupported_parameters(unread)
        return result
    except ValidationError as refusal:
        raise errors.from_service_error(refusal) from None
    except CenInstance.DoesNotExist:
        raise errors.service_error("unknown_cen") from None
    except BandwidthPackage.DoesNotExist:
        raise errors.service_error("unknown_package") from None
    except NetworkInstance.DoesNotExist:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE) from None
