"""Demo board: verified coordinators and municipal staff, threads in the cross-field, 買い物, 移動
and Tokyo boards and in a members-only coordinators' room, with replies, 「同じ悩み」 counts, a
hidden post and an open report. Fictional, marked as demo, idempotent."""

import datetime

from django.utils import timezone

THREADS = [
    (
        "cross",
        "coordinator@demo.kyoso.example",
        "協議体に住民の参加者が増えません",
        "第2層協議体を立ち上げて1年になりますが、参加者が自治会長と民生委員に偏っています。"
        "住民の方に気軽に来てもらうために工夫していることがあれば教えてください。",
        ["community-building"],
        None,
        [
            (
                "coordinator2@demo.kyoso.example",
                "私の地区では、協議体の前に「お茶会」をしています。会議というより雑談の場にすると、"
                "若い世代の方も来てくれるようになりました。",
            ),
            (
                "npo@demo.kyoso.example",
                "開催時間を平日夜と土曜午前の2回にしたところ、働いている方が参加しやすくなりました。",
            ),
        ],
        6,
    ),
    (
        "cross",
        "staff@demo.kyoso.example",
        "民間企業との連携協定、どこから始めましたか",
        "スーパーや運送会社と見守り協定を結びたいと考えています。最初の声かけはどの部署から、"
        "どんな資料を持って行きましたか。",
        ["watching-over"],
        "131016",
        [
            (
                "mhlw@demo.kyoso.example",
                "施策・予算情報のページに、協定書のひな形を載せている自治体の事例があります。"
                "まずは「困りごとを一緒に解決したい」という話から始めるのがよいようです。",
            ),
        ],
        3,
    ),
    (
        "field-shopping",
        "resident@demo.kyoso.example",
        "移動販売車が来なくなった地区での買い物",
        "町内を回っていた移動販売車が運転手不足で来なくなりました。同じような地区で、"
        "買い物の手段を続けている例はありますか。",
        ["shopping"],
        None,
        [
            (
                "npo@demo.kyoso.example",
                "私たちの地域では、ボランティアの乗り合いで週1回スーパーに行く取り組みをしています。",
            ),
            (
                "coordinator@demo.kyoso.example",
                "社会福祉協議会とスーパーが組んで、店舗からの送迎をしている町もあります。",
            ),
        ],
        9,
    ),
    (
        "field-shopping",
        "npo@demo.kyoso.example",
        "ネットスーパーの使い方講座を開きました",
        "スマホでネットスーパーを使う講座を公民館で開きました。資料を共有します。"
        "参加者は70代が中心で、**注文まで一人でできた方が半分**でした。",
        ["shopping", "learning"],
        None,
        [],
        2,
    ),
    (
        "field-mobility",
        "coordinator2@demo.kyoso.example",
        "通院の送迎ボランティアの保険はどうしていますか",
        "住民ボランティアによる通院の付き添い・送迎を始めたいのですが、事故のときの保険を"
        "どうしているか教えてください。",
        ["mobility", "medical"],
        "132012",
        [
            (
                "staff@demo.kyoso.example",
                "ボランティア活動保険に加えて、送迎用の自動車保険の特約を社協で確認しました。",
            ),
        ],
        5,
    ),
    (
        "tokyo",
        "staff@demo.kyoso.example",
        "都内の生活支援コーディネーター連絡会のお知らせ",
        "来月の連絡会では、区部と市部の情報交換を行います。テーマの希望があれば返信してください。",
        ["community-building"],
        "131016",
        [
            (
                "coordinator2@demo.kyoso.example",
                "多摩地域の移動支援について話したいです。",
            ),
        ],
        1,
    ),
    (
        "coordinators",
        "coordinator@demo.kyoso.example",
        "【会員限定】担い手の燃え尽きを防ぐには",
        "見守り活動の中心メンバーが疲れてしまい、やめたいと言っています。"
        "活動を続けながら負担を分けるために、どんなことをしていますか。",
        ["watching-over", "volunteering"],
        None,
        [
            (
                "coordinator2@demo.kyoso.example",
                "役割を「できること」単位に細かく分けて、月1回だけの人も歓迎するようにしました。",
            ),
        ],
        4,
    ),
]

VERIFIED = [
    ("coordinator@demo.kyoso.example", "coordinator", "2", "202029", "中央地区"),
    ("coordinator2@demo.kyoso.example", "coordinator", "1", "132012", ""),
    ("staff@demo.kyoso.example", "municipal", "", "131016", ""),
]


