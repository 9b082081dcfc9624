"""Reading aids, checked in the browser: reflow at 320 px and at 200% / 400% zoom with the text at
特大 and ふりがな on, axe in both colour modes (and WCAG AAA contrast in high contrast), and a
keyboard-only journey apply → review → publish → find.

Zoom is emulated the way WCAG 1.4.10 defines it: 400% of a 1280 px window is a 320 CSS px
viewport, 200% a 640 CSS px one."""

import re
import time

import pytest

from .conftest import AXE, assert_accessible, login, logout, open_staff_page

pytestmark = pytest.mark.e2e

PAGES = [
    "/",
    "/directory/?q=見守り",
    "/measures/",
    "/search/?q=買い物",
    "/p/osaka/",
    "/events/",
    "/events/calendar/",
]


def _no_horizontal_scroll(page) -> list[str]:
    """Elements wider than the viewport, outside tables (which may scroll on their own)."""
    return page.evaluate(
        """() => {
          const width = document.documentElement.clientWidth;
          const wide = [];
          if (document.documentElement.scrollWidth > width + 1) {
            for (const el of document.body.querySelectorAll('*')) {
              if (el.closest('table, .site-table-scroll')) continue;
              const r = el.getBoundingClientRect();
              if (r.width > 0 && r.right > width + 1) wide.push(el.tagName + '.' + el.className);
            }
            wide.push('scrollWidth ' + document.documentElement.scrollWidth + ' > ' + width);
          }
          return wide.slice(0, 10);
        }"""
    )


def _set_preferences(page, *, contrast: str) -> None:
    page.goto("/")
    page.get_by_role("button", name="特大").click()
    page.wait_for_load_state()
    page.locator("button[name=furigana][value=on]").click()
    page.wait_for_load_state()
    page.locator(f"button[name=contrast][value={contrast}]").click()
    page.wait_for_load_state()


def _assert_aaa_contrast(page) -> None:
    if not page.evaluate("() => typeof window.axe !== 'undefined'"):
        page.evaluate(AXE + "\n;undefined")
    result = page.evaluate(
        "async () => await axe.run(document, {runOnly: {type: 'rule', "
        "values: ['color-contrast-enhanced']}})"
    )
    problems = [
        f"{n['target'][0]}: {n['any'][0]['message'] if n['any'] else ''}"
        for v in result["violations"]
        for n in v["nodes"][:5]
    ]
    assert not problems, f"AAA contrast on {page.url}:\n" + "\n".join(problems)


@pytest.mark.parametrize("width", [320, 640])
def test_pages_reflow_at_large_text_with_furigana(browser, server, width):
    context = browser.new_context(base_url=server["base"], viewport={"width": width, "height": 800})
    context.set_default_timeout(10_000)
    page = context.new_page()
    try:
        _set_preferences(page, contrast="standard")
        for path in PAGES:
            page.goto(path)
            assert page.locator("ruby").count() > 0, path
            assert _no_horizontal_scroll(page) == [], (path, width)
        login(page, "npo@demo.kyoso.example")
        page.goto("/directory/apply/")
        assert _no_horizontal_scroll(page) == [], ("apply", width)
    finally:
        context.close()


@pytest.mark.parametrize("contrast", ["standard", "high"])
def test_axe_in_both_colour_modes_with_furigana(page, contrast):
    _set_preferences(page, contrast=contrast)
    assert page.locator("html").get_attribute("class") == f"text-size-xlarge contrast-{contrast}"
    for path in PAGES:
        page.goto(path)
        assert_accessible(page)
        if contrast == "high":
            _assert_aaa_contrast(page)


# --- keyboard only ------------------------------------------------------------------------------


def _focus_is_visible(page) -> bool:
    return page.evaluate(
        """() => {
          const el = document.activeElement;
          if (!el || el === document.body) return false;
          const s = getComputedStyle(el);
          return (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) > 0)
                 || s.boxShadow !== 'none';
        }"""
    )


def _tab_to(page, selector: str, *, limit: int = 250) -> None:
    """Press Tab until the element matching `selector` has focus; every stop on the way must show
    its focus and come later in the document than the one before (focus order = reading order)."""
    page.evaluate("() => { window.__lastFocus = null; }")
    for _ in range(limit):
        page.keyboard.press("Tab")
        state = page.evaluate(
            """(selector) => {
              const el = document.activeElement;
              const last = window.__lastFocus;
              const inOrder = !last || !document.contains(last) ||
                (last.compareDocumentPosition(el) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
              window.__lastFocus = el;
              return {hit: el.matches(selector), inOrder, tag: el.tagName + '#' + el.id};
            }""",
            selector,
        )
        assert state["inOrder"], f"focus went backwards to {state['tag']} on {page.url}"
        assert _focus_is_visible(page), f"no visible focus on {state['tag']} on {page.url}"
        if state["hit"]:
            return
    raise AssertionError(f"Tab never reached {selector} on {page.url}")


def _type(page, selector: str, text: str) -> None:
    _tab_to(page, selector)
    page.keyboard.type(text)


def _choose(page, selector: str, label: str) -> None:
    """Pick an option of a select with the arrow keys."""
    _tab_to(page, selector)
    for _ in range(80):
        if (
            page.evaluate(
                "(s) => document.querySelector(s).selectedOptions[0].text.trim()", selector
            )
            == label
        ):
            return
        page.keyboard.press("ArrowDown")
    raise AssertionError(f"{label} not found in {selector}")


def test_keyboard_only_apply_review_publish_find(page):
    name = f"かぎ見守りの会{int(time.time())}"
    login(page, "resident@demo.kyoso.example")
    page.goto("/directory/apply/")
    page.locator("body").focus()
    _choose(page, "#id_platform", "全国版")
    _type(page, "#id_name", name)
    _type(page, "#id_name_kana", "かぎみまもりのかい")
    _choose(page, "#id_kind", "NPO法人")
    _tab_to(page, "input[name=fields][value=watching-over]")
    page.keyboard.press("Space")
    _tab_to(page, "input[name=area_kind][value=nationwide]")
    # Arrow keys move through a radio group: 全国 → 都道府県を選ぶ → 市区町村を選ぶ.
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    assert page.locator("#id_area_municipalities_group").is_visible()
    _type(page, "#id_area_municipalities_q", "ちよだ")
    page.get_by_role("button", name="東京都千代田区を選ぶ").wait_for()
    _tab_to(page, "button[data-muni-pick='131016']")
    page.keyboard.press("Enter")
    assert page.get_by_label("東京都千代田区").is_checked()
    _type(page, "#id_description", "千代田区で、鍵の預かりと見守りをしています。")
    _type(page, "#id_private_contact", "担当 田中 03-0000-0000")
    _tab_to(page, "button[type=submit]:not([name])")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    errors = page.locator("#error-summary")
    assert "/accounts/me/" in page.url, errors.inner_text() if errors.count() else page.url
    assert name in page.content()
    logout(page)

    login(page, "admin@demo.kyoso.example")
    open_staff_page(page, "/review/")
    page.goto("/review/")
    page.locator("body").focus()
    href = page.get_by_role("link", name=name).get_attribute("href")
    _tab_to(page, f"a[href='{href}']")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    _tab_to(page, "button[value=approve]")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    page.wait_for_url("**/review/")
    logout(page)

    page.goto("/directory/")
    page.locator("body").focus()
    _type(page, "#dir-q", "鍵の預かり")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r".*q=.*"))
    page.get_by_role("link", name=name).wait_for()
    assert_accessible(page)
