"""Atom feeds whose summaries are plain text (`type="text"`), as our summaries are."""

from django.utils.feedgenerator import Atom1Feed


class TextAtom1Feed(Atom1Feed):
    """Django writes item descriptions as `<summary type="html">`; ours are plain text, which a
    reader would otherwise parse as HTML after unescaping."""

    def add_item_elements(self, handler, item):
        description = item.get("description")
        super().add_item_elements(handler, {**item, "description": None})
        if description is not None:
            handler.addQuickElement("summary", description, {"type": "text"})
