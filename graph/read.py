"""Reading documents: input paths → clean article text.

The first stage of the pipeline, on the ground floor: it imports nothing of ours.
It reads plain text, HTML and JSON Lines in any encoding a Swedish file is found
in, and strips what scraped news pages carry besides the article: cookie notices,
ads, "Läs mer" link lists, bylines, photo credits, comment widgets, datelines,
repeated captions and section labels glued to the first word of a news brief.

Every document's text is a list of paragraphs joined by a blank line ("\\n\\n"),
in Unicode NFC, with odd white space folded, so that the character offsets later
stages record point at the same characters in anybody's copy of the text.

Public interface: `Document`, `ReadError`, `read_paths`, `read_file`, `read_text`.
"""

# ruff: noqa: RUF001, RUF002, RUF003 -- Swedish typography (– ” ’ ‚) is this module's subject.
from __future__ import annotations

import codecs
import itertools
import json
import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from html.parser import HTMLParser
from pathlib import Path
from typing import NamedTuple

# ---------------------------------------------------------------------------
# Public types
# ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Document:
    """One article, ready for the language pipeline."""

    id: str  # stable and unique within one read: file stem, or a JSON record's "id"
    text: str  # clean article text, paragraphs separated by "\n\n"
    title: str | None = None
    url: str | None = None
    date: str | None = None
    source: str | None = None  # outlet name if given
    path: str | None = None  # the file it came from


class ReadError(Exception):
    """Input that cannot be read; the message is one line naming the file and the problem."""


# ---------------------------------------------------------------------------
# Paths and files
# ---------------------------------------------------------------------------

