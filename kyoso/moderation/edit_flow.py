"""The one way an edit page answers a POST: every content app's edit view calls `answer_edit`."""

from django.contrib import messages
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from .revisions import EditConflict


def answer_edit(request, *, form, obj, save, saved_message: str, public_url):
    """Validate `form`, run `save()` (which calls content_edit) and answer like every edit page:
    a proposal goes to マイページ, a saved change to `public_url()` (or マイページ), a conflict or
    an invalid form re-renders with 409 / 422, a picker step with 200.
    Returns (response or None, status)."""
    if getattr(form, "picker_step", False):
        return None, 200  # a municipality picker's own button: show the form again, no errors
    if not form.is_valid():
        return None, 409 if form.conflict is not None else 422
    try:
        result = save()
    except EditConflict:
        form.add_error(None, _("保存する直前にほかの人が保存しました。もう一度確かめてください。"))
        return None, 409
    if result.revision is not None:
        messages.success(
            request,
            _(
                "変更を申請しました。審査が終わるまで、公開中のページは今の内容のままです。"
                "結果はメールでお知らせします。"
            ),
        )
        return redirect("accounts:me"), 302
    if result.unchanged:
        messages.info(request, _("変更はありませんでした。"))
    else:
        messages.success(request, saved_message)
    obj.refresh_from_db()
    return redirect(public_url() or "accounts:me"), 302
