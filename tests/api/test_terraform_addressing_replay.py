"""terraform-provider-alicloud's call sequences for alicloud_cen_transit_router_cidr,
_transit_router_prefix_list_association and _transit_route_table_aggregation, and the data sources
alicloud_cen_transit_router_cidrs, _transit_router_prefix_list_associations and
_transit_route_table_aggregations, replayed with the parameters the provider sends (read from
alicloud/resource_alicloud_cen_transit_router_cidr.go, _prefix_list_association.go,
resource_alicloud_cen_transit_route_table_aggregation.go, their data_source_*.go, service_alicloud_cen_v2.go
(DescribeCenTransitRouterCidr, DescribeCenTransitRouteTableAggregation) and service_alicloud_cbn.go
(DescribeCenTransitRouterPrefixListAssociation) at aliyun/terraform-provider-alicloud
81c43b6727a09e9da37b3d88818c3ba5fa17fa14): apply (create, wait, Read), refresh with no diff, an update of
every updatable argument, import (Read from the ID alone), destroy (delete, wait until gone)."""

import json
import re

import pytest

from cenconsole.accounts.uids import account_uid
from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.api.terraform import PAGE_SIZE_LARGE, ok, token
from tests.transit.conftest import ZONES, later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"  # the provider's client.RegionId


@pytest.fixture
def router(cen_instance, later):  # noqa: F811
    """An Active router with an Attached VPC connection: router.system (its default table), router.connection."""
    owner = cen_instance.owner
    made = transit_services.transit_router_create(owner=owner, cen_instance_id=cen_instance.pk, region_code=REGION)
    later()
    made.connection = transit_services.vpc_attachment_create(
        owner=owner, transit_router_id=made.pk, vpc_id="vpc-tfaddr0001", zone_mappings=ZONES[:1]
    ).pk
    later(20)
    made.system = made.route_tables.get(table_type="System").pk
    return made


# alicloud_cen_transit_router_cidr ----------------------------------------------------------------


def cidr_read(client, resource_id: str) -> dict | None:
    """resourceAliCloudCenTransitRouterCidrRead: DescribeCenTransitRouterCidr (ListTransitRouterCidr with
    both parts of tr-...:cidr-..., the first item or NotFound), then the state it sets."""
    router_id, cidr_id = resource_id.split(":")
    items = ok(
        api_call(
            client,
            "ListTransitRouterCidr",
            TransitRouterCidrId=cidr_id,
            TransitRouterId=router_id,
            RegionId=REGION,
            ClientToken=token(),
        )
    )["CidrLists"]
    if not items:
        return None
    item = items[0]
    return {
        "cidr": item["Cidr"],
        "description": item["Description"],
        "publish_cidr_route": item["PublishCidrRoute"],
        "transit_router_cidr_name": item["Name"],
        "transit_router_cidr_id": item["TransitRouterCidrId"],
        "transit_router_id": item["TransitRouterId"],
    }


def test_transit_router_cidr_applies_refreshes_updates_imports_and_destroys(client, access_key, router):
    """alicloud_cen_transit_router_cidr as the provider calls it, and its data source."""
    config = {"cidr": "192.168.0.0/16", "description": "tf", "publish_cidr_route": True, "name": "tf-cidr"}
    created = ok(
        api_call(
            client,
            "CreateTransitRouterCidr",
            TransitRouterId=router.pk,
            RegionId=REGION,
            ClientToken=token(),
            Description=config["description"],
            PublishCidrRoute="true",
            Cidr=config["cidr"],
            Name=config["name"],
        )
    )
    resource_id = f"{router.pk}:{created['TransitRouterCidrId']}"
    state = cidr_read(client, resource_id)
    assert state == {
        "cidr": "192.168.0.0/16",
        "description": "tf",
        "publish_cidr_route": True,
        "transit_router_cidr_name": "tf-cidr",
        "transit_router_cidr_id": created["TransitRouterCidrId"],
        "transit_router_id": router.pk,
    }
    assert cidr_read(client, resource_id) == state  # refresh: no diff

    # Update: every argument but transit_router_id (ForceNew); Cidr is always sent.
    ok(
        api_call(
            client,
            "ModifyTransitRouterCidr",
            TransitRouterCidrId=created["TransitRouterCidrId"],
            TransitRouterId=router.pk,
            RegionId=REGION,
            ClientToken=token(),
            Description="tf-2",
            PublishCidrRoute="false",
            Cidr="192.169.0.0/16",
            Name="tf-cidr-2",
        )
    )
    updated = cidr_read(client, resource_id)
    assert (updated["cidr"], updated["description"], updated["publish_cidr_route"]) == ("192.169.0.0/16", "tf-2", False)
    assert updated["transit_router_cidr_name"] == "tf-cidr-2"
    assert cidr_read(client, resource_id) == updated  # refresh after the update: no diff
    assert cidr_read(client, resource_id) == updated  # import: the ID alone reads the same state

    # data "alicloud_cen_transit_router_cidrs": ListTransitRouterCidr, filtered by name_regex and ids.
    listed = ok(
        api_call(client, "ListTransitRouterCidr", RegionId=REGION, ClientToken=token(), TransitRouterId=router.pk)
    )["CidrLists"]
    ids = [f"{item['TransitRouterId']}:{item['TransitRouterCidrId']}" for item in listed]
    names = [item["Name"] for item in listed if re.search("^tf-cidr", item["Name"])]
    assert (ids, names, listed[0]["Family"]) == ([resource_id], ["tf-cidr-2"], "IPv4")

    # Destroy: DeleteTransitRouterCidr (no wait); a second delete answers the provider's "gone" code.
    delete = {"TransitRouterCidrId": created["TransitRouterCidrId"], "TransitRouterId": router.pk, "RegionId": REGION}
    ok(api_call(client, "DeleteTransitRouterCidr", **delete, ClientToken=token()))
    assert cidr_read(client, resource_id) is None
    again = api_call(client, "DeleteTransitRouterCidr", **delete, ClientToken=token())
    assert again.code == "OperationFailed.CidrNotExist"


