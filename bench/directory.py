"""Directory and search benchmark: builds a synthetic directory in a separate database, then prints
indexing time, index size and search latency percentiles. Speed is measured here, never asserted.

    python bench/directory.py [--orgs 100000] [--searches 240]

It uses SQLite under var/bench/ by default, and PostgreSQL (database `kyoso_bench` on the same
server) when DATABASE_URL points at one."""

import argparse
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _, _name = url.rpartition("/")
        with psycopg.connect(url, autocommit=True) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = 'kyoso_bench'"
            ).fetchone()
            if not exists:
                conn.execute("CREATE DATABASE kyoso_bench")
        os.environ["DATABASE_URL"] = f"{base}/kyoso_bench"
    else:
        os.environ.setdefault("KYOSO_VAR_DIR", str(ROOT / "var" / "bench"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")
    import django

    django.setup()
    return "postgresql" if url.startswith("postgres") else "sqlite"


WORDS = {
    "theme": [
        "買い物支援",
        "見守り",
        "配食",
        "移動支援",
        "居場所づくり",
        "介護予防",
        "健康づくり",
        "家事援助",
        "ごみ出し支援",
        "防災",
        "多世代交流",
        "生涯学習",
        "就労的活動",
        "農地保全",
        "在宅医療",
        "認知症カフェ",
        "子ども食堂",
        "住まいの相談",
        "交通空白地の解消",
        "スマホ教室",
    ],
    "how": [
        "移動販売車",
        "ボランティア",
        "有償ボランティア",
        "自治会",
        "民生委員",
        "社会福祉協議会",
        "生活支援コーディネーター",
        "地元のスーパー",
        "タクシー事業者",
        "郵便局",
        "新聞販売店",
        "薬局",
        "商店街",
        "大学生",
        "シニアクラブ",
        "NPO",
        "地域包括支援センター",
    ],
    "who": [
        "ひとり暮らしの高齢者",
        "高齢者世帯",
        "認知症の方とその家族",
        "要支援の方",
        "地域の住民",
        "子どもから高齢者まで",
        "買い物に困っている方",
        "通院に困っている方",
    ],
    "verb": [
        "を支えています",
        "と連携しています",
        "の暮らしを応援しています",
        "に取り組んでいます",
        "の場をつくっています",
        "を届けています",
    ],
    "name": [
        "みらい",
        "ひだまり",
        "さくら",
        "あおば",
        "つばさ",
        "ことぶき",
        "なごみ",
        "かけはし",
        "ふれあい",
        "すこやか",
        "ぬくもり",
        "ささえあい",
        "きずな",
        "えがお",
    ],
}


def description(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(2, 4)):
        parts.append(
            f"{rng.choice(WORDS['who'])}の{rng.choice(WORDS['theme'])}を、"
            f"{rng.choice(WORDS['how'])}{rng.choice(WORDS['verb'])}。"
        )
    # About a third of members mention 介護, as in the real directory.
    if rng.random() < 0.34:
        parts.append("介護保険の地域支援事業とも連携しています。")
    return "".join(parts)


def generate(n: int) -> float:
    from django.db import connection, transaction

    from kyoso.directory.models import Organisation, OrganisationRegionKey
    from kyoso.moderation.models import Status
    from kyoso.platforms.models import Platform
    from kyoso.regions.codes import inside_pref_key, muni_key, pref_key
    from kyoso.regions.models import Field, Municipality
    from kyoso.search.analysis import index_text
    from kyoso.search.engine import _facets_for, _write_fulltext
    from kyoso.search.models import SearchEntry
    from kyoso.search.registry import SearchDocument

    rng = random.Random(42)
    fields = list(Field.objects.all())
    munis = list(
        Municipality.objects.filter(is_active=True).values_list("lg_code", "prefecture_id")
    )
    platforms = {p.prefecture_id: p.pk for p in Platform.objects.all()}
    national = Platform.objects.national().pk
    through = Organisation.fields.through
    kinds, scales = Organisation.Kind.values, Organisation.Scale.values
    started = time.monotonic()
    batch = 2000
    for start in range(0, n, batch):
        with transaction.atomic():
            orgs, plan = [], []
            for i in range(start, min(n, start + batch)):
                r = rng.random()
                if r < 0.1:
                    area, keys, pid = "nationwide", ["JP"], national
                elif r < 0.35:
                    pref = f"{rng.randint(1, 47):02d}"
                    area, keys, pid = "prefectures", [pref_key(pref)], platforms[pref]
                else:
                    code, pref = rng.choice(munis)
                    area, keys, pid = (
                        "municipalities",
                        [muni_key(code), inside_pref_key(pref)],
                        platforms[pref],
                    )
                name = f"{rng.choice(WORDS['name'])}{rng.choice(WORDS['theme'])}の会{i}"
                orgs.append(
                    Organisation(
                        name=name,
                        name_kana=f"だんたい{i:06d}",
                        kind=rng.choice(kinds),
                        scale=rng.choice(scales),
                        area_kind=area,
                        description=description(rng),
                        private_contact="-",
                        platform_id=pid,
                        status=Status.PUBLISHED,
                    )
                )
                plan.append((keys, rng.sample(fields, rng.randint(1, 3))))
            Organisation.objects.bulk_create(orgs)
            if connection.vendor == "sqlite" and orgs[0].pk is None:
                last = Organisation.objects.order_by("-pk").values_list("pk", flat=True)[
                    : len(orgs)
                ]
                for org, pk in zip(orgs, reversed(list(last)), strict=True):
                    org.pk = pk
            OrganisationRegionKey.objects.bulk_create(
                [
                    OrganisationRegionKey(organisation=o, key=k)
                    for o, (keys, _f) in zip(orgs, plan, strict=True)
                    for k in keys
                ]
            )
            through.objects.bulk_create(
                [
                    through(organisation_id=o.pk, field_id=f.pk)
                    for o, (_k, fs) in zip(orgs, plan, strict=True)
                    for f in fs
                ]
            )
            entries = []
            for o, (keys, fs) in zip(orgs, plan, strict=True):
                doc = SearchDocument(
                    title=o.name,
                    body=o.description,
                    labels=" ".join(f.name for f in fs),
                    url=f"/directory/{o.pk}/",
                    platform_id=o.platform_id,
                    is_public=True,
                    kana=o.name_kana,
                    fields=[f.slug for f in fs],
                    region_keys=keys,
                    facets={"kind": [o.kind], "scale": [o.scale]},
                )
                entries.append(
                    SearchEntry(
                        type="directory.organisation",
                        object_id=str(o.pk),
                        platform_id=o.platform_id,
                        title=doc.title,
                        body=doc.body,
                        kana=doc.kana,
                        url=doc.url,
                        title_terms=index_text(f"{doc.title} {doc.kana}"),
                        body_terms=index_text(doc.body),
                        label_terms=index_text(doc.labels),
                        facets=_facets_for("directory.organisation", doc),
                    )
                )
            SearchEntry.objects.bulk_create(entries)
            for entry in SearchEntry.objects.filter(
                object_id__in=[str(o.pk) for o in orgs], type="directory.organisation"
            ):
                _write_fulltext(entry)
        done = min(n, start + batch)
        print(f"\r  generated and indexed {done:,}/{n:,}", end="", flush=True)
    print()
    from kyoso.search.engine import analyse_index, bump_version

    analyse_index()
    bump_version()
    return time.monotonic() - started


def index_size() -> str:
    from django.db import connection

    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_fts%'")
            size = cursor.fetchone()[0] or 0
        else:
            cursor.execute("SELECT pg_relation_size('search_searchentry_document')")
            size = cursor.fetchone()[0]
    return f"{size / 1024 / 1024:.1f} MiB"


def percentiles(samples: list[float]) -> str:
    samples = sorted(samples)

    def p(q):
        return samples[min(len(samples) - 1, int(q * len(samples)))] * 1000

    return (
        f"p50 {p(0.50):6.1f} ms  p95 {p(0.95):6.1f} ms  p99 {p(0.99):6.1f} ms  (n={len(samples)})"
    )


def run_searches(count: int) -> dict[str, list[float]]:
    from django.http import QueryDict

    from kyoso.directory import selectors
    from kyoso.regions.models import Field, Municipality

    rng = random.Random(7)
    words = [
        "介護",
        "医療",
        "交通",
        "見守り",
        "買い物",
        "居場所",
        "配食",
        "子ども食堂",
        "スマホ",
        "防災",
        "認知症",
        "ボランティア",
        "移動販売車",
        "ごみ出し",
        "みまもり",
        "かいもの",
        "生活支援",
    ]
    munis = list(Municipality.objects.values_list("lg_code", flat=True))
    fields = list(Field.objects.values_list("slug", flat=True))
    kinds = {
        "keyword": lambda: {"q": rng.choice(words)},
        "keyword+pref": lambda: {"q": rng.choice(words), "pref": f"{rng.randint(1, 47):02d}"},
        "keyword+muni+field": lambda: {
            "q": rng.choice(words),
            "muni": rng.choice(munis),
            "field": rng.choice(fields),
        },
        "filter only": lambda: {"pref": f"{rng.randint(1, 47):02d}", "field": rng.choice(fields)},
    }
    # Each sample: parse and analyse the filters, count, one page (with snippets) and every
    # facet's counts: everything a list page needs but the template. A keyword's first use runs
    # the full-text query (then its matches are kept in memory): timed as its own class.
    results: dict[str, list[float]] = {k: [] for k in [*kinds, "keyword, first use"]}
    seen: set[str] = set()
    for i in range(count):
        name = list(kinds)[i % len(kinds)]
        params = QueryDict(mutable=True)
        for key, value in kinds[name]().items():
            params[key] = value
        started = time.perf_counter()
        filters = selectors.parse_filters(params)
        result = selectors.Results(filters)
        result.page(limit=20, offset=0)
        result.facets()
        elapsed = time.perf_counter() - started
        word = params.get("q", "")
        if word and word not in seen:
            seen.add(word)
            results["keyword, first use"].append(elapsed)
        else:
            results[name].append(elapsed)
    return results


def measure_saves(count: int = 30) -> list[float]:
    """The hidden cost of a save: the organisation row, its search entry (analysed again) and the
    content version bump, each in a transaction rolled back afterwards (the data stays as it is).
    One save first, not counted: the first in a process imports the URL configuration (the search
    entry keeps the page's address), ~0.4 s that a served worker pays at start-up instead."""
    from django.db import transaction

    from kyoso.directory.models import Organisation
    from kyoso.search.engine import index_object

    rng = random.Random(11)
    top = Organisation.objects.order_by("-id").values_list("id", flat=True).first() or 0
    samples = []
    for n in range(count + 1):
        org = Organisation.objects.filter(id__gte=rng.randint(1, max(1, top))).first()
        if org is None:
            continue
        started = time.perf_counter()
        with transaction.atomic():
            org.description += "（更新）"
            org.save()
            index_object(org)
            transaction.set_rollback(True)
        if n:
            samples.append(time.perf_counter() - started)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--orgs", type=int, default=int(os.environ.get("BENCH_ORGS", 100_000)))
    parser.add_argument("--searches", type=int, default=240)
    args = parser.parse_args()
    vendor = setup_django()
    from django.core.management import call_command

    from kyoso.directory.models import Organisation

    print(f"== directory search benchmark on {vendor} ==")
    call_command("migrate", verbosity=0)
    existing = Organisation.objects.count()
    if existing < args.orgs:
        call_command("load_reference_data", verbosity=0)
        print(f"generating {args.orgs - existing:,} organisations (once; kept for later runs)")
        seconds = generate(args.orgs - existing)
        print(
            f"indexing: {seconds:.1f} s for {args.orgs - existing:,} organisations "
            f"({(args.orgs - existing) / seconds:,.0f}/s, analysis included)"
        )
    from django.db import connection

    from kyoso.search.engine import analyse_index

    analyse_index()
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # bulk-loaded tables: give the planner statistics
            cursor.execute("ANALYZE")
    print(f"organisations: {Organisation.objects.count():,}   index size: {index_size()}")
    from kyoso.search import memory

    built = memory.TypeIndex("directory.organisation", -1)
    print(
        f"in-memory list index: built in {built.build_seconds * 1000:.0f} ms per process "
        f"({built.n:,} entries, {len(built.postings):,} tokens) — paid once after each change"
    )
    saves = measure_saves()
    print(
        f"  invalidation: a save (row + search entry + version bump) {percentiles(saves)}; "
        f"then every worker rebuilds the directory's in-memory index once "
        f"({built.build_seconds * 1000:.0f} ms, in the background from 20,000 entries, serving "
        f"the previous index meanwhile), and the anonymous page cache starts empty; saves of "
        f"other types (board posts, cases, news) leave the directory's index as it is"
    )
    if args.searches <= 0:
        return
    run_searches(20)  # warm caches
    for index in memory._indexes.values():
        index._keywords.clear()  # so that "first use" is really the first full-text query
    results = run_searches(args.searches)
    everything = [s for samples in results.values() for s in samples]
    for name, samples in results.items():
        print(f"  {name:<20} {percentiles(samples)}")
    print(f"  {'all searches':<20} {percentiles(everything)}")


if __name__ == "__main__":
    main()
