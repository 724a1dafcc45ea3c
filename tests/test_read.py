"""Reading documents: encodings, HTML, JSON Lines, scraped boilerplate, bad input."""


from __future__ import annotations

from pathlib import Path

import pytest

from graph.read import Document, ReadError, read_file, read_paths, read_text

FIXTURES = Path(__file__).parent / "fixtures" / "read"
SEEDS = Path(__file__).parent.parent / "seeds"


def paragraphs(document: Document) -> list[str]:
    return document.text.split("\n\n")


# --- encodings and characters ----------------------------------------------


def test_windows_1252_file_reads_as_swedish() -> None:
    [document] = read_file(FIXTURES / "windows1252.txt")
    assert paragraphs(document) == [
        "Skatteverket öppnar nytt kontor i Örebro",
        "Skatteverket anställer 40 handläggare i Örebro – fler än väntat.",
        "”Vi behöver fler på plats”, säger regionchefen Åsa Öberg.",
    ]
    assert document.id == "windows1252"
    assert document.title == "Skatteverket öppnar nytt kontor i Örebro"
    assert document.path == str(FIXTURES / "windows1252.txt")


def test_utf8_with_bom_folds_non_breaking_space_and_soft_hyphen() -> None:
    [document] = read_file(FIXTURES / "utf8_bom.txt")
    assert paragraphs(document) == [
        "Arbetsförmedlingen har 12 000 anställda.",
        "Myndigheten ska förstärka sin närvaro i Kiruna.",
    ]
    assert document.title is None  # the first paragraph is a sentence, not a headline


def test_utf16_with_bom(tmp_path: Path) -> None:
    file = tmp_path / "notepad.txt"
    file.write_bytes("Kronofogden i Växjö anställer tio personer.".encode("utf-16"))
    assert read_file(file)[0].text == "Kronofogden i Växjö anställer tio personer."


def test_utf8_once_read_as_windows_1252_is_repaired() -> None:
    document = read_text("FÃ¶rsÃ¤kringskassan i Ã–stersund anstÃ¤ller â€“ 240 personer.",
                         doc_id="x")
    assert document.text == "Försäkringskassan i Östersund anställer – 240 personer."


def test_unicode_is_nfc_and_odd_white_space_folded() -> None:
    raw = "Sko\u0308vde\u200b kommun\tväxer:\u202f3\u00a0000 nya\u2005jobb.\r\nKa\u0308llan: SCB."
    assert read_text(raw, doc_id="x").text == "Skövde kommun växer: 3 000 nya jobb.\n\nKällan: SCB."


# --- HTML --------------------------------------------------------------------


def test_html_page_keeps_the_article_and_drops_the_furniture() -> None:
    [document] = read_file(FIXTURES / "page.html")
    assert paragraphs(document) == [
        "Försäkringskassan öppnar kontor i Luleå",
        "Kontoret ligger vid Storgatan.",
        # Two source lines of one <p>: HTML white space is layout, not a paragraph break.
        "Försäkringskassan öppnar ett nytt servicekontor i Luleå i höst. "
        "Kontoret får 25 anställda.",
        "– Vi vill finnas nära kunderna, säger regionchefen Lars Nilsson.",
        "Beslutet togs av myndighetens ledning i februari.",
        "Kontoret öppnar den 1 september.",
    ]
    assert document.title == "Försäkringskassan öppnar kontor i Luleå"
    assert document.source == "Norrlandsposten"
    assert document.date == "2019-03-14"
    assert document.url == "https://example.se/nyheter/fk-lulea"


def test_html_without_article_element_uses_body_and_page_title(tmp_path: Path) -> None:
    page = tmp_path / "enkel.htm"
    page.write_bytes(
        "<html><head><title>Polisen byter chef | Lokaltidningen</title></head><body>"
        "<div class='menu'><a href='/'>Start</a></div>"
        "<p>Polisen i Region Syd får en ny chef.<p>Hon börjar i maj."
        "<p><a href='/x'>Läs hela pressmeddelandet</a></p>"
        "<div class='cookie-consent'>Vi använder cookies. Godkänn</div></body></html>"
        .encode("cp1252")
    )
    [document] = read_file(page)
    assert document.title == "Polisen byter chef"
    assert paragraphs(document) == [
        "Polisen byter chef",
        "Polisen i Region Syd får en ny chef.",
        "Hon börjar i maj.",
    ]