# alicloud_cen_transit_router_prefix_list_association --------------------------------------------


def prefix_list_read(client, resource_id: str) -> dict | None:
    """DescribeCenTransitRouterPrefixListAssociation: ListTransitRouterPrefixListAssociation by the first
    three parts of pl:tr:vtb:next-hop, the item whose NextHop is the fourth (or NotFound), then the state."""
    prefix_list_id, router_id, table_id, next_hop = resource_id.split(":")
    items = ok(
        api_call(
            client,
            "ListTransitRouterPrefixListAssociation",
            RegionId=REGION,
            PrefixListId=prefix_list_id,
            TransitRouterId=router_id,
            TransitRouterTableId=table_id,
        )
    )["PrefixLists"]
    item = next((each for each in items if each["NextHop"] == next_hop), None)
    if item is None:
        return None
    return {
        "prefix_list_id": item["PrefixListId"],
        "transit_router_id": item["TransitRouterId"],
        "transit_router_table_id": item["TransitRouterTableId"],
        "next_hop": item["NextHop"],
        "next_hop_type": item["NextHopType"],
        "owner_uid": item["OwnerUid"],
        "status": item["Status"],
    }


def test_prefix_list_association_applies_refreshes_imports_and_destroys(client, access_key, router, user, later):  # noqa: F811
    """alicloud_cen_transit_router_prefix_list_association (every argument ForceNew: no update), and its
    data source."""
    request = {
        "RegionId": REGION,
        "PrefixListId": "pl-tfaddr0001",
        "TransitRouterId": router.pk,
        "TransitRouterTableId": router.system,
        "NextHop": router.connection,
        "NextHopType": "VPC",
        "OwnerUid": str(account_uid(user.pk)),
    }
    ok(api_call(client, "CreateTransitRouterPrefixListAssociation", ClientToken=token(), **request))
    resource_id = ":".join(
        request[key] for key in ("PrefixListId", "TransitRouterId", "TransitRouterTableId", "NextHop")
    )
    # BuildStateConf([], ["Active"], ...): Updating is polled again until Active.
    assert prefix_list_read(client, resource_id)["status"] == "Updating"
    later(60)
    state = prefix_list_read(client, resource_id)
    assert state == {
        "prefix_list_id": "pl-tfaddr0001",
        "transit_router_id": router.pk,
        "transit_router_table_id": router.system,
        "next_hop": router.connection,
        "next_hop_type": "VPC",
        "owner_uid": account_uid(user.pk),
        "status": "Active",
    }
    assert prefix_list_read(client, resource_id) == state  # refresh: no diff
    assert prefix_list_read(client, resource_id) == state  # import

    # data "alicloud_cen_transit_router_prefix_list_associations": pages of PageSizeLarge until a short one.
    listed = ok(
        api_call(
            client,
            "ListTransitRouterPrefixListAssociation",
            PageSize=str(PAGE_SIZE_LARGE),
            PageNumber="1",
            RegionId=REGION,
            TransitRouterId=router.pk,
            TransitRouterTableId=router.system,
        )
    )
    assert len(listed["PrefixLists"]) < PAGE_SIZE_LARGE
    assert [
        f"{each['PrefixListId']}:{each['TransitRouterId']}:{each['TransitRouterTableId']}:{each['NextHop']}"
        for each in listed["PrefixLists"]
    ] == [resource_id]

    # Destroy: DeleteTransitRouterPrefixListAssociation with the ID's parts and next_hop_type (no wait).
    delete = {key: request[key] for key in ("RegionId", "PrefixListId", "TransitRouterId", "TransitRouterTableId")}
    ok(
        api_call(
            client,
            "DeleteTransitRouterPrefixListAssociation",
            **delete,
            NextHop=router.connection,
            ClientToken=token(),
            NextHopType="VPC",
        )
    )
    assert prefix_list_read(client, resource_id) is None


# alicloud_cen_transit_route_table_aggregation ----------------------------------------------------


