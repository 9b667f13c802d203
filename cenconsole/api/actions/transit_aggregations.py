"""Aggregate routes on a transit router's route table: Create/Modify/Delete/Refresh/DescribeTransitRouteTableAggregation
and DescribeTransitRouteTableAggregationDetail. An aggregate route has no ID of its own: its route table
and its CIDR block name it. These actions take no RegionId (the SDK's models have none)."""

import json

from cenconsole.addressing import selectors as addressing_selectors
from cenconsole.addressing import services as addressing_services

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params
from .common import CLIENT_TOKEN_MAX_LENGTH, dry_run_or_run, read_ignored, token_page

TABLE, CIDR = "TransitRouteTableId", "TransitRouteTableAggregationCidr"
SCOPE_LIST = "TransitRouteTableAggregationScopeList"


def _scope_list(params: Params) -> list[str] | None:
    """The scope list as the V3 SDK and Terraform send it (a JSON array in one parameter), or as
    repeated Name.N parameters; None when not given."""
    raw = params.string(SCOPE_LIST)
    if raw is not None:
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            raise errors.invalid_parameter(SCOPE_LIST, 'a JSON array of strings expected, such as ["VPC"].')
        return value
    return params.indexed(SCOPE_LIST) or None


def _texts(params: Params) -> dict:
    return {
        "name": params.string("TransitRouteTableAggregationName"),
        "description": params.string("TransitRouteTableAggregationDescription"),
        "scope": params.string("TransitRouteTableAggregationScope"),
        "scope_list": _scope_list(params),
    }


def create_transit_route_table_aggregation(*, owner, params: Params) -> dict:
    """A retry with the same ClientToken answers as the first call did, and makes no second route."""
    table_id = params.string(TABLE, required=True)
    cidr = params.string(CIDR, required=True)
    given = _texts(params)
    given["name"], given["description"] = given["name"] or "", given["description"] or ""
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)

    def create():
        return str(addressing_services.aggregation_create(owner=owner, route_table_id=table_id, cidr=cidr, **given).pk)

    def attempt():
        api_services.client_token_once(
            owner=owner,
            action="CreateTransitRouteTableAggregation",
            token=token,
            create=create,
            fingerprint=params.fingerprint(),
        )

    dry_run_or_run(params, attempt)
    return {}


def modify_transit_route_table_aggregation(*, owner, params: Params) -> dict:
    table_id = params.string(TABLE, required=True)
    cidr = params.string(CIDR, required=True)
    given = _texts(params)
    read_ignored(params, "ClientToken")

    def attempt():
        addressing_services.aggregation_update(owner=owner, route_table_id=table_id, cidr=cidr, **given)

    dry_run_or_run(params, attempt)
    return {}


def delete_transit_route_table_aggregation(*, owner, params: Params) -> dict:
    table_id = params.string(TABLE, required=True)
    cidr = params.string(CIDR, required=True)
    read_ignored(params, "ClientToken")

    def attempt():
        addressing_services.aggregation_delete(owner=owner, route_table_id=table_id, cidr=cidr)

    dry_run_or_run(params, attempt)
    return {}


def refresh_transit_route_table_aggregation(*, owner, params: Params) -> dict:
    table_id = params.string(TABLE, required=True)
    cidr = params.string(CIDR, required=True)
    read_ignored(params, "ClientToken")
    addressing_services.aggregation_refresh(owner=owner, route_table_id=table_id, cidr=cidr)
    return {}


def describe_transit_route_table_aggregation(*, owner, params: Params) -> dict:
    """The table's aggregate routes (Deleting ones too, until gone), NextToken/MaxResults paged; the
    answer counts them as Count (this page) and Total."""
    table = addressing_services.aggregation_table(owner=owner, route_table_id=params.string(TABLE, required=True))
    rows = addressing_selectors.aggregations_for(owner=owner).filter(route_table=table)
    cidr = params.string(CIDR)
    if cidr:
        rows = rows.filter(cidr=cidr)
    read_ignored(params, "ClientToken")
    paged = token_page(rows, params, wrapper="Data", show_item=show.route_table_aggregation)
    return {
        "Count": len(paged["Data"]),
        "Data": paged["Data"],
        "NextToken": paged["NextToken"],
        "Total": paged["TotalCount"],
    }


def describe_transit_route_table_aggregation_detail(*, owner, params: Params) -> dict:
    """Where the aggregate route is advertised: each VPC associated with its route table."""
    aggregation = addressing_services.owned_aggregation(
        owner=owner, route_table_id=params.string(TABLE, required=True), cidr=params.string(CIDR, required=True)
    )
    read_ignored(params, "ClientToken")
    data = [
        show.route_table_aggregation_detail(aggregation, vpc_id)
        for vpc_id in addressing_selectors.aggregation_targets(aggregation)
    ]
    return {"Count": len(data), "Data": data, "Total": len(data)}
