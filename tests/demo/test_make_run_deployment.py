"""`make run` as an app server of a deployment (issue 29): it listens on HOST, runs no periodic jobs with
JOBS=0, and a fresh DEMO_ACCOUNTS=0 database reaches /admin/ by docs/operating/deployment.md's step 3 alone."""

import os
import re
import socket
import subprocess
import time
from pathlib import Path

import pytest

from tests.demo.test_make_run_restart import Browser, start, stop, wait_for_healthz
from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
GUIDE = ROOT / "docs" / "operating" / "deployment.md"
HOST = "127.0.0.2"  # a loopback address other than the default 127.0.0.1


def guide_command(holding: str) -> str:
    """The guide's one shell block holding this text."""
    blocks = [block for block in re.findall(r"```sh\n(.*?)```", GUIDE.read_text(), re.S) if holding in block]
    assert len(blocks) == 1
    return blocks[0].strip()


def refused(host, port) -> bool:
    with socket.socket() as probe:
        probe.settimeout(2)
        return probe.connect_ex((host, port)) != 0


def job_commands(process) -> list[str]:
    """The periodic jobs' loops and commands running in make run's process group."""
    rows = subprocess.run(["ps", "-o", "pgid=,args=", "-e"], capture_output=True, text=True).stdout.splitlines()
    mine = [row.split(None, 1)[1] for row in rows if row.split(None, 1)[0] == str(process.pid)]
    jobs = ("process_subscriptions", "end_workshops", "purge_sandboxes", "send_notifications", "sleep 15", "sleep 60")
    return [args for args in mine if any(job in args for job in jobs)]


# Slow (a whole `make run`); in one xdist group with the restart test: both collect into staticfiles/.
@pytest.mark.slow
@pytest.mark.xdist_group("make-run")
def test_a_deployment_app_server_listens_on_host_runs_no_jobs_and_reaches_admin_by_the_guide(tmp_path):
    """make run with HOST=127.0.0.2 JOBS=0 DEMO_ACCOUNTS=0: served on 127.0.0.2 (not 127.0.0.1), no job
    loops, no admin account; the guide's createsuperuser command, then sign-in at /admin/ works."""
    port = free_port()
    base = f"http://{HOST}:{port}"
    env = {
        **{name: value for name, value in os.environ.items() if name not in ("DJANGO_SETTINGS_MODULE", "DEBUG")},
        "HOST": HOST,
        "PORT": str(port),
        "JOBS": "0",
        "WORKERS": "1",
        "DEMO_ACCOUNTS": "0",
        "ALLOWED_HOSTS": HOST,
        "DATABASE_URL": f"sqlite:///{tmp_path}/deployment.sqlite3",
        "SECRET_KEY": "deployment-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "HOME": str(tmp_path),
        "EMAIL_URL": "console://",
    }
    with open(tmp_path / "make-run.log", "w") as log:
        process = start(env, log)
        try:
            wait_for_healthz(process, base)
            assert refused("127.0.0.1", port), "HOST=127.0.0.2 still serves 127.0.0.1"
            time.sleep(1)
            assert job_commands(process) == []
            assert not Browser(base).sign_in("admin", "admin")  # DEMO_ACCOUNTS=0: no admin/admin

            command = guide_command("createsuperuser")
            password = re.search(r"DJANGO_SUPERUSER_PASSWORD='([^']+)'", command).group(1)
            username = re.search(r"--username (\S+)", command).group(1)
            subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, check=True, capture_output=True)

            admin = Browser(base)
            status, _page = admin.post_form("/admin/login/", {"username": username, "password": password})
            assert status == 302
            status, page = admin.open("/admin/")
            assert status == 200 and "/admin/accounts/user/" in page
            status, page = admin.open("/admin/accounts/user/add/")
            assert status == 200
            status, page = admin.open("/admin/auth/group/")
            assert status == 200 and "Facilitators" in page and "Support staff" in page
        finally:
            stop(process)
    assert "JOBS=0: no periodic jobs on this server" in (tmp_path / "make-run.log").read_text()


@pytest.mark.parametrize(
    ("variables", "expected"), [({}, "--bind 127.0.0.1:8000"), ({"HOST": "0.0.0.0"}, "--bind 0.0.0.0:8000")]
)
def test_make_run_binds_gunicorn_to_host(variables, expected):
    """make run's gunicorn line binds HOST:PORT (127.0.0.1 unless told)."""
    dry_run = subprocess.run(
        ["make", "--no-print-directory", "-n", "run", *(f"{name}={value}" for name, value in variables.items())],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
        env={name: value for name, value in os.environ.items() if name not in ("HOST", "PORT", "JOBS")},
    ).stdout
    assert expected in dry_run
