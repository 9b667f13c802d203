"""Create/List/Modify/DeleteTransitRouterCidr and ListTransitRouterCidrAllocation as requests: the answer
(every key of the SDK's model), what changed, DryRun, ClientToken, each refusal with its code, and
ListTransitRouters' TransitRouterCidrList."""

import pytest

from cenconsole.addressing import services as addressing_services
from cenconsole.addressing.models import TransitRouterCidr
from cenconsole.transit import services as transit_services
from tests.api.conftest import api_call
from tests.api.sdk_models import mismatches, sample_answer
from tests.transit.conftest import later  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db


@pytest.fixture
def router(cen_instance, later):  # noqa: F811
    made = transit_services.transit_router_create(
        owner=cen_instance.owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou"
    )
    later()
    return made


def create(client, router, **extra):
    parameters = {"TransitRouterId": router.pk, "Cidr": "192.168.10.0/24", **extra}
    return api_call(client, "CreateTransitRouterCidr", **parameters)


def test_create_answers_the_new_blocks_id(client, access_key, router):
    """CreateTransitRouterCidr: the answer has the model's keys; the block is the router's."""
    answer = create(client, router, Name="vpn", Description="d", PublishCidrRoute="false")
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("CreateTransitRouterCidr")) == []
    block = TransitRouterCidr.objects.get(pk=answer.body["TransitRouterCidrId"])
    assert (block.transit_router_id, block.name, block.publish_cidr_route) == (router.pk, "vpn", False)


def test_create_with_the_same_client_token_makes_one_block(client, access_key, router):
    """A retry with the same ClientToken answers the first block's ID."""
    first = create(client, router, ClientToken="tok-1").body["TransitRouterCidrId"]
    again = create(client, router, ClientToken="tok-1").body["TransitRouterCidrId"]
    assert first == again
    assert TransitRouterCidr.objects.count() == 1


def test_create_dry_run_makes_nothing(client, access_key, router):
    """DryRun=true: DryRunOperation, no block."""
    answer = create(client, router, DryRun="true")
    assert answer.code == "DryRunOperation"
    assert not TransitRouterCidr.objects.exists()


@pytest.mark.parametrize(
    "cidr, code",
    [("192.168.10.0/25", "IllegalParam.Cidr"), ("100.64.0.0/16", "IllegalParam.Cidr"), ("x", "IllegalParam.Cidr")],
)
def test_create_refuses_a_block_outside_the_rules(client, access_key, router, cidr, code):
    """A prefix length outside /16 to /24, an unsupported range or no CIDR at all."""
    answer = create(client, router, Cidr=cidr)
    assert (answer.status, answer.code) == (400, code)


def test_create_refuses_an_overlapping_block(client, access_key, router):
    """A block overlapping another of the CEN instance."""
    create(client, router, Cidr="192.168.0.0/16")
    assert create(client, router).code == "OperationFailed.CidrConflict"


def test_create_refuses_a_sixth_block(client, access_key, router):
    """Five blocks per router."""
    for third in range(5):
        create(client, router, Cidr=f"192.168.{third}.0/24")
    assert create(client, router, Cidr="192.168.9.0/24").code == "QuotaExceeded.TransitRouterCidr"


def test_create_on_an_unknown_router_is_refused(client, access_key, router):
    """An ID of no router of the caller's."""
    answer = create(client, router, TransitRouterId="tr-nosuchrouter000000")
    assert answer.code == "InvalidTransitRouterInstance.NotFound"


def test_list_answers_the_routers_blocks(client, access_key, router):
    """ListTransitRouterCidr: the model's keys; TransitRouterCidrId narrows to one."""
    first = create(client, router).body["TransitRouterCidrId"]
    create(client, router, Cidr="192.168.20.0/24")
    answer = api_call(client, "ListTransitRouterCidr", TransitRouterId=router.pk, ClientToken="t")
    assert mismatches(answer.body, sample_answer("ListTransitRouterCidr")) == []
    assert sorted(each["Cidr"] for each in answer.body["CidrLists"]) == ["192.168.10.0/24", "192.168.20.0/24"]
    assert answer.body["CidrLists"][0]["Family"] == "IPv4"
    one = api_call(client, "ListTransitRouterCidr", TransitRouterId=router.pk, TransitRouterCidrId=first)
    assert [each["TransitRouterCidrId"] for each in one.body["CidrLists"]] == [first]


def test_list_transit_routers_shows_the_routers_cidr_blocks(client, access_key, router):
    """ListTransitRouters' TransitRouterCidrList is the router's blocks (no longer always [])."""
    block = create(client, router, Name="vpn").body["TransitRouterCidrId"]
    (listed,) = api_call(client, "ListTransitRouters", TransitRouterId=router.pk).body["TransitRouters"]
    assert listed["TransitRouterCidrList"] == [
        {
            "Cidr": "192.168.10.0/24",
            "Description": "",
            "Name": "vpn",
            "PublishCidrRoute": True,
            "TransitRouterCidrId": block,
        }
    ]
    assert mismatches(listed, sample_answer("ListTransitRouters")["TransitRouters"][0]) == []


