"""AuditEntry: one row per action, never updated."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# Labels shown to admins for each action name written by actions.py modules.
ACTION_LABELS = {
    "role.grant": _("役割を任命"),
    "role.revoke": _("役割を解除"),
    "platform.activate": _("プラットフォームを運用開始"),
    "platform.deactivate": _("プラットフォームを運用停止"),
    "content.create": _("作成"),
    "content.update": _("更新"),
    "content.submit": _("審査を申請"),
    "content.approve": _("承認して公開"),
    "content.reject": _("差し戻し"),
    "content.archive": _("アーカイブ"),
    "content.restore": _("公開に戻す"),
    "account.profile_update": _("プロフィールを更新"),
    "directory.suspend": _("団体の掲載を停止"),
    "directory.unsuspend": _("団体の掲載を再開"),
    "directory.invite": _("団体にメンバーを招待"),
    "directory.join": _("団体に参加"),
    "links.delete": _("関連リンクを削除"),
    "measures.flag": _("施策に「更新が必要」の印"),
    "content.propose": _("公開中の内容の変更を申請"),
    "content.revision_accept": _("変更を承認して反映"),
    "content.revision_reject": _("変更を差し戻し"),
    "directory.agency_grant": _("行政機関として確認"),
    "directory.agency_revoke": _("行政機関としての確認を取り消し"),
    "directory.invite_withdraw": _("団体への招待を取り消し"),
    "directory.member_remove": _("団体のメンバーを外す"),
    "verification.request": _("本人確認を申請"),
    "verification.auto": _("自治体のメールアドレスで本人確認"),
    "verification.approve": _("本人確認を承認"),
    "verification.decline": _("本人確認をしない"),
    "verification.withdraw": _("本人確認を取り消し"),
    "board.post_hide": _("掲示板の投稿を非表示"),
    "board.post_restore": _("掲示板の投稿を表示に戻す"),
    "board.post_approve": _("掲示板の確認待ちの投稿を公開"),
    "board.post_keep": _("掲示板の通報を問題なしとして処理"),
    "board.thread_lock": _("掲示板の話題をロック"),
    "board.thread_unlock": _("掲示板の話題のロックを解除"),
    "board.thread_pin": _("掲示板の話題をピン留め"),
    "board.thread_unpin": _("掲示板の話題のピン留めを解除"),
    "board.thread_move": _("掲示板の話題を移動"),
    "board.suspend": _("掲示板への投稿を停止"),
    "platform.update": _("プラットフォームの紹介・問い合わせ先を更新"),
    "platform.part_add": _("プラットフォームの構成を追加"),
    "platform.part_remove": _("プラットフォームの構成を削除"),
    "videos.series_create": _("動画のシリーズを登録"),
    "videos.series_update": _("動画のシリーズを更新"),
    "local.issue_hide": _("地域課題を非表示"),
    "local.issue_restore": _("地域課題を表示に戻す"),
    "admin.add": _("管理サイトで追加"),
    "admin.change": _("管理サイトで変更"),
    "admin.delete": _("管理サイトで削除"),
}


class AuditEntry(models.Model):
    created_at = models.DateTimeField(_("日時"), auto_now_add=True, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("実行者"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    # Kept as text too, so the record stays readable after the account is deleted.
    actor_email = models.CharField(_("実行者のメールアドレス"), max_length=254, blank=True)
    action = models.CharField(_("操作"), max_length=40)  # indexed with the id below
    platform = models.ForeignKey(
        "platforms.Platform",
        verbose_name=_("プラットフォーム"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    target_type = models.CharField(_("対象の種類"), max_length=100, blank=True)
    target_id = models.CharField(_("対象ID"), max_length=64, blank=True)
    target_repr = models.CharField(_("対象"), max_length=200, blank=True)
    data = models.JSONField(_("詳細"), default=dict, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["platform", "-created_at"]),
            # The log page filters by action or platform and pages newest first by id. With these
            # the read is one index range whatever the plan: a prepared statement's generic plan
            # (PostgreSQL) otherwise walked the whole log backwards by id looking for a rare
            # action (~200 ms at 1,000,000 entries).
            models.Index(fields=["action", "-id"], name="audit_action_id"),
            models.Index(fields=["platform", "-id"], name="audit_platform_id"),
        ]
        verbose_name = _("監査ログ")
        verbose_name_plural = _("監査ログ")

    def __str__(self) -> str:
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.actor_email} {self.action}"

    def action_label(self) -> str:
        return str(ACTION_LABELS.get(self.action, self.action))