def test_html_class_names_are_a_hint_and_end_tags_may_be_implied(tmp_path: Path) -> None:
    page = tmp_path / "sida.html"
    page.write_text(
        "<body><div class='article-body has-social-share'><h1>Tullverket anställer</h1>"
        "<p>Tullverket anställer 50 personer i Malmö, de flesta inom gränsskyddet."
        # Unclosed <p> and <li>: the credit ends where the list starts.
        "<p class='photo-credit'>Foto: Eva Lund"
        "<ul><li><p>Tjänsterna tillsätts i vår.<li>Ansök senast i mars.</ul>"
        "<div class='social-share'>Dela</div></div></body>",
        encoding="utf-8",
    )
    [document] = read_file(page)
    assert paragraphs(document) == [
        "Tullverket anställer",
        "Tullverket anställer 50 personer i Malmö, de flesta inom gränsskyddet.",
        "Tjänsterna tillsätts i vår.",
        "Ansök senast i mars.",
    ]


# --- JSON Lines --------------------------------------------------------------


def test_jsonl_one_document_per_line_with_metadata() -> None:
    documents = read_file(FIXTURES / "articles.jsonl")
    assert [d.id for d in documents] == ["fk-1", "articles-3", "7"]
    first = documents[0]
    assert paragraphs(first) == [
        "Försäkringskassan ska anställa 300 personer till hösten.",
        "Beslutet kostar 120 miljoner kronor.",
    ]
    assert (first.title, first.url, first.date, first.source) == (
        "Försäkringskassan anställer", "https://example.se/fk-1", "2013-05-02", "Dagens Arena")
    assert documents[1].title == "Skatteverket"
    assert documents[2].source is None


# --- boilerplate of scraped text ---------------------------------------------

SCRAPED = """\
Annons:
SKATTEVERKET
Reportage
AVPer Lindqvist3 kommentarerTyck till!
Vi använder cookies för att ge dig en bättre upplevelse. Läs mer om cookies
Inrikes2021-11-05 09:12

Skatteverket flyttar 200 jobb till Gävle

Skatteverket ska flytta 200 tjänster från Solna till Gävle under nästa år.
Eva Ström.Bild:Jonas Berg

Flytten kostar 35 miljoner kronor.Foto: Jonas Berg/TT

Flytten kostar 35 miljoner kronor.Foto: Jonas Berg/TT

Annons

– Det är ett bra beslut, säger Eva Ström, regionchef på Skatteverket.
– Ja.
– Ja.
3:30 min

Läs mer:

Tullverket söker nya lokaler i Gävle

”Vi har aldrig haft så många ärenden”

Bli den första att tycka till!
TullverketNyhetTullverket beslagtog 2,1 ton narkotika under 2020, visar myndighetens årsredovisning.
Skatter och avgifterAnalys Kommunalskatten höjs i elva kommuner.
Så jobbar vi med nyheter  Läs mer här!
"""


def test_scraped_boilerplate_is_dropped_and_article_kept() -> None:
    document = read_text(SCRAPED, doc_id="gavle")
    assert paragraphs(document) == [
        "Skatteverket flyttar 200 jobb till Gävle",
        "Skatteverket ska flytta 200 tjänster från Solna till Gävle under nästa år.",
        "Flytten kostar 35 miljoner kronor.",  # credit dropped, repeated caption once
        "– Det är ett bra beslut, säger Eva Ström, regionchef på Skatteverket.",
        "– Ja.",
        "– Ja.",  # short replies may repeat
        "Tullverket beslagtog 2,1 ton narkotika under 2020, visar myndighetens årsredovisning.",
        "Kommunalskatten höjs i elva kommuner.",
    ]
    assert document.title == "Skatteverket flyttar 200 jobb till Gävle"
    assert document.date == "2021-11-05"  # from the dateline


@pytest.mark.parametrize("sentence", [
    "Av de 300 anställda är 70 procent kvinnor.",
    "Beslutet fattades 2008-04-23.",
    "PostNord och TeliaSonera har fått kritik av Konsumentverket.",
    "Foton från mötet visar att Bild och Ton AB deltog.",
    "Sajten har fått kritik för att den lagrar kakor utan lov.",
    "Artikeln fick 300 kommentarer på en timme.",
    "Skriv till registrator@skatteverket.se om du har frågor.",
    "Analysen visar att Arbetsförmedlingen behöver 800 miljoner kronor.",
])
def test_article_sentences_that_resemble_boilerplate_are_kept(sentence: str) -> None:
    assert read_text(sentence, doc_id="x").text == sentence


