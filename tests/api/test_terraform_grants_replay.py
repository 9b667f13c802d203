"""terraform-provider-alicloud's calls for alicloud_cen_transit_router_grant_attachment, replayed with the
parameters the provider sends. Read from aliyun/terraform-provider-alicloud at commit
81c43b6727a09e9da37b3d88818c3ba5fa17fa14: alicloud/resource_alicloud_cen_transit_router_grant_attachment.go
and service_alicloud_cen_v2.go (DescribeCenTransitRouterGrantAttachment). Create sends
GrantInstanceToTransitRouter (retrying OperationFailed.TaskConflict), sets the ID
"<InstanceType>:<InstanceId>:<CenOwnerId>:<CenId>" and goes through Update (no call on a new resource) to
Read; Read calls DescribeGrantRulesToResource (ResourceId, ProductType = the ID's type, RegionId) and keeps
the rule whose CenId and fmt.Sprint(CenOwnerId) match the ID (none: NotFound, gone on a refresh); Update
sends ModifyGrantInstanceToTransitRouter (CenId, InstanceId, ClientToken, OrderType) when order_type
changes; Delete sends RevokeInstanceFromTransitRouter (InstanceId, CenId, InstanceType, CenOwnerId,
RegionId) and reads a NotFound error as done. Every argument but order_type forces a new resource.

The provider has no data source for grant rules (no data source file for transit router grants), and
alicloud_cen_instance_grant calls the VPC product's GrantInstanceToCen, not Cbn: the replica cannot serve
it (its `manage.py grant_instance` makes the same rule)."""

import uuid

import pytest

from cenconsole.accounts.uids import account_uid
from tests.api.conftest import api_call
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

REGION = "cn-hangzhou"


class NotFound(Exception):
    """The provider's NotFoundError: the resource is gone."""


class Provider:
    """RpcPost("Cbn", "2017-09-12", ...) of a provider in REGION, for the grant attachment."""

    def __init__(self, client):
        self.client = client
        self.calls = []

    def call(self, action: str, retry: tuple = (), **parameters):
        for _ in range(5):
            self.calls.append(action)
            answer = api_call(self.client, action, **parameters)
            if answer.status == 200 or answer.body.get("Code") not in retry:
                return answer
        raise AssertionError(f"{action} kept answering {answer.body}")

    def create(self, config: dict) -> str:
        request = {
            "InstanceId": config["instance_id"],
            "CenId": config["cen_id"],
            "InstanceType": config["instance_type"],
            "CenOwnerId": config["cen_owner_id"],
            "RegionId": REGION,
        }
        if config.get("order_type"):
            request["OrderType"] = config["order_type"]
        answer = self.call("GrantInstanceToTransitRouter", retry=("OperationFailed.TaskConflict",), **request)
        assert answer.status == 200, answer.body
        return f"{config['instance_type']}:{config['instance_id']}:{config['cen_owner_id']}:{config['cen_id']}"

    def read(self, resource_id: str) -> dict:
        instance_type, instance_id, cen_owner_id, cen_id = resource_id.split(":")
        answer = self.call(
            "DescribeGrantRulesToResource", ResourceId=instance_id, ProductType=instance_type, RegionId=REGION
        )
        assert answer.status == 200, answer.body
        for item in answer.body["GrantRules"]:
            if str(item["CenId"]) == cen_id and str(item["CenOwnerId"]) == cen_owner_id:
                return {
                    "order_type": item["OrderType"],
                    "cen_id": item["CenId"],
                    "cen_owner_id": str(item["CenOwnerId"]),
                    "instance_type": instance_type,
                    "instance_id": instance_id,
                }
        raise NotFound(resource_id)

    def update_order_type(self, resource_id: str, order_type: str) -> None:
        _, instance_id, _, cen_id = resource_id.split(":")
        answer = self.call(
            "ModifyGrantInstanceToTransitRouter",
            CenId=cen_id,
            InstanceId=instance_id,
            ClientToken=str(uuid.uuid4()),
            OrderType=order_type,
        )
        assert answer.status == 200, answer.body

    def delete(self, resource_id: str) -> None:
        instance_type, instance_id, cen_owner_id, cen_id = resource_id.split(":")
        answer = self.call(
            "RevokeInstanceFromTransitRouter",
            InstanceId=instance_id,
            CenId=cen_id,
            InstanceType=instance_type,
            CenOwnerId=cen_owner_id,
            RegionId=REGION,
        )
        assert answer.status == 200 or answer.status == 404 or "NotFound" in answer.body["Message"], answer.body


def diff(config: dict, state: dict) -> dict:
    return {key: (value, state.get(key)) for key, value in config.items() if value != state.get(key)}


@pytest.mark.parametrize(
    ("instance_type", "instance_id"), [("VPC", "vpc-tfgrant0001"), ("ExpressConnect", "vbr-tfgrant0001")]
)
def test_grant_attachment_converges(client, access_key, other_user, instance_type, instance_id):
    """Apply, refresh with no diff, update order_type, import, destroy; then a refresh finds it gone."""
    provider = Provider(client)
    cen = CenInstanceFactory(owner=other_user)
    config = {
        "cen_id": cen.pk,
        "cen_owner_id": str(account_uid(other_user.pk)),
        "instance_id": instance_id,
        "instance_type": instance_type,
        "order_type": "PayByCenOwner",
    }
    resource_id = provider.create(config)
    state = provider.read(resource_id)
    assert diff(config, provider.read(resource_id)) == {}
    config["order_type"] = "PayByResourceOwner"
    provider.update_order_type(resource_id, config["order_type"])
    state = provider.read(resource_id)
    assert diff(config, state) == {}
    assert diff(config, provider.read(resource_id)) == {}  # import: a Read by the ID alone
    provider.delete(resource_id)
    with pytest.raises(NotFound):
        provider.read(resource_id)
    provider.delete(resource_id)  # a second destroy: NotFound, read as done
    assert provider.calls.count("GrantInstanceToTransitRouter") == 1
