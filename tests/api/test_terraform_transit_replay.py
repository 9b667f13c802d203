"""terraform-provider-alicloud's call sequences for alicloud_cen_transit_router,
_transit_router_vpc_attachment, _transit_router_peer_attachment, _transit_router_route_table,
_route_entry and _route_table_association, replayed with the parameters the provider sends. Read from
aliyun/terraform-provider-alicloud at commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14:
alicloud/resource_alicloud_cen_transit_router*.go, service_alicloud_cen_v2.go (DescribeCenTransitRouter,
...VpcAttachment, ...PeerAttachment, ...RouteTableAssociation) and service_alicloud_cbn.go
(DescribeCenTransitRouterRouteTable, ...RouteEntry, ListTagResources, SetResourceTags): create, wait for
the target status by reading the resource back, refresh with no diff, update, import (ImportStatePassthrough:
each Read by the ID alone, then a plan with no diff), delete, wait until gone. The IDs are the provider's:
cen:router, cen:attachment (VPC and peer), router:table, table:entry, attachment:table."""

import pytest

from tests.api.conftest import api_call
from tests.api.terraform import ok, token
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"  # the provider's region: every resource is made there and read back from there


def read(client, action, path, **request):
    """The provider's Describe*: one List* call, the first item under path or None (NotFound)."""
    items = ok(api_call(client, action, **request))[path]
    return items[0] if items else None


def tags_map(tags) -> dict:
    """tagsToMap of the Tags a List answer carries (Key/Value pairs)."""
    return {tag["Key"]: tag["Value"] for tag in tags or []}


# Each resource's Read: its Describe by the ID alone, and the attributes it puts in the state. ------------------


def router_read(client, resource_id: str, region: str = REGION) -> dict | None:
    """CenServiceV2.DescribeCenTransitRouter: ListTransitRouters by TransitRouterId in the provider's region."""
    router_id = resource_id.split(":")[1]
    found = read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=router_id, RegionId=region)
    if found is None:
        return None
    return {
        "cen_id": found["CenId"],
        "region_id": found["RegionId"],
        "status": found["Status"],
        "support_multicast": found["SupportMulticast"],
        "transit_router_description": found["TransitRouterDescription"],
        "transit_router_name": found["TransitRouterName"],
        "type": found["Type"],
        "transit_router_id": found["TransitRouterId"],
        "tags": tags_map(found.get("Tags")),
    }


def vpc_attachment_read(client, resource_id: str) -> dict | None:
    """CenServiceV2.DescribeCenTransitRouterVpcAttachment: CenId and TransitRouterAttachmentId from the ID."""
    cen_id, attachment_id = resource_id.split(":")
    found = read(
        client,
        "ListTransitRouterVpcAttachments",
        "TransitRouterAttachments",
        CenId=cen_id,
        TransitRouterAttachmentId=attachment_id,
        RegionId=REGION,
    )
    if found is None:
        return None
    return {
        "auto_publish_route_enabled": found["AutoPublishRouteEnabled"],
        "payment_type": {"POSTPAY": "PayAsYouGo"}.get(found["ChargeType"], found["ChargeType"]),
        "region_id": found["VpcRegionId"],
        "status": found["Status"],
        "transit_router_id": found["TransitRouterId"],
        "transit_router_vpc_attachment_name": found["TransitRouterAttachmentName"],
        "transit_router_attachment_description": found["TransitRouterAttachmentDescription"],
        "vpc_id": found["VpcId"],
        "vpc_owner_id": str(found["VpcOwnerId"]),
        "resource_type": found["ResourceType"],
        "cen_id": found["CenId"],
        "tags": tags_map(found.get("Tags")),
        "zone_mappings": [{"vswitch_id": z["VSwitchId"], "zone_id": z["ZoneId"]} for z in found["ZoneMappings"]],
    }


