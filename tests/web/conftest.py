"""Browser-test fixtures: stores built by the real pipeline, the real app served by uvicorn on a
loopback port in a background thread, and Debian's headless chromium driven by Playwright."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

from eventwire.api import create_app
from eventwire.config import Settings
from eventwire.demo import sample_paths
from eventwire.pipeline import Pipeline
from eventwire.resources import Resources
from eventwire.store import open_store
from eventwire.web import report
from eventwire.web.headless import CHROMIUM_ARGS, background_server
from web.hostile import write_corpus


def chromium_path() -> str:
    """Debian's chromium; a missing browser fails the tests (the set-up installs it), never skips them."""
    path = shutil.which("chromium") or shutil.which("chromium-browser")
    if path is None:
        pytest.fail(
            "chromium is not installed: run the set-up (`make install`), which installs Debian's chromium"
        )
    return path


@pytest.fixture(scope="session")
def resources() -> Resources:
    return Resources(Settings())


def build_store(path: Path, inputs: list[str], resources: Resources) -> Path:
    """The inputs run through the whole pipeline into a new store at *path* (closed again)."""
    store = open_store(path)
    Pipeline(store, resources).run(inputs, "test")
    store.close()
    return path


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    return build_store(tmp_path_factory.mktemp("web") / "demo.db", sample_paths(), resources)


@pytest.fixture(scope="session")
def hostile_db(tmp_path_factory: pytest.TempPathFactory, resources: Resources) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    return build_store(folder / "hostile.db", [str(write_corpus(folder))], resources)


@pytest.fixture(scope="session")
def hostile_report(hostile_db: Path) -> tuple[str, str]:
    """The hostile store's one story: its title and its rendered situation report."""
    store = open_store(hostile_db)
    try:
        [story] = store.stories()
        return story.title or "", report.render(store, story.id)
    finally:
        store.close()


@pytest.fixture(scope="session")
def demo_url(demo_db: Path) -> Iterator[str]:
    with background_server(create_app(str(demo_db), Settings(db=str(demo_db)))) as url:
        yield url


@pytest.fixture(scope="session")
def hostile_url(hostile_db: Path) -> Iterator[str]:
    with background_server(create_app(str(hostile_db), Settings(db=str(hostile_db)))) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    executable = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=executable, args=list(CHROMIUM_ARGS))
        yield launched
        launched.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A fresh page; JavaScript errors on it fail the test."""
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    new = context.new_page()
    errors: list[str] = []
    new.on("pageerror", lambda exc: errors.append(str(exc)))
    yield new
    context.close()
    assert not errors, f"JavaScript errors: {errors}"


WAIT_DRAWN = """() => {
    const view = document.getElementById('view');
    return view.dataset.route === (location.hash || '#/') && view.dataset.state !== 'loading';
}"""


def wait_drawn(page: Page) -> Page:
    """Wait until the view has drawn the current route; fail with the page's text on an error."""
    page.wait_for_function(WAIT_DRAWN, timeout=15_000)
    assert page.get_attribute("#view", "data-state") == "ready", page.locator("#view").inner_text()
    return page


def open_view(page: Page, url: str) -> Page:
    """Go to *url* (a dashboard route) and wait until the view is drawn."""
    page.goto(url)
    return wait_drawn(page)