def test_modify_changes_the_block(client, access_key, router):
    """ModifyTransitRouterCidr: the answer is the model's; the new values list."""
    block = create(client, router).body["TransitRouterCidrId"]
    answer = api_call(
        client,
        "ModifyTransitRouterCidr",
        TransitRouterId=router.pk,
        TransitRouterCidrId=block,
        Cidr="192.168.30.0/24",
        Name="renamed",
        PublishCidrRoute="false",
        ClientToken="t",
    )
    assert answer.status == 200, answer.body
    assert mismatches(answer.body, sample_answer("ModifyTransitRouterCidr")) == []
    row = TransitRouterCidr.objects.get(pk=block)
    assert (row.cidr, row.name, row.publish_cidr_route) == ("192.168.30.0/24", "renamed", False)


def test_modify_dry_run_changes_nothing(client, access_key, router):
    """DryRun=true: DryRunOperation, the block as it was."""
    block = create(client, router).body["TransitRouterCidrId"]
    answer = api_call(
        client, "ModifyTransitRouterCidr", TransitRouterId=router.pk, TransitRouterCidrId=block, Name="x", DryRun="true"
    )
    assert answer.code == "DryRunOperation"
    assert TransitRouterCidr.objects.get(pk=block).name == ""


def test_modify_of_an_allocated_block_is_refused(client, access_key, router):
    """Addresses allocated to a connection: OperationFailed.CidrBlockAllocated."""
    block = create(client, router).body["TransitRouterCidrId"]
    addressing_services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001")
    answer = api_call(
        client, "ModifyTransitRouterCidr", TransitRouterId=router.pk, TransitRouterCidrId=block, Cidr="192.168.40.0/24"
    )
    assert answer.code == "OperationFailed.CidrBlockAllocated"


def test_delete_removes_the_block(client, access_key, router):
    """DeleteTransitRouterCidr: the model's answer; the block no longer lists."""
    block = create(client, router).body["TransitRouterCidrId"]
    answer = api_call(client, "DeleteTransitRouterCidr", TransitRouterId=router.pk, TransitRouterCidrId=block)
    assert mismatches(answer.body, sample_answer("DeleteTransitRouterCidr")) == []
    assert api_call(client, "ListTransitRouterCidr", TransitRouterId=router.pk).body["CidrLists"] == []


def test_delete_dry_run_keeps_the_block(client, access_key, router):
    """DryRun=true: DryRunOperation, the block stays."""
    block = create(client, router).body["TransitRouterCidrId"]
    answer = api_call(
        client, "DeleteTransitRouterCidr", TransitRouterId=router.pk, TransitRouterCidrId=block, DryRun="true"
    )
    assert answer.code == "DryRunOperation"
    assert TransitRouterCidr.objects.filter(pk=block).exists()


def test_delete_of_an_unknown_block_answers_the_providers_gone_code(client, access_key, router):
    """OperationFailed.CidrNotExist: what Terraform's delete reads as already gone."""
    answer = api_call(
        client, "DeleteTransitRouterCidr", TransitRouterId=router.pk, TransitRouterCidrId="cidr-nosuchblock000000"
    )
    assert answer.code == "OperationFailed.CidrNotExist"


def test_allocations_list_the_reserved_and_allocated_blocks(client, access_key, router):
    """ListTransitRouterCidrAllocation: the model's keys; DedicatedOwnerId=VPN lists only the reserved ones."""
    create(client, router)
    addressing_services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001", attachment_name="vpn")
    answer = api_call(client, "ListTransitRouterCidrAllocation", TransitRouterId=router.pk)
    assert mismatches(answer.body, sample_answer("ListTransitRouterCidrAllocation")) == []
    assert answer.body["TotalCount"] == 4
    assert answer.body["TransitRouterCidrAllocations"][3] == {
        "AllocatedCidrBlock": "192.168.10.48/28",
        "AttachmentId": "tr-attach-vpn0001",
        "AttachmentName": "vpn",
        "Cidr": "192.168.10.0/24",
        "TransitRouterCidrId": TransitRouterCidr.objects.get().pk,
    }
    reserved = api_call(client, "ListTransitRouterCidrAllocation", TransitRouterId=router.pk, DedicatedOwnerId="VPN")
    assert reserved.body["TotalCount"] == 3


def test_allocations_page_by_next_token(client, access_key, router):
    """MaxResults and NextToken page the allocations."""
    create(client, router)
    addressing_services.cidr_allocate(router=router, attachment_id="tr-attach-vpn0001")
    first = api_call(client, "ListTransitRouterCidrAllocation", TransitRouterId=router.pk, MaxResults="3").body
    rest = api_call(
        client, "ListTransitRouterCidrAllocation", TransitRouterId=router.pk, NextToken=first["NextToken"]
    ).body
    assert (len(first["TransitRouterCidrAllocations"]), len(rest["TransitRouterCidrAllocations"])) == (3, 1)
    assert rest["NextToken"] == ""
