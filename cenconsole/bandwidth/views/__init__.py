"""The bandwidth app's pages, by resource: the purchase page, orders, packages."""

from .orders import order_cancel, order_detail, order_list, order_pay, order_success
from .packages import (
    cen_tab,
    package_auto_renewal,
    package_bind,
    package_list,
    package_renew,
    package_resize,
    package_unbind,
)
from .purchase import buy, buy_cen_options

__all__ = [
    "buy",
    "buy_cen_options",
    "cen_tab",
    "order_cancel",
    "order_detail",
    "order_list",
    "order_pay",
    "order_success",
    "package_auto_renewal",
    "package_bind",
    "package_list",
    "package_renew",
    "package_resize",
    "package_unbind",
]
