"""Templates that show text load i18n, so their text can be marked for translation.

Whether every word sits inside a translation tag is not checked (units such as Mbps, USD and UTC
stay as they are); a template with visible text and no {% load i18n %} is the slip this catches."""

import re
from pathlib import Path

import pytest
from django.conf import settings
from django.template.base import Lexer, TokenType

TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"
TEMPLATES = sorted(path.relative_to(TEMPLATES_DIR).as_posix() for path in TEMPLATES_DIR.rglob("*.html"))

HTML_TAG = re.compile(r"<[^>]*>")
HTML_ENTITY = re.compile(r"&#?\w+;")


def visible_text(source: str) -> str:
    """The template's text outside template tags, variables, comments, HTML tags and entities."""
    text, in_comment = [], False
    for token in Lexer(source).tokenize():
        if token.token_type == TokenType.BLOCK and token.contents in ("comment", "endcomment"):
            in_comment = token.contents == "comment"
        elif token.token_type == TokenType.TEXT and not in_comment:
            text.append(token.contents)
    return HTML_ENTITY.sub("", HTML_TAG.sub("", "".join(text)))


def loads_i18n(source: str) -> bool:
    """Whether the template has a {% load %} tag naming the i18n library."""
    blocks = [token.split_contents() for token in Lexer(source).tokenize() if token.token_type == TokenType.BLOCK]
    return any(bits[:1] == ["load"] and "i18n" in bits[1:] for bits in blocks)


def test_visible_text_ignores_tags_variables_comments_and_markup():
    """Markup, template syntax and comments are not visible text."""
    source = (
        '{% comment %}A note{% endcomment %}<div class="panel" aria-label="{{ label }}">'
        "{% if x %}{{ y }}{% endif %}&rsaquo;</div>"
    )
    assert not re.search(r"[A-Za-z]", visible_text(source))


def test_visible_text_finds_words_between_tags():
    """Words between HTML tags are visible text."""
    assert "Sign in" in visible_text('<button class="btn">Sign in</button>')


def test_the_templates_are_found():
    """The parametrised check below runs over the project's templates."""
    assert "base.html" in TEMPLATES


@pytest.mark.parametrize("name", TEMPLATES)
def test_template_with_visible_text_loads_i18n(name):
    """A template with visible text loads the i18n tags to mark it."""
    source = (TEMPLATES_DIR / name).read_text(encoding="utf-8")
    if re.search(r"[A-Za-z]", visible_text(source)):
        assert loads_i18n(source), f"{name} shows text but does not {{% load i18n %}}"
