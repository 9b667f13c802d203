"""Skip to main content: the first thing of every console page's body, pointing at <main id="main">."""

import pytest

from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

PAGES = ["/cen/instances/", "/cen/bandwidth-packages/", "/cen/bandwidth-packages/buy/", "/cen/orders/", "/account/"]


@pytest.mark.parametrize("path", PAGES)
def test_skip_link_comes_first_and_targets_main(client_user, user, path):
    """The body opens with the skip link; the page has <main id="main" tabindex="-1">."""
    CenInstanceFactory(owner=user)
    page = client_user.get(path).content.decode()
    body = page.split("<body", 1)[1].split(">", 1)[1].lstrip()
    assert body.startswith('<a class="skip-link" href="#main">Skip to main content</a>')
    assert '<main class="content" id="main" tabindex="-1">' in page


def test_signed_out_pages_have_the_skip_link_too(client):
    """The sign-in page (no navigation) still opens with the skip link."""
    assert 'href="#main">Skip to main content</a>' in client.get("/accounts/login/").content.decode()
