"""Template helpers used on every page (loaded as a builtin)."""

import datetime
import functools

from django import template
from django.template.loader_tags import ExtendsNode
from django.urls import translate_url
from django.utils.translation import get_language

from kyoso.core import dates
from kyoso.core.pagination import page_query as _page_query

register = template.Library()


@register.filter
def era(value) -> str:
    """{{ date|era }} → 令和7年."""
    if isinstance(value, datetime.datetime):
        value = value.date()
    if not isinstance(value, datetime.date):
        return ""
    return dates.era_year(value)


@register.filter
def fiscal_year(value) -> str:
    try:
        return dates.fiscal_year_label(int(value))
    except (TypeError, ValueError):
        return ""


@register.simple_tag(takes_context=True)
def page_query(context, number) -> str:
    return _page_query(context["request"], number)


@register.simple_tag(takes_context=True)
def pagination_nav(context, page):
    from kyoso.core.pagination import pagination_html

    return pagination_html(context["request"], page)


@functools.lru_cache(maxsize=4096)
def _path_in(path: str, path_info: str, code: str) -> tuple[str, bool]:
    """The same page's path in another language, and whether it is a page of this site (resolved
    once per path and process)."""
    from django.urls import Resolver404, resolve, reverse
    from django.utils.translation import override

    # Built only from a path that resolves on this site: a 404 for //evil.example/… links to
    # the home page, never off-site.
    try:
        if path.startswith("//"):
            raise Resolver404
        resolve(path_info)
    except Resolver404:
        with override(code):
            return reverse("core:home"), False
    url = translate_url(path, code)
    return (url, True) if url.startswith("/") and not url.startswith("//") else ("/", False)


def language_url(request, code: str) -> str:
    """This page in language `code` (its home page when the path is not one of the site's)."""
    from django.urls import reverse
    from django.utils.translation import override

    if request is None:
        with override(code):
            return reverse("core:home")
    path, resolved = _path_in(request.path, request.path_info, code)
    query = request.META.get("QUERY_STRING", "")
    return f"{path}?{query}" if resolved and query else path


@register.simple_tag
def language_choices() -> list[dict]:
    """The languages, without URLs (those are slots of the cached header: see SlotNode)."""
    from django.conf import settings

    current = get_language() or settings.LANGUAGE_CODE
    return [
        {"code": code, "name": name, "current": current.startswith(code)}
        for code, name in settings.LANGUAGES
    ]


@register.simple_tag(takes_context=True)
def query_replace(context, **changes) -> str:
    """The current query string with some parameters replaced ('' removes one)."""
    from kyoso.core.pagination import query_string

    return query_string(context["request"].GET, **changes)


@register.filter
def yen(value) -> str:
    """Budget amounts as officials write them: 12億3,400万円, 5,000万円, 80万円, 9,800円."""
    try:
        amount = int(value)
    except (TypeError, ValueError):
        return ""
    if get_language() and get_language().startswith("en"):
        return f"¥{amount:,}"
    oku, rest = divmod(amount, 100_000_000)
    man, en = divmod(rest, 10_000)
    if oku == 0 and man == 0:
        return f"{en:,}円"
    parts = []
    if oku:
        parts.append(f"{oku:,}億")
    if man:
        parts.append(f"{man:,}万")
    text = "".join(parts) + "円"
    return text if en == 0 else f"{text}（{amount:,}円）"


@register.simple_tag(takes_context=True)
def local_path(context) -> str:
    """This page's path and query for a `next` field, or / when the path could leave the site."""
    request = context.get("request")
    if request is None:
        return "/"
    path = request.get_full_path()
    return path if path.startswith("/") and not path.startswith(("//", "/\\")) else "/"


_fragments: dict[tuple, str] = {}


