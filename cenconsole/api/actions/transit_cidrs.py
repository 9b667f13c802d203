"""A transit router's CIDR blocks (Create/List/Modify/DeleteTransitRouterCidr) and the blocks allocated
from them to connections (ListTransitRouterCidrAllocation)."""

from cenconsole.addressing import selectors as addressing_selectors
from cenconsole.addressing import services as addressing_services
from cenconsole.transit.services.common import owned_router

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run, read_ignored, token_page


def _optional_boolean(params: Params, name: str) -> bool | None:
    """A boolean the caller may leave out (None: unchanged, or the service's default)."""
    return params.boolean(name) if params.data.get(name) is not None else None


def create_transit_router_cidr(*, owner, params: Params) -> dict:
    """CreateTransitRouterCidr: a retry with the same ClientToken answers the block the first call made."""
    router_id = params.string("TransitRouterId", required=True)
    cidr = params.string("Cidr", required=True)
    name = params.string("Name") or ""
    description = params.string("Description") or ""
    publish = _optional_boolean(params, "PublishCidrRoute")
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)

    def create():
        return addressing_services.cidr_create(
            owner=owner,
            transit_router_id=router_id,
            cidr=cidr,
            name=name,
            description=description,
            publish_cidr_route=True if publish is None else publish,
        ).pk

    def attempt():
        return api_services.client_token_once(
            owner=owner, action="CreateTransitRouterCidr", token=token, create=create, fingerprint=params.fingerprint()
        )

    return {"TransitRouterCidrId": dry_run_or_run(params, attempt)}


def list_transit_router_cidr(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    cidr_id = params.string("TransitRouterCidrId")
    read_ignored(params, "ClientToken")

    def attempt():
        router = owned_router(owner=owner, transit_router_id=router_id)
        blocks = addressing_selectors.cidrs_for(owner=owner).filter(transit_router=router)
        if cidr_id:
            blocks = blocks.filter(pk=cidr_id)
        return {"CidrLists": [show.transit_router_cidr(block) for block in blocks]}

    return dry_run_or_run(params, attempt)


def modify_transit_router_cidr(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    cidr_id = params.string("TransitRouterCidrId", required=True)
    cidr = params.string("Cidr")
    name = params.string("Name")
    description = params.string("Description")
    publish = _optional_boolean(params, "PublishCidrRoute")
    read_ignored(params, "ClientToken")

    def attempt():
        addressing_services.cidr_update(
            owner=owner,
            transit_router_id=router_id,
            cidr_id=cidr_id,
            cidr=cidr,
            name=name,
            description=description,
            publish_cidr_route=publish,
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_cidr(*, owner, params: Params) -> dict:
    router_id = params.string("TransitRouterId", required=True)
    cidr_id = params.string("TransitRouterCidrId", required=True)
    read_ignored(params, "ClientToken")

    def attempt():
        addressing_services.cidr_delete(owner=owner, transit_router_id=router_id, cidr_id=cidr_id)

    dry_run_or_run(params, attempt)
    return {}


def list_transit_router_cidr_allocation(*, owner, params: Params) -> dict:
    """Every block allocated from the router's CIDR blocks; DedicatedOwnerId=VPN: the reserved ones."""
    router_id = params.string("TransitRouterId", required=True)
    dedicated = params.string("DedicatedOwnerId")
    if dedicated and dedicated != "VPN":
        raise errors.invalid_parameter("DedicatedOwnerId", "VPN expected.")
    filters = {
        "cidr_block_id": params.string("TransitRouterCidrId"),
        "cidr_block__cidr": params.string("Cidr"),
        "allocated_cidr_block": params.string("CidrBlock"),
        "attachment_id": params.string("AttachmentId"),
        "attachment_name": params.string("AttachmentName"),
    }
    read_ignored(params, "ClientToken")

    def attempt():
        router = owned_router(owner=owner, transit_router_id=router_id)
        rows = addressing_selectors.allocations_for(owner=owner).filter(cidr_block__transit_router=router)
        rows = rows.filter(**{field: value for field, value in filters.items() if value})
        if dedicated:
            rows = rows.filter(attachment_id="")
        return token_page(
            rows, params, wrapper="TransitRouterCidrAllocations", show_item=show.transit_router_cidr_allocation
        )

    return dry_run_or_run(params, attempt)
