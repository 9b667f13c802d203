from django import template

from cenconsole.tags import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def tags_of(context, resource_type: str, resource_id: str):
    """A resource's tags for the signed-in account. Package tables call it once per row, so the
    first call reads every package tag of the account (one query) and keeps them on the request; a
    CEN instance's page reads just that instance's."""
    request = context.get("request")
    if request is None or not request.user.is_authenticated:
        return []
    cache = request.__dict__.setdefault("_resource_tags", {})
    if resource_type == "bandwidthpackage":
        if resource_type not in cache:
            cache[resource_type] = selectors.tags_for(owner=request.user, resource_type=resource_type)
        return cache[resource_type].get(resource_id, [])
    return selectors.tags_of(owner=request.user, resource_type=resource_type, resource_id=resource_id)
