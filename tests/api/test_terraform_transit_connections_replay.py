"""terraform-provider-alicloud's call sequences for alicloud_cen_transit_router_vbr_attachment,
_vpn_attachment and _ecr_attachment (apply, refresh with no diff, update of every updatable argument,
import, destroy), the zone_mappings update of _vpc_attachment and its transit_router_vpc_attachment_options
(apply, refresh, update, import, destroy), and the data sources
alicloud_cen_transit_router_vbr_attachments, _vpn_attachments, _service and _available_resources,
replayed with the parameters the provider sends. Read from the provider's Go source at commit
81c43b6727a09e9da37b3d88818c3ba5fa17fa14: alicloud/resource_alicloud_cen_transit_router_{vbr,vpn,ecr,vpc}
_attachment.go, alicloud/data_source_alicloud_cen_transit_router_{vbr_attachments,vpn_attachments,service,
available_resources}.go, alicloud/service_alicloud_cen_v2.go (Describe…: one List… call, the first item)
and alicloud/service_alicloud_cbn.go (ListTagResources)."""

import time
import uuid

import pytest

from cenconsole.accounts.uids import account_uid
from tests.api.conftest import api_call
from tests.api.terraform import ok
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"  # the provider's region: sent as RegionId with every create and read


def token(action: str) -> str:
    """buildClientToken: TF-<action>-<unix time>-<uuid>, at most 64 characters."""
    return f"TF-{action}-{int(time.time())}-{uuid.uuid4()}"[:64]


def first(client, action, **request):
    """A Describe…: the List… action's first TransitRouterAttachments item, or None (not found)."""
    items = ok(api_call(client, action, **request))["TransitRouterAttachments"]
    return items[0] if items else None


def wait_for(read, target, later):  # noqa: F811
    """BuildStateConf(...).WaitForState(): reads every 5 seconds until the status is the target ("" for gone)."""
    for _ in range(10):
        found = read()
        if (found["Status"] if found else "") == target:
            return found
        later(5)
    raise AssertionError(f"never {target!r}")


def read_tags(client, resource_type: str, resource_id: str) -> list:
    """CbnService.ListTagResources: ResourceId.1 is the part after the ID's colon."""
    answer = api_call(
        client,
        "ListTagResources",
        RegionId=REGION,
        ResourceType=resource_type,
        **{"ResourceId.1": resource_id.split(":")[-1]},
    )
    return ok(answer)["TagResources"]["TagResource"]


@pytest.fixture
def router(client, access_key, cen_instance, later):  # noqa: F811
    """An Active transit router in the provider's region (alicloud_cen_transit_router, applied before)."""
    router_id = ok(api_call(client, "CreateTransitRouter", CenId=cen_instance.pk, RegionId=REGION))["TransitRouterId"]
    later()
    return router_id


# alicloud_cen_transit_router_vbr_attachment --------------------------------------------------------


def vbr_read(client, resource_id: str):
    """resourceAliCloudCenTransitRouterVbrAttachmentRead: the ID is <cen_id>:<attachment id>."""
    cen_id, attachment_id = resource_id.split(":")
    found = first(
        client,
        "ListTransitRouterVbrAttachments",
        CenId=cen_id,
        TransitRouterAttachmentId=attachment_id,
        RegionId=REGION,
    )
    return found


def vbr_state(client, resource_id: str) -> dict:
    found = vbr_read(client, resource_id)
    tags = {tag["TagKey"]: tag["TagValue"] for tag in read_tags(client, "TransitRouterVbrAttachment", resource_id)}
    return {
        "auto_publish_route_enabled": found["AutoPublishRouteEnabled"],
        "cen_id": found["CenId"],
        "order_type": found["OrderType"],
        "region_id": found["VbrRegionId"],
        "status": found["Status"],
        "transit_router_attachment_description": found["TransitRouterAttachmentDescription"],
        "transit_router_attachment_name": found["TransitRouterAttachmentName"],
        "transit_router_id": found["TransitRouterId"],
        "vbr_id": found["VbrId"],
        "vbr_owner_id": str(found["VbrOwnerId"]),
        "resource_type": found["ResourceType"],
        "tags": tags,
    }


