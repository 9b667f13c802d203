"""make bench: the console served as `make run` serves it, measured from a second process on loopback.

    .venv/bin/python scripts/bench.py [--seconds 10] [--connections 8]
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/cenconsole .venv/bin/python scripts/bench.py

Starts gunicorn (production settings, the workers `make run` uses) on a scratch database (a temporary
SQLite file, or a scratch PostgreSQL database `<name>_bench` next to the one DATABASE_URL names), makes
accounts with 10 and with 10,000 CEN instances (`seed_demo`), drives the pages with wrk (Debian's
package) and complete purchases (Buy Now + Pay) with client threads, and prints one table with the
ratios that travel between machines. Every request loop is bounded in time and targets 127.0.0.1 only.
"""

import argparse
import http.client
import os
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
from itertools import combinations_with_replacement
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = str(ROOT / ".venv" / "bin" / "python")
GUNICORN = str(ROOT / ".venv" / "bin" / "gunicorn")
AREAS = ["China", "North-America", "Asia-Pacific", "Europe", "Australia"]
AREA_PAIRS = list(combinations_with_replacement(AREAS, 2))
PASSWORD = "bench-password"
# The request limits `make run` serves with (Makefile, GUNICORN_LIMITS; docs/operating/limits.md).
GUNICORN_LIMITS = [
    "--limit-request-line",
    "8190",
    "--limit-request-fields",
    "100",
    "--limit-request-field_size",
    "8190",
]
# gunicorn's control socket (~/.gunicorn/gunicorn.ctl) is shared by every gunicorn of the user: off (Makefile,
# GUNICORN_CONTROL).
GUNICORN_CONTROL = ["--no-control-socket"]


# --- setup --------------------------------------------------------------------------------------