TEXT_SUFFIXES = frozenset({".txt"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl"})
SUPPORTED_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def read_paths(paths: Iterable[Path]) -> list[Document]:
    """Read files and folders (a folder: its *.txt, *.html, *.htm, *.jsonl, sorted by name).

    A file named twice is read once; ids are made unique across the whole read.
    """
    if isinstance(paths, str | Path):  # one path given bare: not its characters one by one
        paths = [Path(paths)]
    documents: list[Document] = []
    seen: set[Path] = set()
    for given in paths:
        path = Path(given)
        for file in _folder_files(path) if path.is_dir() else [path]:
            key = file.resolve()
            if key not in seen:
                seen.add(key)
                documents.extend(read_file(file))
    return _unique_ids(documents)


def read_file(path: Path) -> list[Document]:
    """Read one .txt, .html/.htm (one document each) or .jsonl file (one document a line)."""
    path = Path(path)
    if path.is_dir():
        raise ReadError(f"{path}: is a folder, not a file (read_paths reads folders)")
    if not path.exists():
        raise ReadError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        raise ReadError(f"{path}: unsupported file type (use .txt, .html or .jsonl)")
    try:
        raw = decode(path.read_bytes())
    except OSError as error:
        raise ReadError(f"{path}: cannot be read ({error.strerror})") from None
    if suffix in JSONL_SUFFIXES:
        return _unique_ids(_jsonl_documents(raw, path))
    if suffix in HTML_SUFFIXES:
        page = extract_html(raw)
        return [
            _document(
                page.text, doc_id=path.stem, where=str(path), title=page.title,
                url=page.url, date=page.date, source=page.source, path=str(path),
            )
        ]
    return [_document(raw, doc_id=path.stem, where=str(path), path=str(path))]


def read_text(
    raw: str,
    *,
    doc_id: str,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Document:
    """Clean one article given as a string (plain text, possibly scraped) into a Document.

    Without a `title`, a short first paragraph that reads like a headline becomes the
    title; without a `date`, a dateline in the text ("2008-04-23 04:00") gives it.
    """
    return _document(raw, doc_id=doc_id, where=path or doc_id, title=title, url=url,
                     date=date, source=source, path=path)


def _folder_files(folder: Path) -> list[Path]:
    """The article files directly in a folder; hidden files and READMEs are not articles."""
    files = sorted(
        p for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in SUPPORTED_SUFFIXES
        and not p.name.startswith(".")  # editor and macOS side files ("._x.txt")
        and p.stem.upper() != "README"
    )
    if not files:
        raise ReadError(f"{folder}: folder has no articles (no .txt, .html, .htm or .jsonl files)")
    return files


def _jsonl_documents(raw: str, path: Path) -> list[Document]:
    """One document per non-blank line: {"text": …, "title"?, "url"?, "date"?, "source"?, "id"?}."""
    documents: list[Document] = []
    # Split on "\n" only: JSON strings may hold a raw U+2028, which str.splitlines breaks on.
    for number, line in enumerate(raw.split("\n"), start=1):
        if not line.strip():
            continue
        where = f"{path}: line {number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            raise ReadError(f"{path}: invalid JSON on line {number} ({error.msg})") from None
        if not isinstance(record, dict):
            raise ReadError(f"{where}: expected a JSON object with \"text\"")
        text = record.get("text")
        if text is None:
            raise ReadError(f"{where}: record has no \"text\"")
        if not isinstance(text, str):
            raise ReadError(f"{where}: \"text\" is not a string")
        documents.append(_document(
            text,
            doc_id=_record_field(record, "id") or f"{path.stem}-{number}",
            where=where,
            title=_record_field(record, "title"),
            url=_record_field(record, "url"),
            date=_record_field(record, "date"),
            source=_record_field(record, "source"),
            path=str(path),
        ))
    if not documents:
        raise ReadError(f"{path}: no articles (the file has no JSON lines)")
    return documents


def _record_field(record: dict[str, object], key: str) -> str | None:
    """A metadata field as a string (numbers too, as ids often are), or None if absent or blank."""
    value = record.get(key)
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        return None
    return _inline(str(value)) or None


def _unique_ids(documents: list[Document]) -> list[Document]:
    """Give later documents with an id already used the suffix -2, -3, … (first one keeps it)."""
    used: set[str] = set()
    unique: list[Document] = []
    for document in documents:
        doc_id, n = document.id, 1
        while doc_id in used:
            n += 1
            doc_id = f"{document.id}-{n}"
        used.add(doc_id)
        unique.append(document if doc_id == document.id else replace(document, id=doc_id))
    return unique


# ---------------------------------------------------------------------------
# Decoding and normalising
# ---------------------------------------------------------------------------


def decode(data: bytes) -> str:
    """Bytes of a Swedish text file → str: UTF-8 (with or without BOM), else Windows-1252.

    Windows-1252 bytes that spell å, ä, ö (E5, E4, F6) are never valid UTF-8, so trying
    UTF-8 first cannot misread a Windows file. UTF-16 (what Notepad calls "Unicode") is
    recognised by its BOM. Latin-1 is the last resort: it decodes any byte.
    """
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def _cp1252_char(byte: int) -> str:
    try:
        return bytes([byte]).decode("cp1252")
    except UnicodeDecodeError:  # the five bytes cp1252 leaves undefined read as Latin-1
        return chr(byte)


# UTF-8 that was once decoded as Windows-1252 ("mojibake"): ä (C3 A4) shows as "Ã¤",
# – (E2 80 93) as "â€“". Only these lead characters are repaired: "Ã", "Â" and "â€"
# do not occur before such characters in real Swedish text, so the repair is safe.
_CONTINUATION = "".join(_cp1252_char(b) for b in range(0x80, 0xC0))
_MOJIBAKE = re.compile(f"[ÂÃ][{re.escape(_CONTINUATION)}]|â[€‚][{re.escape(_CONTINUATION)}]")


def _repair_mojibake(text: str) -> str:
    def repair(match: re.Match[str]) -> str:
        try:
            return match.group().encode("cp1252").decode("utf-8")
        except UnicodeError:
            return match.group()

    return _MOJIBAKE.sub(repair, text)


_SPACE = " "
_ODD_SPACES = "\t\u00a0\u1680\u202f\u205f\u3000" + "".join(map(chr, range(0x2000, 0x200B)))
_INVISIBLE = "\u00ad\u180e\u200b\u200c\u200d\u2060\ufeff"  # soft hyphen, zero-width chars, BOM
_LINE_BREAKS = "\u000b\u000c\u0085\u2028\u2029"
_CONTROLS = "".join(  # all but tab and line breaks (handled above)
    map(chr, [*range(0x00, 0x09), *range(0x0E, 0x20), 0x7F, *range(0x80, 0x85), *range(0x86, 0xA0)])
)
_FOLD = str.maketrans(
    {**dict.fromkeys(map(ord, _ODD_SPACES), _SPACE),
     **dict.fromkeys(map(ord, _INVISIBLE + _CONTROLS)),
     **dict.fromkeys(map(ord, _LINE_BREAKS), "\n")}
)
_SPACE_RUN = re.compile(" {2,}")


def normalise(text: str) -> str:
    """NFC, Unix line ends, one plain space for every odd one, no invisible characters.

    A non-breaking space or a soft hyphen inside "14\u00a0000" or "för\u00adsäkring" would
    otherwise make two spellings of one word and shift offsets between copies of a text.
    """
    text = _repair_mojibake(text.replace("\r\n", "\n").replace("\r", "\n"))
    text = unicodedata.normalize("NFC", text).translate(_FOLD)
    return "\n".join(_SPACE_RUN.sub(" ", line).strip() for line in text.split("\n"))


def _inline(text: str) -> str:
    """One line of metadata: normalised, all white space folded to single spaces."""
    return " ".join(normalise(text).split())


# ---------------------------------------------------------------------------
# HTML
# ---------------------------------------------------------------------------


class Page(NamedTuple):
    """An HTML page's article as text (blocks separated by blank lines) and its metadata."""

    text: str
    title: str | None
    url: str | None
    date: str | None
    source: str | None


@dataclass
class _Element:
    tag: str
    attrs: dict[str, str]
    children: list[_Element | str] = field(default_factory=list)


#: Never article text, wherever they are.
_DROPPED_TAGS = frozenset({
    "head", "script", "style", "noscript", "template", "svg", "math", "canvas", "iframe",
    "object", "embed", "nav", "aside", "form", "button", "select", "textarea", "input", "footer",
    "dialog", "menu",
})
_VOID_TAGS = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
})
_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "dd", "details", "div", "dl", "dt", "figcaption",
    "figure", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "li", "main", "ol", "p", "pre",
    "section", "summary", "table", "td", "th", "tr", "ul",
})
#: Starting one of these closes an open <p> (HTML's implied end tag).
_CLOSES_P = _BLOCK_TAGS - {"body", "td", "th", "tr"}
#: Tags that close an open sibling of the same kind ("<li>a<li>b").
_SELF_CLOSING_SIBLINGS = frozenset({"p", "li", "dt", "dd", "tr", "td", "th", "option"})
#: Words in class and id values that mark page furniture ("cookie-banner", "article-byline").
_FURNITURE_NAMES = frozenset({
    "ad", "ads", "adsbygoogle", "advert", "advertisement", "annons", "annonser", "sponsor",
    "sponsored", "promo", "banner", "cookie", "cookies", "consent", "gdpr", "byline", "author",
    "authors", "credit", "credits", "photographer", "share", "sharing", "social", "related",
    "readmore", "lasmer", "comment", "comments", "newsletter", "breadcrumb", "breadcrumbs",
    "navigation", "navbar", "menu", "paywall", "subscribe", "signup", "tags", "sidebar",
    "popup", "modal", "toolbar", "teaser", "teasers",
})
_FURNITURE_ROLES = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog",
})
#: The elements that hold the page itself: never dropped for their class names ("ad-free").
_CONTAINER_TAGS = frozenset({"html", "body", "main", "article"})
#: An element named like furniture but holding more than this share of the text is the article.
_MAX_FURNITURE_SHARE = 0.5


