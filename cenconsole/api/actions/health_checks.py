"""VBR health checks: EnableCenVbrHealthCheck (set up or change), DisableCenVbrHealthCheck,
DescribeCenVbrHealthCheck. The SDK gives none of them ClientToken or DryRun."""

from cenconsole.accounts.uids import names_account
from cenconsole.healthchecks import services as health_check_services
from cenconsole.healthchecks.selectors import vbr_health_checks_for

from .. import errors
from .. import representations as show
from ..params import Params
from .common import page

OTHER_ACCOUNT = "The replica's VBRs are the caller's own: VbrInstanceOwnerId can only name the caller's account."


def _own_vbr(owner, params: Params) -> None:
    """VbrInstanceOwnerId (another account's VBR) may name only the caller's own account."""
    vbr_owner = params.string("VbrInstanceOwnerId")
    if vbr_owner and not names_account(vbr_owner, owner):
        raise errors.invalid_parameter("VbrInstanceOwnerId", OTHER_ACCOUNT)


def _optional_boolean(params: Params, name: str) -> bool | None:
    return None if params.string(name) is None else params.boolean(name)


def enable_cen_vbr_health_check(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId", required=True)
    vbr_id = params.string("VbrInstanceId", required=True)
    region_id = params.string("VbrInstanceRegionId", required=True)
    _own_vbr(owner, params)
    health_check_services.vbr_health_check_enable(
        owner=owner,
        cen_instance_id=cen_id,
        vbr_id=vbr_id,
        vbr_region_code=region_id,
        target_ip=params.string("HealthCheckTargetIp", required=True),
        source_ip=params.string("HealthCheckSourceIp"),
        interval=params.integer("HealthCheckInterval"),
        healthy_threshold=params.integer("HealthyThreshold"),
        health_check_only=_optional_boolean(params, "HealthCheckOnly"),
        description=params.string("Description"),
    )
    return {}


def disable_cen_vbr_health_check(*, owner, params: Params) -> dict:
    cen_id = params.string("CenId", required=True)
    vbr_id = params.string("VbrInstanceId", required=True)
    region_id = params.string("VbrInstanceRegionId", required=True)
    _own_vbr(owner, params)
    health_check_services.vbr_health_check_disable(
        owner=owner, cen_instance_id=cen_id, vbr_id=vbr_id, vbr_region_code=region_id
    )
    return {}


def describe_cen_vbr_health_check(*, owner, params: Params) -> dict:
    """The account's health checks of VBRs in VbrInstanceRegionId, optionally of one CEN instance or VBR."""
    checks = vbr_health_checks_for(owner=owner).filter(
        vbr__region_id=params.string("VbrInstanceRegionId", required=True)
    )
    for parameter, field in (("CenId", "cen_instance_id"), ("VbrInstanceId", "vbr__resource_id")):
        value = params.string(parameter)
        if value:
            checks = checks.filter(**{field: value})
    vbr_owner = params.string("VbrInstanceOwnerId")
    if vbr_owner and not names_account(vbr_owner, owner):
        checks = checks.none()
    return page(list(checks), params, wrapper="VbrHealthChecks", item="VbrHealthCheck", show_item=show.vbr_health_check)
