"""What the actions share: idempotency keys from ClientToken, areas by id, DryRun, parameters read
and ignored, paging (PageNumber/PageSize and NextToken/MaxResults), Q combinators."""

import hashlib
import uuid

from django.db.models import Q

from cenconsole.regions.models import Area

from .. import errors
from .. import representations as show
from .. import services as api_services
from ..params import Params

CLIENT_TOKEN_MAX_LENGTH = 64
ORDER_KEY_PREFIX = "api:"
MAX_RESULTS_DEFAULT, MAX_RESULTS_LIMIT = 20, 100


def order_key(client_token: str | None) -> str:
    """The order's idempotency key: from the ClientToken (a retry finds the same order), or new."""
    if not client_token:
        return ORDER_KEY_PREFIX + uuid.uuid4().hex
    if len(ORDER_KEY_PREFIX + client_token) > 64:
        client_token = hashlib.sha256(client_token.encode()).hexdigest()[:60]
    return ORDER_KEY_PREFIX + client_token


def once(owner, params: Params, action: str, create) -> str:
    """create() once per ClientToken (api.services.client_token_once): a retry asking the same answers
    the ID the first call kept; the same token asking something else is IdempotentParameterMismatch.
    create() returns that ID (at most 64 characters): what it made, or the resource it changed."""
    token = params.string("ClientToken", max_length=CLIENT_TOKEN_MAX_LENGTH)
    return api_services.client_token_once(
        owner=owner, action=action, token=token, create=create, fingerprint=params.fingerprint()
    )


def area_code(value: str) -> str:
    """An area id in any case (China, china) as the areas table spells it; unknown ids pass through
    for the service to refuse."""
    area = Area.objects.filter(code__iexact=value).values_list("code", flat=True).first()
    return area or value


def area_param(params: Params, name: str) -> Area:
    value = params.string(name, required=True)
    area = Area.objects.filter(code__iexact=value).first()
    if area is None:
        raise errors.invalid_parameter(name, "China, North-America, Asia-Pacific, Europe or Australia expected.")
    return area


def dry_run_or_run(params: Params, attempt):
    """DryRun=true: attempt runs and is rolled back, its refusal or DryRunOperation the answer
    (errors.dry_run_check); otherwise attempt runs for real and its result is returned."""
    if params.boolean("DryRun"):
        errors.dry_run_check(attempt)
    return attempt()


def read_ignored(params: Params, *names: str) -> None:
    """Parameters the SDKs send that change nothing here (ClientToken on an update or a delete),
    read so that run() does not refuse them as unsupported. Any parameter not read is refused."""
    for name in names:
        params.string(name)


def page(items, params: Params, *, wrapper: str, item: str, show_item) -> dict:
    number, size = params.page()
    total = len(items) if isinstance(items, list) else items.count()
    start = (number - 1) * size
    shown = [show_item(each) for each in items[start : start + size]]
    return show.page(shown, total=total, number=number, size=size, wrapper=wrapper, item=item)


def any_of(conditions: list[Q]) -> Q:
    combined = Q(pk__in=[])  # matches nothing: an empty OR
    for condition in conditions:
        combined |= condition
    return combined


def all_of(conditions: list[Q]) -> Q:
    combined = Q()
    for condition in conditions:
        combined &= condition
    return combined


def token_page(items, params: Params, *, wrapper: str, show_item) -> dict:
    """NextToken / MaxResults paging (the transit actions'): the token is the offset of the next item,
    "" after the last; items is a queryset or a list."""
    size = params.integer("MaxResults", default=MAX_RESULTS_DEFAULT)
    if not 1 <= size <= MAX_RESULTS_LIMIT:
        raise errors.invalid_parameter("MaxResults", f"1 to {MAX_RESULTS_LIMIT} expected.")
    token = params.string("NextToken") or "0"
    if not token.isascii() or not token.isdigit() or len(token) > 18:
        raise errors.invalid_parameter("NextToken", "the NextToken of a previous answer expected.")
    start = int(token)
    total = len(items) if isinstance(items, list) else items.count()
    shown = [show_item(each) for each in items[start : start + size]]
    following = str(start + size) if start + size < total else ""
    return {wrapper: shown, "TotalCount": total, "MaxResults": size, "NextToken": following}
