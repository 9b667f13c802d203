"""The accounts `make bench` measures, made through the real services on its scratch database (run by
scripts/bench.py with the bench's environment); prints the IDs the pages' URLs need, as JSON.

- bench10: 10 CEN instances; the first holds a package for each of the 15 area pairs, 20 VPCs in 6
  regions, region connections, two transit routers (a VPC connection, an inter-region connection), tags,
  and a deletion ticket a staff member answered; the third holds 200 VPCs over every region (issue 14).
- bench10k: 10,000 CEN instances and 1,000 packages (bound to none).
- admin (seed_demo's staff superuser): the desk and a workshop of 8 trainees.
"""

import json
import os
import secrets
import sys
import time
from itertools import combinations_with_replacement
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[0] = str(ROOT)
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "cenconsole.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402

from cenconsole.bandwidth import services as bandwidth  # noqa: E402
from cenconsole.bandwidth.models import BandwidthPackage  # noqa: E402
from cenconsole.cen.models import CenInstance  # noqa: E402
from cenconsole.networks import services as networks  # noqa: E402
from cenconsole.regions.models import Region  # noqa: E402
from cenconsole.tags import services as tags  # noqa: E402
from cenconsole.tickets import services as tickets  # noqa: E402
from cenconsole.transit import services as transit  # noqa: E402
from cenconsole.workshops import services as workshops  # noqa: E402

AREAS = ["China", "North-America", "Asia-Pacific", "Europe", "Australia"]
VPC_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "us-east-1", "us-west-1", "ap-southeast-1"]
LARGE_PACKAGES = 1_000
TRAINEES = 8


def buy(owner, *, cen_instance_id, area_a, area_b, name, bandwidth_mbps=2):
    order = bandwidth.order_create_purchase(
        owner=owner,
        idempotency_key=f"bench-data:{secrets.token_hex(16)}",
        terms_agreed=True,
        cen_instance_id=cen_instance_id,
        area_a_code=area_a,
        area_b_code=area_b,
        bandwidth=bandwidth_mbps,
        name=name,
        duration_months=1,
        cross_border_agreed=True,
    )
    return bandwidth.order_pay(owner=owner, order_id=order.pk).package


def small_account(user, admin) -> dict:
    instances = list(CenInstance.objects.filter(owner=user).order_by("created_at", "id"))
    tab_cen, page_cen, big_cen = instances[:3]
    for area_a, area_b in combinations_with_replacement(AREAS, 2):
        name = f"{area_a}-{area_b}"
        buy(user, cen_instance_id=tab_cen.pk, area_a=area_a, area_b=area_b, name=name, bandwidth_mbps=20)
    for number in range(20):
        region = VPC_REGIONS[number % len(VPC_REGIONS)]
        networks.network_instance_attach(
            owner=user, cen_instance_id=tab_cen.pk, region_code=region, name=f"vpc-{number}"
        )
    regions = list(Region.objects.values_list("code", flat=True))
    for number in range(200):
        region = regions[number % len(regions)]
        networks.network_instance_attach(
            owner=user, cen_instance_id=big_cen.pk, region_code=region, name=f"vpc-{number}"
        )
    packages = {(p.area_a_id, p.area_b_id): p for p in BandwidthPackage.objects.filter(cen_instance=tab_cen)}
    for area_pair, local, opposite in [
        (("China", "China"), "cn-hangzhou", "cn-shanghai"),
        (("China", "China"), "cn-hangzhou", "cn-beijing"),
        (("China", "North-America"), "cn-hangzhou", "us-east-1"),
        (("North-America", "North-America"), "us-east-1", "us-west-1"),
    ]:
        networks.region_connection_set(
            owner=user,
            cen_instance_id=tab_cen.pk,
            package_id=packages[area_pair].pk,
            local_region_code=local,
            opposite_region_code=opposite,
            bandwidth=2,
        )
    routers = [
        transit.transit_router_create(owner=user, cen_instance_id=tab_cen.pk, region_code=region)
        for region in ("cn-qingdao", "cn-zhangjiakou")
    ]
    time.sleep(transit_seconds() + 0.5)  # past Creating
    transit.vpc_attachment_create(
        owner=user,
        transit_router_id=routers[0].pk,
        vpc_id="vpc-bench0001",
        zone_mappings=[("cn-qingdao-b", "vsw-bench0001")],
    )
    transit.peer_attachment_create(
        owner=user,
        transit_router_id=routers[0].pk,
        peer_transit_router_id=routers[1].pk,
        package_id=packages[("China", "China")].pk,
        bandwidth=2,
    )
    tags.tags_add(owner=user, resource_type="cen", resources=instances, tags=[("env", "bench")])
    tags.tags_add(owner=user, resource_type="bandwidthpackage", resources=list(packages.values()), tags=[("env", "b")])
    ticket, _ = tickets.ticket_open(requester=user, package_id=packages[("Europe", "Europe")].pk, reason="Not needed")
    tickets.ticket_staff_reply(ticket_id=ticket.pk, staff=admin, note="Is it still in use?")
    return {"tab_cen": tab_cen.pk, "page_cen": page_cen.pk, "big_cen": big_cen.pk}


def transit_seconds() -> int:
    from django.conf import settings

    return settings.TRANSIT_TRANSITION_SECONDS


def large_account(user) -> dict:
    for number in range(LARGE_PACKAGES):
        buy(user, cen_instance_id=None, area_a="Europe", area_b="Europe", name=f"large-{number}")
    oldest = CenInstance.objects.filter(owner=user).order_by("created_at", "id").first()
    return {"large_cen": oldest.pk}


def main():
    users = get_user_model().objects
    admin = users.get(username="admin")
    ids = {**small_account(users.get(username="bench10"), admin), **large_account(users.get(username="bench10k"))}
    workshop = workshops.workshop_create(facilitator=admin, title="Bench", scenario="fresh")
    for number in range(TRAINEES):
        workshops.workshop_join(workshop_id=workshop.pk, ip_address=f"192.0.2.{number + 1}")
    ids["workshop"] = workshop.pk
    print(json.dumps(ids))


if __name__ == "__main__":
    main()