def scratch_database(database_url):
    """A fresh database for the run and a function that removes it."""
    if database_url and database_url.startswith(("postgres://", "postgresql://")):
        import psycopg

        parts = urllib.parse.urlsplit(database_url)
        name = f"{parts.path.lstrip('/') or 'cenconsole'}_bench"
        admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))

        def run(sql):
            with psycopg.connect(admin_url, autocommit=True) as connection:
                connection.execute(sql)

        run(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        run(f'CREATE DATABASE "{name}"')
        return urllib.parse.urlunsplit(parts._replace(path=f"/{name}")), lambda: run(
            f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'
        )
    folder = tempfile.mkdtemp(prefix="cen-bench-")
    return f"sqlite:///{folder}/bench.sqlite3", lambda: shutil.rmtree(folder, ignore_errors=True)


def manage(env, *args):
    subprocess.run([PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start_server(env, port, workers):
    server = subprocess.Popen(
        [
            GUNICORN,
            "cenconsole.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            str(workers),
            *GUNICORN_LIMITS,
            *GUNICORN_CONTROL,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            connection = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
            connection.request("GET", "/healthz")
            if connection.getresponse().status == 200:
                return server
        except OSError:
            time.sleep(0.2)
    server.kill()
    raise SystemExit("gunicorn did not answer /healthz within 30 s")


def worker_rss_mb(server):
    """Resident memory of each gunicorn worker (the master's children), in MB."""
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    sizes = []
    for pid in children:
        status = Path(f"/proc/{pid}/status").read_text()
        sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
    return sizes


# --- a signed-in client -------------------------------------------------------------------------


class Client:
    """A keep-alive HTTP client with the console's session and CSRF cookies."""

    def __init__(self, port):
        self.connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        self.cookies = {}

    def request(self, method, path, form=None):
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers["X-CSRFToken"] = self.cookies.get("csrftoken", "")
            headers["Referer"] = "http://127.0.0.1/"
        self.connection.request(method, path, body=body, headers=headers)
        response = self.connection.getresponse()
        content = response.read()
        for header in response.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";", 1)[0].split("=", 1)
            self.cookies[name] = value
        return response.status, response.getheader("Location"), content

    def sign_in(self, username):
        self.request("GET", "/accounts/login/")
        status, _, _ = self.request("POST", "/accounts/login/", {"username": username, "password": PASSWORD})
        if status != 302:
            raise SystemExit(f"could not sign in as {username} (HTTP {status})")
        return "; ".join(f"{k}={v}" for k, v in self.cookies.items())


# --- load ---------------------------------------------------------------------------------------


def wrk(url, cookie, *, seconds, connections, headers=()):
    command = ["wrk", "-t2", f"-c{connections}", f"-d{seconds}s", "--latency", "-H", f"Cookie: {cookie}"]
    for header in headers:
        command += ["-H", header]
    output = subprocess.run([*command, url], capture_output=True, text=True, check=True).stdout

    def milliseconds(percentile):
        value, unit = re.search(rf"^\s+{percentile}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M).groups()
        return float(value) * {"us": 0.001, "ms": 1, "s": 1000}[unit]

    errors = sum(int(n) for n in re.findall(r"(?:connect|read|write|timeout) (\d+)", output))
    non_ok = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors += int(non_ok.group(1)) if non_ok else 0
    return {
        "rps": float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1)),
        "p50": milliseconds(50),
        "p99": milliseconds(99),
        "errors": errors,
    }


def median_run(runs):
    """The run with the median requests a second, its errors summed over all runs."""
    middle = sorted(runs, key=lambda run: run["rps"])[len(runs) // 2]
    return {**middle, "errors": sum(run["errors"] for run in runs)}


def purchases(port, buyers, *, seconds):
    """Complete purchases (Buy Now + Pay), one client thread per buyer account for `seconds`; each
    buys free area pairs of its own CEN instances, 2 Mbps for 1 month. One account per client, as
    many people buy at once: clients sharing one account would queue on its one balance."""
    lock, latencies, errors, done = threading.Lock(), [], [0], [0]
    deadline = time.monotonic() + seconds

    def run(username, cen_ids):
        client = Client(port)
        client.sign_in(username)
        for cen_id, (area_a, area_b) in ((cen_id, pair) for cen_id in cen_ids for pair in AREA_PAIRS):
            if time.monotonic() >= deadline:
                return
            started = time.monotonic()
            form = {
                "cen_instance": cen_id,
                "area_a": area_a,
                "area_b": area_b,
                "bandwidth": 2,
                "name": "bench",
                "description": "",
                "duration_months": 1,
                "auto_renewal_months": 1,
                "cross_border_agreed": "on",
                "terms_agreed": "on",
                "idempotency_key": f"bench-{cen_id}-{area_a}-{area_b}",
            }
            status, location, _ = client.request("POST", "/cen/bandwidth-packages/buy/", form)
            ok = status == 302 and "/orders/" in (location or "")
            if ok:
                status, location, _ = client.request("POST", f"{location.rstrip('/')}/pay/", {})
                ok = status == 302 and "/success/" in (location or "")
            with lock:
                if ok:
                    done[0] += 1
                    latencies.append((time.monotonic() - started) * 1000)
                else:
                    errors[0] += 1

    threads = [threading.Thread(target=run, args=buyer) for buyer in buyers]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    latencies.sort()
    return {
        "rps": done[0] / elapsed,
        "p50": statistics.median(latencies) if latencies else 0.0,
        "p99": latencies[int(len(latencies) * 0.99) - 1] if latencies else 0.0,
        "errors": errors[0],
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=int, default=5, help="length of each measurement")
    parser.add_argument("--rounds", type=int, default=3, help="rounds over the pages; the median is kept")
    parser.add_argument("--connections", type=int, default=8, help="concurrent clients")
    parser.add_argument("--workers", type=int, default=int(os.environ.get("WORKERS", 3)))
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")

    database_url, drop_database = scratch_database(os.environ.get("DATABASE_URL", ""))
    # The buyers buy more packages than an account may hold (docs/operating/limits.md): the quotas are raised for
    # the run, so the purchase rate measures purchases, not refusals.
    env = {
        **os.environ,
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        "QUOTA_BANDWIDTH_PACKAGES": "1000000",
        "QUOTA_UNPAID_ORDERS": "1000000",
        "QUOTA_CEN_INSTANCES": "1000000",
    }
    engine = "PostgreSQL" if database_url.startswith("postgres") else "SQLite"
    print(f"Preparing a scratch {engine} database...", file=sys.stderr)
    manage(env, "migrate", "--noinput")
    manage(env, "collectstatic", "--noinput")
    buyer_names = [f"buyer{number}" for number in range(args.connections)]
    for username, count in (("bench10", 10), ("bench10k", 10_000), *((name, 40) for name in buyer_names)):
        manage(
            env,
            "seed_demo",
            "--user",
            username,
            "--password",
            PASSWORD,
            "--instances",
            str(count),
            "--balance",
            "100000000",
        )

    def instance_ids(username):
        printed = subprocess.run(
            [
                PYTHON,
                "manage.py",
                "shell",
                "-c",
                "from cenconsole.cen.models import CenInstance as C;"
                f"print(' '.join(C.objects.filter(owner__username='{username}').values_list('id', flat=True)))",
            ],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.split()
        return [word for word in printed if word.startswith("cen-")]

    (tab_cen, page_cen, *_) = instance_ids("bench10")
    large_cen = instance_ids("bench10k")[-1]
    # The Networks tab at 200 VPCs, spread over every region of the seed's table.
    subprocess.run(
        [
            PYTHON,
            "manage.py",
            "shell",
            "-c",
            "from cenconsole.networks.services import network_instance_attach as attach;"
            "from cenconsole.regions.models import Region;"
            "from django.contrib.auth import get_user_model;"
            "owner = get_user_model().objects.get(username='bench10');"
            "regions = list(Region.objects.values_list('code', flat=True));"
            f"[attach(owner=owner, cen_instance_id='{tab_cen}',"
            " region_code=regions[n % len(regions)], name=f'vpc-{n}') for n in range(200)]",
        ],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL,
    )
    buyers = [(name, instance_ids(name)) for name in buyer_names]
    port = free_port()
    server = start_server(env, port, args.workers)
    try:
        base = f"http://127.0.0.1:{port}"
        small, large = Client(port).sign_in("bench10"), Client(port).sign_in("bench10k")
        # The tab lists a full CEN instance: one package for each of the 15 area pairs.
        purchases(port, [("bench10", [tab_cen])], seconds=30)
        tab = f"{base}/cen/instances/{tab_cen}/bandwidth-packages/"
        networks = f"{base}/cen/instances/{tab_cen}/networks/"
        buy = f"{base}/cen/bandwidth-packages/buy/?cen_id={page_cen}"
        large_buy = f"{base}/cen/bandwidth-packages/buy/?cen_id={large_cen}"
        quote = (
            f"{base}/cen/bandwidth-packages/buy/?idempotency_key=q&cen_instance={page_cen}&area_a=China"
            "&area_b=North-America&bandwidth=10&duration_months=12&auto_renewal_months=1"
        )
        load = {"seconds": args.seconds, "connections": args.connections}
        # Warm every worker up (imports, template compilation, caches) before anything is measured.
        for url, cookie in (
            (f"{base}/healthz", small),
            (f"{base}/cen/instances/", small),
            (f"{base}/cen/instances/", large),
            (tab, small),
            (quote, small),
            (networks, small),
            (buy, small),
            (large_buy, large),
        ):
            wrk(url, cookie, seconds=2, connections=args.connections)
        pages = [
            ("/healthz", f"{base}/healthz", small, ()),
            ("Instances page (10 instances)", f"{base}/cen/instances/", small, ()),
            ("Instances page (10,000 instances)", f"{base}/cen/instances/", large, ()),
            ("Bandwidth Packages tab", tab, small, ()),
            ("Purchase page (10 instances)", buy, small, ()),
            ("Purchase page (10,000 instances)", large_buy, large, ()),
            ("Networks tab (200 VPCs)", networks, small, ()),
            ("Purchase page live quote (htmx)", quote, small, ("HX-Request: true",)),
        ]
        # Rounds over every page, the median round kept: a page's figure then does not depend on
        # what happened to run on the machine during its one slot.
        rounds = [
            [wrk(url, cookie, headers=headers, **load) for _, url, cookie, headers in pages] for _ in range(args.rounds)
        ]
        rows = [(name, median_run([runs[index] for runs in rounds])) for index, (name, *_) in enumerate(pages)]
        rows.append(("Complete purchases (Buy Now + Pay)", purchases(port, buyers, seconds=args.seconds)))
        memory = worker_rss_mb(server)
    finally:
        server.terminate()
        server.wait(timeout=30)
    try:
        # Every purchase above moved money: the ledger must still agree with every balance.
        ledger = subprocess.run(
            [PYTHON, "manage.py", "check_ledger"], cwd=ROOT, env=env, capture_output=True, text=True
        )
    finally:
        drop_database()

    cpu = re.search(r"model name\s*:\s*(.+)", Path("/proc/cpuinfo").read_text())
    print(
        f"\n{engine}, gunicorn {args.workers} workers, {args.connections} concurrent clients, "
        f"median of {args.rounds} rounds of {args.seconds} s, "
        f"{os.cpu_count()} cores ({cpu.group(1).strip() if cpu else 'unknown CPU'})\n"
    )
    print("| what | requests/s | p50 ms | p99 ms | errors |")
    print("|---|---:|---:|---:|---:|")
    for name, row in rows:
        print(f"| {name} | {row['rps']:.1f} | {row['p50']:.1f} | {row['p99']:.1f} | {row['errors']} |")
    by_name = dict(rows)
    health, ten, ten_k = (
        by_name["/healthz"],
        by_name["Instances page (10 instances)"],
        by_name["Instances page (10,000 instances)"],
    )
    print(f"\nInstances page / healthz: {ten['rps'] / health['rps']:.2f} (target >= 0.25)")
    print(f"10,000 / 10 instances:    {ten_k['rps'] / ten['rps']:.2f} (target >= 0.80)")
    buy_ten, buy_ten_k = by_name["Purchase page (10 instances)"], by_name["Purchase page (10,000 instances)"]
    print(f"Purchase page 10,000 / 10: {buy_ten_k['rps'] / buy_ten['rps']:.2f} (target >= 0.80)")
    print(f"Networks tab, 200 VPCs:   p99 {by_name['Networks tab (200 VPCs)']['p99']:.1f} ms (target < 100 ms)")
    print(f"Worker resident memory:   {max(memory):.0f} MB at most (target < 120 MB)")
    print(f"check_ledger:             exit {ledger.returncode}, {ledger.stdout.strip() or ledger.stderr.strip()}")
    if ledger.returncode:
        sys.exit(1)
    failed = sum(row["errors"] for _, row in rows)
    if failed:
        print(f"\n{failed} requests failed.")
        sys.exit(1)


if __name__ == "__main__":
    main()
