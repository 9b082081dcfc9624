"""Template helpers for the directory's review partial."""

from django import template

from kyoso.directory.selectors import similar_organisations

register = template.Library()


@register.simple_tag
def similar_for(org):
    return similar_organisations(org)
