"""make profile: where each console page's milliseconds go, measured in-process.

    .venv/bin/python scripts/profile.py                      # every page: CPU ms a request, queries, KB
    .venv/bin/python scripts/profile.py --cprofile cen-packages     # one page's top functions (cumulative)
    .venv/bin/python scripts/profile.py --pages instances,orders --requests 500
    .venv/bin/python scripts/profile.py --large              # also the 10,000 instances / 1,000 packages pages
    .venv/bin/python scripts/profile.py --page-cache         # a page sent again from the page cache

Builds a scratch SQLite database (a temporary file) with production settings (DEBUG off, the cached
template loader, signed-cookie sessions, the hashed static files `make run` collects), seeds a demo
account through the real services (a CEN instance with a package for each of the 15 area pairs, VPCs,
region connections, transit routers, tags, a deletion ticket, a workshop with trainees), signs in with
Django's test client and renders each page of issue 31's list. For each page it prints the CPU time a
request costs (time.process_time, the median of --rounds rounds of --requests requests, after a warm-up),
the SQL queries one request makes and the size of the answer. The test client's own work (building the
request, reading the answer) is in the figures: about what a WSGI server adds around the same call.
A machine busy with other work moves CPU time much less than it moves wall-clock throughput (wrk), so
these figures can be compared while others run tests; `make bench` is the measurement from outside.
"""

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Run as a script, this file's folder comes first on the path, and its name is the standard library's
# `profile`, which cProfile imports: the repository's root takes that place before cProfile is imported.
sys.path[0] = str(ROOT)

import argparse  # noqa: E402
import cProfile  # noqa: E402
import os  # noqa: E402
import pstats  # noqa: E402
import secrets  # noqa: E402
import statistics  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402

PASSWORD = "profile-password"
# The 15 area pairs of the seed's table (a CEN instance holds one package for each).
AREAS = ["China", "North-America", "Asia-Pacific", "Europe", "Australia"]
# VPCs of the sample CEN instance, over these regions (the Networks and Route Information tabs).
VPC_REGIONS = ["cn-hangzhou", "cn-shanghai", "cn-beijing", "us-east-1", "us-west-1", "ap-southeast-1"]
VPC_COUNT = 20
TRAINEES = 8
LARGE_INSTANCES = 10_000
LARGE_PACKAGES = 1_000


def configure(database: Path, *, page_cache: bool = False) -> None:
    os.environ.update(
        {
            "DJANGO_SETTINGS_MODULE": "cenconsole.settings",
            "DATABASE_URL": f"sqlite:///{database}",
            "DEBUG": "0",
            "ALLOWED_HOSTS": "testserver,127.0.0.1,localhost",
            "LOG_LEVEL": "ERROR",
            # The profile's accounts hold more than a user's quotas allow; routers are Active at once.
            "QUOTA_BANDWIDTH_PACKAGES": "1000000",
            "QUOTA_UNPAID_ORDERS": "1000000",
            "QUOTA_CEN_INSTANCES": "1000000",
            "TRANSIT_TRANSITION_SECONDS": "0",
            # Rendering is measured (each request renders its page) unless --page-cache: then a page sent
            # again from the page cache (core.page_cache), kept for the whole run.
            "PAGE_CACHE_SECONDS": "3600" if page_cache else "0",
        }
    )
    import django

    django.setup()


# --- the scratch data -----------------------------------------------------------------------------


def buy(owner, *, cen_instance_id, area_a, area_b, name, bandwidth=10):
    from cenconsole.bandwidth import services

    order = services.order_create_purchase(
        owner=owner,
        idempotency_key=f"profile:{secrets.token_hex(16)}",
        terms_agreed=True,
        cen_instance_id=cen_instance_id,
        area_a_code=area_a,
        area_b_code=area_b,
        bandwidth=bandwidth,
        name=name,
        duration_months=1,
        cross_border_agreed=True,
    )
    return services.order_pay(owner=owner, order_id=order.pk).package


