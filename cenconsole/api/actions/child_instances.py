"""Child instances: the Networks tab's network instances (VPCs)."""

from cenconsole.accounts.uids import names_account
from cenconsole.cen.selectors import cen_instance_get
from cenconsole.grants import services as grant_services
from cenconsole.networks import services as network_services
from cenconsole.networks.models import NetworkInstance
from cenconsole.networks.selectors import network_instances_for
from cenconsole.regions.models import Region

from .. import errors
from .. import representations as show
from ..params import Params
from .common import page

UNKNOWN_CHILD_INSTANCE = "The specified ChildInstanceId is not attached to this CEN instance."
ACROSS_ACCOUNTS = "Operation is invalid because the child-instance is not authorized to CEN."


def child_instance_type(params: Params, *, required: bool) -> str | None:
    value = params.string("ChildInstanceType", required=required)
    if value is not None and value.upper() != NetworkInstance.NetworkType.VPC:
        raise errors.invalid_parameter("ChildInstanceType", "VPC expected: this replica attaches VPCs only.")
    return value


def _same_account(owner, params: Params, *, granted_by=None) -> None:
    """ChildInstanceOwnerId and CenOwnerId (Terraform sends them from its state) name the caller's own
    account, or (ChildInstanceOwnerId) granted_by, the account that granted the VPC."""
    for name in ("ChildInstanceOwnerId", "CenOwnerId"):
        owner_id = params.string(name)
        allowed = [owner] + ([granted_by] if granted_by is not None and name == "ChildInstanceOwnerId" else [])
        if owner_id and not any(names_account(owner_id, account) for account in allowed):
            raise errors.ApiError("Forbbiden.AttachChildInstanceAcrossUid", ACROSS_ACCOUNTS, 409)  # documented


def _vpc_owner(owner, params: Params, *, cen_id: str, child_id: str):
    """The account that granted the VPC when ChildInstanceOwnerId names another account; None when it
    names the caller's own (or is not sent). Another account's VPC with no grant to this CEN instance
    is refused Forbbiden.AttachChildInstanceAcrossUid, as before grants existed."""
    vpc_owner_id = params.string("ChildInstanceOwnerId")
    if not vpc_owner_id or names_account(vpc_owner_id, owner):
        return None
    return grant_services.granted_vpc_check(owner=owner, vpc_owner_uid=vpc_owner_id, vpc_id=child_id, cen_id=cen_id)


def attach_cen_child_instance(*, owner, params: Params) -> dict:
    """Attaches a VPC: the network instance record takes the ChildInstanceId, as on the Networks tab."""
    cen_id = params.string("CenId", required=True)
    child_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    child_instance_type(params, required=True)
    vpc_owner = _vpc_owner(owner, params, cen_id=cen_id, child_id=child_id)
    _same_account(owner, params, granted_by=vpc_owner)
    if vpc_owner is None:
        network_services.network_instance_attach(
            owner=owner, cen_instance_id=cen_id, region_code=region_id, network_id=child_id
        )
    else:  # the same service as Attach Network's Different Account in the console
        grant_services.granted_vpc_attach(
            owner=owner,
            cen_instance_id=cen_id,
            vpc_owner_uid=params.string("ChildInstanceOwnerId"),
            vpc_id=child_id,
            region_code=region_id,
        )
    return {}


def detach_cen_child_instance(*, owner, params: Params) -> dict:
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    child_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    child_instance_type(params, required=True)
    networks = network_instances_for(owner=owner).filter(cen_instance=cen_instance, region_id=region_id)
    network = networks.select_related("vpc_owner").filter(instance_id=child_id).first()
    _same_account(owner, params, granted_by=network.vpc_owner if network is not None else None)
    if network is None:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE)
    network_services.network_instance_detach(owner=owner, network_id=network.pk)
    return {}


def describe_cen_attached_child_instance_attribute(*, owner, params: Params) -> dict:
    """One attached network instance; one that is not attached (or not the caller's) is refused with
    ParameterInstanceId (400), as the real API does: Terraform's provider reads that as "gone",
    and a 404 as an unknown action."""
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    child_id = params.string("ChildInstanceId", required=True)
    region_id = params.string("ChildInstanceRegionId", required=True)
    child_instance_type(params, required=True)
    network = (
        network_instances_for(owner=owner)
        .filter(cen_instance=cen_instance, instance_id=child_id, region_id=region_id)
        .first()
    )
    if network is None:
        raise errors.service_error("unknown_network", UNKNOWN_CHILD_INSTANCE)
    return show.child_instance_attribute(network)


def describe_cen_attached_child_instances(*, owner, params: Params) -> dict:
    cen_instance = cen_instance_get(owner=owner, cen_id=params.string("CenId", required=True))
    networks = network_instances_for(owner=owner).filter(cen_instance=cen_instance)
    region_id = params.string("ChildInstanceRegionId")
    if region_id:
        networks = networks.filter(region_id=region_id)
    if child_instance_type(params, required=False):
        networks = networks.filter(network_type=NetworkInstance.NetworkType.VPC)
    return page(
        networks.order_by("created_at", "id"),
        params,
        wrapper="ChildInstances",
        item="ChildInstance",
        show_item=show.child_instance,
    )


def describe_child_instance_regions(*, owner, params: Params) -> dict:
    """The regions a network instance can be attached from: every region of the seed's table."""
    product_type = params.string("ProductType")
    if product_type is not None and product_type.upper() != NetworkInstance.NetworkType.VPC:
        raise errors.invalid_parameter("ProductType", "VPC expected: this replica attaches VPCs only.")
    regions = Region.objects.select_related("area").order_by("area__position", "position")
    return {"Regions": {"Region": [{"RegionId": region.pk, "LocalName": region.name} for region in regions]}}
