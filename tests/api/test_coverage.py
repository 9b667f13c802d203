"""The manual's coverage table (docs/scripting/coverage.md) is what manage.py api_coverage prints from the code."""

import re
from io import StringIO
from pathlib import Path

from django.core.management import call_command

from cenconsole.api import coverage
from cenconsole.api.actions import ACTIONS

PAGE = Path(__file__).resolve().parents[2] / "docs" / "scripting" / "coverage.md"
BLOCK = re.compile(r"<!-- api_coverage -->\n(.*?)<!-- /api_coverage -->", re.S)


def command_output() -> str:
    out = StringIO()
    call_command("api_coverage", stdout=out)
    return out.getvalue()


def test_the_readme_coverage_is_the_commands_output():
    """Between the api_coverage markers the coverage page holds exactly what the command prints."""
    match = BLOCK.search(PAGE.read_text())
    assert match, "docs/scripting/coverage.md needs <!-- api_coverage --> ... <!-- /api_coverage -->"
    assert match.group(1) == command_output(), "run: make api-coverage (it writes the command's output there)"


def test_the_sdk_lists_150_actions_and_every_answered_one_is_among_them():
    """The SDK (1.4.0) has 150 actions; the replica answers none the SDK does not have."""
    actions = coverage.sdk_actions()
    assert len(actions) == 150
    assert set(ACTIONS) <= set(actions)


def test_every_sdk_action_falls_in_a_named_group():
    """No action is left to Other: each group names what it holds."""
    assert {coverage.group_of(action) for action in coverage.sdk_actions()} - {g for g, _ in coverage.GROUPS} == set()
