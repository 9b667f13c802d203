"""Health Check (the left navigation's page): a CEN instance's VBR health checks, Set Health Check
(new or changed) and Delete, through the services of EnableCenVbrHealthCheck and
DisableCenVbrHealthCheck."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.cen.selectors import cen_instances_for
from cenconsole.cen.tabs import cen_instance_or_404
from cenconsole.core.rendering import confirm_page, render_page

from . import selectors, services
from .forms import HealthCheckForm


def _list_url(instance) -> str:
    return f"{reverse('healthchecks:health_checks')}?cen_id={instance.pk}"


@login_required
@require_GET
def health_checks(request):
    """Health Check: choose a CEN instance (the first by default), see its VBRs' health checks."""
    instances = list(cen_instances_for(owner=request.user))
    chosen = request.GET.get("cen_id")
    instance = next((item for item in instances if item.pk == chosen), instances[0] if instances else None)
    checks = selectors.cen_vbr_health_checks(owner=request.user, cen_instance=instance) if instance else []
    context = {"instances": instances, "instance": instance, "health_checks": checks}
    return render_page(request, "healthchecks/health_checks.html", context, partial="health_check_list")


def _form_page(request, instance, form, health_check=None):
    context = {"instance": instance, "form": form, "health_check": health_check, "list_url": _list_url(instance)}
    return render_page(request, "healthchecks/health_check_form.html", context)


def _saved(request, instance, check):
    messages.success(
        request,
        gettext("The health check of VBR %(vbr_id)s is set.") % {"vbr_id": check.vbr.resource_id},
    )
    return redirect(_list_url(instance))


@login_required
@require_http_methods(["GET", "POST"])
def health_check_set(request, cen_id):
    """Set Health Check for a VBR of the CEN instance."""
    instance = cen_instance_or_404(request, cen_id)
    form = HealthCheckForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            check = services.vbr_health_check_enable(
                owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _saved(request, instance, check)
    return _form_page(request, instance, form)


def _check_or_404(request, instance, health_check_id):
    return get_object_or_404(
        selectors.cen_vbr_health_checks(owner=request.user, cen_instance=instance), pk=health_check_id
    )


@login_required
@require_http_methods(["GET", "POST"])
def health_check_modify(request, cen_id, health_check_id):
    """Modify on a health check: Set Health Check with its VBR fixed."""
    instance = cen_instance_or_404(request, cen_id)
    check = _check_or_404(request, instance, health_check_id)
    form = HealthCheckForm(request.POST or None, health_check=check)
    if request.method == "POST" and form.is_valid():
        try:
            check = services.vbr_health_check_enable(
                owner=request.user, cen_instance_id=instance.pk, **form.service_arguments()
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            return _saved(request, instance, check)
    return _form_page(request, instance, form, check)


@login_required
@require_http_methods(["GET", "POST"])
def health_check_delete(request, cen_id, health_check_id):
    """Delete on a health check: a confirm page, then the health check is removed."""
    instance = cen_instance_or_404(request, cen_id)
    check = _check_or_404(request, instance, health_check_id)
    return confirm_page(
        request,
        "healthchecks/health_check_delete.html",
        {"instance": instance, "health_check": check, "list_url": _list_url(instance)},
        action=lambda: services.vbr_health_check_disable(
            owner=request.user,
            cen_instance_id=instance.pk,
            vbr_id=check.vbr.resource_id,
            vbr_region_code=check.vbr.region_id,
        ),
        success=gettext("The health check of VBR %(vbr_id)s is deleted.") % {"vbr_id": check.vbr.resource_id},
        next_url=_list_url(instance),
    )
