"""Writes for bandwidth packages and their orders, by concern: purchase (Buy Now's rules and one
order per idempotency key), subscription (Renew, Upgrade/Downgrade, auto-renewal settings), payment
(the one Pay pipeline), packages (Bind, Unbind, attributes, release) and expiry (time passing).
Every caller (views, admin, commands, the API) goes through these names, so every rule holds for
all of them."""

from ..messages import *  # noqa: F403 (callers name the messages beside the services that raise them)
from .expiry import subscriptions_process
from .packages import (
    owned_cen,
    package_bind,
    package_delete_check,
    package_modify_attribute,
    package_release,
    package_unbind,
)
from .payment import PAYMENT_STEPS, charge, order_cancel, order_pay, settle
from .purchase import (
    AUTO_RENEWAL_PERIODS,
    DURATIONS,
    Purchase,
    area_pair_taken,
    bandwidth_in_range,
    live_quote,
    order_create,
    order_create_purchase,
    owned_package,
    package_order,
    purchase_check,
    purchase_preview,
)
from .subscription import (
    connections_used,
    order_create_renewal,
    order_create_resize,
    package_set_auto_renewal,
    renewal_expiration,
    renewal_order,
    renewal_preview,
    renewal_quote,
    resize_check,
)

__all__ = [
    "AUTO_RENEWAL_PERIODS",
    "DURATIONS",
    "PAYMENT_STEPS",
    "Purchase",
    "area_pair_taken",
    "bandwidth_in_range",
    "charge",
    "connections_used",
    "live_quote",
    "order_cancel",
    "order_create",
    "order_create_purchase",
    "order_create_renewal",
    "order_create_resize",
    "order_pay",
    "owned_cen",
    "owned_package",
    "package_bind",
    "package_delete_check",
    "package_modify_attribute",
    "package_order",
    "package_release",
    "package_set_auto_renewal",
    "package_unbind",
    "purchase_check",
    "purchase_preview",
    "renewal_expiration",
    "renewal_order",
    "renewal_preview",
    "renewal_quote",
    "resize_check",
    "settle",
    "subscriptions_process",
]