class _TreeBuilder(HTMLParser):
    """A forgiving element tree: stray end tags are ignored, unclosed ones closed at the end."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Element("#document", {})
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        while len(self.stack) > 1 and self._implicitly_closed_by(tag):
            self.stack.pop()
        element = _Element(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(element)
        if tag not in _VOID_TAGS:
            self.stack.append(element)

    def _implicitly_closed_by(self, tag: str) -> bool:
        top = self.stack[-1].tag
        return (tag in _SELF_CLOSING_SIBLINGS and top == tag) or (tag in _CLOSES_P and top == "p")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Element(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _walk(element: _Element) -> Iterator[_Element]:
    yield element
    for child in element.children:
        if isinstance(child, _Element):
            yield from _walk(child)


def _plain(element: _Element) -> str:
    """All text under an element, white space folded (for titles and headings)."""
    parts: list[str] = []

    def collect(node: _Element) -> None:
        if node.tag in ("script", "style", "template"):
            return
        for child in node.children:
            if isinstance(child, str):
                parts.append(child)
            else:
                collect(child)

    collect(element)
    return _inline(" ".join(parts))


class _Furniture:
    """Decides which elements under the article's root are page furniture, not article."""

    def __init__(self, root: _Element) -> None:
        self.root = root
        self.root_chars = len(_plain(root))

    def __call__(self, element: _Element, in_article: bool) -> bool:
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
        return len(_plain(element)) < _MAX_FURNITURE_SHARE * self.root_chars

    @staticmethod
    def _named_as_furniture(attrs: dict[str, str]) -> bool:
        value = f"{attrs.get('class', '')} {attrs.get('id', '')}".lower()
        names = re.split(r"[^a-z0-9åäö]+", value)
        joined = {a + b for a, b in itertools.pairwise(names)}  # "read-more" → "readmore"
        return not _FURNITURE_NAMES.isdisjoint({*names, *joined})