def peer_attachment_read(client, resource_id: str) -> dict | None:
    """CenServiceV2.DescribeCenTransitRouterPeerAttachment: TransitRouterAttachmentId (the ID's second part)."""
    found = read(
        client,
        "ListTransitRouterPeerAttachments",
        "TransitRouterAttachments",
        TransitRouterAttachmentId=resource_id.split(":")[1],
        RegionId=REGION,
    )
    if found is None:
        return None
    return {
        "auto_publish_route_enabled": found["AutoPublishRouteEnabled"],
        "bandwidth": found["Bandwidth"],
        "bandwidth_type": found["BandwidthType"],
        "cen_bandwidth_package_id": found["CenBandwidthPackageId"],
        "cen_id": found["CenId"],
        "default_link_type": found["DefaultLinkType"],
        "peer_transit_router_id": found["PeerTransitRouterId"],
        "peer_transit_router_region_id": found["PeerTransitRouterRegionId"],
        "region_id": found["RegionId"],
        "status": found["Status"],
        "transit_router_attachment_description": found["TransitRouterAttachmentDescription"],
        "transit_router_id": found["TransitRouterId"],
        "transit_router_peer_attachment_name": found["TransitRouterAttachmentName"],
        "tags": tags_map(found.get("Tags")),
    }


def route_table_read(client, resource_id: str) -> dict | None:
    """resourceAlicloudCenTransitRouterRouteTableRead by the ID router:table (read_route_table)."""
    router_id, table_id = resource_id.split(":")
    table, tags = read_route_table(client, router_id, table_id)
    if table is None:
        return None
    return {
        "transit_router_id": router_id,
        "status": table["TransitRouterRouteTableStatus"],
        "transit_router_route_table_description": table["TransitRouterRouteTableDescription"],
        "transit_router_route_table_name": table["TransitRouterRouteTableName"],
        "transit_router_route_table_id": table["TransitRouterRouteTableId"],
        "transit_router_route_table_type": table["TransitRouterRouteTableType"],
        "tags": tags,
    }


def route_entry_read(client, resource_id: str) -> dict | None:
    """CbnService.DescribeCenTransitRouterRouteEntry: the table and TransitRouterRouteEntryIds.1 from the ID;
    NotFound unless the first entry is the one asked for."""
    table_id, entry_id = resource_id.split(":")
    found = read(
        client,
        "ListTransitRouterRouteEntries",
        "TransitRouterRouteEntries",
        TransitRouterRouteTableId=table_id,
        **{"TransitRouterRouteEntryIds.1": entry_id},
    )
    if found is None or found["TransitRouterRouteEntryId"] != entry_id:
        return None
    return {
        "status": found["TransitRouterRouteEntryStatus"],
        "transit_router_route_entry_description": found["TransitRouterRouteEntryDescription"],
        "transit_router_route_entry_destination_cidr_block": found["TransitRouterRouteEntryDestinationCidrBlock"],
        "transit_router_route_entry_name": found["TransitRouterRouteEntryName"],
        "transit_router_route_entry_next_hop_id": found["TransitRouterRouteEntryNextHopId"],
        "transit_router_route_entry_next_hop_type": found["TransitRouterRouteEntryNextHopType"],
        "transit_router_route_entry_id": found["TransitRouterRouteEntryId"],
        "transit_router_route_table_id": table_id,
    }


def association_read(client, resource_id: str) -> dict | None:
    """CenServiceV2.DescribeCenTransitRouterRouteTableAssociation: attachment:table."""
    attachment_id, table_id = resource_id.split(":")
    found = read(
        client,
        "ListTransitRouterRouteTableAssociations",
        "TransitRouterAssociations",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterRouteTableId=table_id,
    )
    if found is None:
        return None
    return {
        "status": found["Status"],
        "transit_router_attachment_id": found["TransitRouterAttachmentId"],
        "transit_router_route_table_id": found["TransitRouterRouteTableId"],
    }


def read_all(client, ids: dict) -> dict:
    """Every resource's Read by its ID: a refresh, and what an import of every ID puts in the state."""
    return {
        "routers": {region: router_read(client, each, region) for region, each in ids["routers"].items()},
        "vpc": vpc_attachment_read(client, ids["vpc"]),
        "peer": peer_attachment_read(client, ids["peer"]),
        "table": route_table_read(client, ids["table"]),
        "entry": route_entry_read(client, ids["entry"]),
        "association": association_read(client, ids["association"]),
    }


