"""The written view in a real headless Chromium: it draws offline, runs no injected script,
shows tooltips as text, fits the window, keeps isolated entities aside, opens with quotes
hidden, and its class buttons hide and show what they name.

Needs Debian's chromium and chromium-driver; selenium talks to /usr/bin/chromedriver
directly so that selenium-manager never tries to download a browser.
"""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal

from graph.views import ViewData, write_view
from graph.vocab import ID, KG

CHROMEDRIVER = Path("/usr/bin/chromedriver")
CHROMIUM = Path("/usr/bin/chromium")
FIXTURE = Path(__file__).parent / "fixtures" / "views" / "small.ttl"
SCREENSHOT = Path(tempfile.gettempdir()) / "myndighetsgraf_view.png"
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


@pytest.fixture(scope="module")
def browser(written: tuple[Path, ViewData]) -> Iterator[webdriver.Chrome]:
    path, _ = written
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
            driver.get(path.as_uri())
            WebDriverWait(driver, SETTLE_SECONDS).until(
                lambda d: d.execute_script("return document.body.dataset.settled === 'true'")
            )
            yield driver
        finally:
            driver.quit()


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


def test_a_tooltip_shows_a_script_label_as_text(browser: webdriver.Chrome) -> None:
    node_id = "https://myndighetsgraf.se/id/Skriptforeningen"
    x, y = browser.execute_script(
        "var n = kgView.network;"
        "var p = n.canvasToDOM(n.getPositions([arguments[0]])[arguments[0]]);"
        "return [p.x, p.y];",
        node_id,
    )
    canvas = browser.find_element(By.CSS_SELECTOR, "#network canvas")
    # Selenium offsets are from the element's centre; vis-network's DOM positions from its corner.
    ActionChains(browser).move_to_element_with_offset(
        canvas, int(x - canvas.size["width"] / 2), int(y - canvas.size["height"] / 2)
    ).pause(0.2).move_by_offset(1, 1).perform()
    tooltip = WebDriverWait(browser, 5).until(
        lambda d: d.find_element(By.CSS_SELECTOR, "div.vis-tooltip .kg-tooltip")
    )
    WebDriverWait(browser, 5).until(lambda d: tooltip.is_displayed())
    assert (
        tooltip.find_element(By.TAG_NAME, "strong").text == "Föreningen <script>alert(1)</script>"
    )
    assert tooltip.find_elements(By.TAG_NAME, "script") == []
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


def test_the_search_box_selects_the_named_node(browser: webdriver.Chrome) -> None:
    search = browser.find_element(By.ID, "search")
    search.send_keys("försäkringskassan i torsby")
    browser.execute_script("arguments[0].dispatchEvent(new Event('change'))", search)
    selected = browser.execute_script("return kgView.network.getSelectedNodes()")
    assert selected == ["https://myndighetsgraf.se/id/Forsakringskassan_i_Torsby"]