_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")


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


def _article_root(document: _Element) -> _Element:
    """The element holding the article: the <article> with most text, else <main>, else <body>."""
    elements = list(_walk(document))
    articles = [e for e in elements
                if e.tag == "article" or e.attrs.get("itemprop") == "articleBody"]
    if articles:
        return max(articles, key=lambda e: len(_plain(e)))
    for element in elements:
        if element.tag == "main" or element.attrs.get("role") == "main":
            return element
    return next((e for e in elements if e.tag == "body"), document)


def _article_blocks(root: _Element) -> list[str]:
    """The text blocks under the root, furniture left out."""
    blocks = _Blocks()
    is_furniture = _Furniture(root)

    def emit(element: _Element, in_link: bool, in_article: bool) -> None:
        if is_furniture(element, in_article):
            return
        if element.tag == "br":
            blocks.line_break()
            return
        block = element.tag in _BLOCK_TAGS
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


def _meta(document: _Element) -> dict[str, str]:
    """<meta property|name=… content=…> and <link rel=canonical>, keys lower-cased."""
    found: dict[str, str] = {}
    for element in _walk(document):
        attrs = element.attrs
        key = attrs.get("property") or attrs.get("name") or attrs.get("itemprop")
        if element.tag == "meta" and key and element.attrs.get("content"):
            found.setdefault(key.lower(), _inline(element.attrs["content"]))
        if element.tag == "link" and element.attrs.get("rel", "").lower() == "canonical":
            found.setdefault("canonical", element.attrs.get("href", "").strip())
    return found


