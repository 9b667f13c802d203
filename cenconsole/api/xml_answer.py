"""Answers in XML, for V1 clients that send Format=XML, shaped as the real API's: the root element
named after the action plus "Response", each key an element, a list as its item element repeated
(CenIds: {CenId: [a, b]} is <CenIds><CenId>a</CenId><CenId>b</CenId></CenIds>), booleans as
true/false; an error is <Error> with RequestId, HostId, Code and Message."""

import re
from xml.sax.saxutils import escape

CONTENT_TYPE = "text/xml;charset=utf-8"  # what alibabacloud-tea-openapi checks before parsing an XML error
HOST_ID = "cbn.aliyuncs.com"
# What XML 1.0 cannot hold, even as a character reference: C0 controls but tab, LF and CR; lone
# surrogates; U+FFFE and U+FFFF. The services refuse control characters in names and descriptions;
# a row written before that rule is answered with U+FFFD in their place, so the answer still parses.
NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _text(value) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return escape(NOT_XML.sub("\ufffd", "" if value is None else str(value)))


def _element(name: str, value) -> str:
    if isinstance(value, dict):
        return f"<{name}>{''.join(_element(key, item) for key, item in value.items())}</{name}>"
    if isinstance(value, list):
        return "".join(_element(name, item) for item in value)
    return f"<{name}>{_text(value)}</{name}>"


def document(root: str, body: dict) -> str:
    return f'<?xml version="1.0" encoding="UTF-8"?>\n{_element(root, body)}'


def answer(action: str, body: dict) -> str:
    return document(f"{action}Response", body)


def error(body: dict) -> str:
    return document(
        "Error",
        {
            "RequestId": body["RequestId"],
            "HostId": HOST_ID,
            **{key: value for key, value in body.items() if key != "RequestId"},
        },
    )
