from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.forms import add_service_errors
from cenconsole.core.rendering import render_page

from . import selectors, services
from .forms import CenInstanceForm

PAGE_SIZE = 20


@login_required
@require_GET
def instance_list(request):
    search = request.GET.get("q", "")[:128]
    instances = selectors.cen_instance_list(owner=request.user, search=search)
    page = Paginator(instances, PAGE_SIZE).get_page(request.GET.get("page"))
    context = {"page": page, "search": search}
    return render_page(request, "cen/instance_list.html", context, partial="instance_table")


@login_required
@require_http_methods(["GET", "POST"])
def instance_create(request):
    form = CenInstanceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            instance = services.cen_instance_create(owner=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, f"CEN instance {instance.pk} was created.")
            return redirect("cen:instance_list")
    return render_page(request, "cen/instance_create.html", {"form": form}, partial="create_form")


@login_required
@require_http_methods(["GET", "POST"])
def instance_delete(request, cen_id):
    """Delete on the Instances page: a confirm step, then the delete (refused while in use)."""
    instance = get_object_or_404(selectors.cen_instances_for(owner=request.user), pk=cen_id)
    errors = []
    if request.method == "POST":
        try:
            services.cen_instance_delete(owner=request.user, cen_id=instance.pk)
        except ValidationError as error:
            errors = error.messages
        else:
            messages.success(request, f"CEN instance {instance.pk} was deleted.")
            return redirect("cen:instance_list")
    return render_page(request, "cen/instance_delete.html", {"instance": instance, "errors": errors})


@login_required
@require_GET
def instance_detail(request, cen_id):
    instance = get_object_or_404(selectors.cen_instances_for(owner=request.user), pk=cen_id)
    return redirect("bandwidth:cen_tab", cen_id=instance.pk)
