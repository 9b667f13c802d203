"""What every representation shares: times as the API writes them, tags, and a page of items."""

from datetime import UTC, datetime


def api_time(moment: datetime | None) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%MZ") if moment else ""


def tags(tag_rows) -> dict:
    return {"Tag": [{"Key": tag.key, "Value": tag.value} for tag in tag_rows]}


def tag_list(tag_rows) -> list[dict]:
    """Tags as the transit lists show them: a plain list of {Key, Value}."""
    return [{"Key": tag.key, "Value": tag.value} for tag in tag_rows]


def page(items: list[dict], *, total: int, number: int, size: int, wrapper: str, item: str) -> dict:
    return {"TotalCount": total, "PageNumber": number, "PageSize": size, wrapper: {item: items}}
