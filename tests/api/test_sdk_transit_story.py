"""Issue 24's story with Alibaba Cloud's current SDK (alibabacloud-cbn20170912, signature V3) against
the live server: a CEN, transit routers in cn-hangzhou and us-east-1 (waited for, as scripts and
Terraform wait), a VPC connected to each, a bandwidth package bound, an inter-region connection of
5 Mbps from the package, routes learned in both route tables, a second connection over the package's
budget refused, deletion refused while connections exist, then everything removed in order."""

import time

import pytest
from alibabacloud_cbn20170912 import models

from cenconsole.audit.models import AuditRecord
from cenconsole.networks.models import default_cidr_block
from cenconsole.regions.models import Region
from cenconsole.transit.models import TransitRouter

pytestmark = pytest.mark.django_db(transaction=True)

WAIT_SECONDS = 15


@pytest.fixture(autouse=True)
def _quick_transitions(settings):
    """Transitions of one second: the story waits for each, as the SDK's callers do."""
    settings.TRANSIT_TRANSITION_SECONDS = 1


def wait_for(read, expected):
    """Polls read() until it answers expected (a status, or None for gone), as Terraform's waiters do."""
    deadline = time.monotonic() + WAIT_SECONDS
    while (found := read()) != expected:
        assert time.monotonic() < deadline, f"still {found!r}, {expected!r} expected"
        time.sleep(0.25)


