"""A small site with one of everything, and a user for every role of the authorisation matrix
(kyoso.testing.authz). Shared by the matrix and the no-5xx fuzz test."""

import datetime
import io
from types import SimpleNamespace

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from kyoso.directory.models import Invitation, Membership, Organisation
from kyoso.links.models import Link
from kyoso.measures.models import Attachment, Measure
from kyoso.moderation.models import PendingRevision, RevisionFile, Status
from kyoso.platforms.models import Platform, PlatformRole

from . import authz
from .factories import NoticeFactory, UserFactory, grant, make_organisation

PDF = b"%PDF-1.4\n%minimal\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (16, 16), "green").save(out, format="PNG")
    return out.getvalue()


def build_world() -> SimpleNamespace:
    tokyo = Platform.objects.get(slug="tokyo")
    osaka = Platform.objects.get(slug="osaka")
    national = Platform.objects.national()
    users = {authz.ANON: None}
    for role in authz.ROLES[1:]:
        users[role] = UserFactory(email=f"{role.replace('_', '-')}@example.jp")
    grant(users[authz.MODERATOR], tokyo, PlatformRole.Role.MODERATOR)
    grant(users[authz.ADMIN], tokyo, PlatformRole.Role.ADMIN)
    grant(users[authz.OTHER_MODERATOR], osaka, PlatformRole.Role.MODERATOR)
    grant(users[authz.OTHER_ADMIN], osaka, PlatformRole.Role.ADMIN)
    grant(users[authz.NATIONAL], national, PlatformRole.Role.ADMIN)
    author = UserFactory(email="author@example.jp")

    org = make_organisation(name="ちよだ見守り隊", kana="ちよだみまもりたい", platform=tokyo)
    Membership.objects.create(organisation=org, user=users[authz.MEMBER], role="owner")
    colleague = Membership.objects.create(organisation=org, user=author, role="member")
    other = make_organisation(name="みなと配食の会", kana="みなとはいしょくのかい", platform=tokyo)
    Membership.objects.create(organisation=other, user=users[authz.OTHER_MEMBER], role="owner")
    pending_org = make_organisation(
        name="審査中の会", kana="しんさちゅうのかい", platform=tokyo, status=Status.PENDING
    )
    Membership.objects.create(organisation=pending_org, user=users[authz.MEMBER], role="owner")
    pending_org.logo.save("logo.png", ContentFile(_png()), save=True)
    invitation = Invitation.objects.create(
        organisation=org, email=users[authz.RESIDENT].email, invited_by=users[authz.MEMBER]
    )

    revision = PendingRevision.objects.create(
        content_type=ContentType.objects.get_for_model(Organisation),
        object_id=org.pk,
        platform=tokyo,
        proposed_by=users[authz.MEMBER],
        data={"description": "新しい紹介文"},
    )
    revision_file = RevisionFile(
        revision=revision,
        key="logo",
        original_name="logo.png",
        format="png",
        content_type="image/png",
        size=10,
    )
    revision_file.file.save("logo.png", ContentFile(_png()), save=True)

    measure = Measure.objects.create(
        platform=tokyo,
        title="東京都の買い物支援事業",
        agency="東京都",
        kind="grant",
        fiscal_year=2026,
        summary="概要",
        audiences=["municipality"],
        organisation=org,
        submitted_by=author,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    pending_measure = Measure.objects.create(
        platform=tokyo,
        title="審査中の施策",
        agency="東京都",
        kind="grant",
        fiscal_year=2026,
        summary="概要",
        organisation=org,
        submitted_by=author,
        status=Status.PENDING,
        submitted_at=timezone.now(),
    )
    pending_attachment = Attachment(
        measure=pending_measure, title="要領", original_name="要領.pdf", format="pdf", size=len(PDF)
    )
    pending_attachment.file.save("x", ContentFile(PDF), save=True)
    notice = NoticeFactory(platform=tokyo, submitted_by=author, pending=True)
    link = Link.objects.create(
        platform=tokyo, title="東京都福祉局", url="https://example.jp/", category="prefecture"
    )
    from kyoso.events.models import Event

    event = Event.objects.create(
        platform=tokyo,
        title="千代田の見守り交流会",
        title_kana="ちよだのみまもりこうりゅうかい",
        description="<p>交流会です。</p>",
        starts_at=timezone.now() + datetime.timedelta(days=7),
        ends_at=timezone.now() + datetime.timedelta(days=7, hours=2),
        format="venue",
        venue_name="区民会館",
        address="千代田1-1",
        municipality_id="131016",
        audiences=["resident"],
        organisation=org,
        organiser=org.name,
        submitted_by=author,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    from kyoso.accounts.models import Verification
    from kyoso.board.models import Board, Post, Thread

    board = Board.objects.get(slug="tokyo")
    room = Board.objects.create(
        slug="room", name="会員限定の部屋", kind="topic", platform=tokyo, members_only=True
    )
    threads = {}
    for key, where in (("thread", board), ("room_thread", room)):
        thread = Thread.objects.create(
            board=where, author=author, title="担い手が足りません", last_activity_at=timezone.now()
        )
        Post.objects.create(thread=thread, number=1, author=author, body="相談です。")
        threads[key] = thread
    post = Post.objects.get(thread=threads["thread"], number=1)
    reply = Post.objects.create(
        thread=threads["thread"], number=2, author=users[authz.MEMBER], body="返信です。"
    )
    Thread.objects.filter(pk=threads["thread"].pk).update(last_number=2, reply_count=1)
    verification = Verification.objects.create(
        user=author, role="municipal", municipality_id="131016"
    )
    role = PlatformRole.objects.get(user=users[authz.MODERATOR], platform=tokyo)
    from kyoso.platforms.models import Part

    part = Part.objects.create(platform=tokyo, kind="department", name="東京都福祉局")
    from kyoso.cases.models import Actor, Case, Photo

    case = Case.objects.create(
        platform=tokyo,
        title="移動販売と見守り",
        summary="スーパーと社協の移動販売です。",
        prefecture_id="13",
        municipality_id="131016",
        issue="買い物に困る人がいた。",
        approach="移動販売車を走らせた。",
        started_year=2020,
        organisation=org,
        submitted_by=author,
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    Actor.objects.create(case=case, role="company", name="みらいストア")
    pending_case = Case.objects.create(
        platform=tokyo,
        title="審査中の事例",
        summary="審査中です。",
        prefecture_id="13",
        issue="課題",
        approach="取組",
        started_year=2021,
        organisation=org,
        submitted_by=author,
        status=Status.PENDING,
        submitted_at=timezone.now(),
    )
    pending_photo = Photo(case=pending_case, alt="移動販売車")
    pending_photo.image.save("p.png", ContentFile(_png()), save=True)
    from kyoso.videos.models import Series, Video

    series = Series.objects.create(platform=tokyo, kind="symposium", title="東京都シンポジウム")
    training = Series.objects.create(platform=tokyo, kind="training", title="東京都の研修")
    video = Video.objects.create(
        platform=tokyo,
        series=series,
        title="基調講演",
        source="youtube",
        url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    unit = Video.objects.create(
        platform=tokyo,
        series=training,
        title="単元1",
        source="youtube",
        url="https://www.youtube.com/watch?v=aqz-KE-bpKQ",
        status=Status.PUBLISHED,
        published_at=timezone.now(),
    )
    pending_video = Video.objects.create(
        platform=tokyo,
        series=series,
        title="審査中の動画",
        source="file",
        file_type="video/webm",
        captions="WEBVTT\n\n00:00.000 --> 00:01.000\nこんにちは\n",
        submitted_by=author,
        status=Status.PENDING,
    )
    pending_video.file.save("v", ContentFile(b"\x1a\x45\xdf\xa3" + b"\0" * 64), save=True)
    from kyoso.videos.models import Material

    pending_material = Material(video=pending_video, title="資料", size=len(PDF))
    pending_material.file.save("m.pdf", ContentFile(PDF), save=True)
    from kyoso.local.models import Answer, LocalIssue, Meeting, Message

    meeting = Meeting.objects.create(
        platform=tokyo,
        author=author,
        kind="town",
        title="千代田地区タウンミーティング",
        held_on=datetime.date(2026, 11, 1),
        municipality_id="131016",
        issues_found="買い物に困る人が多い",
    )
    meeting.attachment.save("m.pdf", ContentFile(PDF), save=False)
    meeting.attachment_name = "記録.pdf"
    meeting.save()
    issue = LocalIssue.objects.create(
        platform=tokyo,
        author=author,
        title="買い物の足がない",
        municipality_id="131016",
        description="スーパーが閉店した。",
    )
    answer = Answer.objects.create(issue=issue, organisation=org, author=users[authz.MEMBER])
    Message.objects.create(answer=answer, author=users[authz.MEMBER], body="協力できます。")
    return SimpleNamespace(
        meeting=meeting,
        issue=issue,
        answer=answer,
        part=part,
        case=case,
        pending_case=pending_case,
        pending_photo=pending_photo,
        series=series,
        training=training,
        video=video,
        unit=unit,
        pending_video=pending_video,
        pending_material=pending_material,
        board=board,
        room=room,
        thread=threads["thread"],
        room_thread=threads["room_thread"],
        post=post,
        reply=reply,
        verification=verification,
        users=users,
        tokyo=tokyo,
        org=org,
        other=other,
        colleague=colleague,
        pending_org=pending_org,
        invitation=invitation,
        revision=revision,
        revision_file=revision_file,
        measure=measure,
        pending_measure=pending_measure,
        pending_attachment=pending_attachment,
        notice=notice,
        link=link,
        event=event,
        role=role,
    )
