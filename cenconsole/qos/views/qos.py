"""The transit router page's QoS Policy tab: the QoS policies on this router's end of its inter-region
connections, with their queues; Create QoS Policy, Modify, Delete; Add Queue, Modify and Delete of a
queue. Each through the service of its API action (CreateCenInterRegionTrafficQosPolicy,
UpdateCenInterRegionTrafficQosPolicyAttribute, DeleteCenInterRegionTrafficQosPolicy,
CreateCenInterRegionTrafficQosQueue, UpdateCenInterRegionTrafficQosQueueAttribute,
DeleteCenInterRegionTrafficQosQueue)."""

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.rendering import render_page
from cenconsole.transit.router_tabs import router_page, router_page_context
from cenconsole.transit.selectors import peer_attachments_for

from .. import selectors, services
from ..forms import NameDescriptionForm, QosPolicyForm, QueueForm
from .common import delete_page, form_page


def _tab_url(instance, router):
    return reverse("qos:qos_policies", kwargs={"cen_id": instance.pk, "router_id": router.pk})


def _policy_or_404(request, router, qos_policy_id):
    return get_object_or_404(
        selectors.qos_policies_for(owner=request.user).filter(deleted_at__isnull=True),
        transit_router=router,
        pk=qos_policy_id,
    )


def _queue_or_404(policy, queue_id):
    return get_object_or_404(policy.queues.filter(deleted_at__isnull=True), pk=queue_id)


def _connections(request, router):
    """The router's inter-region connections not being deleted (either end of them is this router)."""
    return peer_attachments_for(owner=request.user).filter(
        Q(transit_router=router) | Q(peer_transit_router=router), deleted_at__isnull=True
    )


@login_required
@require_GET
def qos_policies(request, cen_id, router_id):
    """QoS Policy tab: the policies on the router's end of its inter-region connections, with queues."""
    instance, router = router_page(request, cen_id, router_id)
    policies = selectors.qos_policies_for(owner=request.user).filter(transit_router=router)
    connections = list(_connections(request, router))
    context = router_page_context(instance, router, "qos", policies=policies, connections=connections)
    return render_page(request, "qos/qos_policies.html", context, partial="tab_body")


@login_required
@require_http_methods(["GET", "POST"])
def qos_policy_create(request, cen_id, router_id):
    """Create QoS Policy: on one of the router's inter-region connections."""
    instance, router = router_page(request, cen_id, router_id)
    initial = {"attachment": request.GET.get("attachment", "")}
    form = QosPolicyForm(request.POST or None, initial=initial, connections=_connections(request, router))
    made = {}

    def save():
        data = form.cleaned_data
        made["policy"] = services.qos_policy_create(
            owner=request.user,
            transit_router_id=router.pk,
            attachment_id=data["attachment"],
            name=data["name"],
            description=data["description"],
            guarantee_mode=data["guarantee_mode"],
        )

    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Create QoS Policy"),
        tab_url=_tab_url(instance, router),
        save=save,
        success=lambda: (
            gettext("QoS policy %(id)s is being created: it is Active in a few seconds.") % {"id": made["policy"].pk}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def qos_policy_modify(request, cen_id, router_id, qos_policy_id):
    """Modify a QoS policy: its name and description."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, qos_policy_id)
    form = NameDescriptionForm(
        request.POST or None,
        initial={"name": policy.name, "description": policy.description},
        name_label=gettext("Policy Name"),
        description_label=gettext("Policy Description"),
    )
    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Modify QoS Policy %(id)s") % {"id": policy.pk},
        tab_url=_tab_url(instance, router),
        save=lambda: services.qos_policy_update(owner=request.user, policy_id=policy.pk, **form.cleaned_data),
        success=gettext("QoS policy %(id)s is modified.") % {"id": policy.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def qos_policy_delete(request, cen_id, router_id, qos_policy_id):
    """Delete a QoS policy (and its queues): a confirm page, then the delete."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, qos_policy_id)
    return delete_page(
        request,
        instance=instance,
        router=router,
        title=gettext("Delete QoS Policy"),
        question=gettext(
            "Are you sure you want to delete QoS policy %(id)s of inter-region connection %(attachment_id)s "
            "and its queues? The connection's bandwidth is no longer shared by DSCP value."
        )
        % {"id": policy.pk, "attachment_id": policy.attachment_id},
        tab_url=_tab_url(instance, router),
        action=lambda: services.qos_policy_delete(owner=request.user, policy_id=policy.pk),
        success=gettext("QoS policy %(id)s is being deleted.") % {"id": policy.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def qos_queue_create(request, cen_id, router_id, qos_policy_id):
    """Add Queue to a QoS policy."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, qos_policy_id)
    form = QueueForm(request.POST or None, policy=policy)
    made = {}

    def save():
        made["queue"] = services.qos_queue_create(owner=request.user, policy_id=policy.pk, **form.queue())

    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Add Queue to %(id)s") % {"id": policy.pk},
        tab_url=_tab_url(instance, router),
        save=save,
        success=lambda: (
            gettext("Queue %(id)s is being added: the QoS policy is Active again in a few seconds.")
            % {"id": made["queue"].pk}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def qos_queue_modify(request, cen_id, router_id, qos_policy_id, queue_id):
    """Modify a queue: its DSCP values, share, name and description."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, qos_policy_id)
    queue = _queue_or_404(policy, queue_id)
    form = QueueForm(request.POST or None, policy=policy, queue=queue)
    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Modify Queue %(id)s") % {"id": queue.pk},
        tab_url=_tab_url(instance, router),
        save=lambda: services.qos_queue_update(owner=request.user, queue_id=queue.pk, **form.queue()),
        success=gettext("Queue %(id)s is being modified: it is Active again in a few seconds.") % {"id": queue.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def qos_queue_delete(request, cen_id, router_id, qos_policy_id, queue_id):
    """Delete a queue: a confirm page, then the delete."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, qos_policy_id)
    queue = _queue_or_404(policy, queue_id)
    return delete_page(
        request,
        instance=instance,
        router=router,
        title=gettext("Delete Queue"),
        question=gettext(
            "Are you sure you want to delete queue %(id)s of QoS policy %(policy_id)s? Its DSCP values are "
            "no longer given a share of the bandwidth."
        )
        % {"id": queue.pk, "policy_id": policy.pk},
        tab_url=_tab_url(instance, router),
        action=lambda: services.qos_queue_delete(owner=request.user, queue_id=queue.pk),
        success=gettext("Queue %(id)s is being deleted.") % {"id": queue.pk},
    )