class FragmentNode(template.Node):
    def __init__(self, nodelist, name: str, vary: list):
        self.nodelist, self.name, self.vary = nodelist, name, vary

    def render(self, context):
        from django.utils.safestring import mark_safe
        from django.utils.translation import get_language

        key = (self.name, get_language(), *(v.resolve(context) for v in self.vary))
        html = _fragments.get(key)
        if html is None:
            outer = context.render_context.get(SLOT_MARK, False)
            context.render_context[SLOT_MARK] = True
            try:
                html = self.nodelist.render(context)
            finally:
                context.render_context[SLOT_MARK] = outer
            if len(_fragments) < 5_000:
                _fragments[key] = html
        if SLOT_START in html and not context.render_context.get(SLOT_MARK, False):
            html = _fill_slots(html, context)
        return mark_safe(html)  # noqa: S308 - rendered by the template engine, escaped there


# {% slot %}: a per-request value inside a cached fragment. While the fragment is rendered for
# the cache, a slot writes a marker; each request then replaces the markers with its own values
# (escaped). So the whole header is rendered once per process and state, not once per request.
SLOT_MARK = "kyoso_fragment_rendering"
SLOT_START, SLOT_END = "\x00slot:", "\x00"


def _slot_value(name: str, arg: str, context) -> str:
    request = context.get("request")
    if name == "next":
        return local_path(context)
    if name == "language_url":
        return language_url(request, arg)
    if name == "q":
        value = context.get("q")
        return "" if value is None else str(value)
    raise template.TemplateSyntaxError(f"unknown slot {name}")


def _fill_slots(html: str, context) -> str:
    from django.utils.html import escape

    parts = html.split(SLOT_START)
    out = [parts[0]]
    values: dict[str, str] = {}  # the header has three "next" slots: one value each
    for part in parts[1:]:
        spec, _sep, rest = part.partition(SLOT_END)
        value = values.get(spec)
        if value is None:
            name, _sep, arg = spec.partition(":")
            value = values[spec] = str(escape(_slot_value(name, arg, context)))
        out.append(value)
        out.append(rest)
    return "".join(out)


class SlotNode(template.Node):
    def __init__(self, name: str, arg):
        self.name, self.arg = name, arg

    def render(self, context):
        from django.utils.html import escape

        arg = "" if self.arg is None else str(self.arg.resolve(context))
        if context.render_context.get(SLOT_MARK, False):
            return f"{SLOT_START}{self.name}:{arg}{SLOT_END}"
        return str(escape(_slot_value(self.name, arg, context)))


@register.tag
def slot(parser, token):
    """{% slot "next" %}, {% slot "q" %}, {% slot "language_url" code %}: see SlotNode."""
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError("slot takes a name and an optional argument")
    arg = parser.compile_filter(bits[2]) if len(bits) == 3 else None
    return SlotNode(bits[1].strip("\"'"), arg)


@register.tag
def fragment(parser, token):
    """{% fragment "name" var … %}…{% endfragment %}: the layout's invariant parts (menus,
    footer, stylesheet links) rendered once per process for each language and value of the
    given variables. Only for markup that depends on nothing else."""
    bits = token.split_contents()
    if len(bits) < 2:
        raise template.TemplateSyntaxError("fragment needs a name")
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    return FragmentNode(
        nodelist, bits[1].strip("\"'"), [parser.compile_filter(b) for b in bits[2:]]
    )


class KeptOutputNode(template.Node):
    """Wraps one of Django's nodes whose output depends only on what `key(context)` returns:
    renders it once per key and keeps the output (a few keys per node at most)."""

    child_nodelists = ()
    KEEP = 16

    def __init__(self, node):
        self.node = node  # Django's node: renders on a miss, and in its error messages
        self.token = getattr(node, "token", None)
        self.outputs: dict[tuple, str] = {}

    def key(self, context) -> tuple:
        raise NotImplementedError

    def render(self, context):
        key = self.key(context)
        output = self.outputs.get(key)
        if output is None:
            output = self.node.render(context)
            if len(self.outputs) < self.KEEP:
                self.outputs[key] = output
        return output


class ConstantTranslateNode(KeptOutputNode):
    """{% translate "literal" %} with no filter, context or `as`: the translation depends only on
    the active language, so each node keeps its output per language (and autoescape state)
    instead of resolving, translating and escaping the literal on every render: a list page has
    25-40 of them."""

    def key(self, context) -> tuple:
        return (get_language(), context.autoescape)


