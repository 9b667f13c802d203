"""A transit router's Flow Logs tab: the list, Create Flow Log, Modify, Start and Stop, Delete, each
through the same service as its API action (CreateFlowlog, ModifyFlowLogAttribute, ActiveFlowLog,
DeactiveFlowLog, DeleteFlowlog)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.rendering import confirm_page, render_page
from cenconsole.transit.router_tabs import router_page, router_page_context
from cenconsole.transit.selectors import connection_kinds

from . import selectors, services
from .forms import INSTANCE_KINDS, FlowLogCreateForm, FlowLogModifyForm


def _tab_url(instance, router):
    return reverse("flowlogs:router_flow_logs", kwargs={"cen_id": instance.pk, "router_id": router.pk})


@login_required
@require_GET
def router_flow_logs(request, cen_id, router_id):
    """The Flow Logs tab: the router's flow logs, what each captures, where it writes, and its status."""
    instance, router = router_page(request, cen_id, router_id)
    flow_logs = list(selectors.router_flow_logs(owner=request.user, router=router))
    kinds, labels = connection_kinds(router), dict(INSTANCE_KINDS)
    for flow_log in flow_logs:  # what the Instance column says the flow log captures
        flow_log.captured_label = labels.get(kinds.get(flow_log.attachment_id, ("", ""))[0], "")
    context = router_page_context(instance, router, "flow-logs", flow_logs=flow_logs)
    return render_page(request, "flowlogs/router_flow_logs.html", context, partial="tab_body")


def _flow_log_or_404(request, router, flow_log_id):
    return get_object_or_404(
        selectors.router_flow_logs(owner=request.user, router=router).filter(deleted_at__isnull=True),
        pk=flow_log_id,
    )


def _form_page(request, instance, router, form, flow_log=None):
    context = {"instance": instance, "router": router, "form": form, "flow_log": flow_log}
    return render_page(request, "flowlogs/flow_log_form.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def flow_log_create(request, cen_id, router_id):
    """Create Flow Log: of a connection of this transit router, or of the whole router."""
    instance, router = router_page(request, cen_id, router_id)
    form = FlowLogCreateForm(request.POST or None, connections=connection_kinds(router))
    if request.method == "POST" and form.is_valid():
        try:
            flow_log = services.flow_log_create(
                owner=request.user,
                cen_instance_id=instance.pk,
                region_code=router.region_id,
                transit_router_id=router.pk,
                **form.service_arguments(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(
                request,
                gettext("Flow log %(flow_log_id)s is being created: it is Active in a few seconds.")
                % {"flow_log_id": flow_log.pk},
            )
            return redirect(_tab_url(instance, router))
    return _form_page(request, instance, router, form)


@login_required
@require_http_methods(["GET", "POST"])
def flow_log_modify(request, cen_id, router_id, flow_log_id):
    """Modify on a flow log: its name, description and aggregation interval."""
    instance, router = router_page(request, cen_id, router_id)
    flow_log = _flow_log_or_404(request, router, flow_log_id)
    form = FlowLogModifyForm(request.POST or None, flow_log=flow_log)
    if request.method == "POST" and form.is_valid():
        try:
            services.flow_log_modify(
                owner=request.user,
                flow_log_id=flow_log.pk,
                cen_instance_id=instance.pk,
                **form.service_arguments(),
            )
        except ValidationError as error:
            form.add_service_errors(error)
        else:
            messages.success(request, gettext("Flow log %(flow_log_id)s is modified.") % {"flow_log_id": flow_log.pk})
            return redirect(_tab_url(instance, router))
    return _form_page(request, instance, router, form, flow_log)


def _turn(request, cen_id, router_id, flow_log_id, *, on: bool):
    instance, router = router_page(request, cen_id, router_id)
    flow_log = _flow_log_or_404(request, router, flow_log_id)
    if on:
        success = gettext("Flow log %(flow_log_id)s is being started: it is Active in a few seconds.")
    else:
        success = gettext("Flow log %(flow_log_id)s is being stopped: it is Inactive in a few seconds.")
    return confirm_page(
        request,
        "flowlogs/flow_log_turn.html",
        {"instance": instance, "router": router, "flow_log": flow_log, "on": on},
        action=lambda: services.flow_log_turn(
            owner=request.user, flow_log_id=flow_log.pk, on=on, cen_instance_id=instance.pk
        ),
        success=success % {"flow_log_id": flow_log.pk},
        next_url=_tab_url(instance, router),
    )


@login_required
@require_http_methods(["GET", "POST"])
def flow_log_start(request, cen_id, router_id, flow_log_id):
    """Start on an Inactive flow log (ActiveFlowLog): a confirm page, then it captures again."""
    return _turn(request, cen_id, router_id, flow_log_id, on=True)


@login_required
@require_http_methods(["GET", "POST"])
def flow_log_stop(request, cen_id, router_id, flow_log_id):
    """Stop on an Active flow log (DeactiveFlowLog): a confirm page, then it captures nothing."""
    return _turn(request, cen_id, router_id, flow_log_id, on=False)


@login_required
@require_http_methods(["GET", "POST"])
def flow_log_delete(request, cen_id, router_id, flow_log_id):
    """Delete on a flow log: a confirm page, then the delete (refused unless Active or Inactive)."""
    instance, router = router_page(request, cen_id, router_id)
    flow_log = _flow_log_or_404(request, router, flow_log_id)
    return confirm_page(
        request,
        "flowlogs/flow_log_delete.html",
        {"instance": instance, "router": router, "flow_log": flow_log},
        action=lambda: services.flow_log_delete(
            owner=request.user, flow_log_id=flow_log.pk, cen_instance_id=instance.pk
        ),
        success=gettext("Flow log %(flow_log_id)s is being deleted.") % {"flow_log_id": flow_log.pk},
        next_url=_tab_url(instance, router),
    )
