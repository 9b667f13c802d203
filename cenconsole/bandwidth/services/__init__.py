"""Writes for bandwidth packages and their orders, by concern: purchase (Buy Now's rules), orders (one order
per idempotency key for every order type, within the quotas; Cancel and lapsing), subscription (Renew,
Upgrade/Downgrade, auto-renewal settings), payment (the one Pay pipeline), settlement (what paying each type of
order does, the charge, refunds), packages (Bind, Unbind, attributes, release) and expiry (time passing). Every
caller (views, admin, commands, the API) goes through these names, so every rule holds for all of them."""

from ..messages import *  # noqa: F403 (callers name the messages beside the services that raise them)
from .expiry import subscriptions_process, subscriptions_process_all
from .orders import order_cancel, orders_lapse, package_order, package_orders_cancel_unpaid, payment_deadline
from .packages import (
    owned_cen,
    package_bind,
    package_delete_check,
    package_modify_attribute,
    package_move_resource_group,
    package_release,
    package_unbind,
    paid_package_backdate,
)
from .payment import buy_and_pay, order_pay, renew_and_pay
from .purchase import (
    AUTO_RENEWAL_PERIODS,
    DURATIONS,
    area_pair_taken,
    bandwidth_in_range,
    check_no_pending_deletion,
    live_quote,
    order_create_purchase,
    owned_package,
    purchase_check,
    purchase_preview,
)
from .settlement import PAYMENT_STEPS, charge, refund_create, settle
from .subscription import (
    connections_used,
    downgrade_refund,
    order_create_renewal,
    order_create_resize,
    order_create_temporary_upgrade,
    package_set_auto_renewal,
    release_refund,
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
    "area_pair_taken",
    "bandwidth_in_range",
    "buy_and_pay",
    "charge",
    "check_no_pending_deletion",
    "connections_used",
    "downgrade_refund",
    "live_quote",
    "order_cancel",
    "order_create_purchase",
    "order_create_renewal",
    "order_create_resize",
    "order_create_temporary_upgrade",
    "order_pay",
    "orders_lapse",
    "owned_cen",
    "owned_package",
    "package_bind",
    "package_delete_check",
    "package_modify_attribute",
    "package_move_resource_group",
    "package_order",
    "package_orders_cancel_unpaid",
    "package_release",
    "package_set_auto_renewal",
    "package_unbind",
    "paid_package_backdate",
    "payment_deadline",
    "purchase_check",
    "purchase_preview",
    "refund_create",
    "release_refund",
    "renewal_expiration",
    "renewal_order",
    "renewal_preview",
    "renewal_quote",
    "renew_and_pay",
    "resize_check",
    "settle",
    "subscriptions_process",
    "subscriptions_process_all",
]
