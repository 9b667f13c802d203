"""The guided tour's page for browsers without JavaScript: "How to buy a bandwidth package", the seed's
four steps with links into the account's own console. With JavaScript, the top bar's Take the tour runs
the same steps over the live pages (static/js/tour.js, texts in templates/demo/tour_link.html)."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from cenconsole.cen.selectors import cen_instance_list


@login_required
@require_GET
def how_to_buy(request):
    """The four steps, linking steps 2 to 4 to the first CEN instance of the Instances page, if any."""
    instance = cen_instance_list(owner=request.user).only("id", "name").first()
    return render(request, "demo/how_to_buy.html", {"instance": instance})
