"""Writes for flow logs: create, modify (name, description, capture window), turn on (ActiveFlowLog)
and off (DeactiveFlowLog), delete."""

import re

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q

from cenconsole.audit.services import audit_record, audited_update
from cenconsole.cen.selectors import owned_cen
from cenconsole.core import clock
from cenconsole.core.errors import field_error, refusal, refuse_if_any
from cenconsole.core.validators import clean_texts
from cenconsole.regions.models import Region
from cenconsole.transit.models import (
    PRODUCT_ATTACHMENT_MODELS,
    TransitRouter,
    TransitRouterPeerAttachment,
    TransitRouterVpcAttachment,
)
from cenconsole.transit.services.common import owned_router, refuse_if_deleting

from .messages import (
    CONNECTION_HAS_FLOW_LOGS,
    FLOW_LOG_NOT_ACTIVE,
    FLOW_LOG_NOT_INACTIVE,
    FLOW_LOG_NOT_SETTLED,
    INTERVAL,
    LOG_FORMAT,
    LOG_STORE_NAME,
    PROJECT_NAME,
    ROUTER_ELSEWHERE,
    ROUTER_HAS_FLOW_LOGS,
    UNKNOWN_ATTACHMENT,
    UNKNOWN_FLOW_LOG,
    UNKNOWN_REGION,
    UNKNOWN_TRANSIT_ROUTER,
)
from .models import FlowLog, FlowLogStatus

PROJECT_NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{1,61}[a-z0-9]")
LOG_STORE_NAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9_-]{1,61}[a-z0-9]")
LOG_FORMAT_PATTERN = re.compile(r"(\$\{[a-z][a-z0-9_-]*\})+")
REQUIRED_FIELDS = "${srcaddr}${dstaddr}${bytes}"


def _texts(**given) -> dict:
    """Name and description (None: not given) by the console's rules."""
    return clean_texts(**{field: value for field, value in given.items() if value is not None})


def _interval(value: int | None) -> int | None:
    if value is not None and value not in FlowLog.Interval.values:
        raise field_error("interval", INTERVAL, "flow_log_interval")
    return value


def _router_and_attachment(*, owner, cen_instance, region, transit_router_id: str, attachment_id: str):
    """The transit router the flow log captures (the CEN instance's in the region) and, when named, the
    connection of that router (a VPC, inter-region, VBR, VPN or ECR connection); a connection alone names
    its router."""
    routers = TransitRouter.objects.live().filter(owner=owner, cen_instance=cen_instance, region=region)
    router = None
    if transit_router_id:
        router = TransitRouter.objects.live().filter(owner=owner, pk=transit_router_id).first()
        if router is None:
            raise field_error("transit_router", UNKNOWN_TRANSIT_ROUTER, "unknown_transit_router")
        if not routers.filter(pk=router.pk).exists():
            raise field_error(
                "transit_router",
                ROUTER_ELSEWHERE,
                "flow_log_router_elsewhere",
                transit_router_id=router.pk,
                cen_id=cen_instance.pk,
                region=region.pk,
            )
    if not attachment_id:
        return router, ""
    vpc = TransitRouterVpcAttachment.objects.live().filter(owner=owner, pk=attachment_id).first()
    peer = TransitRouterPeerAttachment.objects.live().filter(owner=owner, pk=attachment_id).first()
    product = next(
        (
            found
            for model in PRODUCT_ATTACHMENT_MODELS
            if (found := model.objects.live().filter(owner=owner, pk=attachment_id).first()) is not None
        ),
        None,
    )
    if vpc:
        of_router = Q(vpc_attachments=vpc)
    elif peer:
        of_router = Q(peer_attachments=peer) | Q(peer_attachments_from_peers=peer)
    else:
        of_router = Q(pk=product.transit_router_id) if product else None
    candidates = routers.filter(of_router) if of_router is not None else routers.none()
    if router is not None:
        candidates = candidates.filter(pk=router.pk)
    attached_to = candidates.first()
    if attached_to is None:
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "unknown_attachment")
    return attached_to, attachment_id


def _storage_clean(*, project_name: str, log_store_name: str, log_format_string: str) -> dict:
    errors = {}
    if not PROJECT_NAME_PATTERN.fullmatch(project_name or ""):
        errors["project_name"] = refusal(PROJECT_NAME, "flow_log_storage_name")
    if not LOG_STORE_NAME_PATTERN.fullmatch(log_store_name or ""):
        errors["log_store_name"] = refusal(LOG_STORE_NAME, "flow_log_storage_name")
    if log_format_string and not (
        LOG_FORMAT_PATTERN.fullmatch(log_format_string) and log_format_string.startswith(REQUIRED_FIELDS)
    ):
        errors["log_format_string"] = refusal(LOG_FORMAT, "flow_log_format")
    if errors:
        raise ValidationError(errors)
    return {"project_name": project_name, "log_store_name": log_store_name, "log_format_string": log_format_string}


