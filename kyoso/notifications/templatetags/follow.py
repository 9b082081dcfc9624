"""{% follow_button "prefecture" "13" %}: a follow / stop-following button for signed-in people."""

from django import template

from kyoso.notifications.delivery import is_following

register = template.Library()


@register.inclusion_tag("notifications/partials/_follow_button.html", takes_context=True)
def follow_button(context, target: str, key) -> dict:
    request = context.get("request")
    user = getattr(request, "user", None)
    signed_in = bool(user and user.is_authenticated)
    return {
        "user": user,
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "follow_target": target,
        "follow_key": key,
        "following": signed_in and is_following(user, target, key),
    }
