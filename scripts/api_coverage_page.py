"""Writes what `python manage.py api_coverage` prints between the api_coverage markers of the manual's
coverage page, docs/scripting/coverage.md (`make api-coverage`; tests/api/test_coverage.py fails while it is stale).
"""

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PAGE = ROOT / "docs" / "scripting" / "coverage.md"
BLOCK = re.compile(r"(<!-- api_coverage -->\n).*?(<!-- /api_coverage -->)", re.S)


def main() -> None:
    table = subprocess.run(
        [sys.executable, "manage.py", "api_coverage"], cwd=ROOT, check=True, capture_output=True, text=True
    ).stdout
    text = PAGE.read_text()
    if not BLOCK.search(text):
        sys.exit(f"{PAGE.relative_to(ROOT)} needs <!-- api_coverage --> ... <!-- /api_coverage -->")
    PAGE.write_text(BLOCK.sub(lambda match: match.group(1) + table + match.group(2), text, count=1))
    print(f"{PAGE.relative_to(ROOT)}: coverage table written")


if __name__ == "__main__":
    main()
