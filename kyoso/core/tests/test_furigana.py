"""ふりがな on demand: a cookie, readings over kanji only, registered readings for names."""

import pytest

from kyoso.core.furigana import add_readings, ruby_name, ruby_text

pytestmark = pytest.mark.django_db


def test_readings_go_over_kanji_only():
    assert ruby_text("申し込む") == "<ruby>申<rt>もう</rt></ruby>し<ruby>込<rt>こ</rt></ruby>む"
    # Counters read as counters; numbers, kana and Latin stay as they are.
    assert ruby_text("11月30日") == ("11<ruby>月<rt>がつ</rt></ruby>30<ruby>日<rt>にち</rt></ruby>")
    assert ruby_text("NPO ひらがな カタカナ 2026 &amp;") == "NPO ひらがな カタカナ 2026 &amp;"


def test_names_use_the_registered_reading():
    # The dictionary would read 学 as がく; the member registered まなびあい.
    html = ruby_name("NPO法人愛荘学びあい", "あいしょうまなびあい")
    assert "<ruby>愛荘学<rt>あいしょうまな</rt></ruby>びあい" in html
    assert html.startswith("NPO<ruby>法人<rt>ほうじん</rt></ruby>")
    # Word by word where the dictionary agrees with the registered reading.
    assert ruby_name("東京都千代田区", "とうきょうとちよだく") == (
        "<ruby>東京都<rt>とうきょうと</rt></ruby><ruby>千代田区<rt>ちよだく</rt></ruby>"
    )


def test_scripts_options_titles_and_attributes_are_left_alone():
    page = (
        '<html><head><title>一覧</title></head><body><main title="見出し">'
        '<h1 data-yomi="ちよだ">千代田</h1><script>var s = "漢字";</script>'
        "<select><option>東京都</option></select><textarea>下書き</textarea><p>見守り</p>"
        "</main></body></html>"
    )
    out = add_readings(page)
    assert "<title>一覧</title>" in out and 'title="見出し"' in out
    assert '<script>var s = "漢字";</script>' in out
    assert "<option>東京都</option>" in out and "<textarea>下書き</textarea>" in out
    assert '<h1 data-yomi="ちよだ"><ruby>千代田<rt>ちよだ</rt></ruby></h1>' in out
    assert "<p><ruby>見守<rt>みまも</rt></ruby>り</p>" in out


def test_the_switch_is_a_cookie_and_pages_get_readings(client):
    from kyoso.testing.factories import make_organisation

    org = make_organisation(name="愛荘学びあい", kana="あいしょうまなびあい")
    assert "<ruby>" not in client.get(org.get_absolute_url()).content.decode()
    response = client.post("/settings/furigana/", {"furigana": "on", "next": "/directory/"})
    assert response.status_code == 302 and response["Location"] == "/directory/"
    assert response.cookies["kyoso_furigana"].value == "on"
    html = client.get(org.get_absolute_url()).content.decode()
    assert "<ruby>愛荘学<rt>あいしょうまな</rt></ruby>びあい" in html
    assert "<ruby>賛同<rt>さんどう</rt></ruby>" in html  # the site's own text too
    assert 'value="on" class="site-chip-button" aria-pressed="true"' in html
    client.post("/settings/furigana/", {"furigana": "off"})
    assert "<ruby>" not in client.get(org.get_absolute_url()).content.decode()
    assert client.post("/settings/furigana/", {"furigana": "maybe"}).status_code == 400