def test_vbr_attachment_apply_refresh_update_import_destroy(client, cen_instance, router, later):  # noqa: F811
    """Create (ResourceType VBR, the ID <cen>:<attachment>), wait Attached, read with its tags; a refresh
    finds no change; every updatable argument changed and waited; import reads the same; destroy waits gone."""
    config = {
        "auto_publish_route_enabled": False,
        "cen_id": cen_instance.pk,
        "transit_router_id": router,
        "vbr_id": "vbr-tf0001",
        "transit_router_attachment_name": "tf-vbr",
        "transit_router_attachment_description": "terraform",
        "resource_type": "VBR",
        "tags": {"Created": "TF"},
    }
    created = ok(
        api_call(
            client,
            "CreateTransitRouterVbrAttachment",
            RegionId=REGION,
            ClientToken=token("CreateTransitRouterVbrAttachment"),
            ResourceType="VBR",
            AutoPublishRouteEnabled="false",
            CenId=cen_instance.pk,
            TransitRouterId=router,
            VbrId="vbr-tf0001",
            TransitRouterAttachmentDescription="terraform",
            TransitRouterAttachmentName="tf-vbr",
            **{"Tag.1.Key": "Created", "Tag.1.Value": "TF"},
        )
    )
    resource_id = f"{cen_instance.pk}:{created['TransitRouterAttachmentId']}"
    wait_for(lambda: vbr_read(client, resource_id), "Attached", later)
    state = vbr_state(client, resource_id)
    assert {key: state[key] for key in config} == config
    assert (state["region_id"], state["order_type"]) == (REGION, "PayByCenOwner")

    assert vbr_state(client, resource_id) == state  # terraform plan: no diff

    ok(
        api_call(
            client,
            "UpdateTransitRouterVbrAttachmentAttribute",
            TransitRouterAttachmentId=created["TransitRouterAttachmentId"],
            ClientToken=token("UpdateTransitRouterVbrAttachmentAttribute"),
            AutoPublishRouteEnabled="true",
            OrderType="PayByResourceOwner",
            TransitRouterAttachmentDescription="terraform-2",
            TransitRouterAttachmentName="tf-vbr-2",
        )
    )
    wait_for(lambda: vbr_read(client, resource_id), "Attached", later)
    state = vbr_state(client, resource_id)
    assert (
        state["auto_publish_route_enabled"],
        state["order_type"],
        state["transit_router_attachment_description"],
        state["transit_router_attachment_name"],
    ) == (True, "PayByResourceOwner", "terraform-2", "tf-vbr-2")

    assert vbr_state(client, resource_id) == state  # terraform import: the same Read from the ID alone

    ok(
        api_call(
            client,
            "DeleteTransitRouterVbrAttachment",
            TransitRouterAttachmentId=created["TransitRouterAttachmentId"],
            ClientToken=token("DeleteTransitRouterVbrAttachment"),
        )
    )
    wait_for(lambda: vbr_read(client, resource_id), "", later)


# alicloud_cen_transit_router_vpn_attachment --------------------------------------------------------


def vpn_read(client, attachment_id: str):
    return first(client, "ListTransitRouterVpnAttachments", TransitRouterAttachmentId=attachment_id, RegionId=REGION)


def vpn_state(client, attachment_id: str) -> dict:
    found = vpn_read(client, attachment_id)
    return {
        "auto_publish_route_enabled": found["AutoPublishRouteEnabled"],
        "cen_id": found["CenId"],
        "charge_type": found["ChargeType"],
        "order_type": found["OrderType"],
        "region_id": found["VpnRegionId"],
        "status": found["Status"],
        "transit_router_attachment_description": found["TransitRouterAttachmentDescription"],
        "transit_router_id": found["TransitRouterId"],
        "transit_router_vpn_attachment_name": found["TransitRouterAttachmentName"],
        "vpn_id": found["VpnId"],
        "vpn_owner_id": str(found["VpnOwnerId"]),
        "tags": found["Tags"],
        "zone": sorted(zone["ZoneId"] for zone in found["Zones"]),
    }


