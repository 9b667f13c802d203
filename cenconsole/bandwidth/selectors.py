from django.db.models import OuterRef, Q, QuerySet, Subquery

from cenconsole.core import clock

from . import pricing
from .models import BandwidthPackage, Order


def open_ticket_id_subquery():
    """For annotating packages with their open deletion ticket's id (None without one), in the same
    query. Tickets sit above this app: their model is reached through the relation, and asked for its
    open tickets by its own queryset method, not imported."""
    tickets = BandwidthPackage._meta.get_field("deletion_tickets").related_model
    return Subquery(tickets.objects.open().filter(package=OuterRef("pk")).values("pk")[:1])


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


def available_packages_for(*, owner) -> QuerySet[BandwidthPackage]:
    """The account's packages bound to no CEN instance: the ones Bind Bandwidth Package offers."""
    return packages_for(owner=owner).filter(cen_instance__isnull=True)


def available_package_picker(*, owner, search: str = "", selected: str = "", limit: int = 50):
    """The options of Bind Bandwidth Package's select: up to `limit` available packages whose ID or
    name contains `search`, newest first, the `selected` one first whatever the search. Two small
    queries however many packages the account holds."""
    available = available_packages_for(owner=owner)
    chosen = list(available.filter(pk=selected)) if selected else []
    matches = available.order_by("-created_at", "-id")
    search = search.strip()
    if search:
        matches = matches.filter(Q(id__icontains=search) | Q(name__icontains=search))
    return (chosen + [package for package in matches[:limit] if package.pk != selected])[:limit]


def package_list(*, owner) -> QuerySet[BandwidthPackage]:
    """The Bandwidth Packages page: every package of the account, bound or available, newest first."""
    return packages_for(owner=owner).order_by("-created_at", "-id")


def unpaid_orders_for_package(*, package) -> QuerySet[Order]:
    """The package's orders still waiting for Pay (Request Deletion cancels them)."""
    return Order.objects.filter(package=package, status=Order.Status.UNPAID).order_by("pk")


def order_service_period(order: Order, *, now=None):
    """(from, to): the time an order pays for, in the account's clock. A paid order keeps what Pay
    set; an unpaid Buy, Renew, Upgrade or Downgrade says what paying it now would give; None otherwise
    (refunds, closed orders, orders paid before the period was kept)."""
    if order.term_start and order.term_end:
        return order.term_start, order.term_end
    if not order.is_unpaid:
        return None
    now = now or clock.now()
    if order.order_type == Order.Type.BUY:
        return now, pricing.add_months(now, order.duration_months)
    package = order.package
    if order.order_type == Order.Type.RENEW:
        start = max(package.expires_at, now)
        return start, pricing.add_months(start, order.duration_months)
    if order.order_type in (Order.Type.UPGRADE, Order.Type.DOWNGRADE):
        return now, package.expires_at
    return None


def taken_area_pairs(*, owner, cen_instance_id) -> set[frozenset]:
    """The area pairs (each a set of one or two area codes) the account's CEN instance already has a
    package for: the purchase page starts on another pair and marks these in Area B."""
    if not cen_instance_id:
        return set()
    pairs = BandwidthPackage.objects.filter(owner=owner, cen_instance_id=cen_instance_id)
    return {frozenset(pair) for pair in pairs.values_list("area_a_id", "area_b_id")}


def first_untaken_pair(area_codes, taken: set[frozenset], *, start: str = "China") -> tuple[str, str]:
    """The pair the purchase page starts on: `start` with itself (never cross-border by default), else
    with the first area in the table's order the instance has no package for; then the next Area A."""
    firsts = [start, *(code for code in area_codes if code != start)]
    for area_a in firsts:
        for area_b in [area_a, *(code for code in area_codes if code != area_a)]:
            if frozenset((area_a, area_b)) not in taken:
                return area_a, area_b
    return start, start
