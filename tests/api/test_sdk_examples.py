"""Each script of docs/scripting/sdks.md, run as written against the live server (only its host and port
changed): the current Python SDK (signature V3), the older one (signature 1.0), Node's @alicloud/pop-core
(signature 1.0) and @alicloud/openapi-client (signature V3). Node's SDKs are installed in
tests/node/node_modules by `make test` (npm ci); without Node or them the Node examples are skipped, except
with CI set, where they fail."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from cenconsole.api import services as api_services
from cenconsole.bandwidth.models import BandwidthPackage
from cenconsole.cen.models import CenInstance
from cenconsole.networks.models import RegionConnection
from cenconsole.tags.models import Tag

ROOT = Path(__file__).resolve().parents[2]
PAGE = ROOT / "docs" / "scripting" / "sdks.md"
NODE_MODULES = ROOT / "tests" / "node" / "node_modules"
BLOCK = re.compile(r"```(python|javascript)\n(.*?)```", re.DOTALL)
DOCS_ENDPOINT = "127.0.0.1:8000"
# The page's demo AccessKey (seed_demo --access-key ID:SECRET).
DOCS_KEY = ("LTAI5tDemoAccessKey00001", "DemoAccessKeySecret00000000000")

pytestmark = pytest.mark.django_db(transaction=True)


def examples() -> list[tuple[str, str]]:
    return BLOCK.findall(PAGE.read_text())


def test_the_page_has_two_python_and_two_node_examples():
    """Both Python SDKs and both Node ones: four scripts, each using the page's endpoint."""
    found = examples()
    assert [language for language, _ in found] == ["python", "python", "javascript", "javascript"]
    assert all(DOCS_ENDPOINT in code for _, code in found)


def run(language: str, code: str, endpoint: str, tmp_path: Path) -> subprocess.CompletedProcess:
    env = {name: value for name, value in os.environ.items() if name.lower() not in ("http_proxy", "https_proxy")}
    if language == "python":
        command = [sys.executable]
        script = tmp_path / "example.py"
    else:
        node = shutil.which("node")
        if node is None or not (NODE_MODULES / "@alicloud" / "pop-core").is_dir():
            if os.environ.get("CI"):
                pytest.fail("Node or tests/node/node_modules missing: make test installs them (npm ci)")
            pytest.skip("Node or tests/node/node_modules missing (make test installs them)")
        command = [node]
        script = tmp_path / "example.js"
        env["NODE_PATH"] = str(NODE_MODULES)
    script.write_text(code.replace(DOCS_ENDPOINT, endpoint))
    return subprocess.run([*command, str(script)], capture_output=True, text=True, timeout=120, env=env, cwd=tmp_path)


@pytest.mark.slow
@pytest.mark.parametrize("index", range(4), ids=["python-v3", "python-v1", "node-pop-core", "node-openapi-client"])
def test_the_example_runs_unchanged_and_leaves_what_it_says(index, user, endpoint, tmp_path):
    """The script exits 0 and prints the 6 Mbps limit; the account has the tagged CEN instance, the paid
    package bound to it and the limit between cn-hangzhou and us-east-1."""
    api_services.access_key_ensure(owner=user, access_key_id=DOCS_KEY[0], secret=DOCS_KEY[1])
    language, code = examples()[index]
    done = run(language, code, endpoint, tmp_path)
    assert done.returncode == 0, done.stdout + done.stderr
    assert re.search(r"""["']?BandwidthLimit["']?: 6\b""", done.stdout), done.stdout
    cen = CenInstance.objects.get(owner=user, name="scripted-cen")
    assert set(Tag.objects.filter(resource_id=cen.pk).values_list("key", "value")) == {("team", "network")}
    package = BandwidthPackage.objects.get(owner=user, name="scripted-bwp")
    assert package.cen_instance_id == cen.pk
    limit = RegionConnection.objects.get(cen_instance=cen)
    assert (limit.bandwidth, {limit.local_region.code, limit.opposite_region.code}) == (
        6,
        {"cn-hangzhou", "us-east-1"},
    )
