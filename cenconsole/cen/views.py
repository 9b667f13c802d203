import hashlib

from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext
from django.views.decorators.http import require_GET, require_http_methods

from cenconsole.core.page_cache import cached_page
from cenconsole.core.rendering import confirm_page, render_page

from . import selectors, services
from .tabs import CEN_TABS, cen_instance_or_404

PAGE_SIZE = 20


TABLE_CACHE_SECONDS = 600


def _instance_table(request, search, page_number):
    """The Instances table's HTML, cached per account state: a hit costs no query and no rendering,
    and any change to the account's instances or bound packages bumps the version in the key. The
    language is in the key too: one language's table is never served to the other."""
    user = request.user
    key_parts = f"{user.pk}:{user.state_version}:{get_language()}:{page_number}:{search}"
    key = "instance-table:" + hashlib.sha256(key_parts.encode()).hexdigest()
    html = cache.get(key)
    if html is None:
        page = selectors.cen_instance_page(owner=user, search=search, page_number=page_number, per_page=PAGE_SIZE)
        # Row links are built from one prefix: reversing three URLs per row was most of the page's time.
        context = {"page": page, "search": search, "instances_url": reverse("cen:instance_list")}
        html = render_to_string("cen/instance_list.html#instance_table", context, request)
        cache.set(key, html, TABLE_CACHE_SECONDS)
    return mark_safe(html)  # rendered (and escaped) by the template engine above


@login_required
@require_GET
@cached_page
def instance_list(request):
    search = request.GET.get("q", "")[:128]
    table = _instance_table(request, search, request.GET.get("page"))
    if request.htmx:
        return HttpResponse(table)
    return render_page(request, "cen/instance_list.html", {"instance_table": table, "search": search})


@login_required
@require_http_methods(["GET", "POST"])
def instance_delete(request, cen_id):
    """Delete on the Instances page: a confirm step, then the delete (refused while in use)."""
    instance = cen_instance_or_404(request, cen_id)
    return confirm_page(
        request,
        "cen/instance_delete.html",
        {"instance": instance},
        action=lambda: services.cen_instance_delete(owner=request.user, cen_id=instance.pk),
        success=gettext("CEN instance %(instance_id)s is being deleted.") % {"instance_id": instance.pk},
        next_url=reverse("cen:instance_list"),
    )


@login_required
@require_GET
def instance_detail(request, cen_id):
    """Manage: the CEN page opens on its first tab (Networks), as the real console does; the seed's step 3
    then clicks the Bandwidth Packages tab."""
    instance = cen_instance_or_404(request, cen_id)
    return redirect(CEN_TABS[0][2], cen_id=instance.pk)
