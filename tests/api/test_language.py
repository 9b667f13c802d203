"""The API answers in English whatever the language cookie or Accept-Language says: SDKs parse its
messages, and the area names in them stay the API's."""

import pytest
from django.conf import settings

from tests.api.conftest import common_parameters, sdk_sign

pytestmark = pytest.mark.django_db


def test_api_errors_stay_english_with_a_chinese_cookie(client, access_key, cen_instance):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    parameters = sdk_sign(
        "POST",
        common_parameters(
            "SetCenInterRegionBandwidthLimit",
            CenId=cen_instance.pk,
            LocalRegionId="cn-hangzhou",
            OppositeRegionId="us-east-1",
            BandwidthLimit="5",
        ),
    )
    response = client.post("/", parameters, HTTP_ACCEPT_LANGUAGE="zh-CN,zh;q=0.9")
    body = response.json()
    assert response.status_code == 400, body
    assert "Mainland China ↔ North America" in body["Message"]
    assert "China (Hangzhou)" in body["Message"]
    assert not any("\u4e00" <= character <= "\u9fff" for character in body["Message"])
    assert response["Content-Language"] == "en"


def test_api_limit_errors_stay_english(client):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "zh-hans"
    response = client.get("/api/nothing-here", HTTP_ACCEPT_LANGUAGE="zh-CN")
    assert response.status_code == 404
    assert response.json()["Code"] == "InvalidAction.NotFound"
    assert response["Content-Language"] == "en"