def build(*, large: bool) -> dict:
    """The scratch database's accounts and the ids the pages' URLs need."""
    from itertools import combinations_with_replacement

    from django.core.management import call_command

    from cenconsole.bandwidth.models import BandwidthPackage
    from cenconsole.cen.models import CenInstance
    from cenconsole.demo import services as demo
    from cenconsole.networks import services as networks
    from cenconsole.tags import services as tags
    from cenconsole.tickets import services as tickets
    from cenconsole.transit import services as transit
    from cenconsole.workshops import services as workshops

    call_command("migrate", verbosity=0, interactive=False)
    if not (ROOT / "staticfiles" / "staticfiles.json").exists():
        call_command("collectstatic", verbosity=0, interactive=False)
    admin, user = demo.demo_ensure()
    demo.balance_ensure(owner=user, at_least=10_000_000)
    demo.cen_instances_ensure(owner=user, count=10, name_prefix="profile")
    cen = CenInstance.objects.get(owner=user, name=demo.DEMO_CEN_NAME)
    taken = {frozenset((p.area_a_id, p.area_b_id)) for p in BandwidthPackage.objects.filter(cen_instance=cen)}
    for area_a, area_b in combinations_with_replacement(AREAS, 2):
        if frozenset((area_a, area_b)) not in taken:
            buy(user, cen_instance_id=cen.pk, area_a=area_a, area_b=area_b, name=f"pkg-{area_a}-{area_b}")
    for number in range(VPC_COUNT - 2):
        region = VPC_REGIONS[number % len(VPC_REGIONS)]
        networks.network_instance_attach(owner=user, cen_instance_id=cen.pk, region_code=region, name=f"vpc-{number}")
    packages = {(p.area_a_id, p.area_b_id): p for p in BandwidthPackage.objects.filter(cen_instance=cen)}
    for package, local, opposite in [
        (packages[("China", "China")], "cn-hangzhou", "cn-shanghai"),
        (packages[("China", "China")], "cn-hangzhou", "cn-beijing"),
        (packages[("China", "North-America")], "cn-hangzhou", "us-east-1"),
        (packages[("China", "North-America")], "cn-shanghai", "us-west-1"),
        (packages[("North-America", "North-America")], "us-east-1", "us-west-1"),
    ]:
        networks.region_connection_set(
            owner=user,
            cen_instance_id=cen.pk,
            package_id=package.pk,
            local_region_code=local,
            opposite_region_code=opposite,
            bandwidth=2,
        )
    routers = [
        transit.transit_router_create(owner=user, cen_instance_id=cen.pk, region_code=region, name=f"tr-{region}")
        for region in ("cn-hangzhou", "us-east-1")
    ]
    time.sleep(0.01)  # past the (zero-second) Creating state
    transit.vpc_attachment_create(
        owner=user,
        transit_router_id=routers[0].pk,
        vpc_id="vpc-profile0001",
        zone_mappings=[("cn-hangzhou-h", "vsw-profile0001"), ("cn-hangzhou-i", "vsw-profile0002")],
    )
    instances = list(CenInstance.objects.filter(owner=user))
    tags.tags_add(owner=user, resource_type="cen", resources=instances, tags=[("env", "profile"), ("team", "net")])
    tags.tags_add(
        owner=user, resource_type="bandwidthpackage", resources=list(packages.values()), tags=[("env", "profile")]
    )
    ticket, _ = tickets.ticket_open(requester=user, package_id=packages[("Europe", "Europe")].pk, reason="Not needed")
    tickets.ticket_staff_reply(ticket_id=ticket.pk, staff=admin, note="Is it still in use?")
    workshop = workshops.workshop_create(facilitator=admin, title="Profile", scenario="fresh")
    for number in range(TRAINEES):
        workshops.workshop_join(workshop_id=workshop.pk, ip_address=f"192.0.2.{number + 1}")
    if large:
        big = demo.account_ensure(username="profile-large", password=PASSWORD)
        demo.balance_ensure(owner=big, at_least=100_000_000)
        demo.cen_instances_ensure(owner=big, count=LARGE_INSTANCES, name_prefix="large")
        for number in range(LARGE_PACKAGES):
            buy(big, cen_instance_id=None, area_a="Europe", area_b="Europe", name=f"large-{number}", bandwidth=2)


def built() -> dict:
    """The ids the pages' URLs need, read from a built database."""
    from django.contrib.auth import get_user_model

    from cenconsole.cen.models import CenInstance
    from cenconsole.demo import services as demo
    from cenconsole.tickets.models import DeletionTicket
    from cenconsole.workshops.models import Workshop

    users = get_user_model().objects
    user = users.get(username="demo")
    ids = {
        "cen": CenInstance.objects.get(owner=user, name=demo.DEMO_CEN_NAME).pk,
        "ticket": DeletionTicket.objects.filter(requester=user).earliest("pk").pk,
        "workshop": Workshop.objects.earliest("pk").pk,
    }
    large = users.filter(username="profile-large").first()
    if large is not None:
        ids["large"] = large
    return ids


# --- the pages ------------------------------------------------------------------------------------


