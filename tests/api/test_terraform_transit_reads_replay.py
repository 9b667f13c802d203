"""terraform-provider-alicloud's call sequences for alicloud_cen_transit_router_route_table_propagation
(apply, refresh with no diff, import, destroy) and the data sources alicloud_cen_instance_attachments,
alicloud_cen_transit_routers, _transit_router_vpc_attachments, _transit_router_peer_attachments,
_transit_router_route_tables, _transit_router_route_entries, _transit_router_route_table_associations and
_transit_router_route_table_propagations, replayed with the parameters the provider sends and the keys
its Read maps. Read from the provider's Go source at commit 81c43b6727a09e9da37b3d88818c3ba5fa17fa14:
alicloud/resource_alicloud_cen_transit_router_route_table_propagation.go, service_alicloud_cbn.go
(DescribeCenTransitRouterRouteTablePropagation) and alicloud/data_source_alicloud_cen_{instance_attachments,
transit_routers,transit_router_vpc_attachments,transit_router_peer_attachments,transit_router_route_tables,
transit_router_route_entries,transit_router_route_table_associations,
transit_router_route_table_propagations}.go. A data source filters its ids, name_regex and (most) status
itself, and maps each item's keys; Go's type assertions (item["Status"].(string), ChargeType.(string))
panic on a missing or non-string key, so these must be strings."""

import json
import re

import pytest

from tests.api.conftest import api_call
from tests.api.terraform import PAGE_SIZE_LARGE, ok
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"  # client.RegionId: sent as RegionId where the provider sends it


def by_token(client, action: str, path: str, **request) -> list[dict]:
    """The data sources' loop: MaxResults 50, NextToken while the answer has one."""
    items, request = [], {**request, "MaxResults": PAGE_SIZE_LARGE}
    while True:
        answer = ok(api_call(client, action, **request))
        items += answer[path]
        if not answer.get("NextToken"):
            return items
        request["NextToken"] = answer["NextToken"]


def by_page(client, action: str, path, **request) -> list[dict]:
    """The older loop: PageSize 50 from PageNumber 1, the next page while a page is full."""
    items, request = [], {**request, "PageSize": PAGE_SIZE_LARGE, "PageNumber": 1}
    while True:
        answer = ok(api_call(client, action, **request))
        page = path(answer)
        items += page
        if len(page) < PAGE_SIZE_LARGE:
            return items
        request["PageNumber"] += 1


@pytest.fixture
def routers(client, access_key, cen_instance, later):  # noqa: F811
    """Two Active transit routers of cen_instance (alicloud_cen_transit_router x2, applied before): in the
    provider's region and in us-east-1."""
    made = {}
    for region in (REGION, "us-east-1"):
        made[region] = ok(
            api_call(
                client,
                "CreateTransitRouter",
                RegionId=region,
                CenId=cen_instance.pk,
                TransitRouterName=f"tf-{region}",
                TransitRouterDescription="terraform",
            )
        )["TransitRouterId"]
    later()
    return made


def vpc_attachment(client, cen_id: str, router_id: str, vpc_id: str, name: str) -> str:
    return ok(
        api_call(
            client,
            "CreateTransitRouterVpcAttachment",
            RegionId=REGION,
            CenId=cen_id,
            TransitRouterId=router_id,
            VpcId=vpc_id,
            TransitRouterAttachmentName=name,
            RouteTableAssociationEnabled="false",
            RouteTablePropagationEnabled="false",
            **{"ZoneMappings.1.VSwitchId": f"vsw-{vpc_id[4:]}", "ZoneMappings.1.ZoneId": "cn-hangzhou-h"},
        )
    )["TransitRouterAttachmentId"]


def route_table(client, router_id: str, name: str) -> str:
    return ok(
        api_call(client, "CreateTransitRouterRouteTable", TransitRouterId=router_id, TransitRouterRouteTableName=name)
    )["TransitRouterRouteTableId"]


# alicloud_cen_transit_router_route_table_propagation ----------------------------------------------------


