"""The account's transit router service: OpenTransitRouterService opens it by an order (free in the
replica). Opening it again answers the order that opened it: Terraform's provider reads the real API's
ORDER.OPEND ("already open") as success anyway, and the SDK contract opens it on an account that has
transit routers already (which have the service open: selectors.transit_router_service_enabled)."""

from django.db import transaction

from cenconsole.audit.services import audit_record
from cenconsole.core.ids import order_number

from ..models import TransitRouterService
from .common import lock_account


@transaction.atomic
def transit_router_service_open(*, owner) -> TransitRouterService:
    """The account's transit router service, opened now by a new order unless it was opened before."""
    lock_account(owner)
    service = TransitRouterService.objects.filter(owner=owner).first()
    if service is not None:
        return service
    service = TransitRouterService.objects.create(owner=owner, order_id=order_number())
    audit_record(
        actor=owner,
        action="transit_router.service_opened",
        target=service,
        changes={"order_id": (None, service.order_id)},
    )
    return service
