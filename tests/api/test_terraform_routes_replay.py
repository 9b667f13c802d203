"""terraform-provider-alicloud's call sequences for alicloud_cen_route_entry,
alicloud_cen_child_instance_route_entry_to_attachment, alicloud_cen_private_zone and
alicloud_cen_route_service, and for the data sources alicloud_cen_route_entries,
alicloud_cen_child_instance_route_entry_to_attachments, alicloud_cen_private_zones and
alicloud_cen_route_services, replayed with the parameters the provider sends. Read from its source at
commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14: resource_alicloud_cen_{route_entry,
child_instance_route_entry_to_attachment, private_zone, route_service}.go, the data sources of the same
names, service_alicloud_cen.go (CreateCenRouteEntryParas, DescribeCenRouteEntry, WaitForCenRouterEntry)
and service_alicloud_cbn.go (DescribeCenPrivateZone, DescribeCenRouteService,
DescribeCenChildInstanceRouteEntryToAttachment and their state refresh functions): apply, wait for the
target status, refresh with no diff, import (the ID parsed back), destroy, wait until gone. None of these
resources has an argument updated in place (every one is ForceNew; the route to an attachment's Update
only reads). alicloud_cen_route_entry and its data source first ask the VPC product (DescribeRouteTables)
which VPC a route table belongs to: that call is not Cbn's and is left out; the VPC is the one the table
is named after."""

import uuid

import pytest

from cenconsole.networks import services as network_services
from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.api.terraform import ok
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"  # the provider's region: ChildInstanceRegionId and the regions of its configs
PAGE_SIZE_LARGE = "50"  # the provider's PageSizeLarge


def attach(cen_instance, vpc_id="vpc-tf0001", cidr_block="172.16.0.0/12"):
    """alicloud_cen_instance_attachment, a dependency of every config here."""
    return network_services.network_instance_attach(
        owner=cen_instance.owner,
        cen_instance_id=cen_instance.pk,
        region_code=REGION,
        network_id=vpc_id,
        cidr_block=cidr_block,
    )


# alicloud_cen_route_entry ---------------------------------------------------------------------------------


def describe_cen_route_entry(client, resource_id: str):
    """DescribeCenRouteEntry: the published route, or None (NotFound: none listed, or NonPublished)."""
    cen_id, vtb_id, cidr = resource_id.split(":")
    body = ok(
        api_call(
            client,
            "DescribePublishedRouteEntries",
            RegionId=REGION,
            CenId=cen_id,
            ChildInstanceId="vpc-" + vtb_id.removeprefix("vtb-"),  # CreateCenRouteEntryParas (the VPC product)
            ChildInstanceType="VPC",
            ChildInstanceRegionId=REGION,
            ChildInstanceRouteTableId=vtb_id,
            DestinationCidrBlock=cidr,
        )
    )
    entries = body["PublishedRouteEntries"]["PublishedRouteEntry"]
    if not entries or entries[0]["PublishStatus"] == "NonPublished":
        return None
    return entries[0]


def test_cen_route_entry_apply_refresh_import_destroy(client, access_key, cen_instance):
    """alicloud_cen_route_entry publishes a custom route of the VPC's table (11.0.0.0/16) and withdraws it."""
    attach(cen_instance)
    config = {"instance_id": cen_instance.pk, "route_table_id": "vtb-tf0001", "cidr_block": "11.0.0.0/16"}
    publish = {
        "RegionId": REGION,
        "CenId": config["instance_id"],
        "ChildInstanceId": "vpc-tf0001",
        "ChildInstanceType": "VPC",
        "ChildInstanceRegionId": REGION,
        "ChildInstanceRouteTableId": config["route_table_id"],
        "DestinationCidrBlock": config["cidr_block"],
    }
    ok(api_call(client, "PublishRouteEntries", **publish))
    resource_id = ":".join((config["instance_id"], config["route_table_id"], config["cidr_block"]))
    # WaitForCenRouterEntry(PUBLISHED), then Read; refresh and import (ImportStatePassthrough) read again.
    for _ in range(3):
        state = describe_cen_route_entry(client, resource_id)
        assert state["PublishStatus"] == "Published"
        assert (state["ChildInstanceRouteTableId"], state["DestinationCidrBlock"]) == (
            config["route_table_id"],
            config["cidr_block"],
        )

    # data "alicloud_cen_route_entries": the table's routes, page by page of 50.
    body = ok(
        api_call(
            client,
            "DescribePublishedRouteEntries",
            RegionId=REGION,
            CenId=cen_instance.pk,
            ChildInstanceRouteTableId="vtb-tf0001",
            ChildInstanceId="vpc-tf0001",
            ChildInstanceType="VPC",
            ChildInstanceRegionId=REGION,
            PageSize=PAGE_SIZE_LARGE,
            PageNumber="1",
        )
    )
    entries = {e["DestinationCidrBlock"]: e for e in body["PublishedRouteEntries"]["PublishedRouteEntry"]}
    assert {cidr: (e["RouteType"], e["PublishStatus"]) for cidr, e in entries.items()} == {
        "172.16.0.0/12": ("System", "Published"),
        "11.0.0.0/16": ("Custom", "Published"),
    }

    # terraform destroy: WithdrawPublishedRouteEntries, then WaitForCenRouterEntry(Deleted).
    ok(api_call(client, "WithdrawPublishedRouteEntries", **publish))
    assert describe_cen_route_entry(client, resource_id) is None
    again = api_call(client, "WithdrawPublishedRouteEntries", **publish)
    assert again.code == "InvalidOperation.NotFoundRoute"  # in the provider's "already gone" list


