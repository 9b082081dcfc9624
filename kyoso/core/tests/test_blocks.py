"""Home and organisation blocks come from a registry: core and platforms import no content app."""

import ast
from pathlib import Path

import pytest

from kyoso.core import blocks

pytestmark = pytest.mark.django_db

CONTENT_APPS = ("kyoso.news", "kyoso.measures", "kyoso.directory", "kyoso.links")
ROOT = Path(__file__).resolve().parents[2]


def test_core_and_platforms_import_no_content_app():
    offending = []
    for package in ("core", "platforms"):
        for path in (ROOT / package).rglob("*.py"):
            if "tests" in path.parts or "migrations" in path.parts:
                continue
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                names = []
                if isinstance(node, ast.ImportFrom) and node.module:
                    names = [node.module]
                elif isinstance(node, ast.Import):
                    names = [alias.name for alias in node.names]
                offending += [
                    f"{path.relative_to(ROOT)}: {name}"
                    for name in names
                    if name.startswith(CONTENT_APPS)
                ]
    assert offending == []


def test_blocks_are_placed_ordered_and_can_hide():
    # In their order; the featured measures hide while there are none.
    assert [b.key for b in blocks.blocks_for(blocks.NATIONAL_HOME)] == ["upcoming_events", "news"]
    with pytest.raises(ValueError):
        blocks.register(blocks.Block("x", frozenset({"sidebar"}), "x.html", lambda **kw: {}))


def test_homes_and_organisation_pages_show_contributed_blocks(client, national, osaka):
    from django.utils import timezone

    from kyoso.measures.models import Measure
    from kyoso.moderation.models import Status
    from kyoso.testing.factories import NoticeFactory, make_organisation

    NoticeFactory(published=True, title="全国のお知らせ", platform=national)
    NoticeFactory(published=True, title="大阪のお知らせ", platform=osaka)
    org = make_organisation(name="全国見守り協会", kana="ぜんこくみまもりきょうかい")
    Measure.objects.create(
        platform=national,
        title="見守りの手引き",
        agency="厚生労働省",
        kind="manual",
        fiscal_year=2026,
        summary="概要",
        audiences=["municipality"],
        organisation=org,
        is_featured=True,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    home = client.get("/").content.decode()
    assert "全国のお知らせ" in home and "見守りの手引き" in home
    assert home.index("構築マニュアル・支援ツール") < home.index("全国のお知らせ")
    osaka_home = client.get(f"/p/{osaka.slug}/").content.decode()
    assert "大阪のお知らせ" in osaka_home and "全国のお知らせ" not in osaka_home
    page = client.get(org.get_absolute_url()).content.decode()
    assert "この団体が登録した施策・予算" in page and "見守りの手引き" in page
    assert Measure.objects.filter(organisation=org).count() == 1
