from .models import Area

_areas: dict[str, Area] = {}


def areas_by_code() -> dict[str, Area]:
    """The seed's areas, in the table's order, each with its regions prefetched. Reference data only
    a migration changes: read once per process (and again only if it was read before being loaded)."""
    if not _areas:
        _areas.update((area.code, area) for area in Area.objects.prefetch_related("regions"))
    return _areas


def area_choices() -> list[tuple[str, str]]:
    """(code, name in the active language): the cache above keeps the rows (English names); each call
    translates, so one language's labels are never served to the other."""
    return [(code, area.display_name) for code, area in areas_by_code().items()]