def _page_title(document: _Element, site: str | None) -> str | None:
    """The first <h1>, else <title> without the site name after " | " or " – "."""
    elements = list(_walk(document))
    for element in elements:
        if element.tag == "h1" and (text := _plain(element)):
            return text
    for element in elements:
        if element.tag == "title" and (text := _plain(element)):
            head, sep, tail = text.rpartition(" | ")
            if sep and head:
                return head
            for dash in (" – ", " - ", " — "):
                head, sep, tail = text.rpartition(dash)
                if sep and head and site and tail.casefold() == site.casefold():
                    return head
            return text
    return None


def extract_html(html: str) -> Page:
    """The article of an HTML page: its text blocks (furniture dropped) and metadata.

    The text still goes through the plain-text cleaning (bylines, credits, …) in
    `read_file`, since pages rarely mark all of their furniture in the markup.
    """
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    document = builder.root
    meta = _meta(document)
    source = meta.get("og:site_name") or meta.get("application-name")
    title = _page_title(document, source) or meta.get("og:title")
    root = _article_root(document)
    blocks = _article_blocks(root)
    # A headline placed above the <article> (or in a dropped page header) still opens the text.
    if title and title not in blocks:
        blocks.insert(0, title)
    date = (meta.get("article:published_time") or meta.get("datepublished") or meta.get("date")
            or meta.get("pubdate") or meta.get("dcterms.date") or _first_time(root))
    return Page(
        text="\n\n".join(blocks),
        title=title,
        url=meta.get("canonical") or meta.get("og:url") or None,
        date=_iso_day(date) if date else None,
        source=source,
    )


def _first_time(root: _Element) -> str | None:
    stamps = (e.attrs.get("datetime") for e in _walk(root) if e.tag == "time")
    return next((stamp for stamp in stamps if stamp), None)


def _iso_day(stamp: str) -> str:
    """"2008-04-23T04:00:00+02:00" → "2008-04-23"; anything else stays as written."""
    match = re.match(r"\d{4}-\d{2}-\d{2}", stamp.strip())
    return match.group() if match else stamp.strip()


# ---------------------------------------------------------------------------
# Cleaning scraped text
# ---------------------------------------------------------------------------

#: Labels a site puts on a piece to say what kind it is. Scraped, they end up glued
#: between the section name and the first word of a brief ("KriminalvårdenNyhetFör att…").
_KIND_LABELS = (
    "Nyheter", "Nyhet", "Debatt", "Ledare", "Krönika", "Analys", "Reportage", "Intervju",
    "Fördjupning", "Notis", "Replik", "Insändare", "Recension", "Granskning",
)
#: Lines that, alone, are page furniture (compared case-folded, without punctuation around).
_FURNITURE_LINES = frozenset({
    "annons", "annonser", "reklam", "sponsrat", "sponsrad artikel", "foto", "bild", "video",
    "mer läsning", "läs mer", "läs också", "läs även", "relaterat", "relaterade artiklar",
    "fler artiklar", "mest läst", "mest lästa", "senaste nytt", "dela", "dela artikeln",
    "dela på facebook", "dela på twitter", "dela på linkedin", "skriv ut", "kopiera länk",
    "tipsa", "tipsa oss", "tipsa redaktionen", "prenumerera", "logga in", "meny", "sök", "stäng",
    "lyssna", "spela upp", "kommentarer", "kommentera", "tyck till", "visa fler",
    "visa kommentarer", "bli den första att tycka till", "så jobbar vi med nyheter", "nyhetsbrev",
    "följ", "gilla", "publicerad", "uppdaterad", "till startsidan", "hoppa till innehållet",
    *(label.casefold() for label in _KIND_LABELS),
})
_FURNITURE_STRIP = " \t:;.,!?|/•·–—-"

_UPPER = "A-ZÅÄÖÉÜØÆ"
_LOWER = "a-zåäöéüøæ"
_CAPITALISED = rf"[{_UPPER}][{_LOWER}'’]+(?:-[{_UPPER}]?[{_LOWER}'’]+)*"  # Lars-Åke, Marie-Louise
_FULL_NAME = rf"{_CAPITALISED}(?:\s+(?:(?:von|af|van|de|der|den)\s+)?{_CAPITALISED}){{1,3}}"

