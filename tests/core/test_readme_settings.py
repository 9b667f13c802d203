"""The manual's settings table (docs/operating/configuration.md) is the operator's: every variable the settings
read is in it, with the default the code really uses (an operator sizing quotas reads the manual, not settings.py)."""

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# The settings table, and the quotas' table beside the limits.
PAGES = (ROOT / "docs" / "operating" / "configuration.md", ROOT / "docs" / "operating" / "limits.md")


def code_defaults():
    """{variable: default} for every `os.environ.get("NAME", "default")` / `env_bool("NAME", default)` in settings.py
    (None where the default is not a plain literal)."""
    tree = ast.parse((ROOT / "cenconsole" / "settings.py").read_text())
    found = {}
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call) or not node.args or not isinstance(node.args[0], ast.Constant):
            continue
        name = node.args[0].value
        function = ast.unparse(node.func)
        if function not in {"os.environ.get", "env_bool"} or not isinstance(name, str) or not name.isupper():
            continue
        default = node.args[1] if len(node.args) > 1 else None
        found[name] = default.value if isinstance(default, ast.Constant) else None
    return found


def readme_defaults():
    """{variable: [its default as each table row of the pages writes it]}: the settings table and the quotas'."""
    rows = {}
    for line in "\n".join(page.read_text() for page in PAGES).splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if not line.startswith("|") or len(cells) < 3:
            continue
        names = re.findall(r"`([A-Z][A-Z0-9_]+)`", cells[0])
        defaults = re.findall(r"`([^`]*)`", cells[1]) or [cells[1]]
        if len(names) > 1 and len(defaults) == len(names):
            pairs = zip(names, defaults, strict=True)
        else:
            pairs = ((name, defaults[0]) for name in names)
        for name, default in pairs:
            rows.setdefault(name, []).append(default)
    return rows


def test_every_variable_the_settings_read_is_in_the_readme():
    """No setting an operator can change is missing from the manual's settings table."""
    missing = sorted(set(code_defaults()) - set(readme_defaults()) - {"PORT"})
    assert not missing, f"docs/operating/configuration.md settings table lacks {missing}"


def test_the_readme_gives_each_setting_the_default_the_code_uses():
    """A default written in the manual is the one settings.py falls back to (QUOTA_BANDWIDTH_PACKAGES said 200)."""
    readme = readme_defaults()
    wrong = {
        name: (readme[name], default)
        for name, default in code_defaults().items()
        if isinstance(default, str) and default and any(written != default for written in readme.get(name, []))
    }
    assert not wrong, f"manual default vs code default: {wrong}"
