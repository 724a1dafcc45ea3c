"""The article of an HTML page: its text blocks, page furniture left out, and its metadata.

Menus, cookie banners, share buttons, "Läs mer" lists and the like are recognised by
their tags, their ARIA roles and the words in their class and id names; blocks that
are nothing but links are dropped too.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from graph.read.dates import iso_day
from graph.read.decode import inline
from graph.read.html_tree import BLOCK_TAGS, Element, parse_html, plain_text, walk


class Page(NamedTuple):
    """An HTML page's article as text (blocks separated by blank lines) and its metadata."""

    text: str
    title: str | None
    url: str | None
    date: str | None
    source: str | None


#: Never article text, wherever they are.
_DROPPED_TAGS = frozenset(
    {
        "head",
        "script",
        "style",
        "noscript",
        "template",
        "svg",
        "math",
        "canvas",
        "iframe",
        "object",
        "embed",
        "nav",
        "aside",
        "form",
        "button",
        "select",
        "textarea",
        "input",
        "footer",
        "dialog",
        "menu",
    }
)
#: Words in class and id values that mark page furniture ("cookie-banner", "article-byline").
_FURNITURE_NAMES = frozenset(
    {
        "ad",
        "ads",
        "adsbygoogle",
        "advert",
        "advertisement",
        "annons",
        "annonser",
        "sponsor",
        "sponsored",
        "promo",
        "banner",
        "cookie",
        "cookies",
        "consent",
        "gdpr",
        "byline",
        "author",
        "authors",
        "credit",
        "credits",
        "photographer",
        "share",
        "sharing",
        "social",
        "related",
        "readmore",
        "lasmer",
        "comment",
        "comments",
        "newsletter",
        "breadcrumb",
        "breadcrumbs",
        "navigation",
        "navbar",
        "menu",
        "paywall",
        "subscribe",
        "signup",
        "tags",
        "sidebar",
        "popup",
        "modal",
        "toolbar",
        "teaser",
        "teasers",
    }
)
_FURNITURE_ROLES = frozenset(
    {
        "navigation",
        "banner",
        "contentinfo",
        "complementary",
        "search",
        "dialog",
        "alertdialog",
    }
)
#: The elements that hold the page itself: never dropped for their class names ("ad-free").
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article"})
#: An element named like furniture but holding more than this share of the text is the article.
_MAX_FURNITURE_SHARE = 0.5
#: Meta keys naming the publication time, most specific first.
_DATE_META_KEYS = (
    "article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "dcterms.date",
)
_TITLE_SITE_SEPARATORS = (" – ", " - ", " — ")
_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


def extract_html(html: str) -> Page:
    """The article of an HTML page: its text blocks (furniture dropped) and metadata.

    The text still goes through the plain-text cleaning (bylines, credits, …) in
    `read_file`, since pages rarely mark all of their furniture in the markup.
    """
    document = parse_html(html)
    meta = _meta(document)
    source = meta.get("og:site_name") or meta.get("application-name")
    title = _page_title(document, source) or meta.get("og:title")
    root = _article_root(document)
    blocks = _article_blocks(root)
    # A headline placed above the <article> (or in a dropped page header) still opens the text.
    if title and title not in blocks:
        blocks.insert(0, title)
    date = next((meta[key] for key in _DATE_META_KEYS if meta.get(key)), None) or _first_time(root)
    return Page(
        text="\n\n".join(blocks),
        title=title,
        url=meta.get("canonical") or meta.get("og:url") or None,
        date=iso_day(date) if date else None,
        source=source,
    )


# --- metadata ----------------------------------------------------------------


def _meta(document: Element) -> dict[str, str]:
    """<meta property|name=… content=…> and <link rel=canonical>, keys lower-cased."""
    found: dict[str, str] = {}
    for element in walk(document):
        attrs = element.attrs
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if element.tag == "meta" and key and attrs.get("content"):
            found.setdefault(key.lower(), inline(attrs["content"]))
        if element.tag == "link" and attrs.get("rel", "").lower() == "canonical":
            found.setdefault("canonical", attrs.get("href", "").strip())
    return found


