"""HTML source → a forgiving element tree, and the text under an element.

Scraped pages are rarely well formed, so the tree is built the way a browser would
in the common cases: stray end tags are ignored, unclosed ones closed at the end,
and a new block closes an open <p> or a sibling <li>.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from html.parser import HTMLParser

from graph.read.decode import inline

#: Elements that start a block of text of their own.
BLOCK_TAGS = frozenset(
    {
        "address",
        "article",
        "blockquote",
        "body",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
    }
)
_VOID_TAGS = frozenset(
    {
        "area",
        "base",
        "br",
        "col",
        "embed",
        "hr",
        "img",
        "input",
        "link",
        "meta",
        "param",
        "source",
        "track",
        "wbr",
    }
)
#: Starting one of these closes an open <p> (HTML's implied end tag).
_CLOSES_P = BLOCK_TAGS - {"body", "td", "th", "tr"}
#: Tags that close an open sibling of the same kind ("<li>a<li>b").
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
#: Elements whose content is never text a reader sees.
_NON_TEXT_TAGS = frozenset({"script", "style", "template"})


@dataclass
class Element:
    """One HTML element: its tag, its attributes (valueless ones as ""), its children in order."""

    tag: str
    attrs: dict[str, str]
    children: list[Element | str] = field(default_factory=list)


def parse_html(html: str) -> Element:
    """The element tree of a page, under a "#document" root."""
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def walk(element: Element) -> Iterator[Element]:
    """The element and all elements under it, in document order."""
    yield element
    for child in element.children:
        if isinstance(child, Element):
            yield from walk(child)


def plain_text(element: Element) -> str:
    """All text under an element, white space folded (for titles and headings)."""
    parts: list[str] = []

    def collect(node: Element) -> None:
        if node.tag in _NON_TEXT_TAGS:
            return
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                collect(child)

    collect(element)
    return inline(" ".join(parts))


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: stray end tags are ignored, unclosed ones closed at the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        while len(self.stack) > 1 and self._implicitly_closed_by(tag):
            self.stack.pop()
        element = _element(tag, attrs)
        self.stack[-1].children.append(element)
        if tag not in _VOID_TAGS:
            self.stack.append(element)

    def _implicitly_closed_by(self, tag: str) -> bool:
        top = self.stack[-1].tag
        return (tag in _SELF_CLOSING_SIBLINGS and top == tag) or (tag in _CLOSES_P and top == "p")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_element(tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _element(tag: str, attrs: list[tuple[str, str | None]]) -> Element:
    return Element(tag, {name: value or "" for name, value in attrs})