def test_transit_router_story_with_the_v3_sdk(sdk_v3, user):
    """Routers, VPC connections, a package-backed inter-region connection, learned routes, refusals
    and removal in order, all through the V3 SDK's defaults."""
    cen_id = sdk_v3.call("create_cen", models.CreateCenRequest(name="enterprise-cen"))["CenId"]

    def router_status(router_id):
        listed = sdk_v3.call(
            "list_transit_routers", models.ListTransitRoutersRequest(cen_id=cen_id, transit_router_id=router_id)
        )["TransitRouters"]
        return listed[0]["Status"] if listed else None

    routers = {}
    for region in ("cn-hangzhou", "us-east-1", "us-west-1"):
        created = sdk_v3.call(
            "create_transit_router",
            models.CreateTransitRouterRequest(cen_id=cen_id, region_id=region, transit_router_name=f"tr-{region}"),
        )
        routers[region] = created["TransitRouterId"]
        assert router_status(routers[region]) == "Creating"
    for router_id in routers.values():
        wait_for(lambda router_id=router_id: router_status(router_id), "Active")

    def vpc_status(attachment_id):
        listed = sdk_v3.call(
            "list_transit_router_vpc_attachments",
            models.ListTransitRouterVpcAttachmentsRequest(transit_router_attachment_id=attachment_id),
        )["TransitRouterAttachments"]
        return listed[0]["Status"] if listed else None

    vpcs = {}
    for region, vpc_id, zone in (
        ("cn-hangzhou", "vpc-hzstory0001", "cn-hangzhou-h"),
        ("us-east-1", "vpc-vastory0001", "us-east-1a"),
    ):
        vpcs[region] = sdk_v3.call(
            "create_transit_router_vpc_attachment",
            models.CreateTransitRouterVpcAttachmentRequest(
                cen_id=cen_id,
                transit_router_id=routers[region],
                vpc_id=vpc_id,
                zone_mappings=[
                    models.CreateTransitRouterVpcAttachmentRequestZoneMappings(
                        zone_id=zone, v_switch_id=f"vsw-{vpc_id[4:]}"
                    )
                ],
            ),
        )["TransitRouterAttachmentId"]
    # The routes learned are the VPCs' CIDR blocks: the region's default block for a VPC the replica
    # knows only by its ID.
    cidr = {region: default_cidr_block(Region.objects.select_related("area").get(pk=region)) for region in vpcs}
    for attachment_id in vpcs.values():
        wait_for(lambda attachment_id=attachment_id: vpc_status(attachment_id), "Attached")

    package_id = sdk_v3.call(
        "create_cen_bandwidth_package",
        models.CreateCenBandwidthPackageRequest(
            geographic_region_aid="China",
            geographic_region_bid="North-America",
            bandwidth=10,
            period=1,
            pricing_cycle="Month",
            name="enterprise-bwp",
        ),
    )["CenBandwidthPackageId"]
    sdk_v3.call(
        "associate_cen_bandwidth_package",
        models.AssociateCenBandwidthPackageRequest(cen_id=cen_id, cen_bandwidth_package_id=package_id),
    )

    peer_id = sdk_v3.call(
        "create_transit_router_peer_attachment",
        models.CreateTransitRouterPeerAttachmentRequest(
            cen_id=cen_id,
            transit_router_id=routers["cn-hangzhou"],
            peer_transit_router_id=routers["us-east-1"],
            peer_transit_router_region_id="us-east-1",
            bandwidth_type="BandwidthPackage",
            cen_bandwidth_package_id=package_id,
            bandwidth=5,
        ),
    )["TransitRouterAttachmentId"]

    def peer_status(attachment_id):
        listed = sdk_v3.call(
            "list_transit_router_peer_attachments",
            models.ListTransitRouterPeerAttachmentsRequest(transit_router_attachment_id=attachment_id),
        )["TransitRouterAttachments"]
        return listed[0]["Status"] if listed else None

    wait_for(lambda: peer_status(peer_id), "Attached")

    def learned(region):
        (table,) = sdk_v3.call(
            "list_transit_router_route_tables",
            models.ListTransitRouterRouteTablesRequest(transit_router_id=routers[region]),
        )["TransitRouterRouteTables"]
        entries = sdk_v3.call(
            "list_transit_router_route_entries",
            models.ListTransitRouterRouteEntriesRequest(
                transit_router_route_table_id=table["TransitRouterRouteTableId"]
            ),
        )["TransitRouterRouteEntries"]
        return {
            (e["TransitRouterRouteEntryDestinationCidrBlock"], e["TransitRouterRouteEntryNextHopId"]) for e in entries
        }

    hangzhou, virginia = cidr["cn-hangzhou"], cidr["us-east-1"]
    assert learned("cn-hangzhou") == {(hangzhou, vpcs["cn-hangzhou"]), (virginia, peer_id)}
    assert learned("us-east-1") == {(virginia, vpcs["us-east-1"]), (hangzhou, peer_id)}

    over = sdk_v3.refusal(
        "create_transit_router_peer_attachment",
        models.CreateTransitRouterPeerAttachmentRequest(
            transit_router_id=routers["cn-hangzhou"],
            peer_transit_router_id=routers["us-west-1"],
            bandwidth_type="BandwidthPackage",
            cen_bandwidth_package_id=package_id,
            bandwidth=6,
        ),
    )
    assert over.code == "QuotaExceeded.Bandwidth"
    refused = sdk_v3.refusal(
        "delete_transit_router", models.DeleteTransitRouterRequest(transit_router_id=routers["us-east-1"])
    )
    assert refused.code == "InvalidOperation.TransitRouterAttachmentExist"

    sdk_v3.call(
        "delete_transit_router_peer_attachment",
        models.DeleteTransitRouterPeerAttachmentRequest(transit_router_attachment_id=peer_id),
    )
    wait_for(lambda: peer_status(peer_id), None)
    for attachment_id in vpcs.values():
        sdk_v3.call(
            "delete_transit_router_vpc_attachment",
            models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=attachment_id),
        )
    for attachment_id in vpcs.values():
        wait_for(lambda attachment_id=attachment_id: vpc_status(attachment_id), None)
    for router_id in routers.values():
        sdk_v3.call("delete_transit_router", models.DeleteTransitRouterRequest(transit_router_id=router_id))
    for router_id in routers.values():
        wait_for(lambda router_id=router_id: router_status(router_id), None)
    sdk_v3.call(
        "unassociate_cen_bandwidth_package",
        models.UnassociateCenBandwidthPackageRequest(cen_id=cen_id, cen_bandwidth_package_id=package_id),
    )
    sdk_v3.call("delete_cen", models.DeleteCenRequest(cen_id=cen_id))

    assert TransitRouter.objects.filter(cen_instance_id=cen_id, deleted_at__isnull=True).count() == 0
    assert AuditRecord.objects.filter(action="transit_router.peer_attached").count() == 1
