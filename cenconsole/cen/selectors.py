from django.db.models import Count, Q, QuerySet

from .models import CenInstance


def cen_instances_for(*, owner) -> QuerySet[CenInstance]:
    """The account's CEN instances, without deleted ones: every page and form starts here."""
    return CenInstance.objects.filter(owner=owner, deleted_at__isnull=True)


def cen_instance_list(*, owner, search: str = "") -> QuerySet[CenInstance]:
    """The Instances page: the account's instances, newest first, with their bound package count."""
    instances = cen_instances_for(owner=owner)
    search = search.strip()
    if search:
        instances = instances.filter(Q(id__icontains=search) | Q(name__icontains=search))
    return instances.annotate(bandwidth_package_count=Count("bandwidth_packages")).order_by("-created_at", "-id")


def cen_instance_get(*, owner, cen_id: str) -> CenInstance:
    """One of the account's instances; another account's id raises DoesNotExist (a 404 in views)."""
    return cen_instances_for(owner=owner).get(pk=cen_id)