def test_credits_in_brackets_and_contact_lines_are_dropped() -> None:
    raw = ("Kontoret ligger vid Storgatan. (Foto: Per Holm/TT)\n\n"
           "anna.berg@example.se\n\nE-post: x@y.se")
    assert read_text(raw, doc_id="x").text == "Kontoret ligger vid Storgatan."


def test_read_more_list_ends_where_the_article_goes_on() -> None:
    raw = ("Läs mer:\nKommunen bygger ny skola\n\n"
           "Kommunen har också beslutat att anställa fler lärare inför hösten.")
    assert read_text(raw, doc_id="x").text == (
        "Kommunen har också beslutat att anställa fler lärare inför hösten.")


def test_hard_wrapped_lines_are_joined() -> None:
    raw = "Försäkringskassan i Torsby har\nprövat nya arbetssätt.\nNu följer Göteborg efter."
    assert paragraphs(read_text(raw, doc_id="x")) == [
        "Försäkringskassan i Torsby har prövat nya arbetssätt.",
        "Nu följer Göteborg efter.",
    ]


def test_given_metadata_wins_over_what_the_text_suggests() -> None:
    raw = "Rubrik om IFAU\n\nPublicerad 23 april 2008 kl. 04.00\n\nIFAU publicerar en rapport."
    document = read_text(raw, doc_id="r", title="Min titel", source="Publikt")
    assert (document.title, document.source, document.date) == ("Min titel", "Publikt",
                                                                  "2008-04-23")
    assert document.text == "Rubrik om IFAU\n\nIFAU publicerar en rapport."


# --- paths and ids -----------------------------------------------------------


def test_folder_is_read_sorted_without_readme_and_hidden_files(tmp_path: Path) -> None:
    (tmp_path / "b.txt").write_text("Polisen anställer fler.", encoding="utf-8")
    (tmp_path / "a.html").write_text("<p>Tullverket anställer fler.</p>", encoding="utf-8")
    (tmp_path / "README.txt").write_text("Om korpusen.", encoding="utf-8")
    (tmp_path / "._b.txt").write_bytes(b"\x00\x05\x16\x07")
    (tmp_path / "notes.md").write_text("Anteckningar.", encoding="utf-8")
    assert [d.id for d in read_paths([tmp_path])] == ["a", "b"]


def test_a_single_path_may_be_given_bare() -> None:
    assert [d.id for d in read_paths(FIXTURES / "utf8_bom.txt")] == ["utf8_bom"]  # type: ignore[arg-type]