# A byline: "Av Anna Svensson", "Text: Per Ek och Eva Lind", and, scraped, "AVSusanne Eriksson"
# with the comment counter glued on. What may follow the names is short and no sentence.
_BYLINE = re.compile(
    rf"^(?:AV(?=[{_UPPER}])|(?:Av|AV|Text|Text och (?:foto|bild)|(?:Foto|Bild) och text|Reporter"
    rf"|Skribent)(?:\s*:\s*|\s+))"
    rf"{_FULL_NAME}(?:\s*(?:,|och|&)\s*{_FULL_NAME})*"
    rf"(?:\s*|\s*\d[^.!?]{{0,30}}|\s*[|,/]\s*[^.!?]{{0,40}}|\s*\S+@\S+.*|\s*(?:Publicerad|Uppdaterad).*)$"
)
_CREDIT_WORD = r"(?:Foto|FOTO|Bild|BILD|Fotograf|Illustration|Grafik)"
# "Foto:", "Foto: Håkan Luthman", "Bild: TT", "Foto Jonas Ekströmer/TT" as a line of their own.
_CREDIT_LINE = re.compile(
    rf"^{_CREDIT_WORD}(?:\s*:\s*[^.!?]{{0,60}}|\s+{_FULL_NAME}(?:\s*/\s*\S+)?)$"
)
# A credit glued to the end of a caption: "…försäkringscenter.Foto: Robert Gahnfelt".
_CREDIT_TAIL = re.compile(
    rf"(?:(?<=[.!?”\"»)])|\s+)\(?{_CREDIT_WORD}\s*:\s*[^.!?:()]{{1,60}}\)?$"
)
#: A caption left with fewer words than this once its credit is gone only named the
#: person pictured ("Johan Quist."), which the article says anyway.
_MIN_CAPTION_WORDS = 3

_COOKIE = re.compile(r"\b(?:cookies?|kakor)\b", re.IGNORECASE)
_CONSENT = re.compile(
    r"godkänn|acceptera|samtyck|\bvi (?:använder|sparar)\b|läs mer|inställningar|hantera",
    re.IGNORECASE,
)
_MAX_NOTICE_WORDS = 60
_COMMENT_WIDGET = re.compile(r"\d+\s*kommentar|tyck till!|kommentera artikeln", re.IGNORECASE)
_MAX_WIDGET_WORDS = 10

# "Läs mer:" or "Mer läsning" over a list of headline links, and one-line "Läs mer här!" teasers.
_READ_MORE_HEADING = re.compile(
    r"^(?:läs (?:mer|också|även)|mer läsning|mer om ämnet|relaterat|relaterade artiklar"
    r"|fler artiklar|se också|mest lästa?)(?:\s+(?:om|från|i)\s+[^.!?]{1,40})?\s*:?$",
    re.IGNORECASE,
)
_READ_MORE_LINE = re.compile(r"^(?:läs (?:mer|också|även)|se också)\b|\bläs mer(?: här)?\s*[!.]?$",
                             re.IGNORECASE)
_MAX_TEASER_WORDS = 12
_MAX_HEADLINE_WORDS = 16
_MAX_HEADLINE_CHARS = 140
_DIALOGUE = re.compile(r"^[–—-]\s")  # "– Det var en sanning…": an answer, not a headline

_MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "feb": 2, "mars": 3, "mar": 3, "april": 4, "apr": 4,
    "maj": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "augusti": 8, "aug": 8, "september": 9,
    "sept": 9, "sep": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "december": 12,
    "dec": 12,
}
_DATE = (
    r"(?:(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})"
    rf"|(?P<day>\d{{1,2}})\s+(?P<month>{'|'.join(_MONTHS)})\.?\s+(?P<year>\d{{4}}))"
)
_CLOCK = r"(?:kl\.?\s*)?\d{1,2}[:.]\d{2}"
_STAMP = r"(?:senast uppdaterad|publicerad|uppdaterad|publ\.|uppd\.)"
# A dateline is a date (and time) alone, after "Publicerad", or glued to a section name
# ("Ekonomi, näringsliv & finans2008-04-23 04:00"); a sentence ending in a date is not.
_DATELINE = re.compile(
    rf"^(?:{_STAMP}\s*:?\s*|[^.!?]{{0,60}}[^\s\d])?{_DATE}(?:[\s,]*{_CLOCK})?(?:\s*{_STAMP}.*)?$",
    re.IGNORECASE,
)
# A clock time or a clip's length alone: "04:00", "3:30 min".
_TIME_LINE = re.compile(rf"^{_CLOCK}(?:\s*(?:min|minuter|sek|tim))?$", re.IGNORECASE)

# Section labels glued to a brief's first word, in three shapes: a kind label between
# ("RättsväsendetNyhetRegeringen"), a lower-case word run into a capital ("…
# automatiseringPå jobbet"), a label run into an opening quote ("På jobbet”Administration").
# Brand names in camel case start with a capital (PostNord) and so are left alone.
_KIND_GLUE = re.compile(
    rf"^\S.{{0,40}}?[^\W\d_](?:{'|'.join(_KIND_LABELS)})\s*(?=[{_UPPER}0-9\"”«–])"
)
_CAMEL_GLUE = re.compile(rf"^(?:[^\s.!?]+\s+){{0,5}}[{_LOWER}]{{4,}}(?=[{_UPPER}][{_LOWER}])")
_QUOTE_GLUE = re.compile(
    rf"^(?:[^\s.!?”\"«»]+\s+){{0,4}}[^\s.!?”\"«»]*[^\W\d_](?=[”\"«][{_UPPER}])"
)
_MAX_GLUED_LABELS = 3

_EMAIL_LINE = re.compile(r"^(?:e-?post:?\s*)?\S+@\S+\.\w+$", re.IGNORECASE)
_BULLET = re.compile(r"^[•·▪►■◦‣]\s*")
#: Paragraphs shorter than this may repeat legitimately ("– Ja."); longer repeats are
#: scraped captions printed twice.
_MIN_DEDUP_WORDS = 5


class Cleaned(NamedTuple):
    """Scraped text cleaned: the article's paragraphs, and the date of a dateline if seen."""

    paragraphs: list[str]
    date: str | None


def clean(text: str) -> Cleaned:
    """Drop the boilerplate of scraped Swedish news from normalised text, line by line.

    Lines become paragraphs; a line broken inside a sentence (next line starts in lower
    case) is joined back. Dropped lines separate paragraphs.
    """
    kept: list[str | None] = []  # None: a paragraph break
    date: str | None = None
    in_link_list = False
    for raw_line in text.split("\n"):
        line = _BULLET.sub("", _unglue_labels(raw_line))
        if in_link_list:
            if not line or _looks_like_headline(line):
                continue
            in_link_list = False
        if not line:
            kept.append(None)
            continue
        if _READ_MORE_HEADING.match(line):
            in_link_list = True
            kept.append(None)
            continue
        if (stamp := _DATELINE.match(line)) is not None:
            date = date or _dateline_day(stamp)
            kept.append(None)
            continue
        line = _without_credit(line)
        kept.append(None if not line or _is_furniture_line(line) else line)
    return Cleaned(_deduplicated(_paragraphs(kept)), date)


def _unglue_labels(line: str) -> str:
    """Split section labels off the first word of a brief and drop them."""
    for _ in range(_MAX_GLUED_LABELS):
        match = _KIND_GLUE.match(line) or _CAMEL_GLUE.match(line) or _QUOTE_GLUE.match(line)
        if match is None:
            break
        line = line[match.end():].lstrip()
    return line


