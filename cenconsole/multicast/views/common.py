"""What the multicast views share: the account's domain of a CEN instance (else not found), with its
router, and the URL of a domain's page."""

from django.shortcuts import get_object_or_404
from django.urls import reverse

from cenconsole.cen.tabs import cen_instance_or_404

from .. import selectors


def domain_page(request, cen_id, domain_id):
    """The CEN instance and the account's multicast domain of one of its routers (not found otherwise)."""
    instance = cen_instance_or_404(request, cen_id)
    domain = get_object_or_404(
        selectors.multicast_domains_for(owner=request.user).select_related("transit_router__region"),
        transit_router__cen_instance=instance,
        pk=domain_id,
    )
    return instance, domain


def domain_url(instance, domain) -> str:
    return reverse("multicast:domain_detail", kwargs={"cen_id": instance.pk, "domain_id": domain.pk})


def tab_url(instance, router) -> str:
    return reverse("multicast:router_multicast", kwargs={"cen_id": instance.pk, "router_id": router.pk})