def test_ids_are_unique_within_one_read(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    (tmp_path / "one" / "artikel.txt").write_text("Sida ska flytta.", encoding="utf-8")
    (tmp_path / "two" / "artikel.txt").write_text("Sida ska inte flytta.", encoding="utf-8")
    again = tmp_path / "one" / "artikel.txt"
    documents = read_paths([tmp_path / "one", tmp_path / "two", again])
    assert [(d.id, d.text) for d in documents] == [
        ("artikel", "Sida ska flytta."), ("artikel-2", "Sida ska inte flytta.")]


# --- bad input ---------------------------------------------------------------


#: Bad inputs: a file name and its content (None: the file does not exist, "/": a folder).
BAD_INPUTS: dict[str, tuple[str, str | bytes | None, str]] = {
    "missing file": ("saknas.txt", None, "saknas.txt: no such file"),
    "unsupported type": (
        "x.pdf", b"%PDF-1.4", "x.pdf: unsupported file type (use .txt, .html, .htm or .jsonl)"),
    "folder without articles": ("tom", "/", "tom: folder has no articles"),
    "invalid JSON": (
        "bad.jsonl", '{"text": "Ok."}\n{"text": "trasig\n', "bad.jsonl: invalid JSON on line 2"),
    "record without text": (
        "bad.jsonl", '{"title": "Utan text"}\n', 'bad.jsonl: line 1: record has no "text"'),
    "record not an object": (
        "bad.jsonl", '["Tullverket"]\n', "bad.jsonl: line 1: expected a JSON object"),
    "empty record": (
        "bad.jsonl", '{"text": "Annons\\n\\nLäs mer här!"}\n', "bad.jsonl: line 1: empty article"),
    "no JSON lines": ("bad.jsonl", "\n\n", "bad.jsonl: no articles"),
    "only boilerplate": ("tom.txt", "Annons\n\nFoto:\n", "tom.txt: empty article"),
}


@pytest.mark.parametrize("case", sorted(BAD_INPUTS))
def test_bad_input_gives_one_line_naming_file_and_problem(tmp_path: Path, case: str) -> None:
    name, content, message = BAD_INPUTS[case]
    path = tmp_path / name
    if content == "/":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    elif content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(ReadError) as raised:
        read_paths([path])
    assert message in str(raised.value)
    assert "\n" not in str(raised.value)


def test_read_file_refuses_a_folder(tmp_path: Path) -> None:
    with pytest.raises(ReadError, match="is a folder"):
        read_file(tmp_path)


# --- the seed articles --------------------------------------------------------

SEED_BOILERPLATE = {
    "001_4a9b1c7dc61322cf.txt": [
        "Annons", "FÖRSÄKRINGSKASSAN", "Fördjupning", "Susanne Eriksson", "kommentarer",
        "Tyck till", "Bild:", "Oyvind Lund", "Så gjorde vi", "På jobbet”",
        "enNyhet", "etNyhet", "ÖNyhet",  # section labels glued to briefs
    ],
    "002_36c1be6c0ebd9dcc.txt": ["Foto", "Gahnfelt", "finans", "04:00", "Läs mer", "Så jobbar vi"],
    "003_8231e27f262a0026.txt": ["cookies", "Annons", "Mer läsning", "Luthman", "•", "\n/\n"],
    "000_8adb13b578de104f.txt": ["Läs mer", "Brevet som visar kaoset", "Jag har inte tid"],
    "004_bb64b5817bba7c47.txt": ["3:30 min"],
}
SEED_SENTENCES = {
    "001_4a9b1c7dc61322cf.txt": [
        "– Båda kontoren har varit nära att ge upp, men de har kommit vidare, fast på olika sätt, "
        "säger Johan Quist, universitetslektor på Centrum för tjänsteforskning vid Karlstads "
        "universitet.",
        "För att klara den kraftiga ökningen av antalet dömda behövs ytterligare 2 000 platser",
        "Arbetsförmedlingen begär ytterligare 400 miljoner kronor i år",
        "”Administration upptog all vår tid förr”, säger Madeleine Danerhag.",
        "Regionala skyddsombud bör få utökad tillträdesrätt",
    ],
    "002_36c1be6c0ebd9dcc.txt": [
        "Det var nummer 50 i ordningen av totalt 82 nya lokala försäkringscenter.",
        "Försäkringskassan har drygt 14 000 anställda i landet.",
        "De lokala servicekontoren ska finnas på 82 orter i riket.",
    ],
    "003_8231e27f262a0026.txt": [
        "Lars Andersson, Annica Eklund, Charlott Ax, Jacob Widgren och Hans Tynelius har alla",
        "Personalen består mest av kvinnor",
    ],
    "000_8adb13b578de104f.txt": [
        "Dagens Arena har sökt Försäkringskassans generaldirektör Dan Eliasson som avböjt att "
        "kommentera.",
    ],
    "004_bb64b5817bba7c47.txt": ["Försäkringskassan i Torsby utvecklar nya arbetsmetoder"],
}


@pytest.mark.parametrize("name", sorted(SEED_BOILERPLATE))
def test_seed_boilerplate_gone_and_sentences_kept(name: str) -> None:
    [document] = read_file(SEEDS / name)
    text = f"\n{document.text}\n"
    for boilerplate in SEED_BOILERPLATE[name]:
        assert boilerplate not in text
    for sentence in SEED_SENTENCES[name]:
        assert sentence in text
    assert text.count("Det var nummer 50 i ordningen av totalt 82") <= 1


def test_seeds_keep_nearly_all_of_their_words() -> None:
    """Cleaning drops furniture, not articles: each seed keeps most of its words."""
    for document in read_paths([SEEDS]):
        raw = (SEEDS / f"{document.id}.txt").read_text(encoding="utf-8")
        assert len(document.text.split()) >= 0.85 * len(raw.split()), document.id


def test_every_suffix_a_folder_is_read_for_has_a_reader(tmp_path: Path) -> None:
    from graph.read.files import READERS

    for n, suffix in enumerate(READERS):
        text = "Skatteverket anställer."
        body = f'{{"text": "{text}"}}' if suffix == ".jsonl" else text
        (tmp_path / f"a{n}{suffix}").write_text(body, encoding="utf-8")
    (tmp_path / "notes.md").write_text("not an article", encoding="utf-8")
    documents = read_paths([tmp_path])
    assert len(documents) == len(READERS)
    assert all(d.text.startswith("Skatteverket anställer") for d in documents)