def load() -> str:
    from kyoso.accounts.models import User, Verification
    from kyoso.platforms.models import Platform
    from kyoso.regions.models import Field

    from .actions import boards_ensure
    from .models import Board, NgWord, Post, Report, SameProblem, Thread

    boards_ensure()
    national = Platform.objects.filter(prefecture__isnull=True).first()
    Board.objects.get_or_create(
        slug="coordinators",
        defaults={
            "name": "生活支援コーディネーターの部屋",
            "kind": Board.Kind.TOPIC,
            "platform": national,
            "members_only": True,
            "order": 2,
            "is_demo": True,
            "description": "確認済みの生活支援コーディネーターと自治体職員だけの相談の場です。",
        },
    )
    NgWord.objects.get_or_create(platform=national, word="情報商材")
    users = {u.email: u for u in User.objects.filter(email__endswith="@demo.kyoso.example")}
    now = timezone.now()
    for email, role, layer, muni, area in VERIFIED:
        if email in users:
            Verification.objects.get_or_create(
                user=users[email],
                status=Verification.Status.APPROVED,
                defaults={
                    "role": role,
                    "layer": layer,
                    "municipality_id": muni,
                    "area_name": area,
                    "decided_at": now,
                    "decided_by": users.get("admin@demo.kyoso.example"),
                    "is_demo": True,
                },
            )
    fields = {f.slug: f for f in Field.objects.all()}
    boards = {b.slug: b for b in Board.objects.all()}
    created = 0
    for index, (slug, author, title, body, field_slugs, muni, replies, same) in enumerate(THREADS):
        if Thread.objects.filter(title=title, is_demo=True).exists() or author not in users:
            continue
        when = now - datetime.timedelta(days=len(THREADS) - index, hours=index)
        thread = Thread.objects.create(
            board=boards[slug],
            author=users[author],
            title=title,
            municipality_id=muni,
            prefecture_id=muni[:2] if muni else None,
            last_activity_at=when,
            is_demo=True,
            last_number=1 + len(replies),
            reply_count=len(replies),
        )
        thread.fields.set([fields[s] for s in field_slugs if s in fields])
        Post.objects.create(thread=thread, number=1, author=users[author], body=body, is_demo=True)
        for number, (reply_author, text) in enumerate(replies, start=2):
            Post.objects.create(
                thread=thread,
                number=number,
                author=users[reply_author],
                body=text,
                is_demo=True,
            )
        # Dated as a conversation over a few days (created_at is set on insert).
        Thread.objects.filter(pk=thread.pk).update(created_at=when)
        for post in Post.objects.filter(thread=thread):
            Post.objects.filter(pk=post.pk).update(
                created_at=when + datetime.timedelta(hours=(post.number - 1) * 3)
            )
        sayers = [u for e, u in users.items() if e != author][:same]
        for user in sayers:
            SameProblem.objects.get_or_create(thread=thread, user=user)
        thread.same_count = SameProblem.objects.filter(thread=thread).count()
        thread.last_activity_at = when + datetime.timedelta(hours=len(replies) * 3)
        thread.save()
        created += 1
    # A post that a moderator hid (its author sees why), and a report waiting for a moderator.
    target = Thread.objects.filter(title="移動販売車が来なくなった地区での買い物").first()
    if target is not None and created:
        hidden = Post.objects.create(
            thread=target,
            number=target.last_number + 1,
            author=users["resident@demo.kyoso.example"],
            body="安く買える店を紹介します。詳しくは個人的に連絡ください。",
            is_hidden=True,
            hidden_reason="個人的な連絡先のやりとりや宣伝は、掲示板のルールでお断りしています。",
            hidden_by=users.get("admin@demo.kyoso.example"),
            is_demo=True,
        )
        Thread.objects.filter(pk=target.pk).update(last_number=hidden.number)
        reported = Post.objects.filter(thread=target, number=2).first()
        if reported is not None:
            Report.objects.create(
                post=reported,
                reporter=users["resident@demo.kyoso.example"],
                reason=Report.Reason.OTHER,
                note="団体名が書かれていますが、宣伝にあたらないか確認してください。",
                is_demo=True,
            )
    _notifications(users)
    from kyoso.search.engine import index_object

    for thread in Thread.objects.filter(is_demo=True).select_related("board"):
        index_object(thread)
    return f"{Thread.objects.filter(is_demo=True).count()} threads ({created} new), boards ready"


def _notifications(users) -> None:
    """Follows and a few notifications, so that /notifications/ shows what it is for."""
    from kyoso.notifications.models import Follow, Notification

    from .models import Thread

    for email, target, key, label in (
        ("coordinator@demo.kyoso.example", "field", "watching-over", "見守り"),
        ("coordinator@demo.kyoso.example", "prefecture", "20", "長野県"),
        ("resident@demo.kyoso.example", "field", "shopping", "買い物"),
    ):
        if email in users:
            Follow.objects.get_or_create(
                user=users[email], target=target, key=key, defaults={"label": label}
            )
    coordinator = users.get("coordinator@demo.kyoso.example")
    if coordinator is None or Notification.objects.filter(user=coordinator, is_demo=True).exists():
        return
    for thread in Thread.objects.filter(is_demo=True, author=coordinator).select_related("board"):
        Follow.objects.get_or_create(
            user=coordinator, target="thread", key=str(thread.pk), defaults={"label": thread.title}
        )
        Notification.objects.create(
            user=coordinator,
            text=f"「{thread.title}」に返信がありました",
            url=thread.get_absolute_url(),
            gate=f"board:{thread.board_id}" if thread.board.members_only else "",
            mail=Notification.Mail.SENT,
            is_demo=True,
        )
