"""Edit Tags for a CEN instance or a bandwidth package, and the Instances page filtered by tag.

These views are the console's top layer, like every app's views: they find the resource with the cen
and bandwidth apps' own lookups (so another account's resource is a 404), then call this app's
services. The models, services and selectors below them import neither app."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cenconsole.bandwidth.selectors import packages_for
from cenconsole.cen import services as cen_services
from cenconsole.cen.selectors import cen_instance_list, cen_instance_page
from cenconsole.cen.tabs import cen_instance_or_404
from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import render_page

from . import selectors, services
from .forms import CenInstanceCreateForm, TagFilterForm, TagForm
from .models import Tag

PAGE_SIZE = 20


def _resource_or_404(request, resource_type: str, resource_id: str):
    """The signed-in account's CEN instance or package, and where its tags are shown."""
    if resource_type == Tag.ResourceType.CEN:
        instance = cen_instance_or_404(request, resource_id)
        return instance, reverse("cen:instance_detail", kwargs={"cen_id": instance.pk})
    package = packages_for(owner=request.user).filter(pk=resource_id).first()
    if package is None:
        raise Http404(_("No such bandwidth package."))
    if package.cen_instance_id:
        return package, reverse("bandwidth:cen_tab", kwargs={"cen_id": package.cen_instance_id})
    return package, reverse("networks:package_list")


def _edit_page(request, resource_type, resource, back_url, form, *, status=200):
    context = {
        "resource": resource,
        "resource_type": resource_type,
        "resource_label": Tag.ResourceType(resource_type).label,
        "edit_url": _edit_url(resource_type, resource),
        "remove_url": _remove_url(resource_type, resource),
        "tags": selectors.tags_of(owner=request.user, resource_type=resource_type, resource_id=resource.pk),
        "form": form,
        "back_url": back_url,
    }
    return render_page(request, "tags/tag_edit.html", context, status=status)


def _edit(request, resource_type, resource_id):
    """Edit Tags: the resource's tags with Remove for each, and Add Tag (a key it has takes the new value)."""
    resource, back_url = _resource_or_404(request, resource_type, resource_id)
    form = TagForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        pair = (form.cleaned_data["key"], form.cleaned_data["value"])
        try:
            services.tags_add(owner=request.user, resource_type=resource_type, resources=[resource], tags=[pair])
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Tag %(key)s was saved.") % {"key": pair[0].strip()})
            return redirect(_edit_url(resource_type, resource))
    return _edit_page(request, resource_type, resource, back_url, form)


def _remove(request, resource_type, resource_id):
    resource, _back_url = _resource_or_404(request, resource_type, resource_id)
    key = request.POST.get("key", "")
    services.tags_remove(owner=request.user, resource_type=resource_type, resources=[resource], keys=[key])
    messages.success(request, _("Tag %(key)s was removed.") % {"key": key})
    return redirect(_edit_url(resource_type, resource))


def _edit_url(resource_type, resource) -> str:
    if resource_type == Tag.ResourceType.CEN:
        return reverse("tags:cen_tags", kwargs={"cen_id": resource.pk})
    return reverse("tags:package_tags", kwargs={"package_id": resource.pk})


def _remove_url(resource_type, resource) -> str:
    if resource_type == Tag.ResourceType.CEN:
        return reverse("tags:cen_tag_remove", kwargs={"cen_id": resource.pk})
    return reverse("tags:package_tag_remove", kwargs={"package_id": resource.pk})


@login_required
@require_http_methods(["GET", "POST"])
def cen_tags(request, cen_id):
    """Edit Tags of a CEN instance."""
    return _edit(request, Tag.ResourceType.CEN, cen_id)


@login_required
@require_POST
def cen_tag_remove(request, cen_id):
    return _remove(request, Tag.ResourceType.CEN, cen_id)


@login_required
@require_http_methods(["GET", "POST"])
def package_tags(request, package_id):
    """Edit Tags of a bandwidth package."""
    return _edit(request, Tag.ResourceType.BANDWIDTH_PACKAGE, package_id)


@login_required
@require_POST
def package_tag_remove(request, package_id):
    return _remove(request, Tag.ResourceType.BANDWIDTH_PACKAGE, package_id)


@login_required
@require_GET
def instance_list(request):
    """The Instances page filtered by tag: the account's instances carrying the key (with the value,
    when one is given). A search (q) narrows it further."""
    form = TagFilterForm(request.GET)
    search = request.GET.get("q", "")[:128]
    page = None
    if form.is_valid():
        wanted = [(form.cleaned_data["tag_key"].strip(), form.cleaned_data["tag_value"].strip() or None)]
        tagged = selectors.tagged_resource_ids(owner=request.user, resource_type=Tag.ResourceType.CEN, tags=wanted)
        instances = cen_instance_list(owner=request.user, search=search).filter(pk__in=tagged)
        page = cen_instance_page(
            owner=request.user, page_number=request.GET.get("page"), per_page=PAGE_SIZE, instances=instances
        )
    context = {"form": form, "page": page, "search": search, "query": _query(request)}
    return render_page(request, "tags/instance_list.html", context)


def _query(request) -> str:
    """The filter's query string without the page number, for the pager's links."""
    query = request.GET.copy()
    query.pop("page", None)
    return query.urlencode()


def _cen_instance_create(owner, form):
    """The instance and its tags in one transaction, through the same services as the API's CreateCen:
    a refusal of either leaves nothing made."""
    fields = {name: form.cleaned_data[name] for name in ("name", "description", "resource_group_id")}
    with transaction.atomic():
        instance = cen_services.cen_instance_create(owner=owner, **fields)
        services.tags_add(
            owner=owner, resource_type=Tag.ResourceType.CEN, resources=[instance], tags=form.cleaned_data["tags"]
        )
    return instance


@login_required
@require_http_methods(["GET", "POST"])
def cen_instance_create(request):
    """Create CEN Instance: the Instances page's dialog (its form fetched and posted by htmx, refusals
    shown inside it), and the page it falls back to without JavaScript. Add Tag shows one more tag row."""
    form = CenInstanceCreateForm(request.POST or None, owner=request.user)
    if request.method == "POST" and not form.adding_tag and form.is_valid():
        try:
            instance = _cen_instance_create(request.user, form)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("CEN instance %(instance_id)s was created.") % {"instance_id": instance.pk})
            if request.htmx:  # from the dialog: the Instances page, whole, with the new row and the message
                return HttpResponse(status=204, headers={"HX-Redirect": reverse("cen:instance_list")})
            return redirect("cen:instance_list")
    return render_page(request, "cen/instance_create.html", {"form": form}, partial="create_form")