def _page_title(document: Element, site: str | None) -> str | None:
    """The first <h1>, else <title> without the site name after " | " or " – "."""
    elements = list(walk(document))
    for element in elements:
        if element.tag == "h1" and (text := plain_text(element)):
            return text
    for element in elements:
        if element.tag == "title" and (text := plain_text(element)):
            head, sep, _ = text.rpartition(" | ")
            if sep and head:
                return head
            for dash in _TITLE_SITE_SEPARATORS:
                head, sep, tail = text.rpartition(dash)
                if sep and head and site and tail.casefold() == site.casefold():
                    return head
            return text
    return None


def _first_time(root: Element) -> str | None:
    """The first <time datetime=…> in the article."""
    stamps = (e.attrs.get("datetime") for e in walk(root) if e.tag == "time")
    return next((stamp for stamp in stamps if stamp), None)


# --- article text ------------------------------------------------------------


def _article_root(document: Element) -> Element:
    """The element holding the article: the <article> with most text, else <main>, else <body>."""
    elements = list(walk(document))
    articles = [
        e for e in elements if e.tag == "article" or e.attrs.get("itemprop") == "articleBody"
    ]
    if articles:
        return max(articles, key=lambda e: len(plain_text(e)))
    for element in elements:
        if element.tag == "main" or element.attrs.get("role") == "main":
            return element
    return next((e for e in elements if e.tag == "body"), document)


def _article_blocks(root: Element) -> list[str]:
    """The text blocks under the root, furniture left out."""
    blocks = _Blocks()
    is_furniture = _Furniture(root)

    def emit(element: Element, in_link: bool, in_article: bool) -> None:
        if is_furniture(element, in_article):
            return
        if element.tag == "br":
            blocks.line_break()
            return
        block = element.tag in BLOCK_TAGS
        if block:
            blocks.flush()
        for child in element.children:
            if isinstance(child, str):
                blocks.add(child, in_link)
            else:
                emit(child, in_link or child.tag == "a", in_article or child.tag == "article")
        if block:
            blocks.flush()

    emit(root, False, root.tag == "article")
    blocks.flush()
    return blocks.blocks


class _Furniture:
    """Decides which elements under the article's root are page furniture, not article."""

    def __init__(self, root: Element) -> None:
        self.root = root
        self.root_chars = len(plain_text(root))

    def __call__(self, element: Element, in_article: bool) -> bool:
        if element is self.root:
            return False
        if element.tag in _DROPPED_TAGS:
            return True
        # A page's <header> holds the logo and the menu; an <article>'s, the headline.
        if element.tag == "header" and not in_article:
            return True
        attrs = element.attrs
        if "hidden" in attrs or attrs.get("aria-hidden") == "true":
            return True
        if attrs.get("role") in _FURNITURE_ROLES:
            return True
        if element.tag in _CONTAINER_TAGS or not self._named_as_furniture(attrs):
            return False
        # Class names are only a hint: "article-body has-social-links" is still the article,
        # and furniture never holds most of the text.
        return len(plain_text(element)) < _MAX_FURNITURE_SHARE * self.root_chars

    @staticmethod
    def _named_as_furniture(attrs: dict[str, str]) -> bool:
        value = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
        names = re.split(r"[^a-z0-9åäö]+", value)
        joined = {a + b for a, b in itertools.pairwise(names)}  # "read-more" → "readmore"
        return not _FURNITURE_NAMES.isdisjoint({*names, *joined})


class _Blocks:
    """Collects the text of block elements; drops blocks that are nothing but links."""

    def __init__(self) -> None:
        self.blocks: list[str] = []
        self.parts: list[tuple[str, bool]] = []  # (text, inside a link)

    def add(self, text: str, in_link: bool) -> None:
        # White space in HTML source is layout; only <br> breaks a line.
        self.parts.append((_HTML_SPACE.sub(" ", text), in_link))

    def line_break(self) -> None:
        self.parts.append(("\n", False))

    def flush(self) -> None:
        text = "".join(t for t, _ in self.parts)
        unlinked = "".join(t for t, link in self.parts if not link)
        self.parts = []
        lines = [" ".join(line.split()) for line in text.split("\n")]
        block = "\n".join(line for line in lines if line)
        # A block that is only links is a menu, a tag list or a "Läs mer" list.
        if block and any(ch.isalnum() for ch in unlinked):
            self.blocks.append(block)
