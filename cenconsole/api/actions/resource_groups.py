"""MoveResourceGroup: a CEN instance or a bandwidth package to another of the account's groups."""

from cenconsole.bandwidth import services as bandwidth_services
from cenconsole.cen import services as cen_services

from .. import errors
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run

MOVERS = {
    "cen": lambda owner, resource_id, group: cen_services.cen_instance_move_resource_group(
        owner=owner, cen_id=resource_id, resource_group_id=group
    ),
    "bandwidthpackage": lambda owner, resource_id, group: bandwidth_services.package_move_resource_group(
        owner=owner, package_id=resource_id, resource_group_id=group
    ),
}


def move_resource_group(*, owner, params: Params) -> dict:
    """Moves the resource (ResourceType cen or bandwidthpackage) to NewResourceGroupId. ClientToken
    is taken (a move is idempotent by itself); DryRun=true checks and moves nothing."""
    resource_type = params.string("ResourceType", required=True)
    mover = MOVERS.get(resource_type.lower())
    if mover is None:
        raise errors.invalid_parameter("ResourceType", "cen or bandwidthpackage expected.")
    resource_id = params.string("ResourceId", required=True)
    group = params.string("NewResourceGroupId", required=True)
    params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    dry_run_or_run(params, lambda: mover(owner, resource_id, group))
    return {}
