from django.shortcuts import render


def render_page(request, template_name, context, *, partial=None, status=200):
    """Renders the whole page, or only its named partial for an htmx request: every partial an htmx
    request fetches is also part of a page that works without JavaScript."""
    if partial and request.htmx and not request.htmx.boosted:
        template_name = f"{template_name}#{partial}"
    return render(request, template_name, context, status=status)