def _constant_translate(parser, token):
    from django.templatetags.i18n import TranslateNode, do_translate

    node = do_translate(parser, token)
    if (
        isinstance(node, TranslateNode)
        and not node.noop
        and node.asvar is None
        and node.message_context is None
        and not node.filter_expression.filters
        and isinstance(node.filter_expression.var, template.Variable)
        and node.filter_expression.var.literal is not None
    ):
        return ConstantTranslateNode(node)
    return node


# Registered under Django's names: this library is a builtin loaded after django's i18n, so
# templates that do not `{% load i18n %}` themselves get the kept translations.
register.tag("translate", _constant_translate)
register.tag("trans", _constant_translate)


class KeptBlocksExtendsNode(ExtendsNode):
    """Django's {% extends %}, except that the root template's blocks are gathered once per
    compiled parent instead of walking its whole node tree on every render (every page extends
    base.html). A parent that is compiled again (no cached loader) starts without them."""

    def render(self, context):
        from django.template.base import TextNode
        from django.template.loader_tags import BLOCK_CONTEXT_KEY, BlockContext, BlockNode

        compiled_parent = self.get_parent(context)
        render_context = context.render_context
        block_context = render_context.get(BLOCK_CONTEXT_KEY)
        if block_context is None:
            block_context = render_context[BLOCK_CONTEXT_KEY] = BlockContext()
        block_context.add_blocks(self.blocks)
        root_blocks = compiled_parent.__dict__.get("_kyoso_root_blocks")
        if root_blocks is None:
            root_blocks = {}
            for node in compiled_parent.nodelist:  # as Django: the first non-text node decides
                if not isinstance(node, TextNode):
                    if not isinstance(node, ExtendsNode):
                        root_blocks = {
                            n.name: n for n in compiled_parent.nodelist.get_nodes_by_type(BlockNode)
                        }
                    break
            compiled_parent._kyoso_root_blocks = root_blocks
        if root_blocks:
            block_context.add_blocks(root_blocks)
        with render_context.push_state(compiled_parent, isolated_context=False):
            return compiled_parent._render(context)


@register.tag("extends")
def _kept_extends(parser, token):
    from django.template.loader_tags import do_extends

    node = do_extends(parser, token)
    node.__class__ = KeptBlocksExtendsNode
    return node


class ConstantURLNode(KeptOutputNode):
    """{% url 'name' %} with no arguments and no `as`: the URL depends only on the language
    prefix, the URLconf, the script prefix and the current app, so each node keeps it per those
    instead of reversing on every render (~30 µs each, 5-10 per page)."""

    KEEP = 64

    def key(self, context) -> tuple:
        from django.urls import get_script_prefix, get_urlconf

        request = getattr(context, "request", None)
        current_app = getattr(request, "current_app", None)
        if current_app is None:
            current_app = getattr(getattr(request, "resolver_match", None), "namespace", None)
        return (get_language(), get_urlconf(), get_script_prefix(), current_app, context.autoescape)


@register.tag
def url(parser, token):
    from django.template.defaulttags import URLNode
    from django.template.defaulttags import url as django_url

    node = django_url(parser, token)
    if (
        isinstance(node, URLNode)
        and not node.args
        and not node.kwargs
        and node.asvar is None
        and not node.view_name.filters
        and not node.view_name.is_var
        and isinstance(node.view_name.var, str)
    ):
        return ConstantURLNode(node)
    return node


@register.filter(is_safe=True)
def html_join(items, attribute: str = ""):
    """`{{ lines|html_join }}`, `{{ posts|html_join:"row" }}`: items (or an attribute of each)
    already built as HTML, joined in one node instead of a {% for %} loop of twenty renders.
    Anything not marked safe is escaped, as `{{ item }}` would escape it."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import SafeData, mark_safe

    parts = []
    for item in items:
        value = getattr(item, attribute) if attribute else item
        parts.append(value if isinstance(value, SafeData) else conditional_escape(value))
    return mark_safe("".join(parts))  # noqa: S308 - every part is safe or escaped above