def test_vpn_attachment_apply_refresh_update_import_destroy(client, cen_instance, router, later):  # noqa: F811
    """Create with Zone.N.ZoneId and ChargeType, wait Attached; refresh finds no change; name, description,
    route publishing and payer updated and waited; import by the attachment ID; destroy waits gone."""
    created = ok(
        api_call(
            client,
            "CreateTransitRouterVpnAttachment",
            RegionId=REGION,
            ClientToken=token("CreateTransitRouterVpnAttachment"),
            CenId=cen_instance.pk,
            TransitRouterAttachmentName="tf-vpn",
            VpnId="vco-tf0001",
            TransitRouterId=router,
            **{"Zone.1.ZoneId": "cn-hangzhou-h", "Zone.2.ZoneId": "cn-hangzhou-i"},
            AutoPublishRouteEnabled="true",
            ChargeType="POSTPAY",
            TransitRouterAttachmentDescription="terraform",
        )
    )
    attachment_id = created["TransitRouterAttachmentId"]
    wait_for(lambda: vpn_read(client, attachment_id), "Attached", later)
    state = vpn_state(client, attachment_id)
    assert (
        state["zone"],
        state["charge_type"],
        state["auto_publish_route_enabled"],
        state["transit_router_vpn_attachment_name"],
        state["vpn_id"],
    ) == (["cn-hangzhou-h", "cn-hangzhou-i"], "POSTPAY", True, "tf-vpn", "vco-tf0001")
    assert vpn_state(client, attachment_id) == state  # terraform plan: no diff

    ok(
        api_call(
            client,
            "UpdateTransitRouterVpnAttachmentAttribute",
            TransitRouterAttachmentId=attachment_id,
            ClientToken=token("UpdateTransitRouterVpnAttachmentAttribute"),
            AutoPublishRouteEnabled="false",
            TransitRouterAttachmentName="tf-vpn-2",
            OrderType="PayByResourceOwner",
            TransitRouterAttachmentDescription="terraform-2",
        )
    )
    wait_for(lambda: vpn_read(client, attachment_id), "Attached", later)
    state = vpn_state(client, attachment_id)
    assert (
        state["auto_publish_route_enabled"],
        state["transit_router_vpn_attachment_name"],
        state["order_type"],
        state["transit_router_attachment_description"],
    ) == (False, "tf-vpn-2", "PayByResourceOwner", "terraform-2")
    assert vpn_state(client, attachment_id) == state  # terraform import

    ok(
        api_call(
            client,
            "DeleteTransitRouterVpnAttachment",
            TransitRouterAttachmentId=attachment_id,
            ClientToken=token("DeleteTransitRouterVpnAttachment"),
        )
    )
    wait_for(lambda: vpn_read(client, attachment_id), "", later)


# alicloud_cen_transit_router_ecr_attachment --------------------------------------------------------


def ecr_read(client, attachment_id: str):
    """DescribeCenTransitRouterEcrAttachment: the item whose ResourceType is ECR and ID is the one asked."""
    items = ok(
        api_call(client, "ListTransitRouterEcrAttachments", TransitRouterAttachmentId=attachment_id, RegionId=REGION)
    )["TransitRouterAttachments"]
    return next(
        (
            item
            for item in items
            if item["ResourceType"] == "ECR" and item["TransitRouterAttachmentId"] == attachment_id
        ),
        None,
    )


def ecr_state(client, attachment_id: str) -> dict:
    found = ecr_read(client, attachment_id)
    return {
        "cen_id": found["CenId"],
        "create_time": found["CreationTime"],
        "ecr_id": found["EcrId"],
        "ecr_owner_id": found["EcrOwnerId"],
        "status": found["Status"],
        "transit_router_attachment_description": found["TransitRouterAttachmentDescription"],
        "transit_router_ecr_attachment_name": found["TransitRouterAttachmentName"],
        "transit_router_id": found["TransitRouterId"],
        "tags": found["Tags"],
    }


