"""The written view in a real headless Chromium: it draws offline, runs no injected script,
shows tooltips as text, fits the window, keeps isolated entities aside, opens with quotes
hidden, and its class buttons hide and show what they name.

Needs Debian's chromium and chromium-driver; selenium talks to /usr/bin/chromedriver
directly so that selenium-manager never tries to download a browser.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from graph.store import open_graph
from graph.views import ViewData, write_timeline, write_view
from graph.vocab import ID, KG

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "fixtures" / "views" / "small.ttl"
SCREENSHOT = Path(tempfile.gettempdir()) / "myndighetsgraf_view.png"
#: The seeds' overview as the test drew it, for people to look at.
OVERVIEW_SCREENSHOT = Path(tempfile.gettempdir()) / "myndighetsgraf_overview.png"
NEWS_DEV = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news-dev"
#: Seconds to wait for vis-network to lay the graph out and switch physics off.
SETTLE_SECONDS = 30

if not CHROMEDRIVER.exists():
    pytest.skip(
        f"{CHROMEDRIVER} is missing (apt-get install chromium chromium-driver)",
        allow_module_level=True,
    )

from selenium import webdriver  # noqa: E402  (only once we know there is a driver)
from selenium.common.exceptions import NoAlertPresentException  # noqa: E402
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.common.keys import Keys  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402


@pytest.fixture(scope="module")
def written(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, ViewData]:
    path = tmp_path_factory.mktemp("view") / "graph.html"
    g = Graph().parse(FIXTURE)
    # Two agencies no relation reaches: the page lines them up out of the graph's way.
    for name in ("Kustbevakningen", "Tullverket"):
        g.add((ID[name], RDF.type, KG.Agency))
        g.add((ID[name], RDFS.label, Literal(name)))
    data = write_view(g, path, title="Testvy", include_verbs=True)
    return path, data


@contextmanager
def _chromium() -> Iterator[webdriver.Chrome]:
    """A real headless Chromium that keeps its console log."""
    with tempfile.TemporaryDirectory() as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = str(CHROMIUM)
        for flag in (
            "--headless=new",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
            "--window-size=1400,900",
            f"--user-data-dir={profile}",
        ):
            options.add_argument(flag)
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
        try:
            yield driver
        finally:
            driver.quit()


def _open(driver: webdriver.Chrome, path: Path) -> None:
    """Load the page and wait until its layout has settled."""
    driver.get(path.as_uri())
    WebDriverWait(driver, SETTLE_SECONDS).until(
        lambda d: d.execute_script("return document.body.dataset.settled === 'true'")
    )


@pytest.fixture(scope="module")
def browser(written: tuple[Path, ViewData]) -> Iterator[webdriver.Chrome]:
    path, _ = written
    with _chromium() as driver:
        _open(driver, path)
        yield driver


def _no_alert(driver: webdriver.Chrome) -> bool:
    try:
        driver.switch_to.alert  # noqa: B018  (raises when there is none)
    except NoAlertPresentException:
        return True
    return False


def test_the_network_is_drawn_with_every_node(
    browser: webdriver.Chrome, written: tuple[Path, ViewData]
) -> None:
    _, data = written
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    assert canvas.size["width"] > 500 and canvas.size["height"] > 500
    assert browser.execute_script("return kgView.nodes.length") == len(data.nodes)
    assert browser.execute_script("return kgView.edges.length") == len(data.edges)
    # Physics is off once the layout has settled, so the picture stays still.
    assert browser.execute_script("return kgView.network.physics.physicsEnabled") is False
    browser.save_screenshot(str(SCREENSHOT))
    assert SCREENSHOT.stat().st_size > 10_000


def test_the_page_loads_nothing_from_anywhere(browser: webdriver.Chrome) -> None:
    loaded = browser.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
    )
    assert loaded == []


def test_no_script_from_the_graph_runs_and_nothing_complains(browser: webdriver.Chrome) -> None:
    assert _no_alert(browser)
    severe = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert severe == []


def _click_node(driver: webdriver.Chrome, node_id: str) -> None:
    """A real mouse click on the node where it is drawn."""
    x, y = driver.execute_script(
        "var n = kgView.network;"
        "var p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];",
        node_id,
    )
    canvas = driver.find_element(By.CSS_SELECTOR, "#network canvas")
    # Selenium offsets are from the element's centre; vis-network's DOM positions from its corner.
    ActionChains(driver).move_to_element_with_offset(
        canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)
    ).pause(0.2).click().perform()


def test_a_click_opens_the_panel_with_facts_marked_evidence_and_sources(
    browser: webdriver.Chrome,
) -> None:
    _click_node(browser, str(ID["Lars-Ake_Brattlund"]))
    panel = WebDriverWait(browser, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "body.details-open #details")
    )
    assert panel.find_element(By.TAG_NAME, "h2").text == "Lars-Åke Brattlund"
    facts = [p.text for p in panel.find_elements(By.CSS_SELECTOR, ".fact")]
    assert "Lars-Åke Brattlund arbetar för Försäkringskassan" in facts
    marks = [m.text for m in panel.find_elements(By.TAG_NAME, "mark")]
    assert "Försäkringskassan" in marks and "Lars-Åke Brattlund" in marks
    assert "— 300 nyanställda ska rädda Försäkringskassan" in panel.text
    links = [a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, "cite a")]
    assert "https://example.se/fk-300" in links
    # The speaker's quotes are listed in the panel, not drawn.
    assert "Vi tidigarelägger investeringar" in panel.text
    # Copy selects the panel's text for the reader.
    panel.find_element(By.ID, "copy").click()
    selected = browser.execute_script("return window.getSelection().toString()")
    assert "Lars-Åke Brattlund arbetar för Försäkringskassan" in selected


def test_a_script_label_is_text_in_the_panel(browser: webdriver.Chrome) -> None:
    _click_node(browser, str(ID.Skriptforeningen))
    panel = WebDriverWait(browser, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "body.details-open #details")
    )
    WebDriverWait(browser, 5).until(
        lambda d: panel.find_element(By.TAG_NAME, "h2").text.startswith("Föreningen")
    )
    assert panel.find_element(By.TAG_NAME, "h2").text == "Föreningen <script>alert(1)</script>"
    assert "<b>fet</b>" in panel.text
    assert panel.find_elements(By.TAG_NAME, "script") == []
    assert panel.find_elements(By.TAG_NAME, "b") == []
    assert _no_alert(browser)


def test_a_class_button_hides_and_shows_its_nodes(browser: webdriver.Chrome) -> None:
    hidden = "return kgView.nodes.get({filter: n => n.group === 'Person' && n.hidden}).length"
    button = browser.find_element(By.CSS_SELECTOR, ".class-toggle[data-class='Person']")
    button.click()
    assert browser.execute_script(hidden) == 2
    assert button.get_attribute("aria-pressed") == "false"
    button.click()
    assert browser.execute_script(hidden) == 0


def _boxes(driver: webdriver.Chrome, ids: list[str]) -> list[dict[str, float]]:
    """Each node's box with its label, in the canvas's pixels."""
    boxes: list[dict[str, float]] = driver.execute_script(
        "var n = kgView.network;"
        "return arguments[0].map(function (id) {"
        "  var b = n.getBoundingBox(id);"
        "  var a = n.canvasToDOM({x: b.left, y: b.top});"
        "  var z = n.canvasToDOM({x: b.right, y: b.bottom});"
        "  return {left: a.x, top: a.y, right: z.x, bottom: z.y};"
        "});",
        ids,
    )
    return boxes


def test_the_whole_drawing_fits_the_window_labels_included(browser: webdriver.Chrome) -> None:
    shown = browser.execute_script("return kgView.nodes.getIds({filter: n => !n.hidden})")
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    for box in _boxes(browser, shown):
        assert box["left"] >= 0 and box["right"] <= canvas.size["width"]
        assert box["top"] >= 0 and box["bottom"] <= canvas.size["height"]


def test_isolated_entities_stand_apart_from_the_connected_ones(browser: webdriver.Chrome) -> None:
    lonely = [str(ID.Kustbevakningen), str(ID.Tullverket)]
    connected = browser.execute_script(
        "return kgView.nodes.getIds({filter: n => !n.hidden && !n.isolated})"
    )
    graph = _boxes(browser, connected)
    right = max(b["right"] for b in graph)
    bottom = max(b["bottom"] for b in graph)
    for box in _boxes(browser, lonely):
        assert box["left"] > right or box["top"] > bottom
    # Lined up in a row or a column, in alphabetical order.
    first, second = _boxes(browser, lonely)
    assert (first["left"], first["top"]) < (second["left"], second["top"])


def test_quotes_start_hidden_and_appear_beside_their_speaker(browser: webdriver.Chrome) -> None:
    quote = "https://myndighetsgraf.se/id/citat_brattlund"
    speaker = "https://myndighetsgraf.se/id/Lars-Ake_Brattlund"
    button = browser.find_element(By.CSS_SELECTOR, ".class-toggle[data-class='Quote']")
    assert button.get_attribute("aria-pressed") == "false"
    assert browser.execute_script("return kgView.nodes.get(arguments[0]).hidden", quote) is True
    button.click()
    assert button.get_attribute("aria-pressed") == "true"
    assert browser.execute_script("return kgView.nodes.get(arguments[0]).hidden", quote) is False
    at = browser.execute_script(
        "return kgView.network.getPositions(arguments[0])", [quote, speaker]
    )
    assert abs(at[quote]["x"] - at[speaker]["x"]) > 100  # beside, not on top
    assert abs(at[quote]["y"] - at[speaker]["y"]) < 60
    button.click()
    assert browser.execute_script("return kgView.nodes.get(arguments[0]).hidden", quote) is True


@pytest.mark.parametrize(
    ("typed", "first"),
    [
        ("försäkringskassan i t", "Försäkringskassan i Torsby"),
        ("FORSAKRINGSKASSAN I TORSBY", "Försäkringskassan i Torsby"),  # case, å ä ö left out
        ("torsbykont", "Försäkringskassan i Torsby"),  # an alt label
        ("ctf", "Centrum för tjänsteforskning"),
    ],
)
def test_the_search_filters_as_one_types(browser: webdriver.Chrome, typed: str, first: str) -> None:
    search = browser.find_element(By.ID, "search")
    search.clear()
    search.send_keys(typed)  # no Enter: every key press searches
    results = [b.text for b in browser.find_elements(By.CSS_SELECTOR, "#results button")]
    assert results and results[0].startswith(first)
    faded = browser.execute_script(
        "return kgView.nodes.get({filter: n => n.opacity < 1}).map(n => n.name)"
    )
    assert first not in faded and "Skatteverket" in faded
    search.send_keys(Keys.ENTER)
    panel = browser.find_element(By.ID, "details")
    assert panel.find_element(By.TAG_NAME, "h2").text == first
    search.send_keys(Keys.ESCAPE)
    assert (
        browser.execute_script("return kgView.nodes.get({filter: n => n.opacity < 1}).length") == 0
    )


def test_a_relation_button_hides_and_shows_its_edges(browser: webdriver.Chrome) -> None:
    hidden = "return kgView.edges.get({filter: e => e.hidden}).map(e => e.label)"
    button = browser.find_element(By.CSS_SELECTOR, ".relation-toggle[data-predicate$='#worksFor']")
    button.click()
    assert browser.execute_script(hidden) == ["arbetar för", "arbetar för"]  # both people
    button.click()
    assert browser.execute_script(hidden) == []


def test_no_two_boxes_overlap(browser: webdriver.Chrome) -> None:
    assert browser.execute_script("return kgView.overlaps().pairs") == []


@pytest.fixture(scope="module")
def chromium() -> Iterator[webdriver.Chrome]:
    with _chromium() as driver:
        yield driver


def _layout(driver: webdriver.Chrome, path: Path) -> dict[str, Any]:
    """Open the page and read what it drew: the overlap measure and the console's complaints."""
    _open(driver, path)
    measure: dict[str, Any] = driver.execute_script(
        "var o = kgView.overlaps();"
        "var drawn = kgView.nodes.get({filter: n => !n.hidden}).length;"
        "return {pairs: o.pairs.length, of: o.of, drawn: drawn};"
    )
    measure["severe"] = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    return measure


