# Which left-navigation entry a page belongs to, by the first matching view-name prefix.
NAV_SECTIONS = [
    ("bandwidth:order", "orders"),
    ("tickets:", "tickets"),
    ("cen:", "instances"),
    ("networks:package_list", "packages"),
    ("bandwidth:", "instances"),
    ("networks:", "instances"),
]


def navigation(request):
    match = getattr(request, "resolver_match", None)
    view_name = match.view_name if match else ""
    for prefix, section in NAV_SECTIONS:
        if view_name.startswith(prefix):
            return {"nav": section}
    return {"nav": ""}