def test_ecr_attachment_apply_refresh_update_import_destroy(client, user, cen_instance, router, later):  # noqa: F811
    """Create with EcrOwnerId (an integer), wait Attached; refresh finds no change; name and description
    updated and waited; import by the attachment ID; destroy waits gone."""
    created = ok(
        api_call(
            client,
            "CreateTransitRouterEcrAttachment",
            RegionId=REGION,
            ClientToken=token("CreateTransitRouterEcrAttachment"),
            EcrOwnerId=str(account_uid(user.pk)),
            CenId=cen_instance.pk,
            TransitRouterAttachmentName="tf-ecr",
            TransitRouterId=router,
            TransitRouterAttachmentDescription="terraform",
            EcrId="ecr-tf0001",
        )
    )
    attachment_id = created["TransitRouterAttachmentId"]
    wait_for(lambda: ecr_read(client, attachment_id), "Attached", later)
    state = ecr_state(client, attachment_id)
    assert (state["ecr_id"], state["ecr_owner_id"], state["transit_router_ecr_attachment_name"]) == (
        "ecr-tf0001",
        account_uid(user.pk),
        "tf-ecr",
    )
    assert ecr_state(client, attachment_id) == state  # terraform plan: no diff

    ok(
        api_call(
            client,
            "UpdateTransitRouterEcrAttachmentAttribute",
            TransitRouterAttachmentId=attachment_id,
            ClientToken=token("UpdateTransitRouterEcrAttachmentAttribute"),
            TransitRouterAttachmentName="tf-ecr-2",
            TransitRouterAttachmentDescription="terraform-2",
        )
    )
    wait_for(lambda: ecr_read(client, attachment_id), "Attached", later)
    state = ecr_state(client, attachment_id)
    assert (state["transit_router_ecr_attachment_name"], state["transit_router_attachment_description"]) == (
        "tf-ecr-2",
        "terraform-2",
    )
    assert ecr_state(client, attachment_id) == state  # terraform import

    ok(
        api_call(
            client,
            "DeleteTransitRouterEcrAttachment",
            TransitRouterAttachmentId=attachment_id,
            ClientToken=token("DeleteTransitRouterEcrAttachment"),
        )
    )
    wait_for(lambda: ecr_read(client, attachment_id), "", later)


# alicloud_cen_transit_router_vpc_attachment: zone_mappings changed --------------------------------


def test_vpc_attachment_zone_mappings_update(client, cen_instance, router, later):  # noqa: F811
    """A changed zone_mappings set: one UpdateTransitRouterVpcAttachmentZones with the removed and the
    added mappings, then a wait for Attached by ListTransitRouterVpcAttachments (CenId, the ID's parts)."""
    attachment_id = ok(
        api_call(
            client,
            "CreateTransitRouterVpcAttachment",
            CenId=cen_instance.pk,
            TransitRouterId=router,
            VpcId="vpc-tf0101",
            **{"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.1.VSwitchId": "vsw-tf0101"},
        )
    )["TransitRouterAttachmentId"]
    describe = {"CenId": cen_instance.pk, "TransitRouterAttachmentId": attachment_id, "RegionId": REGION}
    wait_for(lambda: first(client, "ListTransitRouterVpcAttachments", **describe), "Attached", later)
    ok(
        api_call(
            client,
            "UpdateTransitRouterVpcAttachmentZones",
            TransitRouterAttachmentId=attachment_id,
            ClientToken=token("UpdateTransitRouterVpcAttachmentZones"),
            **{
                "RemoveZoneMappings.1.ZoneId": "cn-hangzhou-h",
                "RemoveZoneMappings.1.VSwitchId": "vsw-tf0101",
                "AddZoneMappings.1.ZoneId": "cn-hangzhou-i",
                "AddZoneMappings.1.VSwitchId": "vsw-tf0102",
                "AddZoneMappings.2.ZoneId": "cn-hangzhou-j",
                "AddZoneMappings.2.VSwitchId": "vsw-tf0103",
            },
        )
    )
    found = wait_for(lambda: first(client, "ListTransitRouterVpcAttachments", **describe), "Attached", later)
    assert {(zone["ZoneId"], zone["VSwitchId"]) for zone in found["ZoneMappings"]} == {
        ("cn-hangzhou-i", "vsw-tf0102"),
        ("cn-hangzhou-j", "vsw-tf0103"),
    }


# alicloud_cen_transit_router_vpc_attachment: transit_router_vpc_attachment_options ---------------------


def vpc_read(client, resource_id: str):
    """DescribeCenTransitRouterVpcAttachment: ListTransitRouterVpcAttachments with the ID's two parts
    (CenId:TransitRouterAttachmentId) and the provider's region."""
    cen_id, attachment_id = resource_id.split(":")
    return first(
        client,
        "ListTransitRouterVpcAttachments",
        CenId=cen_id,
        TransitRouterAttachmentId=attachment_id,
        RegionId=REGION,
    )


