"""Constant {% translate %} and {% url %} nodes keep their output per language (and URLconf,
script prefix, autoescape): the output must be what Django's own nodes give, in every language,
and anything that is not constant must stay Django's node."""

from django.template import engines
from django.template.defaulttags import URLNode
from django.templatetags.i18n import TranslateNode
from django.urls import set_script_prefix
from django.utils import translation

from kyoso.core.templatetags.kyoso import ConstantTranslateNode, ConstantURLNode


def compile(source: str):
    return engines["django"].from_string(source)


def test_constant_nodes_follow_the_active_language():
    template = compile('{% translate "検索" %} {% url "measures:feed" %}')
    kinds = [type(n) for n in template.template.nodelist if n.__class__.__name__ != "TextNode"]
    assert kinds == [ConstantTranslateNode, ConstantURLNode]
    for _ in range(2):  # the second round is answered from what the nodes kept
        with translation.override("ja"):
            assert template.render({}) == "検索 /measures/feed/"
        with translation.override("en"):
            assert template.render({}) == "Search /en/measures/feed/"


def test_kept_outputs_are_what_djangos_nodes_give_with_and_without_autoescape():
    from django.template import Context

    source = '{% translate "a<b" %}|{% autoescape off %}{% translate "a<b" %}{% endautoescape %}'
    template = compile(source).template
    for autoescape in (True, False):
        kept = template.render(Context({}, autoescape=autoescape))
        template.render(Context({}, autoescape=autoescape))  # from what the nodes kept
        again = template.render(Context({}, autoescape=autoescape))
        django = "".join(
            n.node.render(Context({}, autoescape=autoescape))
            if isinstance(n, ConstantTranslateNode)
            else n.render(Context({}, autoescape=autoescape))
            for n in template.nodelist
        )
        assert kept == again == django


def test_the_script_prefix_is_part_of_a_kept_url():
    template = compile('{% url "measures:feed" %}')
    with translation.override("ja"):
        assert template.render({}) == "/measures/feed/"
        set_script_prefix("/kyoso/")
        try:
            assert template.render({}) == "/kyoso/measures/feed/"
        finally:
            set_script_prefix("/")


def test_nodes_that_are_not_constant_stay_djangos():
    template = compile(
        '{% translate name %}{% translate "x" as y %}{% translate "x"|upper %}'
        '{% translate "May" context "month" %}{% translate "x" noop %}'
        '{% url name %}{% url "measures:detail" 1 %}{% url "measures:feed" as feed %}'
    )
    nodes = template.template.nodelist
    assert not any(isinstance(n, ConstantTranslateNode | ConstantURLNode) for n in nodes)
    assert sum(isinstance(n, TranslateNode) for n in nodes) == 5
    assert sum(isinstance(n, URLNode) for n in nodes) == 3
    with translation.override("ja"):
        out = template.render({"name": "measures:feed"})
    assert out.startswith("measures:feed")
    assert "X" in out and "/measures/feed//measures/1/" in out


def test_html_join_keeps_built_html_and_escapes_anything_else():
    from types import SimpleNamespace

    from django.utils.safestring import mark_safe

    items = [mark_safe("<li>安全</li>"), "<script>"]
    out = compile("{{ items|html_join }}").render({"items": items})
    assert out == "<li>安全</li>&lt;script&gt;"
    rows = [SimpleNamespace(row=mark_safe("<li>1</li>")), SimpleNamespace(row="<b>")]
    assert compile('{{ rows|html_join:"row" }}').render({"rows": rows}) == "<li>1</li>&lt;b&gt;"
    assert compile("{{ items|html_join }}").render({"items": []}) == ""


def test_extends_with_kept_root_blocks_renders_as_djangos_through_three_levels():
    """{% extends %} keeps the root template's blocks per compiled parent: a chain of three
    templates, rendered twice, gives what Django's own ExtendsNode gives, and block.super works."""
    from django.template import Context, Engine
    from django.template.loader_tags import ExtendsNode

    from kyoso.core.templatetags.kyoso import KeptBlocksExtendsNode

    sources = {
        "root.html": "<{% block a %}root-a{% endblock %}|{% block b %}root-b{% endblock %}>",
        "mid.html": '{% extends "root.html" %}{% block a %}mid-a+{{ block.super }}{% endblock %}',
        "leaf.html": '{% extends "mid.html" %}{% block b %}leaf-b+{{ block.super }}{% endblock %}',
    }
    loaders = [
        (
            "django.template.loaders.cached.Loader",
            [("django.template.loaders.locmem.Loader", sources)],
        )
    ]
    kept = Engine(loaders=loaders, builtins=["kyoso.core.templatetags.kyoso"])
    plain = Engine(loaders=loaders)
    leaf = kept.get_template("leaf.html")
    assert isinstance(leaf.nodelist[0], KeptBlocksExtendsNode)
    assert type(plain.get_template("leaf.html").nodelist[0]) is ExtendsNode
    expected = plain.get_template("leaf.html").render(Context())
    assert expected == "<mid-a+root-a|leaf-b+root-b>"
    for _ in range(2):  # the second time from the blocks kept on the compiled root
        assert leaf.render(Context()) == expected
    assert set(kept.get_template("root.html")._kyoso_root_blocks) == {"a", "b"}
    assert kept.get_template("mid.html").render(Context()) == "<mid-a+root-a|root-b>"
