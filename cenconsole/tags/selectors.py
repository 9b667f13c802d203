"""Reads for tags: a page's resources' tags in one query, and the resources that carry given tags."""

from collections import defaultdict

from django.db.models import QuerySet

from .models import Tag


def tags_for(*, owner, resource_type: str, resource_ids=None) -> dict[str, list[Tag]]:
    """Each resource's tags, by key, in one query: {resource_id: [Tag, ...]}; resource_ids None means
    every resource of the type the owner has tagged."""
    found = defaultdict(list)
    tags = Tag.objects.filter(owner=owner, resource_type=resource_type)
    if resource_ids is not None:
        tags = tags.filter(resource_id__in=list(resource_ids))
    for tag in tags.order_by("resource_id", "key"):
        found[tag.resource_id].append(tag)
    return found


def tags_of(*, owner, resource_type: str, resource_id: str) -> list[Tag]:
    return tags_for(owner=owner, resource_type=resource_type, resource_ids=[resource_id])[resource_id]


def tagged_resource_ids(*, owner, resource_type: str, tags: list[tuple[str, str | None]]) -> QuerySet:
    """The IDs (a subquery) of the owner's resources carrying every one of `tags`; a value of None
    matches the key with any value."""
    ids = Tag.objects.filter(owner=owner, resource_type=resource_type).values("resource_id").order_by().distinct()
    for key, value in tags:
        matching = Tag.objects.filter(owner=owner, resource_type=resource_type, key=key)
        if value is not None:
            matching = matching.filter(value=value)
        ids = (
            matching.filter(resource_id__in=ids).values("resource_id").order_by()
        )  # one row per resource: keys are unique
    return ids


def tag_list(*, owner, resource_type: str, resource_ids=None, tags: list[tuple[str, str | None]] | None = None):
    """Tag rows of the owner's resources of one type (ListTagResources): those of resource_ids, and
    (with tags) only of resources carrying all of them; by resource, then key."""
    rows = Tag.objects.filter(owner=owner, resource_type=resource_type)
    if resource_ids:
        rows = rows.filter(resource_id__in=list(resource_ids))
    if tags:
        rows = rows.filter(resource_id__in=tagged_resource_ids(owner=owner, resource_type=resource_type, tags=tags))
    return rows.order_by("resource_id", "key", "id")