def vpc_state(client, resource_id: str) -> dict:
    """resourceAliCloudCenTransitRouterVpcAttachmentRead's d.Set calls (options from an "Options" key the
    SDK's model does not have: empty, as against the real API)."""
    found = vpc_read(client, resource_id)
    options = found.get("Options") or {}
    return {
        "auto_publish_route_enabled": found["AutoPublishRouteEnabled"],
        "create_time": found["CreationTime"],
        "order_type": found["OrderType"],
        "payment_type": {"POSTPAY": "PayAsYouGo"}.get(found["ChargeType"], found["ChargeType"]),
        "region_id": found["VpcRegionId"],
        "status": found["Status"],
        "transit_router_attachment_description": found["TransitRouterAttachmentDescription"],
        "transit_router_id": found["TransitRouterId"],
        "transit_router_vpc_attachment_name": found["TransitRouterAttachmentName"],
        "transit_router_vpc_attachment_options": found["TransitRouterVPCAttachmentOptions"],
        "vpc_id": found["VpcId"],
        "vpc_owner_id": str(found["VpcOwnerId"]),
        "transit_router_attachment_id": found["TransitRouterAttachmentId"],
        "resource_type": found["ResourceType"],
        "cen_id": found["CenId"],
        "options": [options] if options else [],
        "tags": {tag["Key"]: tag["Value"] for tag in found["Tags"]},
        "zone_mappings": [{"vswitch_id": z["VSwitchId"], "zone_id": z["ZoneId"]} for z in found["ZoneMappings"]],
    }


def test_vpc_attachment_options_apply_refresh_update_import_destroy(client, cen_instance, router, later):  # noqa: F811
    """transit_router_vpc_attachment_options = {ipv6Support = "enable"}: the create sends it as
    convertMaptoJsonString makes it, the wait for Attached reads it back, a refresh finds no change; a
    changed map is one UpdateTransitRouterVpcAttachmentAttribute with the whole map, then a wait for
    Attached; import by CenId:TransitRouterAttachmentId reads the same state; destroy waits gone."""
    created = ok(
        api_call(
            client,
            "CreateTransitRouterVpcAttachment",
            RegionId=REGION,
            ClientToken=token("CreateTransitRouterVpcAttachment"),
            CenId=cen_instance.pk,
            ChargeType="POSTPAY",
            **{"ZoneMappings.1.ZoneId": "cn-hangzhou-h", "ZoneMappings.1.VSwitchId": "vsw-tfopt01"},
            TransitRouterId=router,
            TransitRouterAttachmentName="tf-vpc-options",
            AutoPublishRouteEnabled="false",
            TransitRouterVPCAttachmentOptions='{"ipv6Support":"enable"}',
            VpcId="vpc-tfopt01",
            TransitRouterAttachmentDescription="terraform",
        )
    )
    resource_id = f"{cen_instance.pk}:{created['TransitRouterAttachmentId']}"
    wait_for(lambda: vpc_read(client, resource_id), "Attached", later)
    state = vpc_state(client, resource_id)
    assert (
        state["transit_router_vpc_attachment_options"],
        state["transit_router_vpc_attachment_name"],
        state["payment_type"],
        state["zone_mappings"],
    ) == (
        {"ipv6Support": "enable"},
        "tf-vpc-options",
        "PayAsYouGo",
        [{"vswitch_id": "vsw-tfopt01", "zone_id": "cn-hangzhou-h"}],
    )
    assert vpc_state(client, resource_id) == state  # terraform plan: no diff

    ok(
        api_call(
            client,
            "UpdateTransitRouterVpcAttachmentAttribute",
            TransitRouterAttachmentId=created["TransitRouterAttachmentId"],
            ClientToken=token("UpdateTransitRouterVpcAttachmentAttribute"),
            TransitRouterVPCAttachmentOptions='{"ipv6Support":"disable"}',
        )
    )
    wait_for(lambda: vpc_read(client, resource_id), "Attached", later)
    state = vpc_state(client, resource_id)
    assert state["transit_router_vpc_attachment_options"] == {"ipv6Support": "disable"}
    assert vpc_state(client, resource_id) == state  # terraform plan: no diff
    assert vpc_state(client, resource_id) == state  # terraform import

    ok(
        api_call(
            client,
            "DeleteTransitRouterVpcAttachment",
            TransitRouterAttachmentId=created["TransitRouterAttachmentId"],
            ClientToken=token("DeleteTransitRouterVpcAttachment"),
        )
    )
    wait_for(lambda: vpc_read(client, resource_id), "", later)


# Data sources ---------------------------------------------------------------------------------------


def paged(client, action, **request) -> list:
    """The data sources' loop: MaxResults 50 (PageSizeLarge), NextToken until it is empty."""
    items, request = [], {**request, "MaxResults": "50"}
    while True:
        answer = ok(api_call(client, action, **request))
        items += answer["TransitRouterAttachments"]
        if not answer["NextToken"]:
            return items
        request["NextToken"] = answer["NextToken"]


