"""A real restart of `make run`: a password changed between two starts stays changed (issue 19)."""

import http.cookiejar
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.ports import free_port

ROOT = Path(__file__).resolve().parents[2]
NEW_PASSWORD = "a-new-admin-passphrase-42"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """A cookie-keeping HTTP client that reads the CSRF token from each form it posts."""

    def __init__(self, base):
        self.base = base
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()), NoRedirect()
        )

    def open(self, path, data=None):
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            response = self.opener.open(request, timeout=20)
        except urllib.error.HTTPError as error:  # redirects (not followed) and refusals
            return error.code, error.read().decode()
        return response.status, response.read().decode()

    def post_form(self, path, fields):
        _status, page = self.open(path)
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page).group(1)
        return self.open(path, {"csrfmiddlewaretoken": token, **fields})

    def sign_in(self, username, password):
        status, _page = self.post_form("/accounts/login/", {"username": username, "password": password})
        return status == 302


def start(env, log):
    """`make run` in its own process group (so stopping it stops the server and its loops)."""
    return subprocess.Popen(
        ["make", "--no-print-directory", "run"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )


def wait_for_healthz(process, base, seconds=240):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        assert process.poll() is None, "make run exited early"
        try:
            with urllib.request.urlopen(base + "/healthz", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"make run did not answer /healthz within {seconds} s")


def stop(process):
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)
    except ProcessLookupError:
        pass


# Slow (make run twice); in one xdist group with the other `make run` test: both collect into staticfiles/.
@pytest.mark.slow
@pytest.mark.xdist_group("make-run")
def test_a_password_changed_between_restarts_of_make_run_stays_changed(tmp_path):
    """Start make run, change admin's password on the Account page, restart: admin/admin is refused."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {
        **{name: value for name, value in os.environ.items() if name not in ("DJANGO_SETTINGS_MODULE", "DEBUG")},
        "PORT": str(port),
        "WORKERS": "1",
        "DATABASE_URL": f"sqlite:///{tmp_path}/run.sqlite3",
        "SECRET_KEY": "restart-test-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "HOME": str(tmp_path),  # where gunicorn would put its shared control socket (turned off)
        "EMAIL_URL": "console://",
    }
    with open(tmp_path / "make-run.log", "w") as log:
        process = start(env, log)
        try:
            wait_for_healthz(process, base)
            browser = Browser(base)
            assert browser.sign_in("admin", "admin")
            status, _page = browser.post_form(
                "/account/",
                {
                    "old_password": "admin",
                    "new_password1": NEW_PASSWORD,
                    "new_password2": NEW_PASSWORD,
                },
            )
            assert status == 302
        finally:
            stop(process)
        process = start(env, log)
        try:
            wait_for_healthz(process, base)
            assert not Browser(base).sign_in("admin", "admin")
            assert Browser(base).sign_in("admin", NEW_PASSWORD)
        finally:
            stop(process)
    assert not (tmp_path / ".gunicorn").exists(), "gunicorn made its shared control socket"