def configured(state: dict, config: dict) -> dict:
    """The arguments of the configuration, as Read put them in the state."""
    return {key: state[key] for key in config}


def read_route_table(client, router_id, table_id):
    """resourceAlicloudCenTransitRouterRouteTableRead: DescribeCenTransitRouterRouteTable (None when gone),
    then always CbnService.ListTagResources(d.Id(), "TransitRouterRouteTable") with the table's ID as
    ResourceId.1 (the part after the colon of tr-...:vtb-...): (the table, its tags as tagsToMap makes them)."""
    table = read(
        client,
        "ListTransitRouterRouteTables",
        "TransitRouterRouteTables",
        RegionId=REGION,
        TransitRouterId=router_id,
        **{"TransitRouterRouteTableIds.1": table_id},
    )
    if table is None:
        return None, {}
    tags = ok(
        api_call(
            client,
            "ListTagResources",
            RegionId=REGION,
            ResourceType="TransitRouterRouteTable",
            **{"ResourceId.1": table_id},
        )
    )["TagResources"]["TagResource"]
    return table, {tag["TagKey"]: tag["TagValue"] for tag in tags}


def test_transit_routers_and_attachments_converge(client, access_key, cen_instance, later):  # noqa: F811
    """terraform apply of a router pair, a VPC attachment, a peer attachment, a route table with a blackhole
    route and an association, in the provider's order and with its waits; a refresh with no diff; the
    update of the updatable arguments; an import of every ID (no diff); destroy in the reverse order."""
    cen = cen_instance.pk

    # alicloud_cen_transit_router (x2; the second in the peer's region, as a second provider would).
    routers = {}
    for region in (REGION, "us-east-1"):
        created = ok(
            api_call(
                client,
                "CreateTransitRouter",
                RegionId=region,
                ClientToken=token(),
                CenId=cen,
                TransitRouterName=f"tf-{region}",
                TransitRouterDescription="terraform",
            )
        )
        routers[region] = created["TransitRouterId"]
        state = read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=routers[region], RegionId=region)
        assert state["Status"] == "Creating"
    later()
    for region, router_id in routers.items():
        state = read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=router_id, RegionId=region)
        assert state["Status"] == "Active"
    ok(
        api_call(
            client,
            "UpdateTransitRouter",
            TransitRouterId=routers[REGION],
            RegionId=REGION,
            ClientToken=token(),
            TransitRouterName="tf-renamed",
        )
    )

    # alicloud_cen_transit_router_vpc_attachment.
    vpc = ok(
        api_call(
            client,
            "CreateTransitRouterVpcAttachment",
            RegionId=REGION,
            ClientToken=token(),
            CenId=cen,
            ChargeType="POSTPAY",
            **{"ZoneMappings.1.VSwitchId": "vsw-tf0001", "ZoneMappings.1.ZoneId": "cn-hangzhou-h"},
            ResourceType="VPC",
            TransitRouterId=routers[REGION],
            TransitRouterAttachmentName="tf-vpc",
            AutoPublishRouteEnabled="false",
            VpcId="vpc-tf0001",
            # route_table_association_enabled = false: the connection is associated with the custom route
            # table below (alicloud_cen_transit_router_route_table_association), not the default one.
            RouteTableAssociationEnabled="false",
        )
    )["TransitRouterAttachmentId"]
    describe_vpc = {"CenId": cen, "TransitRouterAttachmentId": vpc, "RegionId": REGION}
    assert read(client, "ListTransitRouterVpcAttachments", "TransitRouterAttachments", **describe_vpc)["Status"] == (
        "Attaching"
    )
    later(20)
    assert read(client, "ListTransitRouterVpcAttachments", "TransitRouterAttachments", **describe_vpc)["Status"] == (
        "Attached"
    )
    ok(
        api_call(
            client,
            "UpdateTransitRouterVpcAttachmentAttribute",
            TransitRouterAttachmentId=vpc,
            ClientToken=token(),
            TransitRouterAttachmentName="tf-vpc-renamed",
        )
    )

    # alicloud_cen_transit_router_peer_attachment: pay-by-data-transfer, default_link_type = "Gold".
    peer = ok(
        api_call(
            client,
            "CreateTransitRouterPeerAttachment",
            RegionId=REGION,
            ClientToken=token(),
            TransitRouterId=routers[REGION],
            PeerTransitRouterId=routers["us-east-1"],
            PeerTransitRouterRegionId="us-east-1",
            AutoPublishRouteEnabled="true",
            Bandwidth="5",
            CenId=cen,
            BandwidthType="DataTransfer",
            TransitRouterAttachmentName="tf-peer",
            DefaultLinkType="Gold",
        )
    )["TransitRouterAttachmentId"]
    describe_peer = {"TransitRouterAttachmentId": peer, "RegionId": REGION}
    later(40)
    assert read(client, "ListTransitRouterPeerAttachments", "TransitRouterAttachments", **describe_peer)["Status"] == (
        "Attached"
    )
    ok(
        api_call(
            client,
            "UpdateTransitRouterPeerAttachmentAttribute",
            TransitRouterAttachmentId=peer,
            ClientToken=token(),
            Bandwidth="7",
        )
    )

    # alicloud_cen_transit_router_route_table (no tags, no description): create, wait for Active, Read.
    table = ok(
        api_call(
            client,
            "CreateTransitRouterRouteTable",
            TransitRouterId=routers[REGION],
            TransitRouterRouteTableName="tf-rt",
        )
    )["TransitRouterRouteTableId"]
    later(60)
    state, tags = read_route_table(client, routers[REGION], table)
    assert (state["TransitRouterRouteTableStatus"], tags) == ("Active", {})

    # alicloud_cen_transit_router_route_entry: create, wait for Active, then a new name (Update).
    entry = ok(
        api_call(
            client,
            "CreateTransitRouterRouteEntry",
            TransitRouterRouteEntryDestinationCidrBlock="192.168.10.0/24",
            TransitRouterRouteEntryNextHopType="BlackHole",
            TransitRouterRouteTableId=table,
            ClientToken=token(),
        )
    )["TransitRouterRouteEntryId"]
    describe_entry = {"TransitRouterRouteTableId": table, "TransitRouterRouteEntryIds.1": entry}
    state = read(client, "ListTransitRouterRouteEntries", "TransitRouterRouteEntries", **describe_entry)
    assert (state["TransitRouterRouteEntryId"], state["TransitRouterRouteEntryStatus"]) == (entry, "Active")
    ok(
        api_call(
            client,
            "UpdateTransitRouterRouteEntry",
            TransitRouterRouteEntryId=entry,
            TransitRouterRouteEntryName="tf-blackhole",
            ClientToken=token(),
        )
    )
    state = read(client, "ListTransitRouterRouteEntries", "TransitRouterRouteEntries", **describe_entry)
    assert (state["TransitRouterRouteEntryName"], state["TransitRouterRouteEntryStatus"]) == ("tf-blackhole", "Active")

    # alicloud_cen_transit_router_route_table_association: Associate, wait for Active. The VPC connection
    # was made with RouteTableAssociationEnabled=false, so it has no association to leave first.
    link = {"TransitRouterAttachmentId": vpc, "TransitRouterRouteTableId": table}
    ok(api_call(client, "AssociateTransitRouterAttachmentWithRouteTable", ClientToken=token(), **link))
    state = read(client, "ListTransitRouterRouteTableAssociations", "TransitRouterAssociations", **link)
    assert (state["Status"], state["ResourceId"]) == ("Active", "vpc-tf0001")

    ids = {
        "routers": {region: f"{cen}:{router_id}" for region, router_id in routers.items()},
        "vpc": f"{cen}:{vpc}",
        "peer": f"{cen}:{peer}",
        "table": f"{routers[REGION]}:{table}",
        "entry": f"{table}:{entry}",
        "association": f"{vpc}:{table}",
    }

    # terraform plan after apply: every Read again, and nothing differs from the configuration or the state.
    state = read_all(client, ids)
    assert read_all(client, ids) == state
    assert configured(state["routers"][REGION], {"transit_router_name": "tf-renamed", "tags": {}}) == {
        "transit_router_name": "tf-renamed",
        "tags": {},
    }
    assert (state["routers"]["us-east-1"]["region_id"], state["routers"]["us-east-1"]["status"]) == (
        "us-east-1",
        "Active",
    )
    vpc_config = {
        "cen_id": cen,
        "transit_router_id": routers[REGION],
        "vpc_id": "vpc-tf0001",
        "transit_router_vpc_attachment_name": "tf-vpc-renamed",
        "auto_publish_route_enabled": False,
        "payment_type": "PayAsYouGo",
        "zone_mappings": [{"vswitch_id": "vsw-tf0001", "zone_id": "cn-hangzhou-h"}],
        "status": "Attached",
    }
    assert configured(state["vpc"], vpc_config) == vpc_config
    peer_config = {
        "transit_router_id": routers[REGION],
        "peer_transit_router_id": routers["us-east-1"],
        "peer_transit_router_region_id": "us-east-1",
        "auto_publish_route_enabled": True,
        "bandwidth": 7,
        "bandwidth_type": "DataTransfer",
        "transit_router_peer_attachment_name": "tf-peer",
        "default_link_type": "Gold",
        "status": "Attached",
    }
    assert configured(state["peer"], peer_config) == peer_config
    assert configured(state["table"], {"transit_router_route_table_name": "tf-rt", "tags": {}, "status": "Active"}) == {
        "transit_router_route_table_name": "tf-rt",
        "tags": {},
        "status": "Active",
    }
    entry_config = {
        "transit_router_route_entry_destination_cidr_block": "192.168.10.0/24",
        "transit_router_route_entry_next_hop_type": "BlackHole",
        "transit_router_route_entry_name": "tf-blackhole",
        "status": "Active",
    }
    assert configured(state["entry"], entry_config) == entry_config
    assert state["association"] == {
        "status": "Active",
        "transit_router_attachment_id": vpc,
        "transit_router_route_table_id": table,
    }

    # The updatable arguments not changed yet (route tables: the test below), each as the provider sends it:
    # the router's description and tags (UpdateTransitRouter, wait for Active; SetResourceTags "TransitRouter");
    # the VPC connection's description, AutoPublishRouteEnabled and tags (wait for Attached;
    # "TRANSITROUTERVPCATTACHMENT"); the peer connection's name, description and AutoPublishRouteEnabled (wait
    # for Attached), default_link_type (DefaultLinkType, Gold to Platinum: Platinum needs DataTransfer) and tags
    # ("TRANSITROUTERPEERATTACHMENT"); the entry's description.
    def tag(resource_type, resource_id):
        request = {"RegionId": REGION, "ResourceType": resource_type, "ResourceId.1": resource_id}
        ok(api_call(client, "TagResources", **request, **{"Tag.1.Key": "team", "Tag.1.Value": "network"}))

    ok(
        api_call(
            client,
            "UpdateTransitRouter",
            TransitRouterId=routers[REGION],
            RegionId=REGION,
            ClientToken=token(),
            TransitRouterDescription="changed",
        )
    )
    assert router_read(client, ids["routers"][REGION])["status"] == "Active"
    tag("TransitRouter", routers[REGION])
    ok(
        api_call(
            client,
            "UpdateTransitRouterVpcAttachmentAttribute",
            TransitRouterAttachmentId=vpc,
            ClientToken=token(),
            AutoPublishRouteEnabled="true",
            TransitRouterAttachmentDescription="changed",
        )
    )
    assert vpc_attachment_read(client, ids["vpc"])["status"] == "Attached"
    tag("TRANSITROUTERVPCATTACHMENT", vpc)
    ok(
        api_call(
            client,
            "UpdateTransitRouterPeerAttachmentAttribute",
            TransitRouterAttachmentId=peer,
            ClientToken=token(),
            TransitRouterAttachmentDescription="changed",
            AutoPublishRouteEnabled="false",
            TransitRouterAttachmentName="tf-peer-2",
            DefaultLinkType="Platinum",
        )
    )
    assert peer_attachment_read(client, ids["peer"])["status"] == "Attached"
    tag("TRANSITROUTERPEERATTACHMENT", peer)
    ok(
        api_call(
            client,
            "UpdateTransitRouterRouteEntry",
            TransitRouterRouteEntryId=entry,
            TransitRouterRouteEntryDescription="changed",
            ClientToken=token(),
        )
    )
    updated = read_all(client, ids)
    assert (updated["routers"][REGION]["transit_router_description"], updated["routers"][REGION]["tags"]) == (
        "changed",
        {"team": "network"},
    )
    assert configured(
        updated["vpc"], {"transit_router_attachment_description": "changed", "auto_publish_route_enabled": True}
    ) == {"transit_router_attachment_description": "changed", "auto_publish_route_enabled": True}
    assert updated["vpc"]["tags"] == {"team": "network"}
    peer_update = {
        "transit_router_attachment_description": "changed",
        "auto_publish_route_enabled": False,
        "transit_router_peer_attachment_name": "tf-peer-2",
        "default_link_type": "Platinum",
        "tags": {"team": "network"},
    }
    assert configured(updated["peer"], peer_update) == peer_update
    assert updated["entry"]["transit_router_route_entry_description"] == "changed"
    assert read_all(client, ids) == updated

    # terraform import of every resource (ImportStatePassthrough): the Reads by the IDs alone, with no state,
    # give back every argument of the updated configuration, so the plan after the import is empty.
    imported = read_all(client, ids)
    configuration = {
        "routers": {
            REGION: {"cen_id": cen, "transit_router_name": "tf-renamed", "transit_router_description": "changed"},
            "us-east-1": {
                "cen_id": cen,
                "transit_router_name": "tf-us-east-1",
                "transit_router_description": "terraform",
            },
        },
        "vpc": {**vpc_config, "transit_router_attachment_description": "changed", "auto_publish_route_enabled": True},
        "peer": {**peer_config, **peer_update},
        "table": {"transit_router_id": routers[REGION], "transit_router_route_table_name": "tf-rt", "tags": {}},
        "entry": {**entry_config, "transit_router_route_entry_description": "changed"},
        "association": {"transit_router_attachment_id": vpc, "transit_router_route_table_id": table},
    }
    for region, config in configuration["routers"].items():
        assert configured(imported["routers"][region], config) == config
    for name in ("vpc", "peer", "table", "entry", "association"):
        assert configured(imported[name], configuration[name]) == configuration[name], name
    assert imported == updated

    # terraform destroy, in the reverse order of the dependencies, each delete waited until gone.
    ok(api_call(client, "DissociateTransitRouterAttachmentFromRouteTable", ClientToken=token(), **link))
    assert read(client, "ListTransitRouterRouteTableAssociations", "TransitRouterAssociations", **link) is None
    ok(
        api_call(
            client,
            "DeleteTransitRouterRouteEntry",
            TransitRouterRouteEntryId=entry,
            TransitRouterRouteEntryNextHopType="BlackHole",
            ClientToken=token(),
        )
    )
    assert read(client, "ListTransitRouterRouteEntries", "TransitRouterRouteEntries", **describe_entry) is None
    gone = api_call(client, "DeleteTransitRouterRouteEntry", TransitRouterRouteEntryId=entry, ClientToken=token())
    assert gone.body["Code"] == "IllegalParam.TransitRouterRouteEntryId"  # the provider's "already gone"
    ok(api_call(client, "DeleteTransitRouterRouteTable", TransitRouterRouteTableId=table, ClientToken=token()))
    later(80)
    assert read_route_table(client, routers[REGION], table) == (None, {})
    ok(api_call(client, "DeleteTransitRouterPeerAttachment", TransitRouterAttachmentId=peer, ClientToken=token()))
    ok(api_call(client, "DeleteTransitRouterVpcAttachment", TransitRouterAttachmentId=vpc, ClientToken=token()))
    later(100)
    assert read(client, "ListTransitRouterPeerAttachments", "TransitRouterAttachments", **describe_peer) is None
    assert read(client, "ListTransitRouterVpcAttachments", "TransitRouterAttachments", **describe_vpc) is None
    for router_id in routers.values():
        ok(api_call(client, "DeleteTransitRouter", TransitRouterId=router_id, ClientToken=token()))
    later(120)
    for region, router_id in routers.items():
        assert read(client, "ListTransitRouters", "TransitRouters", TransitRouterId=router_id, RegionId=region) is None


