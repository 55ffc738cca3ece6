"""The web app in a real browser (Debian's Chromium driven by Playwright)."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from playwright.sync_api import Browser, Page, expect, sync_playwright

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
SHOTS = Path(__file__).resolve().parents[2] / "test-artifacts" / "web"
FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--autoplay-policy=no-user-gesture-required",
]

pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="chromium is not installed")


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield launched
        launched.close()


@pytest.fixture
def server(live_server_factory: Any) -> Any:
    return live_server_factory(SONGFORGE_WORKERS=1)


@pytest.fixture
def page(browser: Browser, server: Any) -> Iterator[Page]:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    opened = context.new_page()
    opened.goto(f"{server.base_url}/?poll=300")
    opened.fill("#api-key", server.api_key)
    opened.click("#key-form button")
    expect(opened.locator("#key-status")).to_have_text("Key accepted.")
    yield opened
    context.close()


def _shot(page: Page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def _tasks(server: Any) -> list[dict[str, Any]]:
    response = httpx.get(
        f"{server.base_url}/v1/tasks", headers={"Authorization": f"Bearer {server.api_key}"}
    )
    return list(response.json()["data"])


def test_song_pending_then_resume_after_reload_then_player(page: Page, server: Any) -> None:
    page.fill("#prompt", "a slow song fake:sleep=3")
    page.fill("#title", "Night Drive")
    page.click("#song-form button[type=submit]")
    card = page.locator(".card").first
    expect(card).to_have_attribute("data-status", "pending", timeout=500)
    expect(card.locator(".card-title")).to_have_text("Night Drive")
    _shot(page, "1-pending")
    expect(card).to_have_attribute("data-status", "processing", timeout=10_000)
    assert card.locator("audio").count() == 0  # no player before completion
    _shot(page, "2-processing")

    page.reload()
    resumed = page.locator(".card")
    expect(resumed).to_have_count(1)
    expect(resumed.first.locator(".card-title")).to_have_text("Night Drive")
    expect(resumed.first).to_have_attribute("data-status", "completed", timeout=20_000)
    assert len(_tasks(server)) == 1  # the refresh resumed; it created nothing

    audio = resumed.first.locator("audio")
    expect(audio).to_have_count(1)
    page.wait_for_function("document.querySelector('.card audio').duration > 0", timeout=10_000)
    duration = audio.evaluate("a => a.duration")
    assert duration > 0
    # The player uses the card's width (a song without cover art has no cover column).
    player_box, card_box = audio.bounding_box(), resumed.first.bounding_box()
    assert player_box is not None
    assert card_box is not None
    assert player_box["width"] > 0.8 * card_box["width"]
    expect(resumed.first.locator(".player-actions a")).to_have_text("Download")
    expect(resumed.first.locator(".meta")).to_contain_text("cost $0.1000")
    page.fill("#mt-token", server.management_token)
    page.click("#billing-form button")
    expect(page.locator("#balance")).to_have_text(
        "$4.9000 available · $0.0000 reserved · $0.1000 spent"
    )
    _shot(page, "3-completed")


def test_lyrics_task_is_a_text_card(page: Page, server: Any) -> None:
    page.fill("#lyrics-prompt", "the sea at night")
    page.click("#lyrics-form button")
    card = page.locator(".card").first
    # A failure shows what the server did (this card once stayed "pending": the page sent
    # the creation twice and the second answer removed the card it was following).
    try:
        expect(card).to_have_attribute("data-status", "completed", timeout=60_000)
    except AssertionError as failure:
        log = server.log_path.read_text()[-4000:]
        raise AssertionError(f"{failure}\nserver log:\n{log}") from failure
    expect(card.locator(".words")).to_contain_text("[Chorus]")
    assert card.locator("audio").count() == 0
    _shot(page, "4-lyrics")


def test_failed_task_shows_its_error(page: Page) -> None:
    page.fill("#prompt", "fake:fail")
    page.click("#song-form button[type=submit]")
    card = page.locator(".card").first
    expect(card).to_have_attribute("data-status", "failed", timeout=30_000)
    expect(card.locator(".failure")).to_contain_text("asked to fail")


def test_invalid_key_is_a_clear_error(browser: Browser, server: Any) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.goto(f"{server.base_url}/")
    page.fill("#api-key", "sk-not-a-real-key")
    page.click("#key-form button")
    expect(page.locator("#error")).to_have_text("That API key was refused: Invalid API key.")
    _shot(page, "5-invalid-key")
    context.close()


def test_phone_sized_screen_and_keyboard(browser: Browser, server: Any) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(f"{server.base_url}/?poll=300")
    page.focus("#api-key")
    page.keyboard.type(server.api_key)
    page.keyboard.press("Enter")
    expect(page.locator("#key-status")).to_have_text("Key accepted.")
    page.focus("#prompt")
    page.keyboard.type("a keyboard song")
    page.focus("#song-form button[type=submit]")
    page.keyboard.press("Enter")
    expect(page.locator(".card").first).to_have_attribute(
        "data-status", "completed", timeout=30_000
    )
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390, f"the page is {width}px wide on a 390px screen"
    _shot(page, "6-phone")
    context.close()


def test_api_docs_render_offline(browser: Browser, server: Any) -> None:
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    docs = context.new_page()
    elsewhere: list[str] = []
    docs.on(
        "request",
        lambda r: None if r.url.startswith(server.base_url) else elsewhere.append(r.url),
    )
    docs.goto(f"{server.base_url}/docs")
    expect(docs.locator(".opblock-summary-path").first).to_be_visible(timeout=15_000)
    paths = docs.locator(".opblock-summary-path").all_inner_texts()
    assert any("/v1/music/generations" in p for p in paths)
    assert elsewhere == []  # everything the page needs comes from songforge itself
    _shot(docs, "7-api-docs")
    context.close()