def propagation_describe(client, resource_id: str) -> dict | None:
    """DescribeCenTransitRouterRouteTablePropagation: ListTransitRouterRouteTablePropagations with the ID's
    two parts (no RegionId, no MaxResults); not found when the list is empty, when its first item is
    another connection's, or on ParameterCenInstanceId."""
    attachment_id, table_id = resource_id.split(":")
    answer = api_call(
        client,
        "ListTransitRouterRouteTablePropagations",
        TransitRouterAttachmentId=attachment_id,
        TransitRouterRouteTableId=table_id,
    )
    if answer.status != 200 and answer.body.get("Code") == "ParameterCenInstanceId":
        return None
    items = ok(answer)["TransitRouterPropagations"]
    if not items or items[0]["TransitRouterAttachmentId"] != attachment_id:
        return None
    return items[0]


def propagation_read(client, resource_id: str) -> dict | None:
    found = propagation_describe(client, resource_id)
    if found is None:
        return None  # d.SetId(""): gone from the state
    attachment_id, table_id = resource_id.split(":")
    return {
        "transit_router_attachment_id": attachment_id,
        "transit_router_route_table_id": table_id,
        "status": found["Status"],
    }


def test_route_table_propagation_apply_refresh_import_destroy(client, cen_instance, routers, later):  # noqa: F811
    """dry_run = true sends DryRun: DryRunOperation, nothing made. Enable, the ID <attachment>:<table>, wait
    for Active;
    a refresh reads the same; import (a Read by the ID alone) too; every argument is ForceNew, so there is
    no update; Disable, then wait until the Describe finds nothing."""
    router = routers[REGION]
    attachment = vpc_attachment(client, cen_instance.pk, router, "vpc-tfprop01", "tf-vpc")
    table = route_table(client, router, "tf-rt")
    later(20)
    request = {"TransitRouterAttachmentId": attachment, "TransitRouterRouteTableId": table}

    dry = api_call(client, "EnableTransitRouterRouteTablePropagation", DryRun="true", **request)
    assert (dry.status, dry.body["Code"]) == (400, "DryRunOperation")
    assert propagation_read(client, f"{attachment}:{table}") is None

    ok(api_call(client, "EnableTransitRouterRouteTablePropagation", **request))
    resource_id = f"{attachment}:{table}"
    applied = propagation_read(client, resource_id)
    if applied["status"] != "Active":  # BuildStateConf polls every 5 seconds
        later(5)
        applied = propagation_read(client, resource_id)
    assert applied == {"transit_router_attachment_id": attachment, "transit_router_route_table_id": table} | {
        "status": "Active"
    }
    assert propagation_read(client, resource_id) == applied  # terraform plan: no diff
    assert propagation_read(client, resource_id) == applied  # terraform import: the same Read

    ok(api_call(client, "DisableTransitRouterRouteTablePropagation", **request))
    for _ in range(5):
        if propagation_read(client, resource_id) is None:
            break
        later(5)
    assert propagation_read(client, resource_id) is None


# The data sources ------------------------------------------------------------------------------------------


def test_instance_attachments_data_source(client, access_key, cen_instance):
    """data alicloud_cen_instance_attachments {instance_id, child_instance_region_id, child_instance_type,
    status}: DescribeCenAttachedChildInstances by pages of 50; the provider filters status itself and
    makes each ID <cen>:<child>:<type>:<region>."""
    for vpc, region in (("vpc-tfhz0001", REGION), ("vpc-tfhz0002", REGION), ("vpc-tfva0001", "us-east-1")):
        ok(
            api_call(
                client,
                "AttachCenChildInstance",
                CenId=cen_instance.pk,
                ChildInstanceId=vpc,
                ChildInstanceRegionId=region,
                ChildInstanceType="VPC",
            )
        )
    items = by_page(
        client,
        "DescribeCenAttachedChildInstances",
        lambda answer: answer["ChildInstances"]["ChildInstance"],
        CenId=cen_instance.pk,
        ChildInstanceRegionId=REGION,
        ChildInstanceType="VPC",
    )
    attachments = [
        {
            "id": f"{cen_instance.pk}:{item['ChildInstanceId']}:{item['ChildInstanceType']}:"
            f"{item['ChildInstanceRegionId']}",
            "child_instance_attach_time": item["ChildInstanceAttachTime"],
            "child_instance_id": item["ChildInstanceId"],
            "child_instance_owner_id": item["ChildInstanceOwnerId"],
            "child_instance_region_id": item["ChildInstanceRegionId"],
            "child_instance_type": item["ChildInstanceType"],
            "instance_id": cen_instance.pk,
            "status": item["Status"],
        }
        for item in items
        if item["Status"] == "Attached"
    ]
    assert sorted(each["child_instance_id"] for each in attachments) == ["vpc-tfhz0001", "vpc-tfhz0002"]
    assert {(each["child_instance_region_id"], each["child_instance_type"]) for each in attachments} == {
        (REGION, "VPC")
    }
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\dZ", each["child_instance_attach_time"]) for each in attachments)
    assert all(isinstance(each["child_instance_owner_id"], int) for each in attachments)


