from django.db.models import QuerySet

from cenconsole.tickets.selectors import open_ticket_id_subquery

from .models import BandwidthPackage, Order


def packages_for(*, owner) -> QuerySet[BandwidthPackage]:
    """The account's packages that are not released, bound or available."""
    return (
        BandwidthPackage.objects.active()
        .filter(owner=owner)
        .select_related("area_a", "area_b", "cen_instance")
        .annotate(open_ticket_id=open_ticket_id_subquery())
    )


def packages_for_cen(*, owner, cen_instance) -> QuerySet[BandwidthPackage]:
    """The Bandwidth Packages tab: the packages bound to one of the account's CEN instances."""
    return (
        BandwidthPackage.objects.filter(owner=owner, cen_instance=cen_instance)
        .select_related("area_a", "area_b")
        .annotate(open_ticket_id=open_ticket_id_subquery())
    )


def orders_for(*, owner) -> QuerySet[Order]:
    return Order.objects.filter(owner=owner).select_related("cen_instance", "area_a", "area_b", "package")


def order_get(*, owner, order_id) -> Order:
    """One of the account's orders; another account's id raises DoesNotExist (a 404 in views)."""
    return orders_for(owner=owner).get(pk=order_id)
