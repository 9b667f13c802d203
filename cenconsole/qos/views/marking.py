"""The transit router page's Traffic Marking Policy tab: the router's traffic marking policies with their
traffic classification rules; Create Traffic Marking Policy, Modify, Delete; Add Traffic Classification
Rule, Modify and Delete of a rule. Each through the service of its API action (CreateTrafficMarkingPolicy,
UpdateTrafficMarkingPolicyAttribute, DeleteTrafficMarkingPolicy, AddTrafficMatchRuleToTrafficMarkingPolicy,
ModifyTrafficMatchRuleToTrafficMarkingPolicy, RemoveTrafficMatchRuleFromTrafficMarkingPolicy)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.translation import gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.rendering import render_page
from cenconsole.transit.router_tabs import router_page, router_page_context

from .. import selectors, services
from ..forms import MarkingPolicyForm, MatchRuleForm, NameDescriptionForm
from .common import delete_page, form_page


def _tab_url(instance, router):
    return reverse("qos:marking_policies", kwargs={"cen_id": instance.pk, "router_id": router.pk})


def _policy_or_404(request, router, marking_policy_id):
    return get_object_or_404(
        selectors.marking_policies_for(owner=request.user).filter(deleted_at__isnull=True),
        transit_router=router,
        pk=marking_policy_id,
    )


def _rule_or_404(policy, rule_id):
    return get_object_or_404(policy.rules.filter(deleted_at__isnull=True), pk=rule_id)


@login_required
@require_GET
def marking_policies(request, cen_id, router_id):
    """Traffic Marking Policy tab: the router's policies by priority, each with its rules."""
    instance, router = router_page(request, cen_id, router_id)
    policies = list(selectors.marking_policies_for(owner=request.user).filter(transit_router=router))
    policies.sort(key=lambda policy: (policy.priority, policy.created_at))
    context = router_page_context(instance, router, "traffic-marking", policies=policies)
    return render_page(request, "qos/marking_policies.html", context, partial="tab_body")


@login_required
@require_http_methods(["GET", "POST"])
def marking_policy_create(request, cen_id, router_id):
    """Create Traffic Marking Policy."""
    instance, router = router_page(request, cen_id, router_id)
    form = MarkingPolicyForm(request.POST or None)
    made = {}

    def save():
        made["policy"] = services.traffic_marking_policy_create(
            owner=request.user, transit_router_id=router.pk, **form.cleaned_data
        )

    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Create Traffic Marking Policy"),
        tab_url=_tab_url(instance, router),
        save=save,
        success=lambda: (
            gettext("Traffic marking policy %(id)s is being created: it is Active in a few seconds.")
            % {"id": made["policy"].pk}
        ),
    )


@login_required
@require_http_methods(["GET", "POST"])
def marking_policy_modify(request, cen_id, router_id, marking_policy_id):
    """Modify a traffic marking policy: its name and description."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, marking_policy_id)
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
        title=gettext("Modify Traffic Marking Policy %(id)s") % {"id": policy.pk},
        tab_url=_tab_url(instance, router),
        save=lambda: services.traffic_marking_policy_update(
            owner=request.user, policy_id=policy.pk, **form.cleaned_data
        ),
        success=gettext("Traffic marking policy %(id)s is being modified: it is Active again in a few seconds.")
        % {"id": policy.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def marking_policy_delete(request, cen_id, router_id, marking_policy_id):
    """Delete a traffic marking policy (and its rules): a confirm page, then the delete."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, marking_policy_id)
    return delete_page(
        request,
        instance=instance,
        router=router,
        title=gettext("Delete Traffic Marking Policy"),
        question=gettext(
            "Are you sure you want to delete traffic marking policy %(id)s (priority %(priority)s) and its "
            "traffic classification rules? Traffic it matched is no longer marked."
        )
        % {"id": policy.pk, "priority": policy.priority},
        tab_url=_tab_url(instance, router),
        action=lambda: services.traffic_marking_policy_delete(owner=request.user, policy_id=policy.pk),
        success=gettext("Traffic marking policy %(id)s is being deleted.") % {"id": policy.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def match_rule_add(request, cen_id, router_id, marking_policy_id):
    """Add Traffic Classification Rule to a traffic marking policy."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, marking_policy_id)
    form = MatchRuleForm(request.POST or None)
    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Add Traffic Classification Rule to %(id)s") % {"id": policy.pk},
        tab_url=_tab_url(instance, router),
        save=lambda: services.match_rules_add(owner=request.user, policy_id=policy.pk, rules=[form.rule()]),
        success=gettext("The traffic classification rule is being added to %(id)s: it is Active in a few seconds.")
        % {"id": policy.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def match_rule_modify(request, cen_id, router_id, marking_policy_id, rule_id):
    """Modify a traffic classification rule: its name and description."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, marking_policy_id)
    rule = _rule_or_404(policy, rule_id)
    form = NameDescriptionForm(
        request.POST or None,
        initial={"name": rule.name, "description": rule.description},
        name_label=gettext("Rule Name"),
        description_label=gettext("Rule Description"),
    )
    return form_page(
        request,
        instance=instance,
        router=router,
        form=form,
        title=gettext("Modify Traffic Classification Rule %(id)s") % {"id": rule.pk},
        tab_url=_tab_url(instance, router),
        save=lambda: services.match_rule_modify(
            owner=request.user, policy_id=policy.pk, rule_id=rule.pk, **form.cleaned_data
        ),
        success=gettext("Traffic classification rule %(id)s is modified.") % {"id": rule.pk},
    )


@login_required
@require_http_methods(["GET", "POST"])
def match_rule_delete(request, cen_id, router_id, marking_policy_id, rule_id):
    """Delete a traffic classification rule: a confirm page, then the delete."""
    instance, router = router_page(request, cen_id, router_id)
    policy = _policy_or_404(request, router, marking_policy_id)
    rule = _rule_or_404(policy, rule_id)
    return delete_page(
        request,
        instance=instance,
        router=router,
        title=gettext("Delete Traffic Classification Rule"),
        question=gettext(
            "Are you sure you want to delete traffic classification rule %(id)s of traffic marking policy "
            "%(policy_id)s? Traffic it matched is no longer marked by it."
        )
        % {"id": rule.pk, "policy_id": policy.pk},
        tab_url=_tab_url(instance, router),
        action=lambda: services.match_rules_remove(owner=request.user, policy_id=policy.pk, rule_ids=[rule.pk]),
        success=gettext("Traffic classification rule %(id)s is being deleted.") % {"id": rule.pk},
    )
