"""Cross-account grants through the V3 SDK. The SDK's caller grants its VPC to another account's CEN
instance (grant, read back, change who pays, revoke); another account (made here, acting through the
grants service, as the VPC product's GrantInstanceToCen would) grants its VPC to the caller's CEN
instance, which connects it to a transit router and lists its vSwitches and ENIs; then all is removed."""

from alibabacloud_cbn20170912 import models

from cenconsole.accounts.uids import account_uid
from cenconsole.api.models import AccessKey
from cenconsole.grants import services as grants
from cenconsole.multicast.models import NetworkInterface
from tests.api.conftest import ACCESS_KEY_ID
from tests.factories import UserFactory

MINE, THEIRS = "vpc-contractgr01", "vpc-contractgr02"


def steps(state):
    cen = lambda: state["CenId"][0]  # noqa: E731
    router = lambda: state["TransitRouterId"][0]  # noqa: E731
    attachment = lambda: state["TransitRouterAttachmentId"][0]  # noqa: E731

    def other():
        if "other" not in state:
            state["other"] = UserFactory()
        return state["other"]

    def other_uid():
        return str(account_uid(other().pk))

    def granted_to_me(request):
        """The other account grants its VPC (with an ENI the replica knows) to the caller's CEN instance."""

        def make():
            me = AccessKey.objects.get(pk=ACCESS_KEY_ID).owner
            if not state.get("granted"):
                grants.grant_rule_create(
                    owner=other(),
                    instance_type="VPC",
                    instance_id=THEIRS,
                    region_code="cn-hangzhou",
                    cen_id=cen(),
                    cen_owner_uid=str(account_uid(me.pk)),
                )
                NetworkInterface.objects.create(
                    owner=other(),
                    eni_id="eni-contractgr01",
                    region_id="cn-hangzhou",
                    vpc_id=THEIRS,
                    vswitch_id="vsw-contractgr01",
                )
                state["granted"] = True
            return request()

        return make

    mine = lambda: {"cen_id": "cen-contracttheirs", "instance_id": MINE}  # noqa: E731
    return [
        ("CreateCen", lambda: models.CreateCenRequest(name="contract-grants")),
        (
            "GrantInstanceToTransitRouter",
            lambda: models.GrantInstanceToTransitRouterRequest(
                **mine(), cen_owner_id=int(other_uid()), instance_type="VPC", region_id="cn-hangzhou"
            ),
        ),
        (
            "DescribeGrantRulesToResource",
            lambda: models.DescribeGrantRulesToResourceRequest(
                product_type="VPC", resource_id=MINE, region_id="cn-hangzhou"
            ),
        ),
        (
            "ModifyGrantInstanceToTransitRouter",
            lambda: models.ModifyGrantInstanceToTransitRouterRequest(**mine(), order_type="PayByResourceOwner"),
        ),
        (
            "RevokeInstanceFromTransitRouter",
            lambda: models.RevokeInstanceFromTransitRouterRequest(
                **mine(), cen_owner_id=int(other_uid()), instance_type="VPC", region_id="cn-hangzhou"
            ),
        ),
        (
            "DescribeGrantRulesToCen",
            granted_to_me(lambda: models.DescribeGrantRulesToCenRequest(cen_id=cen(), product_type="VPC")),
        ),
        ("CreateTransitRouter", lambda: models.CreateTransitRouterRequest(cen_id=cen(), region_id="cn-hangzhou")),
        (
            "CreateTransitRouterVpcAttachment",
            lambda: models.CreateTransitRouterVpcAttachmentRequest(
                transit_router_id=router(),
                vpc_id=THEIRS,
                vpc_owner_id=int(other_uid()),
                zone_mappings=[
                    models.CreateTransitRouterVpcAttachmentRequestZoneMappings(
                        zone_id="cn-hangzhou-h", v_switch_id="vsw-contractgr01"
                    )
                ],
            ),
        ),
        (
            "ListGrantVSwitchesToCen",
            lambda: models.ListGrantVSwitchesToCenRequest(cen_id=cen(), vpc_id=THEIRS, region_id="cn-hangzhou"),
        ),
        (
            "ListGrantVSwitchEnis",
            lambda: models.ListGrantVSwitchEnisRequest(cen_id=cen(), vpc_id=THEIRS, v_switch_id="vsw-contractgr01"),
        ),
        (
            "DeleteTransitRouterVpcAttachment",
            lambda: models.DeleteTransitRouterVpcAttachmentRequest(transit_router_attachment_id=attachment()),
        ),
        ("DeleteTransitRouter", lambda: models.DeleteTransitRouterRequest(transit_router_id=router())),
        ("DeleteCen", lambda: models.DeleteCenRequest(cen_id=cen())),
    ]
