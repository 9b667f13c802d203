"""Reads for VBR health checks: the account's own, through CEN instances it still has."""

from .models import VbrHealthCheck


def vbr_health_checks_for(*, owner):
    return (
        VbrHealthCheck.objects.filter(owner=owner, cen_instance__deleted_at__isnull=True)
        .select_related("vbr")
        .order_by("created_at", "id")
    )


def cen_vbr_health_checks(*, owner, cen_instance):
    """The Health Check page's rows: the CEN instance's VBR health checks with their VBRs' regions."""
    return vbr_health_checks_for(owner=owner).filter(cen_instance=cen_instance).select_related("vbr__region")
