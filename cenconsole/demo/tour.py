"""The guided tours' pages for browsers without JavaScript, each listing its tour's steps with links into
the account's own console: "How to buy a bandwidth package" (the seed's four steps) and "Connect two VPCs in
two regions through transit routers" (five). With JavaScript, the top bar's Take the tour runs the same
steps over the live pages (static/js/tour.js), reading each tour's stops from its page's <template>."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.http import require_GET

from cenconsole.cen.selectors import cen_instance_list
from cenconsole.regions.models import Region

# The tour's example VPCs, one per region (Next fills them in on Create VPC Connection): (region, VPC ID,
# zone, vSwitch ID). Shown on the steps page, given to the tour's stops.
TRANSIT_TOUR_VPCS = [
    ("cn-hangzhou", "vpc-tourhangzhou", "cn-hangzhou-h", "vsw-tourhangzhou"),
    ("us-east-1", "vpc-tourvirginia", "us-east-1a", "vsw-tourvirginia"),
]
TRANSIT_TOUR_BANDWIDTH = 2


@login_required
@require_GET
def how_to_buy(request):
    """The four steps, linking steps 2 to 4 to the first CEN instance of the Instances page, if any."""
    instance = cen_instance_list(owner=request.user).only("id", "name").first()
    return render(request, "demo/how_to_buy.html", {"instance": instance})


@login_required
@require_GET
def transit_tour(request):
    """The second tour's five steps, linking to the Transit Router tab of the Instances page's first CEN
    instance, if any; the top bar's Take the tour here takes this tour."""
    instance = cen_instance_list(owner=request.user).only("id", "name").first()
    regions = Region.objects.in_bulk([row[0] for row in TRANSIT_TOUR_VPCS])
    vpcs = [dict(zip(("region", "vpc_id", "zone", "vswitch"), row, strict=True)) for row in TRANSIT_TOUR_VPCS]
    for vpc in vpcs:
        vpc["region_name"] = regions[vpc["region"]].display_name
    context = {
        "instance": instance,
        "tour_page_url": reverse("transit_tour"),
        "vpcs": vpcs,
        "bandwidth": TRANSIT_TOUR_BANDWIDTH,
    }
    return render(request, "demo/transit_tour.html", context)