def test_transit_routers_data_source(client, cen_instance, routers):
    """data alicloud_cen_transit_routers {cen_id, transit_router_id, name_regex, ids, status}: ListTransitRouters
    by pages of 50 in the provider's region; ids are <cen>:<router>, the rest filtered by the provider."""
    items = by_page(
        client, "ListTransitRouters", lambda answer: answer["TransitRouters"], CenId=cen_instance.pk, RegionId=REGION
    )
    assert [item["TransitRouterId"] for item in items] == [routers[REGION]]
    (item,) = [
        item
        for item in items
        if re.search("^tf-", item["TransitRouterName"])
        and f"{item['CenId']}:{item['TransitRouterId']}" in {f"{cen_instance.pk}:{routers[REGION]}"}
        and item["Status"] == "Active"
    ]
    mapping = {
        "ali_uid": str(item["AliUid"]),
        "cen_id": item["CenId"],
        "status": item["Status"],
        "transit_router_description": item["TransitRouterDescription"],
        "id": f"{item['CenId']}:{item['TransitRouterId']}",
        "transit_router_id": item["TransitRouterId"],
        "transit_router_name": item["TransitRouterName"],
        "type": item["Type"],
        "xgw_vip": item.get("XgwVip"),  # not in the SDK's model: Go reads nil
    }
    assert mapping["ali_uid"].isdigit() and len(mapping["ali_uid"]) == 16
    assert (mapping["transit_router_name"], mapping["type"], mapping["status"]) == (
        f"tf-{REGION}",
        "Enterprise",
        "Active",
    )
    one = by_page(
        client,
        "ListTransitRouters",
        lambda answer: answer["TransitRouters"],
        CenId=cen_instance.pk,
        RegionId="us-east-1",
        TransitRouterId=routers["us-east-1"],
    )
    assert [item["TransitRouterId"] for item in one] == [routers["us-east-1"]]


def test_transit_router_vpc_attachments_data_source(client, cen_instance, routers, later):  # noqa: F811
    """data alicloud_cen_transit_router_vpc_attachments {cen_id, transit_router_id, vpc_id, status, ids,
    name_regex}: every filter but ids and name_regex sent; ChargeType read as a string, ZoneMappings as a
    list of VSwitchId and ZoneId."""
    router = routers[REGION]
    made = [vpc_attachment(client, cen_instance.pk, router, f"vpc-tfdsva0{n}", f"tf-vpc-{n}") for n in range(2)]
    later(20)
    items = by_token(
        client,
        "ListTransitRouterVpcAttachments",
        "TransitRouterAttachments",
        RegionId=REGION,
        CenId=cen_instance.pk,
        TransitRouterId=router,
        Status="Attached",
    )
    assert sorted(item["TransitRouterAttachmentId"] for item in items) == sorted(made)
    (item,) = [
        item
        for item in items
        if f"{item['CenId']}:{item['TransitRouterAttachmentId']}" == f"{cen_instance.pk}:{made[1]}"
        and re.search("-1$", item["TransitRouterAttachmentName"])
    ]
    assert isinstance(item["ChargeType"], str)  # convertCenTransitRouterVpcAttachmentPaymentTypeResponse(.(string))
    mapping = {
        "vpc_id": item["VpcId"],
        "transit_router_id": item["TransitRouterId"],
        "resource_type": item["ResourceType"],
        "payment_type": {"POSTPAY": "PayAsYouGo"}.get(item["ChargeType"], item["ChargeType"]),
        "vpc_owner_id": str(item["VpcOwnerId"]),
        "auto_publish_route_enabled": item["AutoPublishRouteEnabled"],
        "status": item["Status"],
        "zone_mappings": [{"vswitch_id": z["VSwitchId"], "zone_id": z["ZoneId"]} for z in item["ZoneMappings"]],
    }
    assert mapping == {
        "vpc_id": "vpc-tfdsva01",
        "transit_router_id": router,
        "resource_type": "VPC",
        "payment_type": "PayAsYouGo",
        "vpc_owner_id": mapping["vpc_owner_id"],
        "auto_publish_route_enabled": False,
        "status": "Attached",
        "zone_mappings": [{"vswitch_id": "vsw-tfdsva01", "zone_id": "cn-hangzhou-h"}],
    }
    # The provider maps options from an "Options" key the SDK's model does not have (the model's is
    # TransitRouterVPCAttachmentOptions): options stays empty, as against the real API.
    assert "Options" not in item
    only = by_token(
        client,
        "ListTransitRouterVpcAttachments",
        "TransitRouterAttachments",
        RegionId=REGION,
        CenId=cen_instance.pk,
        VpcId="vpc-tfdsva00",
        TransitRouterAttachmentId=made[0],
    )
    assert [item["TransitRouterAttachmentId"] for item in only] == [made[0]]


