"""Create CEN Instance with tags: the dialog's (and its fallback page's) tag rows."""

import pytest

from cenconsole.cen.models import CenInstance
from cenconsole.tags.models import Tag

pytestmark = pytest.mark.django_db

CREATE_URL = "/cen/instances/create/"
HTMX = {"HTTP_HX_REQUEST": "true"}


def rows(*pairs):
    data = {"name": "tagged", "description": "", "tag_rows": str(len(pairs))}
    for row, (key, value) in enumerate(pairs):
        data[f"tag_key_{row}"], data[f"tag_value_{row}"] = key, value
    return data


def tags_of(instance):
    return dict(Tag.objects.filter(resource_id=instance.pk).values_list("key", "value"))


def test_create_with_tags_makes_the_instance_with_its_tags(client_user, user):
    """OK with two tag rows creates the instance carrying both tags; an empty row is ignored."""
    response = client_user.post(CREATE_URL, rows(("env", "prod"), ("", ""), ("team", "")))
    instance = CenInstance.objects.get(owner=user)
    assert response.status_code == 302 and tags_of(instance) == {"env": "prod", "team": ""}


def test_create_form_has_a_tag_row_with_labelled_key_and_value(client_user):
    """The form starts with one tag row: a labelled Tag key and Tag value, and Add Tag."""
    content = client_user.get(CREATE_URL).content.decode()
    assert '<label for="id_tag_key_0"' in content and '<label for="id_tag_value_0"' in content
    assert '<legend class="form-label fs-6">Tags</legend>' in content and ">Add Tag</button>" in content


def test_add_tag_shows_one_more_row_and_creates_nothing(client_user):
    """Add Tag re-renders the form with one more row (focused), keeping what was typed; nothing is made."""
    data = rows(("env", "prod")) | {"add_tag": "1"}
    content = client_user.post(CREATE_URL, data).content.decode()
    assert 'name="tag_key_1"' in content and 'value="prod"' in content
    assert "autofocus" in content and "There is a problem" not in content
    assert not CenInstance.objects.exists()


def test_add_tag_stops_at_twenty_rows(client_user):
    """At 20 rows Add Tag is no longer offered, and a forged 21st row is not read."""
    data = rows(*[(f"k{row}", "v") for row in range(20)]) | {"add_tag": "1"}
    content = client_user.post(CREATE_URL, data).content.decode()
    assert 'name="tag_key_19"' in content and 'name="tag_key_20"' not in content
    assert ">Add Tag</button>" not in content


def test_create_with_twenty_tags_is_allowed(client_user, user):
    """Twenty tags, the most a resource can have, are all created with the instance."""
    client_user.post(CREATE_URL, rows(*[(f"k{row}", "v") for row in range(20)]))
    assert len(tags_of(CenInstance.objects.get(owner=user))) == 20


@pytest.mark.parametrize(
    ("pair", "message"),
    [
        (("aliyun-env", "x"), "Tag key “aliyun-env” is not valid"),
        (("env", "acs:x"), "The value of tag “env” is not valid"),
        (("", "orphan"), "Enter a tag key."),
        (("k" * 129, ""), "A tag key is at most 128 characters."),
        (("env", "v" * 129), "A tag value is at most 128 characters."),
    ],
)
def test_create_with_a_bad_tag_shows_edit_tags_words_and_creates_nothing(client_user, pair, message):
    """A tag Edit Tags would refuse is refused here with the same words; no instance, no tag."""
    response = client_user.post(CREATE_URL, rows(pair))
    assert response.status_code == 200 and message in response.content.decode()
    assert not CenInstance.objects.exists() and not Tag.objects.exists()


def test_create_with_a_key_twice_is_refused(client_user):
    """The same key in two rows is refused with Edit Tags' words; nothing is made."""
    response = client_user.post(CREATE_URL, rows(("env", "a"), ("env", "b")))
    assert "Tag key “env” is given twice" in response.content.decode()
    assert not CenInstance.objects.exists()


def test_create_with_tags_is_one_transaction(client_user, user, monkeypatch):
    """If adding the tags fails, the instance is not left behind (one transaction)."""
    from django.core.exceptions import ValidationError

    from cenconsole.tags import services

    def refuse(**kwargs):
        raise ValidationError("refused", code="tag_limit")

    monkeypatch.setattr(services, "tags_add", refuse)
    response = client_user.post(CREATE_URL, rows(("env", "prod")))
    assert response.status_code == 200 and "refused" in response.content.decode()
    assert not CenInstance.objects.exists()


def test_htmx_create_answers_with_a_redirect_to_the_instances_page(client_user, user):
    """Posted from the dialog (htmx), OK creates the instance and tells htmx to load the Instances page."""
    response = client_user.post(CREATE_URL, rows(("env", "prod")), **HTMX)
    assert response.status_code == 204 and response.headers["HX-Redirect"] == "/cen/instances/"
    assert tags_of(CenInstance.objects.get(owner=user)) == {"env": "prod"}


def test_htmx_refusal_answers_with_the_panel_and_its_summary(client_user):
    """Refused from the dialog, the answer is the form's panel only, with the error summary inside it."""
    content = client_user.post(CREATE_URL, rows(("acs:x", "")), **HTMX).content.decode()
    assert content.lstrip().startswith('<section class="panel create-panel"') and "<html" not in content
    assert "There is a problem" in content
