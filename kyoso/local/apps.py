"""Local issues (地域課題) and co-creation matching, meeting records and coordinators."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LocalConfig(AppConfig):
    name = "kyoso.local"
    label = "local"
    verbose_name = _("地域課題とマッチング")

    def ready(self) -> None:
        from kyoso.cases import prefill
        from kyoso.core import blocks, dashboard
        from kyoso.search import registry as search

        from .models import LocalIssue
        from .search import issue_document

        search.register(LocalIssue, document=issue_document, label=_("地域課題"))
        # The list shows each issue's answer count, kept with the list's facts per version
        # (kyoso.local.selectors): an answer made or removed (cascades included) renews them.
        from django.db.models.signals import post_delete, post_save

        from .models import Answer

        post_save.connect(_answer_saved, sender=Answer, dispatch_uid="local-answers-saved")
        post_delete.connect(_answers_changed, sender=Answer, dispatch_uid="local-answers-gone")
        prefill.register("issue", issue_prefill)
        prefill.register("meeting", meeting_prefill)
        blocks.register(
            blocks.Block(
                "open_local_issues",
                places=frozenset({blocks.NATIONAL_HOME, blocks.PLATFORM_HOME}),
                template="local/partials/_home_block.html",
                context=home_block,
                order=19,
            )
        )
        blocks.register(
            blocks.Block(
                "matching_local_issues",
                places=frozenset({blocks.MY_PAGE}),
                template="local/partials/_my_matches.html",
                context=my_block,
                order=20,
            )
        )
        dashboard.register(
            dashboard.Figure(
                "local_issues",
                _("募集中の地域課題"),
                by_prefecture=_open_by_prefecture,
                by_municipality=_open_by_municipality,
                order=50,
            )
        )


def _answer_saved(sender, instance, created, **kwargs) -> None:
    if created:  # a later save of an answer (its author set to NULL…) changes no count
        _answers_changed()


def _answers_changed(**kwargs) -> None:
    from kyoso.core.cache import content_changed

    content_changed(("local.localissue",))  # anonymous pages show the counts too


def _open():
    from .models import LocalIssue

    return LocalIssue.objects.filter(state=LocalIssue.State.OPEN, is_hidden=False)


def _open_by_prefecture() -> dict[str, int]:
    from django.db.models import Count

    return dict(_open().values_list("municipality__prefecture_id").annotate(n=Count("id")))


def _open_by_municipality(pref: str) -> dict[str, int]:
    from django.db.models import Count

    return dict(
        _open()
        .filter(municipality__prefecture_id=pref)
        .values_list("municipality_id")
        .annotate(n=Count("id"))
    )


def home_block(*, place, platform, organisation):
    issues = _open().select_related("municipality__prefecture")
    if place == "platform_home":
        issues = issues.filter(municipality__prefecture_id=platform.prefecture_id)
    issues = list(issues.order_by("-created_at")[:5])
    if not issues:
        return None
    return {"issues": issues, "platform": platform if place == "platform_home" else None}


def my_block(*, place, platform, organisation, user):
    from .views import my_matches

    matches = my_matches(user)
    return {"matches": matches} if matches else None


def issue_prefill(user, pk: int) -> dict | None:
    """A case form started from a local issue: its poster (or the platform's admins) only."""
    from .access import can_manage_issue
    from .models import LocalIssue

    issue = LocalIssue.objects.select_related("municipality", "platform").filter(pk=pk).first()
    if issue is None or not can_manage_issue(user, issue):
        return None
    actors = [{"role": "government", "name": issue.municipality.name, "organisation": None}]
    for answer in issue.answers.select_related("organisation"):
        actors.append(
            {
                "role": _role_of(answer.organisation.kind),
                "name": answer.organisation.name,
                "organisation": answer.organisation_id,
            }
        )
    return {
        "title": issue.title,
        "summary": issue.description[:300],
        "prefecture": issue.municipality.prefecture_id,
        "municipality": issue.municipality_id,
        "fields": list(issue.fields.values_list("slug", flat=True)),
        "issue": issue.description,
        "started_year": issue.created_at.year,
        "actors": actors,
    }


def meeting_prefill(user, pk: int) -> dict | None:
    """A case form started from a meeting record: its author (or the platform's admins) only."""
    from kyoso.platforms.access import can_administer

    from .models import Meeting

    meeting = Meeting.objects.select_related("municipality", "platform").filter(pk=pk).first()
    if meeting is None or not (
        meeting.author_id == user.pk or can_administer(user, meeting.platform)
    ):
        return None
    kinds = {"residents", "shakyo", "government", "company", "npo", "care", "coop", "university"}
    actors = [
        {"role": p["kind"], "name": "", "organisation": None}
        for p in meeting.participants
        if p.get("kind") in kinds
    ]
    return {
        "title": meeting.title,
        "prefecture": meeting.municipality.prefecture_id,
        "municipality": meeting.municipality_id,
        "issue": meeting.issues_found,
        "approach": "\n\n".join(filter(None, [meeting.ideas, meeting.next_steps])),
        "started_year": meeting.held_on.year,
        "actors": actors,
    }


def _role_of(kind: str) -> str:
    from .matching import KIND_TO_PARTNER

    partner = KIND_TO_PARTNER.get(kind, "other")
    return (
        partner
        if partner
        in {"company", "npo", "residents", "shakyo", "care", "university", "coop", "government"}
        else "other"
    )