# alicloud_cen_child_instance_route_entry_to_attachment ------------------------------------------------------


def describe_route_to_attachment(client, resource_id: str):
    """DescribeCenChildInstanceRouteEntryToAttachment: RouteEntry[0], or None (NotFound)."""
    cen_id, table_id, attachment_id, cidr = resource_id.split(":")
    answer = api_call(
        client,
        "ListCenChildInstanceRouteEntriesToAttachment",
        CenId=cen_id,
        ChildInstanceRouteTableId=table_id,
        TransitRouterAttachmentId=attachment_id,
        **{"RouteFilter.1.Key": "prefix-exact-match", "RouteFilter.1.Value.1": cidr},
    )
    if answer.code == "ResourceNotFound.TransitRouterAttachment":
        return None
    entries = ok(answer)["RouteEntry"]
    return entries[0] if entries else None


def test_child_instance_route_entry_to_attachment_apply_refresh_import_destroy(
    client,
    access_key,
    cen_instance,
    later,  # noqa: F811
):
    """A route of the connected VPC's table to its connection: Available, read back, removed until NotFound."""
    router = transit_services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code=REGION
    )
    later()
    attachment = transit_services.vpc_attachment_create(
        owner=cen_instance.owner, transit_router_id=router.pk, vpc_id="vpc-tf0002", zone_mappings=ZONES[:1]
    )
    later(20)
    create = {
        "CenId": cen_instance.pk,
        "RouteTableId": "vtb-tf0002",
        "DestinationCidrBlock": "10.0.0.0/8",
        "TransitRouterAttachmentId": attachment.pk,
    }
    ok(api_call(client, "CreateCenChildInstanceRouteEntryToAttachment", **create, ClientToken=uuid.uuid4().hex))
    resource_id = ":".join((cen_instance.pk, "vtb-tf0002", attachment.pk, "10.0.0.0/8"))
    assert describe_route_to_attachment(client, resource_id)["Status"] == "Pending"
    later(40)
    # The wait for Available, Read, refresh, import and Update (which only reads): the same entry each time.
    for _ in range(4):
        state = describe_route_to_attachment(client, resource_id)
        assert (state["Status"], state["ServiceType"], state["DestinationCidrBlock"]) == ("Available", "", "10.0.0.0/8")

    # data "alicloud_cen_child_instance_route_entry_to_attachments": MaxResults 50, following NextToken.
    listing = {
        "ChildInstanceRouteTableId": "vtb-tf0002",
        "CenId": cen_instance.pk,
        "TransitRouterAttachmentId": attachment.pk,
        "MaxResults": PAGE_SIZE_LARGE,
    }
    body = ok(api_call(client, "ListCenChildInstanceRouteEntriesToAttachment", **listing))
    assert [(e["CenId"], e["TransitRouterAttachmentId"], e["Status"]) for e in body["RouteEntry"]] == [
        (cen_instance.pk, attachment.pk, "Available")
    ]
    assert body["NextToken"] == ""

    # terraform destroy: the delete, then the wait until the List finds nothing.
    ok(api_call(client, "DeleteCenChildInstanceRouteEntryToAttachment", **create, ClientToken=uuid.uuid4().hex))
    assert describe_route_to_attachment(client, resource_id) is None
    # With the connection gone too, a refresh reads ResourceNotFound.TransitRouterAttachment as NotFound.
    transit_services.vpc_attachment_delete(owner=cen_instance.owner, attachment_id=attachment.pk)
    later(60)
    assert describe_route_to_attachment(client, resource_id) is None


# alicloud_cen_private_zone ---------------------------------------------------------------------------------


def describe_cen_private_zone(client, resource_id: str):
    cen_id, access_region = resource_id.split(":")
    body = ok(api_call(client, "DescribeCenPrivateZoneRoutes", CenId=cen_id, AccessRegionId=access_region))
    infos = body["PrivateZoneInfos"]["PrivateZoneInfo"]
    return infos[0] if infos else None