@pytest.mark.parametrize("focus", [None, "Försäkringskassan", "Arbetsförmedlingen"])
def test_the_seeds_overview_and_ego_views_have_no_overlapping_labels(
    chromium: webdriver.Chrome, seed_build: Any, tmp_path: Path, focus: str | None
) -> None:
    path = tmp_path / "view.html"
    write_view(open_graph(seed_build.out), path, focus=focus)
    measure = _layout(chromium, path)
    assert measure["drawn"] > 5
    assert measure["pairs"] == 0
    assert measure["severe"] == []
    if focus is None:
        chromium.save_screenshot(str(OVERVIEW_SCREENSHOT))


@pytest.mark.skipif(not NEWS_DEV.is_dir(), reason="../shared/eval/news-dev is development data")
def test_the_news_dev_overview_overlaps_under_one_percent_of_pairs(
    chromium: webdriver.Chrome, nlp: Any, tmp_path: Path
) -> None:
    from graph.pipeline import build_graph
    from graph.read import read_paths

    g = build_graph(nlp, read_paths([NEWS_DEV])).graph
    for focus in (None, "Migrationsverket"):
        path = tmp_path / "news.html"
        write_view(g, path, focus=focus)
        measure = _layout(chromium, path)
        assert measure["drawn"] > 20
        assert measure["pairs"] < 0.01 * measure["of"]
        assert measure["severe"] == []