def test_vbr_attachments_data_source(client, cen_instance, router, later):  # noqa: F811
    """data alicloud_cen_transit_router_vbr_attachments {cen_id, transit_router_id, ids, status}: the
    provider filters ids and status itself and maps each item's keys."""
    made = [
        ok(api_call(client, "CreateTransitRouterVbrAttachment", TransitRouterId=router, VbrId=f"vbr-tf02{n}"))
        for n in range(2)
    ]
    later(20)
    items = paged(
        client, "ListTransitRouterVbrAttachments", CenId=cen_instance.pk, RegionId=REGION, TransitRouterId=router
    )
    wanted = made[1]["TransitRouterAttachmentId"]
    (item,) = [item for item in items if item["TransitRouterAttachmentId"] == wanted and item["Status"] == "Attached"]
    mapping = {
        "auto_publish_route_enabled": item["AutoPublishRouteEnabled"],
        "resource_type": item["ResourceType"],
        "status": item["Status"],
        "transit_router_attachment_description": item["TransitRouterAttachmentDescription"],
        "id": item["TransitRouterAttachmentId"],
        "transit_router_attachment_name": item["TransitRouterAttachmentName"],
        "vbr_id": item["VbrId"],
        "vbr_owner_id": str(item["VbrOwnerId"]),
    }
    assert (mapping["vbr_id"], mapping["resource_type"], mapping["status"]) == ("vbr-tf021", "VBR", "Attached")
    assert len(items) == 2


def test_vpn_attachments_data_source(client, cen_instance, router, later):  # noqa: F811
    """data alicloud_cen_transit_router_vpn_attachments {cen_id, transit_router_id, name_regex, status}:
    every item mapped with its zones and tags."""
    for n in range(2):
        ok(
            api_call(
                client,
                "CreateTransitRouterVpnAttachment",
                TransitRouterId=router,
                VpnId=f"vco-tf02{n}",
                TransitRouterAttachmentName=f"tf-vpn-{n}",
                **{"Zone.1.ZoneId": "cn-hangzhou-h"},
            )
        )
    later(20)
    items = paged(
        client, "ListTransitRouterVpnAttachments", RegionId=REGION, CenId=cen_instance.pk, TransitRouterId=router
    )
    names = sorted(item["TransitRouterAttachmentName"] for item in items if item["Status"] == "Attached")
    assert names == ["tf-vpn-0", "tf-vpn-1"]
    assert {(item["CenId"], item["ChargeType"], item["ResourceType"]) for item in items} == {
        (cen_instance.pk, "POSTPAY", "VPN")
    }
    assert all(item["Zones"] == [{"ZoneId": "cn-hangzhou-h"}] and item["Tags"] == [] for item in items)


def test_service_data_source_opens_the_service_then_finds_it_open(client, access_key):
    """data alicloud_cen_transit_router_service {enable = "On"}: CheckTransitRouterService answers
    USER_NOT_OPEN_TR_SERVICE, so the provider calls OpenTransitRouterService (status Opened); the next
    refresh's Check answers Enabled. The replica answers Enabled as the SDK's model and the reference
    type it, the string "true"; the provider's Read asserts a boolean (v.(bool)) there."""
    closed = api_call(client, "CheckTransitRouterService", ClientToken=token("CheckTransitRouterService"))
    assert (closed.status, closed.body["Code"]) == (400, "USER_NOT_OPEN_TR_SERVICE")
    assert ok(api_call(client, "OpenTransitRouterService", ClientToken=token("OpenTransitRouterService")))["OrderId"]
    refreshed = ok(api_call(client, "CheckTransitRouterService", ClientToken=token("CheckTransitRouterService")))
    assert refreshed["Enabled"] == "true"


def test_available_resources_data_source(client, access_key):
    """data alicloud_cen_transit_router_available_resources {support_multicast}: one resource of the
    region's master, slave and available zones and the multicast switch as sent."""
    answer = ok(api_call(client, "ListTransitRouterAvailableResource", RegionId=REGION, SupportMulticast="false"))
    resource = {
        "support_multicast": answer["SupportMulticast"],
        "master_zones": answer["MasterZones"],
        "slave_zones": answer["SlaveZones"],
        "available_zones": answer["AvailableZones"],
    }
    assert resource == {
        "support_multicast": False,
        "master_zones": ["cn-hangzhou-h"],
        "slave_zones": ["cn-hangzhou-i"],
        "available_zones": ["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j", "cn-hangzhou-k"],
    }
