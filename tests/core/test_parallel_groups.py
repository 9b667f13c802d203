"""`make test` runs on pytest-xdist with --dist loadgroup: tests that must not overlap (the make run servers) or
that share costly module objects (the URL walk, the release upgrades) carry an xdist_group and run in one
worker. xdist marks a grouped test by suffixing its node id; pytest 9.2 stopped reading the attribute xdist
sets, so every group silently ran split across the workers (hence requirements-dev.txt's pytest pin)."""

import pytest


@pytest.mark.xdist_group("parallel-groups")
def test_a_grouped_test_carries_its_group_under_loadgroup(request):
    """Under `--dist loadgroup` a grouped test's node id names its group, which is how xdist keeps a group on
    one worker."""
    if not getattr(request.config.option, "loadgroup", False):
        pytest.skip("not run by an xdist worker with --dist loadgroup")
    assert request.node.nodeid.endswith("@parallel-groups")