@transaction.atomic
def flow_log_create(
    *,
    owner,
    cen_instance_id: str,
    region_code: str,
    project_name: str,
    log_store_name: str,
    transit_router_id: str = "",
    attachment_id: str = "",
    name: str = "",
    description: str = "",
    interval: int | None = None,
    log_format_string: str = "",
) -> FlowLog:
    """CreateFlowlog: a flow log of the CEN instance's transit router in the region (or of one of its
    connections), into an SLS project's Logstore (Creating, then Active)."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    region = Region.objects.filter(pk=region_code).first()
    if region is None:
        raise field_error("region", UNKNOWN_REGION, "unknown_region")
    router, attachment_id = _router_and_attachment(
        owner=owner,
        cen_instance=cen_instance,
        region=region,
        transit_router_id=transit_router_id,
        attachment_id=attachment_id,
    )
    if router is not None:
        # Locked as Delete locks it: a delete either sees this flow log (and refuses) or has made the router
        # Deleting first (and this create is refused).
        router = owned_router(owner=owner, transit_router_id=router.pk, lock=True)
        refuse_if_deleting(router)
    flow_log = FlowLog(
        owner=owner,
        cen_instance=cen_instance,
        region=region,
        transit_router=router,
        attachment_id=attachment_id,
        interval=_interval(interval) or FlowLog.Interval.TEN_MINUTES,
        **_texts(name=name, description=description),
        **_storage_clean(
            project_name=project_name, log_store_name=log_store_name, log_format_string=log_format_string or ""
        ),
    )
    flow_log.save(force_insert=True)
    audit_record(
        actor=owner,
        action="flow_log.created",
        target=flow_log,
        changes={"cen_instance": (None, cen_instance.pk), "project_name": (None, flow_log.project_name)},
    )
    return flow_log


def owned_flow_log(*, owner, flow_log_id: str, region_code: str | None = None, cen_instance_id: str | None = None):
    """The owner's flow log (in that region and of that CEN instance, when given), not being deleted, locked."""
    flow_log = (
        FlowLog.objects.live()
        .select_for_update(of=("self",))
        .filter(owner=owner, pk=flow_log_id, cen_instance__deleted_at__isnull=True)
        .first()
    )
    if (
        flow_log is None
        or (region_code and flow_log.region_id != region_code)
        or (cen_instance_id and flow_log.cen_instance_id != cen_instance_id)
    ):
        raise field_error("flow_log", UNKNOWN_FLOW_LOG, "unknown_flow_log")
    return flow_log


def _refuse_unless(flow_log: FlowLog, statuses, message: str, code: str = "flow_log_status") -> None:
    if flow_log.status not in statuses:
        raise refusal(message, code, flow_log_id=flow_log.pk, status=FlowLogStatus(flow_log.status).label)


SETTLED = (FlowLogStatus.ACTIVE, FlowLogStatus.INACTIVE)


@transaction.atomic
def flow_log_modify(
    *,
    owner,
    flow_log_id: str,
    region_code: str | None = None,
    cen_instance_id: str | None = None,
    name: str | None = None,
    description: str | None = None,
    interval: int | None = None,
) -> FlowLog:
    """ModifyFlowLogAttribute: a new name, description or capture window (None leaves one as it is)."""
    flow_log = owned_flow_log(
        owner=owner, flow_log_id=flow_log_id, region_code=region_code, cen_instance_id=cen_instance_id
    )
    _refuse_unless(flow_log, SETTLED, FLOW_LOG_NOT_SETTLED, code="flow_log_status_modify")
    data = _texts(name=name, description=description)
    if _interval(interval) is not None:
        data["interval"] = interval
    audited_update(
        actor=owner,
        action="flow_log.modified",
        instance=flow_log,
        fields=["name", "description", "interval"],
        data=data,
    )
    return flow_log


@transaction.atomic
def flow_log_turn(*, owner, flow_log_id: str, on: bool, region_code: str | None = None, cen_instance_id=None):
    """ActiveFlowLog (on) of an Inactive flow log, DeactiveFlowLog (off) of an Active one: Modifying for
    a few seconds, then Active or Inactive."""
    flow_log = owned_flow_log(
        owner=owner, flow_log_id=flow_log_id, region_code=region_code, cen_instance_id=cen_instance_id
    )
    if on:
        _refuse_unless(flow_log, (FlowLogStatus.INACTIVE,), FLOW_LOG_NOT_INACTIVE)
    else:
        _refuse_unless(flow_log, (FlowLogStatus.ACTIVE,), FLOW_LOG_NOT_ACTIVE)
    flow_log.active, flow_log.toggled_at = on, clock.now()
    flow_log.save(update_fields=["active", "toggled_at"])
    audit_record(actor=owner, action="flow_log.turned", target=flow_log, changes={"active": (not on, on)})
    return flow_log


@transaction.atomic
def flow_log_delete(*, owner, flow_log_id: str, region_code: str | None = None, cen_instance_id=None) -> FlowLog:
    """DeleteFlowlog: an Active or Inactive flow log is Deleting for a few seconds, then gone."""
    flow_log = owned_flow_log(
        owner=owner, flow_log_id=flow_log_id, region_code=region_code, cen_instance_id=cen_instance_id
    )
    _refuse_unless(flow_log, SETTLED, FLOW_LOG_NOT_SETTLED)
    flow_log.deleted_at = clock.now()
    flow_log.save(update_fields=["deleted_at"])
    audit_record(
        actor=owner, action="flow_log.deleted", target=flow_log, changes={"deleted_at": (None, flow_log.deleted_at)}
    )
    return flow_log


def refuse_router_delete_with_flow_logs(sender, *, owner, router, **kwargs) -> None:
    """Receiver of transit's transit_router_deleting: a router with flow logs (until they are gone) stays."""
    flow_logs = FlowLog.objects.present().filter(transit_router=router).values_list("pk", flat=True)
    refuse_if_any(
        flow_logs, ROUTER_HAS_FLOW_LOGS, "flow_logs_exist", listed_as="flow_logs", transit_router_id=router.pk
    )


def refuse_attachment_delete_with_flow_logs(sender, *, owner, attachment, **kwargs) -> None:
    """Receiver of transit's attachment_deleting: a connection with flow logs of its own stays."""
    flow_logs = FlowLog.objects.present().filter(owner=owner, attachment_id=attachment.pk).values_list("pk", flat=True)
    refuse_if_any(
        flow_logs, CONNECTION_HAS_FLOW_LOGS, "flow_logs_exist", listed_as="flow_logs", attachment_id=attachment.pk
    )