def pages(ids: dict) -> list[tuple[str, str, str, dict]]:
    """(key, who, URL, headers): who is "anonymous", "user", "staff" or "large"."""
    cen = ids["cen"]
    quote = (
        f"/cen/bandwidth-packages/buy/?idempotency_key=q&cen_instance={cen}&area_a=China"
        "&area_b=North-America&bandwidth=10&duration_months=12&auto_renewal_months=1&name=&description="
    )
    listed = [
        ("healthz", "anonymous", "/healthz", {}),
        ("healthz-signed-in", "user", "/healthz", {}),
        ("layout", "user", "/terms/", {}),
        ("instances", "user", "/cen/instances/", {}),
        ("cen-networks", "user", f"/cen/instances/{cen}/networks/", {}),
        ("cen-packages", "user", f"/cen/instances/{cen}/bandwidth-packages/", {}),
        ("cen-connections", "user", f"/cen/instances/{cen}/region-connections/", {}),
        ("cen-routes", "user", f"/cen/instances/{cen}/routes/", {}),
        ("cen-transit", "user", f"/cen/instances/{cen}/transit-routers/", {}),
        ("buy", "user", f"/cen/bandwidth-packages/buy/?cen_id={cen}", {}),
        ("buy-quote", "user", quote, {"HTTP_HX_REQUEST": "true"}),
        ("orders", "user", "/cen/orders/", {}),
        ("billing", "user", "/billing/", {}),
        ("packages", "user", "/cen/bandwidth-packages/", {}),
        ("tickets", "user", "/cen/tickets/", {}),
        ("desk-queue", "staff", "/desk/", {}),
        ("desk-ticket", "staff", f"/desk/tickets/{ids['ticket']}/", {}),
        ("workshop-board", "staff", f"/workshops/{ids['workshop']}/", {}),
    ]
    if "large" in ids:
        listed += [
            ("instances-10k", "large", "/cen/instances/", {}),
            ("packages-1k", "large", "/cen/bandwidth-packages/", {}),
        ]
    return listed


def clients(ids: dict) -> dict:
    from django.test import Client

    signed_in = {"anonymous": Client()}
    for who, username, password in (("user", "demo", "demo"), ("staff", "admin", "admin"), ("large", None, PASSWORD)):
        if who == "large" and "large" not in ids:
            continue
        client = Client()
        if not client.login(username=username or ids["large"].username, password=password):
            raise SystemExit(f"could not sign in as {who}")
        signed_in[who] = client
    return signed_in


def fetch(client, url, headers):
    response = client.get(url, **headers)
    if response.status_code != 200:
        raise SystemExit(f"{url}: HTTP {response.status_code}")
    return response


