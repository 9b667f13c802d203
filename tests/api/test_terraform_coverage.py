"""The Terraform half of the coverage table (cenconsole.api.terraform_coverage) stays true: every
alicloud_cen_* resource and data source of the provider once, each credited replay file exists and
names what it is credited with, and every full name a replay mentions is credited to it."""

import re
from pathlib import Path

from cenconsole.api.terraform_coverage import DATA_SOURCES, ITEMS, RESOURCES

API_TESTS = Path(__file__).resolve().parent
REPLAYS = {path.name: path.read_text() for path in API_TESTS.glob("test_terraform_*replay.py")}
FULL_NAME = re.compile(r"alicloud_cen_[a-z0-9_]*[a-z0-9]")


def test_the_table_lists_the_providers_35_resources_and_34_data_sources_once():
    """provider.go at the noted commit has 35 alicloud_cen_* resources and 34 data sources."""
    assert (len(RESOURCES), len(DATA_SOURCES)) == (35, 34)
    assert len({(item.name, item.kind) for item in ITEMS}) == len(ITEMS)


def test_each_item_is_replayed_or_says_why_not():
    """An item names a replay file or a reason, never both, never neither."""
    assert [item.name for item in ITEMS if bool(item.replay) == bool(item.reason)] == []


def test_each_credited_replay_exists_and_names_the_item():
    """The file exists and mentions the item by its last two words (its replays shorten the names)."""
    wrong = []
    for item in ITEMS:
        if item.replay:
            tail = "_".join(item.name.split("_")[-2:])
            if tail not in REPLAYS.get(item.replay, ""):
                wrong.append((item.name, item.replay))
    assert wrong == []


def test_every_name_a_replay_mentions_is_in_the_table():
    """A full alicloud_cen_* name in a replay (outside its source file names) is an item of the table;
    one the replay's docstring announces as replayed is credited as replayed."""
    names = {item.name for item in ITEMS}
    mentioned = {
        name
        for text in REPLAYS.values()
        for name in FULL_NAME.findall(text)
        if not name.endswith(("_go", "_v2")) and name != "alicloud_cen_"
    }
    assert sorted(mentioned - names) == []