ROLES = Path(__file__).parent / "fixtures" / "views" / "roles.ttl"
#: The timeline as the test drew it, for people to look at.
TIMELINE_SCREENSHOT = Path(tempfile.gettempdir()) / "myndighetsgraf_timeline.png"


def test_the_timeline_draws_a_bar_for_every_role_offline_with_evidence_on_click(
    chromium: webdriver.Chrome, tmp_path: Path
) -> None:
    g = Graph().parse(ROLES)
    path = tmp_path / "timeline.html"
    write_timeline(g, path)
    _open(chromium, path)
    assert (
        chromium.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
        == []
    )
    drawn = chromium.find_elements(By.CSS_SELECTOR, "#timeline .bar")
    assert len(drawn) == len(set(g.subjects(RDF.type, KG.Role))) == 6
    assert all(bar.size["width"] > 10 and bar.size["height"] > 10 for bar in drawn)
    rows = [r.text for r in chromium.find_elements(By.CSS_SELECTOR, ".name")]
    assert rows == ["Tullverket", "Kustbevakningen"]
    chromium.save_screenshot(str(TIMELINE_SCREENSHOT))
    assert TIMELINE_SCREENSHOT.stat().st_size > 10_000

    berg = next(
        b for b in drawn if b.text.startswith("Anna Berg") and "current" in b.get_attribute("class")
    )
    berg.click()
    panel = WebDriverWait(chromium, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "body.details-open #details")
    )
    assert panel.find_element(By.TAG_NAME, "h2").text == "Anna Berg"
    assert "Anna Berg blev generaldirektör för Tullverket i mars 2021." in panel.text
    marks = [m.text for m in panel.find_elements(By.TAG_NAME, "mark")]
    assert marks == ["Anna Berg", "generaldirektör", "Tullverket"]
    links = [a.get_attribute("href") for a in panel.find_elements(By.CSS_SELECTOR, "cite a")]
    assert links == ["https://example.se/tull"]

    # A hostile title and sentence stay text, on the bar and in the panel.
    sand = next(b for b in drawn if b.text.startswith("Erik Sand"))
    assert "<img src=x onerror=alert(1)>" in sand.text
    sand.click()
    WebDriverWait(chromium, 5).until(lambda d: "Erik Sand" in panel.text)
    assert "Erik Sand <b>arbetade</b> tidigare på Tullverket." in panel.text
    assert chromium.find_elements(By.CSS_SELECTOR, "#timeline img, #details img, #details b") == []
    assert _no_alert(chromium)

    # "Only current roles" hides the former ones.
    chromium.find_element(By.ID, "current-only").click()
    assert len([b for b in drawn if b.is_displayed()]) == 2  # Anna Berg's and Lena Ek's
    assert [e for e in chromium.get_log("browser") if e["level"] == "SEVERE"] == []
