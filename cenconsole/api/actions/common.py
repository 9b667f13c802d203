"""What the actions share: idempotency keys from ClientToken, areas by id, paging, Q combinators."""

import hashlib
import uuid

from django.db.models import Q

from cenconsole.regions.models import Area

from .. import errors
from .. import representations as show
from ..params import Params

CLIENT_TOKEN_MAX_LENGTH = 64
ORDER_KEY_PREFIX = "api:"


def order_key(client_token: str | None) -> str:
    """The order's idempotency key: from the ClientToken (a retry finds the same order), or new."""
    if not client_token:
        return ORDER_KEY_PREFIX + uuid.uuid4().hex
    if len(ORDER_KEY_PREFIX + client_token) > 64:
        client_token = hashlib.sha256(client_token.encode()).hexdigest()[:60]
    return ORDER_KEY_PREFIX + client_token


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