def test_transit_router_peer_attachments_data_source(client, cen_instance, package, routers, later):  # noqa: F811
    """data alicloud_cen_transit_router_peer_attachments {cen_id, transit_router_id, transit_router_attachment_id,
    ids, name_regex, status}: ListTransitRouterPeerAttachments in the provider's region; Bandwidth read as a
    number, the owner as a number printed."""
    peer = ok(
        api_call(
            client,
            "CreateTransitRouterPeerAttachment",
            RegionId=REGION,
            CenId=cen_instance.pk,
            TransitRouterId=routers[REGION],
            PeerTransitRouterId=routers["us-east-1"],
            PeerTransitRouterRegionId="us-east-1",
            CenBandwidthPackageId=package.pk,
            Bandwidth="5",
            TransitRouterAttachmentName="tf-peer",
        )
    )["TransitRouterAttachmentId"]
    later(40)
    items = by_token(
        client,
        "ListTransitRouterPeerAttachments",
        "TransitRouterAttachments",
        CenId=cen_instance.pk,
        RegionId=REGION,
        TransitRouterId=routers[REGION],
        TransitRouterAttachmentId=peer,
    )
    (item,) = [item for item in items if item["Status"] == "Attached" and item["TransitRouterAttachmentId"] in {peer}]
    mapping = {
        "auto_publish_route_enabled": item["AutoPublishRouteEnabled"],
        "bandwidth": int(item["Bandwidth"]),
        "cen_bandwidth_package_id": item["CenBandwidthPackageId"],
        "geographic_span_id": item["GeographicSpanId"],
        "peer_transit_router_id": item["PeerTransitRouterId"],
        "peer_transit_router_owner_id": str(item["PeerTransitRouterOwnerId"]),
        "peer_transit_router_region_id": item["PeerTransitRouterRegionId"],
        "resource_type": item["ResourceType"],
        "transit_router_attachment_name": item["TransitRouterAttachmentName"],
        "transit_router_id": item["TransitRouterId"],
    }
    assert mapping == {
        "auto_publish_route_enabled": mapping["auto_publish_route_enabled"],
        "bandwidth": 5,
        "cen_bandwidth_package_id": package.pk,
        "geographic_span_id": "china_north-america",
        "peer_transit_router_id": routers["us-east-1"],
        "peer_transit_router_owner_id": mapping["peer_transit_router_owner_id"],
        "peer_transit_router_region_id": "us-east-1",
        "resource_type": "TR",
        "transit_router_attachment_name": "tf-peer",
        "transit_router_id": routers[REGION],
    }
    assert mapping["peer_transit_router_owner_id"].isdigit()


