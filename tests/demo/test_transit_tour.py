"""The second tour's steps page, "Connect two VPCs in two regions through transit routers" (/transit-tour/):
the tour without JavaScript, and where the tour reads its stops with it."""

import re

import pytest
from django.urls import reverse

from cenconsole.workshops.tour import TOURS, TRANSIT
from tests.factories import CenInstanceFactory

pytestmark = pytest.mark.django_db

TRANSIT_TOUR = "/transit-tour/"


def test_transit_tour_redirects_anonymous_visitors_to_sign_in(client):
    """An anonymous visitor is sent to the login page, and back here after signing in."""
    response = client.get(TRANSIT_TOUR)
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={TRANSIT_TOUR}"


def test_transit_tour_lists_the_five_steps_with_links_to_the_first_instance(client_user, user):
    """Five steps, the tour's example VPCs, and links to the Instances page and to the Transit Router tab and
    Create Transit Router of the Instances page's first CEN instance."""
    CenInstanceFactory(owner=user, name="older")
    instance = CenInstanceFactory(owner=user, name="newest")
    response = client_user.get(TRANSIT_TOUR)
    assert response.status_code == 200
    page = response.content.decode()
    assert "Connect two VPCs in two regions through transit routers" in page
    for number in range(1, 6):
        assert f'<h2 class="panel-title">Step {number} of 5 · ' in page
    for text in ["vpc-tourhangzhou", "cn-hangzhou-h", "vsw-tourvirginia", "us-east-1a", "China (Hangzhou)"]:
        assert text in page
    assert f'href="{reverse("cen:instance_list")}"' in page
    assert f'href="{reverse("transit:cen_transit_routers", args=[instance.pk])}"' in page
    assert f'href="{reverse("transit:transit_router_create", args=[instance.pk])}"' in page
    assert f'href="{reverse("how_to_buy")}"' in page  # where to buy the package it needs


def test_transit_tour_without_an_instance_says_to_create_one(client_user):
    """With no CEN instance, the steps have no instance links and the page says to create an instance."""
    page = client_user.get(TRANSIT_TOUR).content.decode()
    assert "You have no CEN instance yet." in page
    assert "Open the Transit Router tab" not in page


def test_another_accounts_instance_is_never_linked(client_user, other_user):
    """The page links only the signed-in account's own instances."""
    other = CenInstanceFactory(owner=other_user)
    assert other.pk not in client_user.get(TRANSIT_TOUR).content.decode()


def test_transit_tour_holds_its_stops_in_a_template_named_by_its_page(client_user):
    """The stops are the page's one <template id="tour-steps">, named by this page's URL, without inline
    script; the top bar's Take the tour here takes this tour, and Take this tour starts it."""
    page = client_user.get(TRANSIT_TOUR).content.decode()
    assert page.count('<template id="tour-steps" data-tour-url="/transit-tour/"') == 1
    assert page.count("data-stop=") == 19 and page.count('data-action="fill"') == 5
    assert page.count('data-action="finish"') == 1
    for number in range(1, 6):
        assert f"<h2>Step {number} of 5 · " in page
    assert f'<a class="topbar-link" id="tour-link" href="{TRANSIT_TOUR}">Take the tour</a>' in page
    assert 'class="btn btn-primary tour-start-button" href="/transit-tour/" data-tour-url="/transit-tour/"' in page
    assert "<script>" not in page


def test_transit_tour_stops_are_the_boards_in_order(client_user):
    """The board's list of the second tour's stops (cenconsole/workshops/tour.py) is its template's, in order."""
    page = client_user.get(TRANSIT_TOUR).content.decode()
    steps = re.findall(r'data-step="(\d)" data-stop="([^"]+)"', page)
    assert [(name, int(step)) for step, name in steps] == list(TOURS[TRANSIT].stops)


def test_how_to_buy_links_the_second_tour(client_user):
    """A presenter finds the second tour where the first is: the How to buy page links it."""
    page = client_user.get(reverse("how_to_buy")).content.decode()
    assert f'<a href="{TRANSIT_TOUR}">Connect two VPCs in two regions through transit routers</a>' in page


def test_transit_tour_in_chinese(client_user):
    """The page and its stops in Chinese, with the console's words."""
    page = client_user.get(TRANSIT_TOUR, HTTP_ACCEPT_LANGUAGE="zh-CN").content.decode()
    assert "通过转发路由器连接两个地域的VPC" in page
    assert "<h2>第 1 步（共 5 步） · 管理</h2>" in page
    for word in ["创建转发路由器", "创建 VPC 连接", "创建跨地域连接", "带宽包", "路由表"]:
        assert word in page
