"""Every console page, GET as its owner in 简体中文: no English word other than proper nouns, units and
ids. New pages and strings are caught here by request, the browser test walks the flow end to end."""

import html
import re

import pytest
from django.contrib.auth.models import Group

from cenconsole.api import services as api_services
from cenconsole.networks import services as network_services
from tests.factories import (
    CenInstanceFactory,
    UserFactory,
    buy_package,
    open_ticket,
    order_purchase,
    trainee_join,
    workshop_new,
)
from tests.security.test_url_access import ALL_URLS, fill
from tests.transit.objects import transit_objects

pytestmark = pytest.mark.django_db

USERNAME = "zhangsan"
# As in tests/e2e/test_chinese.py: what the Chinese console keeps in English.
ALLOWED_WORDS = {"CEN", "VPC", "USD", "Mbps", "Kbps", "GB", "UTC", "ID", "CSV", "English", "A", "B", "http", "https"}
ALLOWED_WORDS |= {"AccessKey", "Secret", "API", "SDK", "CLI", "Terraform", "aliyun", "acs", USERNAME}
# Ids (resources; zones such as cn-hangzhou-h of transit routers' VPC connections), sandbox account
# names and links (a workshop's join link) are not words.
IDS = re.compile(
    r"\b(?:(?:cen|cenbwp|vpc|sandbox|rg|tr-attach|tr|vsw|vtb|rte)-[a-z0-9]+|TK\d+|LTAI\w+"
    r"|[a-z]{2}-[a-z]+(?:-[0-9][a-z]|-[a-z]))\b|https?://[^\s<\"]+"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
HIDDEN = re.compile(r"(?s)<(script|style|head)\b.*?</\1>|<!--.*?-->")


def english_words(page: str) -> list[str]:
    text = html.unescape(re.sub(r"<[^>]+>", " ", HIDDEN.sub(" ", page)))
    return [word for word in WORD.findall(IDS.sub(" ", text)) if word not in ALLOWED_WORDS]


@pytest.fixture
def owner_objects(db):
    owner = UserFactory(username=USERNAME)
    cen_instance = CenInstanceFactory(owner=owner, name="生产网络", description="生产环境")
    package = buy_package(cen_instance, area_a_code="China", area_b_code="China", bandwidth=10, name="华东带宽")
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America", bandwidth=4, name="跨境带宽")
    network = network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="cn-hangzhou", name="杭州业务"
    )
    network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="us-west-1", name="硅谷业务"
    )
    connection = network_services.region_connection_set(
        owner=owner,
        cen_instance_id=cen_instance.pk,
        package_id=package.pk,
        local_region_code="cn-hangzhou",
        opposite_region_code="cn-beijing",
        bandwidth=2,
    )
    access_key, _ = api_services.access_key_create(owner=owner)
    owner.groups.add(Group.objects.get(name="Facilitators"))
    workshop = workshop_new(owner, title="合作伙伴培训")
    trainee_join(workshop)
    return owner, {
        **transit_objects(owner=owner, cen_instance=cen_instance, package=package),
        "cen_id": cen_instance.pk,
        "package_id": package.pk,
        "order_id": order_purchase(cen_instance, area_a_code="Europe", area_b_code="Europe", name="欧洲带宽").pk,
        "ticket_id": open_ticket(package, reason="项目结束").pk,
        "network_id": network.pk,
        "connection_id": connection.pk,
        "access_key_id": access_key.pk,
        "workshop_id": workshop.pk,
    }


def test_every_console_page_is_in_chinese(client, owner_objects):
    owner, values = owner_objects
    client.force_login(owner)
    found = {}
    for route, name, arguments in ALL_URLS:
        response = client.get(fill(route, arguments, values), HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
        if response.status_code != 200 or not response["Content-Type"].startswith("text/html"):
            continue
        words = english_words(response.content.decode())
        if words:
            found[name] = sorted(set(words))
    assert found == {}, "\n".join(f"{name}: {words}" for name, words in found.items())


# Django 5.2's own admin strings its zh-Hans catalogue does not translate yet (the sidebar's
# "Add link", "Change or view list", "Model name"), and its name.
DJANGO_UNTRANSLATED = {"Add", "link", "Change", "or", "view", "list", "Model", "name", "Django"}


def test_the_staffs_ticket_pages_in_the_admin_are_in_chinese(client, owner_objects):
    from tests.factories import support_staff

    _, values = owner_objects
    client.force_login(support_staff("kefu"))
    found = {}
    for url in [
        "/admin/",
        "/admin/tickets/deletionticket/",
        f"/admin/tickets/deletionticket/{values['ticket_id']}/change/",
    ]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
        assert response.status_code == 200, url
        words = set(english_words(response.content.decode())) - DJANGO_UNTRANSLATED - {"kefu"}
        if words:
            found[url] = sorted(words)
    assert found == {}, found
