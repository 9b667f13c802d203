"""Prefix lists associated with a transit router's route table: Create/Delete/ListTransitRouterPrefixListAssociation.
An association has no ID of its own: the prefix list, the router, the table and the next hop name it."""

from cenconsole.accounts.uids import account_pk, names_account
from cenconsole.addressing import selectors as addressing_selectors
from cenconsole.addressing import services as addressing_services
from cenconsole.addressing.models import PrefixListAssociation
from cenconsole.transit.services.common import owned_router

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run, read_ignored

NEXT_HOP_TYPES = tuple(PrefixListAssociation.NextHopType.values)
PAGE_SIZE_DEFAULT, PAGE_SIZE_LIMIT = 10, 100  # documented (ListTransitRouterPrefixListAssociation)


def _owner_uid(owner, params: Params) -> None:
    """OwnerUid: the prefix list's account. The replica's prefix lists are the caller's own."""
    uid = params.string("OwnerUid")
    if uid and not names_account(uid, owner):
        raise errors.invalid_parameter("OwnerUid", "the replica's prefix lists belong to the caller's account.")


def create_transit_router_prefix_list_association(*, owner, params: Params) -> dict:
    prefix_list_id = params.string("PrefixListId", required=True)
    router_id = params.string("TransitRouterId", required=True)
    table_id = params.string("TransitRouterTableId", required=True)
    next_hop = params.string("NextHop", required=True)
    next_hop_type = params.string("NextHopType", choices=NEXT_HOP_TYPES)
    _owner_uid(owner, params)
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)

    def create():
        association = addressing_services.prefix_list_association_create(
            owner=owner,
            prefix_list_id=prefix_list_id,
            transit_router_id=router_id,
            route_table_id=table_id,
            next_hop=next_hop,
            next_hop_type=next_hop_type,
        )
        return str(association.pk)

    def attempt():
        api_services.client_token_once(
            owner=owner,
            action="CreateTransitRouterPrefixListAssociation",
            token=token,
            create=create,
            fingerprint=params.fingerprint(),
        )

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_router_prefix_list_association(*, owner, params: Params) -> dict:
    prefix_list_id = params.string("PrefixListId", required=True)
    router_id = params.string("TransitRouterId", required=True)
    table_id = params.string("TransitRouterTableId", required=True)
    next_hop = params.string("NextHop", required=True)
    params.string("NextHopType", choices=NEXT_HOP_TYPES)  # the association names its own type
    read_ignored(params, "ClientToken")

    def attempt():
        addressing_services.prefix_list_association_delete(
            owner=owner,
            prefix_list_id=prefix_list_id,
            transit_router_id=router_id,
            route_table_id=table_id,
            next_hop=next_hop,
        )

    dry_run_or_run(params, attempt)
    return {}


def list_transit_router_prefix_list_association(*, owner, params: Params) -> dict:
    router = owned_router(owner=owner, transit_router_id=params.string("TransitRouterId", required=True))
    rows = addressing_selectors.prefix_list_associations_for(owner=owner).filter(transit_router=router)
    for parameter, field in (
        ("TransitRouterTableId", "route_table_id"),
        ("PrefixListId", "prefix_list__resource_id"),
        ("NextHop", "next_hop"),
        ("NextHopInstanceId", "next_hop_instance_id"),
    ):
        value = params.string(parameter)
        if value:
            rows = rows.filter(**{field: value})
    next_hop_type = params.string("NextHopType", choices=NEXT_HOP_TYPES)
    if next_hop_type:
        rows = rows.filter(next_hop_type=next_hop_type)
    uid = params.string("OwnerUid")
    if uid:
        rows = rows.filter(prefix_list__owner_id=account_pk(uid))
    status = params.string("Status", choices=tuple(PrefixListAssociation.Status.values))
    shown = [show.prefix_list_association(row) for row in rows]
    if status:
        shown = [row for row in shown if row["Status"] == status]
    number = params.integer("PageNumber", default=1)
    size = params.integer("PageSize", default=PAGE_SIZE_DEFAULT)
    if number < 1:
        raise errors.invalid_parameter("PageNumber", "1 or more expected.")
    if not 1 <= size <= PAGE_SIZE_LIMIT:
        raise errors.invalid_parameter("PageSize", f"1 to {PAGE_SIZE_LIMIT} expected.")
    start = (number - 1) * size
    return {
        "PrefixLists": shown[start : start + size],
        "TotalCount": len(shown),
        "PageNumber": number,
        "PageSize": size,
    }
