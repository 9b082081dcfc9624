"""Authorisation rows for local issues, answers, meeting records and coordinators."""

from kyoso.testing.authz import (
    MEMBER,
    OTHER_MEMBER,
    SIGNED_IN,
    TOKYO_ADMINS,
    TOKYO_REVIEWERS,
    Row,
)

NOBODY = frozenset()  # only verified coordinators and municipal staff (no matrix role is one)

ROWS = [
    Row("local:new", NOBODY, method="get", note="verified coordinators and municipal staff"),
    # The issue's poster (not a matrix role) and the platform's admins manage it.
    Row("local:edit", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.issue.pk}, method="get"),
    Row("local:state", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.issue.pk}, data={"state": "solved"}),
    Row("local:case", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.issue.pk}, method="get"),
    Row("local:hide", TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.issue.pk}, method="get"),
    # Members of listed organisations answer 「協力できます」.
    Row(
        "local:answer_new",
        frozenset({MEMBER, OTHER_MEMBER}),
        kwargs=lambda w: {"pk": w.issue.pk},
        data={"body": "協力できます。"},
    ),
    # An answer's conversation: the poster, the organisation's members, the moderators.
    Row(
        "local:answer", frozenset({MEMBER}) | TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.answer.pk}
    ),
    Row("local:meetings", SIGNED_IN, method="get"),
    Row("local:meeting_new", NOBODY, method="get"),
    # A meeting record: verified members of its prefecture (none here), its author, the staff.
    Row("local:meeting", TOKYO_REVIEWERS, kwargs=lambda w: {"pk": w.meeting.pk}, method="get"),
    Row("local:meeting_edit", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.meeting.pk}, method="get"),
    Row(
        "local:meeting_file",
        TOKYO_REVIEWERS,
        kwargs=lambda w: {"pk": w.meeting.pk},
        method="get",
    ),
    Row("local:meeting_case", TOKYO_ADMINS, kwargs=lambda w: {"pk": w.meeting.pk}, method="get"),
]

PUBLIC = {"local:list", "local:platform_list", "local:issue", "local:coordinators"}
