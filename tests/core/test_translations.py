"""The zh-Hans catalogue is complete: every string the code and templates mark is in it, translated,
not fuzzy, with the same placeholders. When a test here fails after new strings were added, run
`make messages`, translate the entries it names in cenconsole/locale/zh_Hans/LC_MESSAGES/django.po,
and run the tests again (docs/using/languages.md)."""

import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

BASE_DIR = Path(settings.BASE_DIR)
CATALOGUE = BASE_DIR / "cenconsole" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"
# The same ignores as `make messages` (Makefile).
IGNORES = [".venv", "staticfiles", "static", "tests", "scripts", "docs"]

needs_gettext = pytest.mark.skipif(
    not shutil.which("xgettext") or not shutil.which("msgfmt"), reason="gettext is missing (apt-get install gettext)"
)


def key(entry) -> tuple:
    return (entry.msgctxt, entry.msgid, entry.msgid_plural)


def describe(entries) -> str:
    return "\n".join(
        f"  {entry.msgid!r}" + (f" ({entry.occurrences[0][0]})" if entry.occurrences else "") for entry in entries
    )


@pytest.fixture(scope="module")
def catalogue():
    return polib.pofile(str(CATALOGUE))


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """What makemessages extracts from the code and templates now, into a fresh catalogue made in a
    copy of the tree (the committed one is never touched)."""
    copy = tmp_path_factory.mktemp("makemessages")
    shutil.copytree(
        BASE_DIR / "cenconsole", copy / "cenconsole", ignore=shutil.ignore_patterns("locale", "__pycache__")
    )
    shutil.copytree(BASE_DIR / "templates", copy / "templates")
    shutil.copy(BASE_DIR / "manage.py", copy / "manage.py")
    (copy / "cenconsole" / "locale").mkdir()
    command = [sys.executable, "manage.py", "makemessages", "--locale=zh_Hans", "--no-obsolete", "-v0"]
    command += [f"--ignore={path}" for path in IGNORES]
    env = {"PATH": "/usr/bin:/bin", "SECRET_KEY": "makemessages", "DJANGO_SETTINGS_MODULE": "cenconsole.settings"}
    subprocess.run(command, cwd=copy, env=env, check=True, capture_output=True)
    return polib.pofile(str(copy / "cenconsole" / "locale" / "zh_Hans" / "LC_MESSAGES" / "django.po"))


@needs_gettext
def test_every_marked_string_is_in_the_catalogue(catalogue, extracted):
    """A msgid in the code or a template that the catalogue lacks: run `make messages` and translate it."""
    have = {key(entry) for entry in catalogue if not entry.obsolete}
    missing = [entry for entry in extracted if key(entry) not in have]
    assert not missing, f"{len(missing)} string(s) missing from {CATALOGUE.name} (run `make messages`):\n" + describe(
        missing
    )


@needs_gettext
def test_the_catalogue_has_no_entries_the_code_no_longer_uses(catalogue, extracted):
    """Entries left behind by removed strings: `make messages` drops them (--no-obsolete)."""
    wanted = {key(entry) for entry in extracted}
    stale = [entry for entry in catalogue if entry.obsolete or key(entry) not in wanted]
    assert not stale, f"{len(stale)} entry(ies) no longer in the code (run `make messages`):\n" + describe(stale)


def test_every_entry_is_translated_and_none_is_fuzzy(catalogue):
    untranslated = [
        entry
        for entry in catalogue
        if (not all(entry.msgstr_plural.values()) or not entry.msgstr_plural)
        if entry.msgid_plural
    ] + [entry for entry in catalogue if not entry.msgid_plural and not entry.msgstr]
    fuzzy = [entry for entry in catalogue if "fuzzy" in entry.flags]
    assert not untranslated, f"{len(untranslated)} untranslated entry(ies):\n" + describe(untranslated)
    assert not fuzzy, f"{len(fuzzy)} fuzzy entry(ies): check the translation, then remove the flag:\n" + describe(fuzzy)
    assert not catalogue.metadata_is_fuzzy


def test_plural_entries_fill_every_form(catalogue):
    """zh-Hans has one plural form (nplurals=1): every plural entry has it."""
    assert catalogue.metadata["Plural-Forms"].startswith("nplurals=1;")
    for entry in catalogue:
        if entry.msgid_plural:
            assert set(entry.msgstr_plural) == {0} and entry.msgstr_plural[0], entry.msgid


@needs_gettext
def test_the_catalogue_compiles_with_matching_placeholders():
    """msgfmt --check: every translation keeps its entry's %(name)s placeholders (python-format)."""
    result = subprocess.run(["msgfmt", "--check", "-o", "/dev/null", str(CATALOGUE)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_brace_placeholders_are_kept(catalogue):
    """Strings formatted with str.format ({number}, {min}) keep their fields; msgfmt does not check these."""
    import re

    field = re.compile(r"\{\w*\}")
    for entry in catalogue:
        translations = [entry.msgstr] if not entry.msgid_plural else list(entry.msgstr_plural.values())
        for translation in translations:
            assert set(field.findall(translation)) == set(field.findall(entry.msgid)), entry.msgid


def test_the_terms_are_alibaba_clouds(catalogue):
    """The words of Alibaba Cloud's Chinese console and documentation (cen-facts.md, "Chinese names")."""
    translations = {entry.msgid: entry.msgstr for entry in catalogue if not entry.msgid_plural}
    assert translations["Cloud Enterprise Network"] == "云企业网"
    assert translations["Instances"] == "实例"
    assert translations["Bandwidth Package"] == "带宽包"
    assert translations["Buy Bandwidth Package(Subscription)"] == "购买带宽包（包年包月）"
    assert translations["Buy Now"] == "立即购买"
    assert translations["Region Connections"] == "跨地域连接"
    assert translations["Tickets"] == "工单"
    assert [
        translations[name] for name in ["Mainland China", "North America", "Asia Pacific", "Europe", "Australia"]
    ] == ["中国内地", "北美", "亚太", "欧洲", "澳大利亚"]
    assert translations["China (Hohhot)"] == "华北5（呼和浩特）"
    assert translations["China (Hong Kong)"] == "中国香港"
    assert translations["Australia (Sydney)"] == "澳大利亚（悉尼）"
