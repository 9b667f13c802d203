"""Every console page, GET as its owner in 简体中文: no English word other than proper nouns, units and
ids. New pages and strings are caught here by request, the browser test walks the flow end to end."""

import html
import re

import pytest

from cenconsole.cen.models import CenInstance
from cenconsole.networks import services as network_services
from tests.factories import UserFactory, buy_package
from tests.security.test_url_access import ALL_URLS, fill, make_owner_objects

pytestmark = pytest.mark.django_db

USERNAME = "zhangsan"
# As in tests/e2e/test_chinese.py: what the Chinese console keeps in English.
ALLOWED_WORDS = {"CEN", "VPC", "USD", "Mbps", "Kbps", "GB", "UTC", "ID", "CSV", "English", "A", "B", "http", "https"}
ALLOWED_WORDS |= {"AccessKey", "Secret", "API", "SDK", "CLI", "Terraform", "aliyun", "acs", USERNAME}
# Route maps and health checks: the Chinese console's own English (VBR, IP, AS Path, Community, BGP).
ALLOWED_WORDS |= {"VBR", "IP", "AS", "Path", "Community", "BGP"}
# A transit router's connections: the Chinese console's VPN连接, IPsec连接 and ECR.
ALLOWED_WORDS |= {"VPN", "IPsec", "ECR", "IPsec-VPN", "TR"}
# Flow logs, QoS and traffic marking: Simple Log Service's Project and Logstore, and protocol and field names
# the Chinese console keeps (QoS, DSCP, TCP...); the walk's sample project and logstore names.
ALLOWED_WORDS |= {"SLS", "Project", "Logstore", "objects-project", "objects-store", "QoS", "DSCP"}
ALLOWED_WORDS |= {"ALL", "TCP", "UDP", "ICMP", "ICMPv", "IPv", "GRE", "HTTP", "HTTPS", "SSH", "Telnet"}
# Grants and routes: the Chinese console's 账号UID and ECS实例.
ALLOWED_WORDS |= {"UID", "ECS"}
# Multicast: IGMPv2 (the word before its digit).
ALLOWED_WORDS |= {"IGMPv"}
# Ids (resources; zones such as cn-hangzhou-h of transit routers' VPC connections), sandbox account
# names and links (a workshop's join link) are not words.
IDS = re.compile(
    r"\b(?:(?:cen|cenbwp|vpc|sandbox|rg|tr-attach|tr-mcast-domain|tr|vsw|vtb|rte|vbr|vco|ecr|cenrmap|eni|flowlog"
    r"|cidr|tm-rule|tm|qos-queue|qos|pl)-[a-z0-9]+|TK\d+|LTAI\w+"
    r"|[a-z]{2}-[a-z]+(?:-[0-9][a-z]|-[a-z]))\b|https?://[^\s<\"]+"
)
WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
HIDDEN = re.compile(r"(?s)<(script|style|head)\b.*?</\1>|<!--.*?-->")


def english_words(page: str) -> list[str]:
    text = html.unescape(re.sub(r"<[^>]+>", " ", HIDDEN.sub(" ", page)))
    return [word for word in WORD.findall(IDS.sub(" ", text)) if word not in ALLOWED_WORDS]


# The walk's objects with the names a Chinese reader gives them.
CHINESE_NAMES = {
    "cen": {"name": "生产网络", "description": "生产环境"},
    "package": {"name": "华东带宽"},
    "network": {"name": "杭州业务"},
    "workshop": {"title": "合作伙伴培训"},
    "order": {"name": "欧洲带宽"},
    "ticket": {"reason": "项目结束"},
}


@pytest.fixture
def owner_objects(db):
    """The URL walk's objects, named in Chinese, and a cross-border package and a VPC in US (Silicon Valley)
    besides (the pages then show the cross-border and overseas words too)."""
    owner = UserFactory(username=USERNAME)
    objects = make_owner_objects(owner, names=CHINESE_NAMES)
    cen_instance = CenInstance.objects.get(pk=objects["cen_id"])
    buy_package(cen_instance, area_a_code="China", area_b_code="North-America", bandwidth=4, name="跨境带宽")
    network_services.network_instance_attach(
        owner=owner, cen_instance_id=cen_instance.pk, region_code="us-west-1", name="硅谷业务"
    )
    return owner, objects


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
        "/desk/",
        f"/desk/tickets/{values['ticket_id']}/",
    ]:
        response = client.get(url, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
        assert response.status_code == 200, url
        words = set(english_words(response.content.decode())) - DJANGO_UNTRANSLATED - {"kefu"}
        if words:
            found[url] = sorted(words)
    assert found == {}, found
