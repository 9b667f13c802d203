from datetime import timedelta

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, Q, QuerySet
from django.utils.translation import gettext_noop

from cenconsole.core import clock
from cenconsole.core.errors import field_error

from .models import CenInstance

# Every app that takes a CEN instance by its ID (bandwidth, networks, transit) refuses another
# account's, or a deleted one, in these words.
UNKNOWN_CEN = gettext_noop("Select one of your CEN instances.")


def cen_instances_for(*, owner) -> QuerySet[CenInstance]:
    """The account's CEN instances, without deleted ones: every page and form starts here."""
    return CenInstance.objects.filter(owner=owner, deleted_at__isnull=True)


def cen_instances_listed(*, owner) -> QuerySet[CenInstance]:
    """DescribeCens's instances: the account's undeleted ones and those still Deleting (deleted less
    than TRANSIT_TRANSITION_SECONDS ago, as DeleteCen is asynchronous); every other read and write
    sees only undeleted ones (cen_instances_for)."""
    deleting_since = clock.now() - timedelta(seconds=settings.TRANSIT_TRANSITION_SECONDS)
    return CenInstance.objects.filter(owner=owner).filter(Q(deleted_at__isnull=True) | Q(deleted_at__gt=deleting_since))


def owned_cen(*, owner, cen_instance_id) -> CenInstance:
    """The account's (undeleted) instance `cen_instance_id`; any other ID is refused on that argument,
    cen_instance_id (unknown_cen)."""
    cen_instance = cen_instances_for(owner=owner).filter(pk=cen_instance_id).first()
    if cen_instance is None:
        raise field_error("cen_instance_id", UNKNOWN_CEN, "unknown_cen")
    return cen_instance


def cen_instance_list(*, owner, search: str = "") -> QuerySet[CenInstance]:
    """The account's instances, newest first, optionally those whose ID or name contains `search`."""
    instances = cen_instances_for(owner=owner)
    search = search.strip()
    if search:
        instances = instances.filter(Q(id__icontains=search) | Q(name__icontains=search))
    return instances.order_by("-created_at", "-id")


def cen_instance_picker(*, owner, search: str = "", selected: str | None = None, limit: int = 50) -> list[CenInstance]:
    """The options of a CEN ID select: up to `limit` of the account's instances whose ID or name
    contains `search`, newest first, with the `selected` one (if it is the account's) first whatever
    the search. Two small queries (the chosen one by key, the matches with a LIMIT) for 10 or 10,000
    instances, so the page stays the same size and speed."""
    chosen = list(cen_instances_for(owner=owner).filter(pk=selected).only("id", "name")) if selected else []
    matches = cen_instance_list(owner=owner, search=search).only("id", "name")[:limit]
    return (chosen + [instance for instance in matches if instance.pk != selected])[:limit]


def cen_instance_page(*, owner, search: str = "", page_number=None, per_page: int = 20, instances=None) -> Page:
    """One page of the Instances page, each instance with its bound package count. Three queries
    whatever the number of instances: the count, the page, and the page's package counts (counting
    per page instead of a GROUP BY over every instance keeps 10,000 instances as fast as 10).
    `instances` (a narrower cen_instance_list, e.g. filtered by tag) replaces the search."""
    if instances is None:
        instances = cen_instance_list(owner=owner, search=search)
    page = Paginator(instances, per_page).get_page(page_number)
    page.object_list = list(page.object_list)
    # Counted through the relation: the bandwidth app sits above this one and is not imported.
    counts = dict(
        CenInstance.objects.filter(pk__in=[instance.pk for instance in page.object_list])
        .filter(bandwidth_packages__isnull=False)
        .values_list("pk")
        .annotate(count=Count("bandwidth_packages"))
    )
    for instance in page.object_list:
        instance.bandwidth_package_count = counts.get(instance.pk, 0)
    return page


def cen_instance_get(*, owner, cen_id: str) -> CenInstance:
    """One of the account's instances; another account's id raises DoesNotExist (a 404 in views)."""
    return cen_instances_for(owner=owner).get(pk=cen_id)