def test_cen_private_zone_apply_refresh_import_destroy(client, access_key, cen_instance, later):  # noqa: F811
    """RoutePrivateZoneInCenToVpc (retried until the VPC is attached), Active, read back; Unroute."""
    config = {
        "cen_id": cen_instance.pk,
        "access_region_id": REGION,
        "host_vpc_id": "vpc-tf0003",
        "host_region_id": REGION,
    }
    route = {
        "CenId": config["cen_id"],
        "AccessRegionId": config["access_region_id"],
        "HostVpcId": config["host_vpc_id"],
        "HostRegionId": config["host_region_id"],
    }
    early = api_call(client, "RoutePrivateZoneInCenToVpc", **route)
    assert early.code == "InvalidOperation.NoChildInstanceEitherRegion"  # retried by the provider
    attach(cen_instance, "vpc-tf0003")
    ok(api_call(client, "RoutePrivateZoneInCenToVpc", **route))
    resource_id = f"{config['cen_id']}:{config['access_region_id']}"
    assert describe_cen_private_zone(client, resource_id)["Status"] == "Creating"
    later()
    for _ in range(3):  # the wait for Active, Read, refresh / import
        state = describe_cen_private_zone(client, resource_id)
        assert (state["Status"], state["AccessRegionId"], state["HostVpcId"], state["HostRegionId"]) == (
            "Active",
            config["access_region_id"],
            config["host_vpc_id"],
            config["host_region_id"],
        )

    # data "alicloud_cen_private_zones".
    body = ok(
        api_call(
            client,
            "DescribeCenPrivateZoneRoutes",
            CenId=cen_instance.pk,
            HostRegionId=REGION,
            PageSize=PAGE_SIZE_LARGE,
            PageNumber="1",
        )
    )
    assert body["CenId"] == cen_instance.pk and body["PrivateZoneDnsServers"]
    assert [f"{cen_instance.pk}:{i['AccessRegionId']}" for i in body["PrivateZoneInfos"]["PrivateZoneInfo"]] == [
        resource_id
    ]

    # terraform destroy: Unroute, no wait; the configuration is Deleting, then gone.
    ok(api_call(client, "UnroutePrivateZoneInCenToVpc", CenId=cen_instance.pk, AccessRegionId=REGION))
    assert describe_cen_private_zone(client, resource_id)["Status"] == "Deleting"
    later(30)
    assert describe_cen_private_zone(client, resource_id) is None


# alicloud_cen_route_service ---------------------------------------------------------------------------------


def describe_cen_route_service(client, resource_id: str):
    cen_id, host_region, host, access_region = resource_id.split(":")
    body = ok(
        api_call(
            client,
            "DescribeRouteServicesInCen",
            RegionId=REGION,
            AccessRegionId=access_region,
            CenId=cen_id,
            Host=host,
            HostRegionId=host_region,
        )
    )
    entries = body["RouteServiceEntries"]["RouteServiceEntry"]
    return entries[0] if entries else None


def test_cen_route_service_apply_refresh_import_destroy(client, access_key, cen_instance, later):  # noqa: F811
    """ResolveAndRouteServiceInCen, Active, read back; DeleteRouteServiceInCen retried while not Active."""
    attach(cen_instance, "vpc-tf0004")
    config = {
        "access_region_id": REGION,
        "cen_id": cen_instance.pk,
        "description": "tf-route-service",
        "host": "100.118.28.0/24",
        "host_region_id": REGION,
        "host_vpc_id": "vpc-tf0004",
    }
    ok(
        api_call(
            client,
            "ResolveAndRouteServiceInCen",
            **{"AccessRegionIds.1": config["access_region_id"]},
            CenId=config["cen_id"],
            Description=config["description"],
            Host=config["host"],
            HostRegionId=config["host_region_id"],
            HostVpcId=config["host_vpc_id"],
        )
    )
    resource_id = ":".join((config["cen_id"], config["host_region_id"], config["host"], config["access_region_id"]))
    delete = {
        "AccessRegionId": config["access_region_id"],
        "CenId": config["cen_id"],
        "Host": config["host"],
        "HostRegionId": config["host_region_id"],
        "HostVpcId": config["host_vpc_id"],
    }
    assert describe_cen_route_service(client, resource_id)["Status"] == "Creating"
    # A destroy this early meets the code the provider retries its delete on.
    assert api_call(client, "DeleteRouteServiceInCen", **delete).code == "InvalidOperation.CloudRouteStatusNotAllow"
    later()
    for _ in range(3):  # the wait for Active, Read, refresh / import
        state = describe_cen_route_service(client, resource_id)
        assert (state["Status"], state["Description"], state["HostVpcId"], state["Cidrs"]) == (
            "Active",
            config["description"],
            config["host_vpc_id"],
            {"Cidr": ["100.118.28.0/24"]},
        )

    # data "alicloud_cen_route_services".
    body = ok(
        api_call(
            client,
            "DescribeRouteServicesInCen",
            CenId=cen_instance.pk,
            HostVpcId="vpc-tf0004",
            PageSize=PAGE_SIZE_LARGE,
            PageNumber="1",
        )
    )
    ids = [
        ":".join((e["CenId"], e["HostRegionId"], e["Host"], e["AccessRegionId"]))
        for e in body["RouteServiceEntries"]["RouteServiceEntry"]
    ]
    assert ids == [resource_id]

    # terraform destroy: the delete, no wait; Deleting, then gone.
    ok(api_call(client, "DeleteRouteServiceInCen", **delete))
    assert describe_cen_route_service(client, resource_id)["Status"] == "Deleting"
    later(30)
    assert describe_cen_route_service(client, resource_id) is None