def measure(client, url, headers, *, requests: int, rounds: int) -> dict:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for _ in range(max(10, requests // 10)):
        fetch(client, url, headers)
    times = []
    for _ in range(rounds):
        started = time.process_time()
        for _ in range(requests):
            fetch(client, url, headers)
        times.append((time.process_time() - started) / requests * 1000)
    with CaptureQueriesContext(connection) as queries:
        size = len(fetch(client, url, headers).content)
    return {"ms": statistics.median(times), "best": min(times), "queries": len(queries), "kb": size / 1024}


def profile(client, url, headers, *, requests: int, top: int, sort: str) -> None:
    for _ in range(20):
        fetch(client, url, headers)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        fetch(client, url, headers)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.strip_dirs().sort_stats(sort).print_stats(top)


# Where a request's time goes, from a cProfile run: (column, file path ending, function names). Each is
# the function's cumulative time; they overlap (queries run inside the view and its template; the
# account is read wherever request.user is first used), so each is a share of the whole, not a part.
BREAKDOWN = [
    ("handler", "django/core/handlers/base.py", {"get_response"}),
    ("view", "django/core/handlers/base.py", {"_get_response"}),
    ("template", "django/template/backends/django.py", {"render"}),
    ("SQL", "django/db/models/sql/compiler.py", {"execute_sql"}),
    ("account", "django/contrib/auth/__init__.py", {"get_user"}),
    ("session", "django/contrib/sessions/backends/signed_cookies.py", {"load"}),
]


def breakdown(client, url, headers, *, requests: int) -> dict:
    """Shares of the request's time (under cProfile) spent in each of BREAKDOWN's places, and in the
    middleware (the handler less the view) and the test client (the request less the handler)."""
    for _ in range(20):
        fetch(client, url, headers)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(requests):
        fetch(client, url, headers)
    profiler.disable()
    stats = pstats.Stats(profiler).stats
    total = sum(tottime for (_calls, _primitive, tottime, _cumulative, _callers) in stats.values())
    shares = {}
    for column, path, names in BREAKDOWN:
        shares[column] = sum(
            cumulative
            for (filename, _line, name), (_calls, _primitive, _tottime, cumulative, _callers) in stats.items()
            if name in names and filename.endswith(path)
        )
    shares["middleware"] = shares["handler"] - shares["view"]
    shares["client"] = total - shares["handler"]
    return {column: value / total * 100 for column, value in shares.items()}


BREAKDOWN_COLUMNS = ["client", "middleware", "view", "template", "SQL", "account", "session"]


def dump(signed_in: dict, listed, folder: Path) -> None:
    """Each page's HTML in folder/<page>.html, its CSRF tokens (masked anew on every request) and the purchase
    form's idempotency key blanked. Each page is fetched twice (caches cold, then warm): both must agree."""
    import re

    folder.mkdir(parents=True, exist_ok=True)
    fresh = re.compile(
        r'(csrfmiddlewaretoken" value="|X-CSRFToken": "|data-csrf-token="|name="idempotency_key" value=")[^"]+'
    )
    for key, who, url, headers in listed:
        first, second = (fresh.sub(r"\1", fetch(signed_in[who], url, headers).content.decode()) for _ in range(2))
        if first != second:
            print(f"{key}: the second answer differs from the first", file=sys.stderr)
        (folder / f"{key}.html").write_text(second)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=200, help="requests a round (default 200)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds a page; the median is kept (default 3)")
    parser.add_argument("--pages", help="comma-separated page keys (default: every page)")
    parser.add_argument("--cprofile", metavar="PAGE", help="profile this page instead: its top functions")
    parser.add_argument("--sort", default="cumulative", help="pstats order for --cprofile (cumulative, tottime)")
    parser.add_argument("--top", type=int, default=40, help="functions --cprofile prints")
    parser.add_argument(
        "--breakdown", action="store_true", help="shares of each page's time (cProfile): middleware, template, SQL..."
    )
    parser.add_argument(
        "--database", metavar="PATH", help="keep the scratch database here (built once, reused by later runs)"
    )
    parser.add_argument(
        "--dump", metavar="DIR", help="write each page's HTML there (CSRF tokens blanked), to compare two versions"
    )
    parser.add_argument("--large", action="store_true", help="also an account of 10,000 instances, 1,000 packages")
    parser.add_argument(
        "--page-cache", action="store_true", help="measure pages sent again from the page cache, not rendered"
    )
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="cen-profile-") as scratch:
        database = Path(args.database) if args.database else Path(scratch) / "profile.sqlite3"
        kept = database.exists()
        configure(database, page_cache=args.page_cache)
        if not kept:
            print("Building the scratch database...", file=sys.stderr)
            started = time.monotonic()
            build(large=args.large)
            print(f"  built in {time.monotonic() - started:.0f} s", file=sys.stderr)
        ids = built()
        signed_in = clients(ids)
        listed = pages(ids)
        if args.cprofile:
            found = [page for page in listed if page[0] == args.cprofile]
            if not found:
                raise SystemExit(f"no page {args.cprofile!r}: one of {', '.join(key for key, *_ in listed)}")
            key, who, url, headers = found[0]
            profile(signed_in[who], url, headers, requests=args.requests, top=args.top, sort=args.sort)
            return
        if args.pages:
            wanted = set(args.pages.split(","))
            listed = [page for page in listed if page[0] in wanted]
        if args.dump:
            dump(signed_in, listed, Path(args.dump))
            return
        if args.breakdown:
            print(f"\n% of each page's time under cProfile ({args.requests} requests; the columns overlap)\n")
            print("| page | " + " | ".join(BREAKDOWN_COLUMNS) + " |")
            print("|---|" + "---:|" * len(BREAKDOWN_COLUMNS))
            for key, who, url, headers in listed:
                shares = breakdown(signed_in[who], url, headers, requests=args.requests)
                print(f"| {key} | " + " | ".join(f"{shares[column]:.0f}" for column in BREAKDOWN_COLUMNS) + " |")
            return
        print(f"\nCPU ms a request: median of {args.rounds} rounds of {args.requests} (best round beside it)\n")
        print(f"| {'page':<18} | {'ms':>6} | {'best':>6} | {'queries':>7} | {'KB':>6} |")
        print(f"|{'-' * 20}|{'-' * 7}:|{'-' * 7}:|{'-' * 8}:|{'-' * 7}:|")
        for key, who, url, headers in listed:
            row = measure(signed_in[who], url, headers, requests=args.requests, rounds=args.rounds)
            print(
                f"| {key:<18} | {row['ms']:6.2f} | {row['best']:6.2f} | {row['queries']:7d} | {row['kb']:6.1f} |",
                flush=True,
            )


if __name__ == "__main__":
    main()
