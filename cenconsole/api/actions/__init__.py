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
    inter_region,
    resource_groups,
    routes,
    tags,
    transit_route_tables,
    transit_routers,
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
    "CreateTransitRouterPeerAttachment": transit_routers.create_transit_router_peer_attachment,
    "ListTransitRouterPeerAttachments": transit_routers.list_transit_router_peer_attachments,
    "UpdateTransitRouterPeerAttachmentAttribute": transit_routers.update_transit_router_peer_attachment_attribute,
    "DeleteTransitRouterPeerAttachment": transit_routers.delete_transit_router_peer_attachment,
    "CreateTransitRouterRouteTable": transit_route_tables.create_transit_router_route_table,
    "ListTransitRouterRouteTables": transit_route_tables.list_transit_router_route_tables,
    "DeleteTransitRouterRouteTable": transit_route_tables.delete_transit_router_route_table,
    "CreateTransitRouterRouteEntry": transit_route_tables.create_transit_router_route_entry,
    "ListTransitRouterRouteEntries": transit_route_tables.list_transit_router_route_entries,
    "DeleteTransitRouterRouteEntry": transit_route_tables.delete_transit_router_route_entry,
    "AssociateTransitRouterAttachmentWithRouteTable": (
        transit_route_tables.associate_transit_router_attachment_with_route_table
    ),
    "DissociateTransitRouterAttachmentFromRouteTable": (
        transit_route_tables.dissociate_transit_router_attachment_from_route_table
    ),
    "EnableTransitRouterRouteTablePropagation": transit_route_tables.enable_transit_router_route_table_propagation,
    "DisableTransitRouterRouteTablePropagation": transit_route_tables.disable_transit_router_route_table_propagation,
    "ListTransitRouterRouteTableAssociations": transit_route_tables.list_transit_router_route_table_associations,
    "ListTransitRouterRouteTablePropagations": transit_route_tables.list_transit_router_route_table_propagations,
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