def test_route_table_with_tags_applies_refreshes_updates_imports_and_destroys(client, access_key, cen_instance, later):  # noqa: F811
    """alicloud_cen_transit_router_route_table with tags, as the provider sends it: Create, wait for Active,
    Update (SetResourceTags: TagResources), Read (ListTagResources); a refresh with no diff; a new name and
    tags (UntagResources of the keys removed or changed, TagResources of the new map,
    UpdateTransitRouterRouteTable, wait, Read); import by router:table; destroy."""
    router = ok(api_call(client, "CreateTransitRouter", RegionId=REGION, ClientToken=token(), CenId=cen_instance.pk))
    router_id = router["TransitRouterId"]
    later()
    table = ok(
        api_call(
            client,
            "CreateTransitRouterRouteTable",
            TransitRouterId=router_id,
            TransitRouterRouteTableName="tf-rt",
            TransitRouterRouteTableDescription="terraform",
        )
    )["TransitRouterRouteTableId"]
    later(20)
    assert read_route_table(client, router_id, table)[0]["TransitRouterRouteTableStatus"] == "Active"
    tagged = {"RegionId": REGION, "ResourceType": "TransitRouterRouteTable", "ResourceId.1": table}
    ok(api_call(client, "TagResources", **tagged, **{"Tag.1.Key": "team", "Tag.1.Value": "network"}))
    applied = read_route_table(client, router_id, table)
    assert (applied[0]["TransitRouterRouteTableName"], applied[1]) == ("tf-rt", {"team": "network"})

    # terraform plan: the Read again, and nothing differs.
    assert read_route_table(client, router_id, table) == applied

    # tags = { team = "platform", env = "test" } and a new name.
    ok(api_call(client, "UntagResources", **tagged, **{"TagKey.1": "team"}))
    ok(
        api_call(
            client,
            "TagResources",
            **tagged,
            **{"Tag.1.Key": "team", "Tag.1.Value": "platform", "Tag.2.Key": "env", "Tag.2.Value": "test"},
        )
    )
    ok(
        api_call(
            client,
            "UpdateTransitRouterRouteTable",
            TransitRouterRouteTableId=table,
            TransitRouterRouteTableName="tf-rt-2",
        )
    )
    state, tags = read_route_table(client, router_id, table)
    assert (state["TransitRouterRouteTableStatus"], state["TransitRouterRouteTableName"]) == ("Active", "tf-rt-2")
    assert tags == {"team": "platform", "env": "test"}

    # terraform import of router:table: the Read by the ID alone gives the configuration back, plan is empty.
    imported = route_table_read(client, f"{router_id}:{table}")
    assert imported == route_table_read(client, f"{router_id}:{table}")
    config = {
        "transit_router_id": router_id,
        "transit_router_route_table_name": "tf-rt-2",
        "transit_router_route_table_description": "terraform",
        "tags": {"team": "platform", "env": "test"},
    }
    assert configured(imported, config) == config

    ok(api_call(client, "DeleteTransitRouterRouteTable", TransitRouterRouteTableId=table, ClientToken=token()))
    later(40)
    assert read_route_table(client, router_id, table) == (None, {})
