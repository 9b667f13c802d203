"""English and 简体中文: the browser's Accept-Language decides the first visit, the switch in the top
bar sets the language cookie, URLs stay the same, and what is cached or formatted follows the language."""

import pytest
from django.conf import settings
from django.test import Client
from django.utils import translation

from cenconsole.regions.selectors import area_choices, areas_by_code

pytestmark = pytest.mark.django_db

CHINESE = {"HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9,en;q=0.8"}


def test_accept_language_decides_the_first_visit(client):
    english = client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9").content.decode()
    chinese = client.get("/accounts/login/", **CHINESE).content.decode()
    assert '<html lang="en">' in english and "Sign in to the CEN console" in english
    assert '<html lang="zh-hans">' in chinese and "登录云企业网控制台" in chinese


def test_the_switch_is_on_every_page_signed_in_or_not(client_user):
    """Signed in or not, every page's switch offers the language it is not in, named in its own words."""
    for response in (Client().get("/accounts/signup/"), client_user.get("/cen/instances/")):
        page = response.content.decode()
        assert 'action="/i18n/setlang/"' in page
        assert 'name="language" value="zh-hans" lang="zh-hans"' in page and ">简体中文</button>" in page
        assert 'name="language" value="en"' not in page
    chinese = client_user.get("/cen/instances/", **CHINESE).content.decode()
    assert 'name="language" value="en" lang="en"' in chinese and ">English</button>" in chinese
    assert 'name="language" value="zh-hans"' not in chinese


def test_the_switch_remembers_the_language_in_the_cookie(client):
    """A plain form POST (no JavaScript): set_language sets the cookie and returns to the same URL."""
    client.get("/accounts/login/")  # the CSRF cookie
    response = client.post(
        "/i18n/setlang/",
        {"language": "zh-hans", "next": "/accounts/login/", "csrfmiddlewaretoken": client.cookies["csrftoken"].value},
    )
    assert response.status_code == 302 and response["Location"] == "/accounts/login/"
    assert client.cookies[settings.LANGUAGE_COOKIE_NAME].value == "zh-hans"
    # The cookie outranks the browser's Accept-Language.
    assert "登录云企业网控制台" in client.get("/accounts/login/", HTTP_ACCEPT_LANGUAGE="en").content.decode()


def test_the_switch_needs_the_csrf_token(client):
    client = type(client)(enforce_csrf_checks=True)
    assert client.post("/i18n/setlang/", {"language": "zh-hans", "next": "/"}).status_code == 403


def test_the_instances_table_is_cached_per_language(client_user, cen_instance):
    """The table is cached per account state and language: one language never gets the other's."""
    english = client_user.get("/cen/instances/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    chinese = client_user.get("/cen/instances/", **CHINESE).content.decode()
    assert ">Manage<" in english and ">管理<" not in english
    assert ">管理<" in chinese and ">Manage<" not in chinese


def test_area_and_region_names_are_translated_when_shown_and_stored_once(client_user, cen_instance):
    china = areas_by_code()["China"]
    assert china.name == "Mainland China"
    with translation.override("zh-hans"):
        assert china.display_name == "中国内地"
        assert [region.display_name for region in china.regions.all()][:2] == ["华北1（青岛）", "华北2（北京）"]
        assert dict(area_choices())["North-America"] == "北美"
    # The per-process cache keeps the English rows: the next call in English reads English.
    with translation.override("en"):
        assert dict(area_choices())["North-America"] == "North America"
    page = client_user.get(f"/cen/bandwidth-packages/buy/?cen_id={cen_instance.pk}", **CHINESE).content.decode()
    assert "中国内地" in page and "华东1（杭州）" in page and "China (Hangzhou)" not in page


def test_amounts_keep_comma_grouping_in_chinese(client_user):
    """USD 10,000.00 in both languages (Django's zh_Hans would group by four with no separator)."""
    for headers in ({"HTTP_ACCEPT_LANGUAGE": "en"}, CHINESE):
        page = client_user.get("/cen/instances/", **headers).content.decode()
        assert '<strong id="balance">USD 10,000.00</strong>' in page


def test_package_rows_show_area_names_in_the_language(client_user, package):
    chinese = client_user.get("/cen/bandwidth-packages/", **CHINESE).content.decode()
    assert "中国内地 ↔ 北美" in chinese and "Mainland China" not in chinese
    english = client_user.get("/cen/bandwidth-packages/", HTTP_ACCEPT_LANGUAGE="en").content.decode()
    assert "Mainland China ↔ North America" in english


def test_notes_and_ledger_descriptions_are_stored_in_english_and_shown_in_the_language():
    from cenconsole.accounts.models import LedgerEntry
    from cenconsole.core.notes import note_display

    refund = LedgerEntry(description="Refund order 7: Deletion ticket TK000003: unused whole days.")
    charge = LedgerEntry(description="Buy order 5")
    opening = LedgerEntry(description="Opening credit")
    staff = LedgerEntry(description="Goodwill credit after the outage")
    with translation.override("zh-hans"):
        assert refund.description_display == "订单 7 退款：删除工单 TK000003：按剩余整天数退款。"
        assert charge.description_display == "新购订单 5"
        assert opening.description_display == "初始额度"
        assert staff.description_display == "Goodwill credit after the outage"  # a person's words, as written
        assert note_display("Downgrade order 9: 10 → 5 Mbps, unused whole days.") == (
            "降配订单 9：10 → 5 Mbps，按剩余整天数退款。"
        )
    with translation.override("en"):
        assert charge.description_display == "Buy order 5"
        assert refund.description_display == "Refund order 7: Deletion ticket TK000003: unused whole days."


def test_the_words_of_an_upgrade_are_shown_in_the_language():
    """An "Opening balance" left by an older release and the note of an order cancelled on upgrading
    read in Chinese."""
    from cenconsole.accounts.models import LedgerEntry
    from cenconsole.core.notes import ORDER_CANCELLED_ON_UPGRADE, note_display

    with translation.override("zh-hans"):
        assert LedgerEntry(description="Opening balance").description_display == "期初余额"
        assert note_display(ORDER_CANCELLED_ON_UPGRADE).startswith("控制台升级时已取消")