def test_transit_router_route_tables_data_source(client, routers, later):  # noqa: F811
    """data alicloud_cen_transit_router_route_tables {transit_router_id, transit_router_route_table_type,
    status, transit_router_route_table_ids, transit_router_route_table_names}: the two lists sent flattened
    (TransitRouterRouteTableIds.N, TransitRouterRouteTableNames.N), no RegionId."""
    router = routers[REGION]
    tables = [route_table(client, router, f"tf-rt-{n}") for n in range(2)]
    later(20)
    every = by_token(
        client, "ListTransitRouterRouteTables", "TransitRouterRouteTables", TransitRouterId=router
    )  # the system table and the two custom ones
    assert sorted(item["TransitRouterRouteTableType"] for item in every) == ["Custom", "Custom", "System"]
    items = by_token(
        client,
        "ListTransitRouterRouteTables",
        "TransitRouterRouteTables",
        TransitRouterId=router,
        TransitRouterRouteTableType="Custom",
        TransitRouterRouteTableStatus="Active",
        **{"TransitRouterRouteTableIds.1": tables[0], "TransitRouterRouteTableIds.2": tables[1]},
        **{"TransitRouterRouteTableNames.1": "tf-rt-1"},
    )
    tables_state = [
        {
            "id": item["TransitRouterRouteTableId"],
            "transit_router_route_table_type": item["TransitRouterRouteTableType"],
            "transit_router_route_table_name": item["TransitRouterRouteTableName"],
            "transit_router_route_table_description": item["TransitRouterRouteTableDescription"],
            "status": item["TransitRouterRouteTableStatus"],
        }
        for item in items
    ]
    assert tables_state == [
        {
            "id": tables[1],
            "transit_router_route_table_type": "Custom",
            "transit_router_route_table_name": "tf-rt-1",
            "transit_router_route_table_description": tables_state[0]["transit_router_route_table_description"],
            "status": "Active",
        }
    ]


def test_transit_router_route_entries_data_source(client, routers, later):  # noqa: F811
    """data alicloud_cen_transit_router_route_entries {transit_router_route_table_id,
    transit_router_route_entry_ids, transit_router_route_entry_names, transit_router_route_entry_status}:
    the two lists sent as JSON arrays (convertListToJsonString), not flattened."""
    table = route_table(client, routers[REGION], "tf-rt")
    later(20)
    entries = [
        ok(
            api_call(
                client,
                "CreateTransitRouterRouteEntry",
                TransitRouterRouteTableId=table,
                TransitRouterRouteEntryDestinationCidrBlock=f"192.168.{n}.0/24",
                TransitRouterRouteEntryNextHopType="BlackHole",
                TransitRouterRouteEntryName=f"tf-entry-{n}",
            )
        )["TransitRouterRouteEntryId"]
        for n in range(3)
    ]
    items = by_token(
        client,
        "ListTransitRouterRouteEntries",
        "TransitRouterRouteEntries",
        TransitRouterRouteTableId=table,
        TransitRouterRouteEntryIds=json.dumps(entries[:2]),
        TransitRouterRouteEntryNames=json.dumps(["tf-entry-1", "tf-entry-2"]),
        TransitRouterRouteEntryStatus="Active",
    )
    state = [
        {
            "id": item["TransitRouterRouteEntryId"],
            "status": item["TransitRouterRouteEntryStatus"],
            "transit_router_route_entry_destination_cidr_block": item["TransitRouterRouteEntryDestinationCidrBlock"],
            "transit_router_route_entry_name": item["TransitRouterRouteEntryName"],
            "transit_router_route_entry_next_hop_type": item["TransitRouterRouteEntryNextHopType"],
            "transit_router_route_entry_type": item["TransitRouterRouteEntryType"],
        }
        for item in items
        if isinstance(item["TransitRouterRouteEntryStatus"], str)
    ]
    assert state == [
        {
            "id": entries[1],
            "status": "Active",
            "transit_router_route_entry_destination_cidr_block": "192.168.1.0/24",
            "transit_router_route_entry_name": "tf-entry-1",
            "transit_router_route_entry_next_hop_type": "BlackHole",
            "transit_router_route_entry_type": "Static",
        }
    ]


