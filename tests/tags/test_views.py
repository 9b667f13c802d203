"""Edit Tags and the Instances page's tag filter, as the signed-in user sees them (JavaScript off)."""

import re

import pytest

from cenconsole.tags import services
from cenconsole.tags.models import Tag
from tests.factories import CenInstanceFactory, buy_package

pytestmark = pytest.mark.django_db


def cen_tags_url(cen_instance):
    return f"/tags/cen/{cen_instance.pk}/"


def stored(resource_id):
    return dict(Tag.objects.filter(resource_id=resource_id).values_list("key", "value"))


def test_the_cen_page_shows_its_tags_and_edit_tags(client_user, user, cen_instance):
    """The CEN instance's page lists its tags and links to Edit Tags."""
    services.tags_add(owner=user, resource_type="cen", resources=[cen_instance], tags=[("team", "network")])
    content = client_user.get(f"/cen/instances/{cen_instance.pk}/networks/").text
    assert "team: network" in content
    assert f'href="{cen_tags_url(cen_instance)}"' in content


def test_a_package_row_shows_its_tags_and_edit_tags(client_user, user, cen_instance):
    """Each package row (the CEN tab and the Bandwidth Packages page) shows its tags and Edit Tags."""
    package = buy_package(cen_instance)
    services.tags_add(owner=user, resource_type="bandwidthpackage", resources=[package], tags=[("cost", "42")])
    for url in (f"/cen/instances/{cen_instance.pk}/bandwidth-packages/", "/cen/bandwidth-packages/"):
        content = client_user.get(url).text
        assert "cost: 42" in content, url
        assert f'href="/tags/bandwidth-packages/{package.pk}/"' in content, url


def test_edit_tags_adds_a_tag(client_user, cen_instance):
    """Add Tag saves the key and value and comes back to Edit Tags with a message."""
    response = client_user.post(cen_tags_url(cen_instance), {"key": "team", "value": "network"}, follow=True)
    assert stored(cen_instance.pk) == {"team": "network"}
    assert "Tag team was saved." in response.text


def test_edit_tags_removes_a_tag(client_user, user, cen_instance):
    """Remove deletes the tag."""
    services.tags_add(owner=user, resource_type="cen", resources=[cen_instance], tags=[("team", "network")])
    client_user.post(f"{cen_tags_url(cen_instance)}remove/", {"key": "team"})
    assert stored(cen_instance.pk) == {}


def test_edit_tags_shows_a_rule_broken_on_the_page(client_user, cen_instance):
    """A reserved key is refused on the page, with status 200 and the reason, and nothing is saved."""
    response = client_user.post(cen_tags_url(cen_instance), {"key": "aliyun:team", "value": "x"})
    assert response.status_code == 200
    assert "cannot start with aliyun or acs:" in response.text
    assert "alert" in response.text or "invalid-feedback" in response.text
    assert stored(cen_instance.pk) == {}


def test_edit_tags_refuses_an_empty_key(client_user, cen_instance):
    """No key: a clear error, nothing saved."""
    response = client_user.post(cen_tags_url(cen_instance), {"key": "", "value": "x"})
    assert "Enter a tag key." in response.text
    assert stored(cen_instance.pk) == {}


def test_edit_tags_refuses_the_twenty_first_tag(client_user, user, cen_instance):
    """At 20 tags the page says so."""
    services.tags_add(
        owner=user, resource_type="cen", resources=[cen_instance], tags=[(f"k{n}", "") for n in range(20)]
    )
    response = client_user.post(cen_tags_url(cen_instance), {"key": "one-more", "value": ""})
    assert "at most 20 tags" in response.text


def test_edit_tags_of_a_package(client_user, cen_instance):
    """A package's Edit Tags works the same way."""
    package = buy_package(cen_instance)
    client_user.post(f"/tags/bandwidth-packages/{package.pk}/", {"key": "team", "value": "network"})
    assert stored(package.pk) == {"team": "network"}


def test_edit_tags_forms_carry_csrf(client_user, user, cen_instance):
    """Every form on Edit Tags posts with the CSRF token."""
    services.tags_add(owner=user, resource_type="cen", resources=[cen_instance], tags=[("team", "network")])
    content = client_user.get(cen_tags_url(cen_instance)).text
    forms = re.findall(r"<form[^>]*method=\"post\".*?</form>", content, re.S)
    # Remove, Add Tag, and the top bar's Sign out, Sign out everywhere and language switch
    assert len(forms) == 5
    assert all("csrfmiddlewaretoken" in form for form in forms)


def test_another_accounts_instance_is_not_found(client_user, other_user):
    """Edit Tags of another account's instance: 404, and nothing is saved."""
    theirs = CenInstanceFactory(owner=other_user)
    assert client_user.post(cen_tags_url(theirs), {"key": "team", "value": "x"}).status_code == 404
    assert stored(theirs.pk) == {}


def test_the_instances_page_offers_the_tag_filter(client_user):
    """The Instances page has a Filter by Tag form that works without JavaScript (a plain GET)."""
    content = client_user.get("/cen/instances/").text
    assert 'action="/tags/instances/"' in content and 'name="tag_key"' in content


def test_the_tag_filter_lists_only_tagged_instances(client_user, user):
    """Filtered by key and value, only the instances carrying that tag are listed."""
    tagged, untagged = CenInstanceFactory(owner=user), CenInstanceFactory(owner=user)
    services.tags_add(owner=user, resource_type="cen", resources=[tagged], tags=[("team", "network")])
    content = client_user.get("/tags/instances/", {"tag_key": "team", "tag_value": "network"}).text
    assert tagged.pk in content and untagged.pk not in content


def test_the_tag_filter_by_key_matches_any_value(client_user, user):
    """Filtered by key alone, any value matches."""
    tagged = CenInstanceFactory(owner=user)
    services.tags_add(owner=user, resource_type="cen", resources=[tagged], tags=[("team", "network")])
    assert tagged.pk in client_user.get("/tags/instances/", {"tag_key": "team"}).text


def test_the_tag_filter_never_shows_another_accounts_instances(client_user, other_user):
    """Another account's instance with the same tag is not listed."""
    theirs = CenInstanceFactory(owner=other_user)
    services.tags_add(owner=other_user, resource_type="cen", resources=[theirs], tags=[("team", "network")])
    assert theirs.pk not in client_user.get("/tags/instances/", {"tag_key": "team"}).text


def test_the_tag_filter_without_a_key_says_what_is_missing(client_user):
    """No key given: the page says to enter one."""
    assert "Enter a tag key to filter by." in client_user.get("/tags/instances/", {"tag_key": ""}).text


def test_edit_tags_refuses_a_look_alike_of_a_reserved_prefix(client_user, cen_instance):
    """ALİYUN is refused on the page like aliyun, and nothing is saved."""
    response = client_user.post(cen_tags_url(cen_instance), {"key": "ALİYUN", "value": "x"})
    assert response.status_code == 200
    assert "cannot start with aliyun or acs:" in response.text
    assert stored(cen_instance.pk) == {}


def test_edit_tags_refuses_a_bidi_control_on_the_page(client_user, cen_instance):
    """A right-to-left override in a tag value is refused on the page with the reason."""
    response = client_user.post(cen_tags_url(cen_instance), {"key": "team", "value": "gpj.\u202eexe"})
    assert response.status_code == 200
    assert "cannot contain bidirectional control characters" in response.text
    assert stored(cen_instance.pk) == {}