def aggregation_describe(client, resource_id: str) -> dict | None:
    """DescribeCenTransitRouteTableAggregation: vtb-...#cidr split, Describe with its parts (no RegionId),
    the first of Data or NotFound (InstanceNotExist.AggregationRoute / .TransitRouterRouteTable too)."""
    table_id, cidr = resource_id.split("#")
    answer = api_call(
        client,
        "DescribeTransitRouteTableAggregation",
        TransitRouteTableAggregationCidr=cidr,
        TransitRouteTableId=table_id,
        ClientToken=token(),
    )
    if answer.code in ("InstanceNotExist.AggregationRoute", "InstanceNotExist.TransitRouterRouteTable"):
        return None
    data = ok(answer)["Data"]
    return data[0] if data else None


def aggregation_read(client, resource_id: str) -> dict | None:
    item = aggregation_describe(client, resource_id)
    if item is None:
        return None
    return {
        "status": item["Status"],
        "transit_route_table_aggregation_description": item["Description"],
        "transit_route_table_aggregation_name": item["Name"],
        "transit_route_table_aggregation_scope": item["Scope"],
        "transit_route_table_aggregation_cidr": item["TransitRouteTableAggregationCidr"],
        "transit_route_table_id": item["TrRouteTableId"],
        "transit_route_table_aggregation_scope_list": sorted(item["ScopeList"] or []),
    }


def test_route_table_aggregation_applies_refreshes_updates_imports_and_destroys(client, access_key, router, later):  # noqa: F811
    """alicloud_cen_transit_route_table_aggregation as the provider calls it, and its data source."""
    ok(
        api_call(
            client,
            "CreateTransitRouteTableAggregation",
            TransitRouteTableAggregationCidr="10.0.0.0/8",
            TransitRouteTableId=router.system,
            ClientToken=token(),
            TransitRouteTableAggregationName="tf-agg",
            TransitRouteTableAggregationDescription="tf",
            TransitRouteTableAggregationScopeList=json.dumps(["VPC"]),
        )
    )
    resource_id = f"{router.system}#10.0.0.0/8"
    # BuildStateConf([], ["AllConfigured"], ..., fail on ConfigFailed / PartialConfigured).
    assert aggregation_describe(client, resource_id)["Status"] == "Configuring"
    later(60)
    state = aggregation_read(client, resource_id)
    assert state == {
        "status": "AllConfigured",
        "transit_route_table_aggregation_description": "tf",
        "transit_route_table_aggregation_name": "tf-agg",
        "transit_route_table_aggregation_scope": "",
        "transit_route_table_aggregation_cidr": "10.0.0.0/8",
        "transit_route_table_id": router.system,
        "transit_route_table_aggregation_scope_list": ["VPC"],
    }
    assert aggregation_read(client, resource_id) == state  # refresh: no diff

    # Update: name, scope, scope list (JSON of the new set) and description; wait for AllConfigured.
    ok(
        api_call(
            client,
            "ModifyTransitRouteTableAggregation",
            TransitRouteTableId=router.system,
            TransitRouteTableAggregationCidr="10.0.0.0/8",
            ClientToken=token(),
            TransitRouteTableAggregationName="tf-agg-2",
            TransitRouteTableAggregationScope="VPC",
            TransitRouteTableAggregationScopeList="[]",
            TransitRouteTableAggregationDescription="tf-2",
        )
    )
    assert aggregation_describe(client, resource_id)["Status"] == "Configuring"
    later(120)
    updated = aggregation_read(client, resource_id)
    assert updated == {
        **state,
        "transit_route_table_aggregation_description": "tf-2",
        "transit_route_table_aggregation_name": "tf-agg-2",
        "transit_route_table_aggregation_scope": "VPC",
        "transit_route_table_aggregation_scope_list": [],
    }
    assert aggregation_read(client, resource_id) == updated  # refresh after the update, and import

    # data "alicloud_cen_transit_route_table_aggregations": Describe with MaxResults, NextToken until "".
    request = {"ClientToken": token(), "MaxResults": str(PAGE_SIZE_LARGE), "TransitRouteTableId": router.system}
    listed = ok(api_call(client, "DescribeTransitRouteTableAggregation", **request))
    assert listed["NextToken"] == ""
    assert [f"{each['TrRouteTableId']}:{each['TransitRouteTableAggregationCidr']}" for each in listed["Data"]] == [
        f"{router.system}:10.0.0.0/8"
    ]

    # Destroy: DeleteTransitRouteTableAggregation, then wait until Describe finds nothing.
    delete = {"TransitRouteTableAggregationCidr": "10.0.0.0/8", "TransitRouteTableId": router.system}
    ok(api_call(client, "DeleteTransitRouteTableAggregation", **delete, ClientToken=token()))
    assert aggregation_describe(client, resource_id)["Status"] == "Deleting"
    later(180)
    assert aggregation_read(client, resource_id) is None
    again = api_call(client, "DeleteTransitRouteTableAggregation", **delete, ClientToken=token())
    assert again.code == "InstanceNotExist.AggregationRoute"  # the provider's "already gone"