def _without_credit(line: str) -> str:
    """The line without a photo credit glued to its end ("" if only a name was left)."""
    if _CREDIT_LINE.match(line):
        return ""
    stripped = _CREDIT_TAIL.sub("", line)
    if stripped != line and len(stripped.split()) < _MIN_CAPTION_WORDS:
        return ""
    return stripped


def _is_furniture_line(line: str) -> bool:
    """Whether a whole line is page furniture: ads, widgets, bylines, cookie notices, …"""
    words = line.split()
    if not any(ch.isalnum() for ch in line):
        return True  # "/", "***", a lone bullet
    if line.strip(_FURNITURE_STRIP).casefold() in _FURNITURE_LINES:
        return True
    if len(words) == 1 and line.isupper() and len(line) >= 4:
        return True  # a kicker naming the topic: "FÖRSÄKRINGSKASSAN"
    if _TIME_LINE.match(line) or _BYLINE.match(line) or _EMAIL_LINE.match(line):
        return True
    if _COOKIE.search(line) and _CONSENT.search(line) and len(words) <= _MAX_NOTICE_WORDS:
        return True
    if len(words) <= _MAX_WIDGET_WORDS and not line.endswith(".") and _COMMENT_WIDGET.search(line):
        return True
    return len(words) <= _MAX_TEASER_WORDS and _READ_MORE_LINE.search(line) is not None


def _looks_like_headline(line: str) -> bool:
    """A short line without a full stop: an item of a link list, a title, a sub-heading."""
    return (
        0 < len(line.split()) <= _MAX_HEADLINE_WORDS
        and len(line) <= _MAX_HEADLINE_CHARS
        and not line.endswith((".", ":", ","))
        and not _DIALOGUE.match(line)
    )


def _dateline_day(match: re.Match[str]) -> str:
    if match["y"]:
        return f"{match['y']}-{match['m']}-{match['d']}"
    return f"{match['year']}-{_MONTHS[match['month'].lower()]:02d}-{int(match['day']):02d}"


def _paragraphs(lines: list[str | None]) -> list[str]:
    """Lines to paragraphs, joining a line broken inside a sentence to its successor."""
    paragraphs: list[str] = []
    previous: str | None = None
    for line in lines:
        if line is None:
            previous = None
            continue
        if previous is not None and _continues(previous, line):
            paragraphs[-1] = previous = f"{previous} {line}"
        else:
            paragraphs.append(line)
            previous = line
    return paragraphs


def _continues(previous: str, line: str) -> bool:
    """A hard-wrapped sentence: a line stopping mid-sentence, the next going on in lower case."""
    return (previous[-1].isalnum() or previous[-1] in ",-") and line[0].islower()


def _deduplicated(paragraphs: list[str]) -> list[str]:
    seen: set[str] = set()
    unique: list[str] = []
    for paragraph in paragraphs:
        if len(paragraph.split()) >= _MIN_DEDUP_WORDS:
            if paragraph in seen:
                continue
            seen.add(paragraph)
        unique.append(paragraph)
    return unique


# ---------------------------------------------------------------------------
# Documents
# ---------------------------------------------------------------------------


def _document(
    raw: str,
    *,
    doc_id: str,
    where: str,
    title: str | None = None,
    url: str | None = None,
    date: str | None = None,
    source: str | None = None,
    path: str | None = None,
) -> Document:
    """Clean `raw` into a Document; `where` names the input in error messages."""
    cleaned = clean(normalise(raw))
    if not cleaned.paragraphs:
        raise ReadError(f"{where}: empty article (no text left after removing boilerplate)")
    first = cleaned.paragraphs[0]
    if title is None and _looks_like_headline(first):
        title = first
    return Document(
        id=doc_id,
        text="\n\n".join(cleaned.paragraphs),
        title=_inline(title) if title else None,
        url=url,
        date=date or cleaned.date,
        source=source,
        path=path,
    )
