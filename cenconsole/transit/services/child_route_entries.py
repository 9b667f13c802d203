"""Routes in a connected VPC's route table whose next hop is its VPC connection
(CreateCenChildInstanceRouteEntryToAttachment and its Delete): the connection is this app's, checked
and locked here; the route entry is a record of the VPC's route table, kept by networks."""

from django.db import transaction

from cenconsole.cen.selectors import owned_cen
from cenconsole.core.errors import field_error
from cenconsole.networks import services as network_services
from cenconsole.networks.models import VpcRouteEntry

from ..messages import UNKNOWN_ATTACHMENT
from ..models import TransitRouterVpcAttachment
from .common import owned_attachment, refuse_unless_attached


def _connection(*, owner, cen_instance_id: str, attachment_id: str) -> TransitRouterVpcAttachment:
    """The owner's VPC connection on a router of the CEN instance, locked."""
    cen_instance = owned_cen(owner=owner, cen_instance_id=cen_instance_id)
    attachment = owned_attachment(
        TransitRouterVpcAttachment,
        owner=owner,
        attachment_id=attachment_id,
        message=UNKNOWN_ATTACHMENT,
        related=("transit_router",),
        lock=True,
    )
    if attachment.transit_router.cen_instance_id != cen_instance.pk:
        raise field_error("attachment", UNKNOWN_ATTACHMENT, "unknown_attachment")  # another CEN instance's
    return attachment


@transaction.atomic
def route_entry_to_attachment_create(
    *, owner, cen_instance_id: str, route_table_id: str, attachment_id: str, destination_cidr: str
) -> VpcRouteEntry:
    """A route in the connected VPC's route table to destination_cidr, its next hop the (Attached)
    connection: Pending for a few seconds, then Available."""
    attachment = _connection(owner=owner, cen_instance_id=cen_instance_id, attachment_id=attachment_id)
    refuse_unless_attached(attachment)
    return network_services.route_entry_to_attachment_add(
        owner=owner,
        vpc_id=attachment.vpc_id,
        vpc_cidr=attachment.cidr_block,
        route_table_id=route_table_id,
        attachment_id=attachment.pk,
        destination_cidr=destination_cidr,
    )


@transaction.atomic
def route_entry_to_attachment_delete(
    *, owner, cen_instance_id: str, route_table_id: str, attachment_id: str, destination_cidr: str
) -> None:
    attachment = _connection(owner=owner, cen_instance_id=cen_instance_id, attachment_id=attachment_id)
    network_services.route_table_check(vpc_id=attachment.vpc_id, route_table_id=route_table_id)
    network_services.route_entry_to_attachment_remove(
        owner=owner, route_table_id=route_table_id, attachment_id=attachment.pk, destination_cidr=destination_cidr
    )
