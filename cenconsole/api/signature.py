"""Signature version 1.0 (HMAC-SHA1) of Alibaba Cloud's RPC API, computed as the official SDK does
(aliyunsdkcore.auth.composer.rpc_signature_composer):

    StringToSign = METHOD + "&" + percent("/") + "&" + percent(canonical query)
    canonical query = "&".join(percent(name) + "=" + percent(value)), sorted by name
    Signature = base64(HMAC-SHA1(secret + "&", StringToSign))

where percent() encodes every byte of the UTF-8 form except A-Z a-z 0-9 - _ . ~ (a space is %20,
never +; * is %2A)."""

import base64
import hashlib
import hmac
from urllib.parse import quote

SIGNATURE_METHOD = "HMAC-SHA1"
SIGNATURE_VERSION = "1.0"


def percent_encode(value: str) -> str:
    return quote(value, safe="~")


def string_to_sign(method: str, parameters: dict[str, str]) -> str:
    """Every parameter the request carries (query and form body), except Signature itself."""
    canonical = "&".join(
        f"{percent_encode(name)}={percent_encode(value)}"
        for name, value in sorted(parameters.items())
        if name != "Signature"
    )
    return f"{method.upper()}&{percent_encode('/')}&{percent_encode(canonical)}"


def sign(text: str, secret: str) -> str:
    digest = hmac.new(f"{secret}&".encode(), text.encode(), hashlib.sha1).digest()
    return base64.b64encode(digest).decode("ascii")


def signature_matches(signature: str, text: str, secret: str) -> bool:
    return hmac.compare_digest(signature.encode(), sign(text, secret).encode())
