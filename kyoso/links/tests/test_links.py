"""Related links: public lists, admins' management (audited, confirmed deletion), link checks."""

import urllib.error

import pytest

from kyoso.audit.models import AuditEntry
from kyoso.links.actions import link_check
from kyoso.links.models import Link

pytestmark = pytest.mark.django_db


@pytest.fixture
def links(national, tokyo):
    return {
        "mhlw": Link.objects.create(
            platform=national,
            category="ministry",
            title="厚生労働省ホームページ",
            url="https://www.mhlw.go.jp/",
        ),
        "tokyo": Link.objects.create(
            platform=tokyo,
            category="prefecture",
            title="東京都福祉局",
            url="https://www.fukushi.metro.tokyo.lg.jp/",
        ),
    }


def test_public_page_groups_by_category(client, links):
    html = client.get("/links/").content.decode()
    assert "厚生労働省ホームページ" in html and "東京都福祉局" in html
    assert html.index(">府省庁</h2>") < html.index(">都道府県</h2>")
    narrowed = client.get("/p/tokyo/links/").content.decode()
    assert "東京都福祉局" in narrowed and "厚生労働省ホームページ" not in narrowed


def test_empty_page_says_so(client, db):
    assert "まだリンクは登録されていません" in client.get("/p/kochi/links/").content.decode()


def test_prefectural_admin_adds_a_link_to_their_platform_only(
    client, prefectural_admin, tokyo, osaka
):
    client.force_login(prefectural_admin)
    data = {
        "platform": tokyo.pk,
        "category": "prefecture",
        "title": "都の窓口",
        "url": "https://example.jp/",
        "order": 1,
    }
    assert client.post("/manage/links/new/", data).status_code == 302
    assert Link.objects.get(title="都の窓口").platform == tokyo
    assert AuditEntry.objects.filter(action="content.create", platform=tokyo).exists()
    data["platform"] = osaka.pk
    assert client.post("/manage/links/new/", data).status_code == 422


def test_bad_input_is_explained(client, national_admin, national):
    client.force_login(national_admin)
    response = client.post(
        "/manage/links/new/",
        {"platform": national.pk, "category": "", "title": "", "url": "javascript:alert(1)"},
    )
    html = response.content.decode()
    assert response.status_code == 422
    assert "分類を選んでください" in html
    assert "名称を入力してください" in html
    assert "https:// から始まる URL を入力してください" in html
    assert not Link.objects.exists()


def test_deleting_asks_first_and_is_audited(client, national_admin, links):
    client.force_login(national_admin)
    url = f"/manage/links/{links['mhlw'].pk}/delete/"
    assert "削除します。よろしいですか" in client.get(url).content.decode()
    assert Link.objects.filter(pk=links["mhlw"].pk).exists()
    client.post(url)
    assert not Link.objects.filter(pk=links["mhlw"].pk).exists()
    assert AuditEntry.objects.filter(action="links.delete").exists()


def test_admins_of_other_platforms_cannot_touch_a_link(client, prefectural_admin, links):
    client.force_login(prefectural_admin)
    assert client.post(f"/manage/links/{links['mhlw'].pk}/delete/").status_code == 403
    assert client.get(f"/manage/links/{links['mhlw'].pk}/edit/").status_code == 403


@pytest.mark.parametrize("persona", ["moderator", "resident"])
def test_non_admins_cannot_manage(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get("/manage/links/").status_code == 403


class FakeOpener:
    def __init__(self, outcomes):
        self.outcomes, self.methods = list(outcomes), []

    def open(self, request, timeout):
        self.methods.append(request.get_method())
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, Exception):
            raise outcome

        class Response:
            status = outcome

            def __enter__(self):
                return self

            def __exit__(self, *args):
                return False

        return Response()


def test_check_records_status_and_never_raises(links):
    link = link_check(links["mhlw"], opener=FakeOpener([200]))
    assert link.check_status == 200 and not link.is_broken
    link = link_check(
        links["mhlw"], opener=FakeOpener([urllib.error.HTTPError("u", 404, "nf", {}, None)])
    )
    assert link.check_status == 404 and link.is_broken
    link = link_check(
        links["mhlw"], opener=FakeOpener([urllib.error.URLError("Name or service not known")])
    )
    assert link.is_broken and "not known" in link.check_error
    link = link_check(links["mhlw"], opener=FakeOpener([TimeoutError("timed out")]))
    assert link.is_broken and "timed out" in link.check_error
    opener = FakeOpener([urllib.error.HTTPError("u", 405, "no HEAD", {}, None), 200])
    link = link_check(links["mhlw"], opener=opener)
    assert opener.methods == ["HEAD", "GET"] and link.check_status == 200


def test_check_links_command_survives_unreachable_hosts(links, capsys):
    from django.core.management import call_command

    Link.objects.update(url="http://127.0.0.1:9/unreachable")
    call_command("check_links", "--timeout", "1")
    out = capsys.readouterr().out
    assert "2 broken" in out
    assert Link.objects.filter(check_error__gt="").count() == 2