def links(client, cen_instance, routers, later):  # noqa: F811
    """Two VPC connections, a custom route table, each connection associated with it and propagating to it."""
    router = routers[REGION]
    made = [vpc_attachment(client, cen_instance.pk, router, f"vpc-tflink0{n}", f"tf-vpc-{n}") for n in range(2)]
    table = route_table(client, router, "tf-rt")
    later(20)
    for attachment in made:
        link = {"TransitRouterAttachmentId": attachment, "TransitRouterRouteTableId": table}
        ok(api_call(client, "AssociateTransitRouterAttachmentWithRouteTable", **link))
        ok(api_call(client, "EnableTransitRouterRouteTablePropagation", **link))
    later(5)
    return made, table


def test_transit_router_route_table_associations_data_source(client, cen_instance, routers, later):  # noqa: F811
    """data alicloud_cen_transit_router_route_table_associations {transit_router_route_table_id,
    transit_router_attachment_id, transit_router_attachment_resource_id, _resource_type, ids, status}:
    the provider filters ids and status itself; each item's ResourceId and ResourceType are the VPC's."""
    made, table = links(client, cen_instance, routers, later)
    items = by_token(
        client, "ListTransitRouterRouteTableAssociations", "TransitRouterAssociations", TransitRouterRouteTableId=table
    )
    assert sorted(item["TransitRouterAttachmentId"] for item in items) == sorted(made)
    narrowed = by_token(
        client,
        "ListTransitRouterRouteTableAssociations",
        "TransitRouterAssociations",
        TransitRouterRouteTableId=table,
        TransitRouterAttachmentId=made[1],
        TransitRouterAttachmentResourceId="vpc-tflink01",
        TransitRouterAttachmentResourceType="VPC",
    )
    associations = [
        {
            "resource_id": item["ResourceId"],
            "resource_type": item["ResourceType"],
            "status": item["Status"],
            "id": item["TransitRouterAttachmentId"],
            "transit_router_route_table_id": item["TransitRouterRouteTableId"],
        }
        for item in narrowed
        if item["TransitRouterAttachmentId"] in {made[1]} and item["Status"] == "Active"
    ]
    assert associations == [
        {
            "resource_id": "vpc-tflink01",
            "resource_type": "VPC",
            "status": "Active",
            "id": made[1],
            "transit_router_route_table_id": table,
        }
    ]
    for other in ({"TransitRouterAttachmentResourceId": "vpc-tflink00"}, {"TransitRouterAttachmentResourceType": "TR"}):
        assert [
            item["TransitRouterAttachmentId"]
            for item in by_token(
                client,
                "ListTransitRouterRouteTableAssociations",
                "TransitRouterAssociations",
                TransitRouterRouteTableId=table,
                **other,
            )
        ] == ([made[0]] if "TransitRouterAttachmentResourceId" in other else [])


def test_transit_router_route_table_propagations_data_source(client, cen_instance, routers, later):  # noqa: F811
    """data alicloud_cen_transit_router_route_table_propagations {transit_router_route_table_id,
    transit_router_attachment_id, status, ids}: status sent, ids filtered by the provider."""
    made, table = links(client, cen_instance, routers, later)
    items = by_token(
        client,
        "ListTransitRouterRouteTablePropagations",
        "TransitRouterPropagations",
        TransitRouterRouteTableId=table,
        Status="Active",
    )
    assert sorted(item["TransitRouterAttachmentId"] for item in items) == sorted(made)
    narrowed = by_token(
        client,
        "ListTransitRouterRouteTablePropagations",
        "TransitRouterPropagations",
        TransitRouterRouteTableId=table,
        TransitRouterAttachmentId=made[0],
    )
    propagations = [
        {
            "id": item["TransitRouterAttachmentId"],
            "transit_router_route_table_id": item["TransitRouterRouteTableId"],
            "resource_id": item["ResourceId"],
            "resource_type": item["ResourceType"],
            "status": item["Status"],
        }
        for item in narrowed
        if item["TransitRouterAttachmentId"] in {made[0]}
    ]
    assert propagations == [
        {
            "id": made[0],
            "transit_router_route_table_id": table,
            "resource_id": "vpc-tflink00",
            "resource_type": "VPC",
            "status": "Active",
        }
    ]
    disabling = by_token(
        client,
        "ListTransitRouterRouteTablePropagations",
        "TransitRouterPropagations",
        TransitRouterRouteTableId=table,
        Status="Disabling",
    )
    assert disabling == []
