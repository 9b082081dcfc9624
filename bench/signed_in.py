"""Signed-in pages at scale, timed in-process (no HTTP): マイページ, the review queue with 1,000
pending items and the audit log with 1,000,000 entries, as the national admin.

    python bench/signed_in.py [--pending 1000] [--audit 1000000] [--samples 60]

Runs on the demo database of bench/pages.py (var/bench-demo, or PostgreSQL database
kyoso_bench_demo when DATABASE_URL is set); the generated rows are marked and kept for later runs.
Prints p50/p95/p99 per page (goal: p95 <= 50 ms)."""

import argparse
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if url.startswith("postgres"):
        import psycopg

        base, _, _ = url.rpartition("/")
        with psycopg.connect(url, autocommit=True) as conn:
            if not conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = 'kyoso_bench_demo'"
            ).fetchone():
                conn.execute("CREATE DATABASE kyoso_bench_demo")
        os.environ["DATABASE_URL"] = f"{base}/kyoso_bench_demo"
    os.environ.setdefault("KYOSO_VAR_DIR", str(ROOT / "var" / "bench-demo"))
    os.environ.setdefault("STATIC_ROOT", str(ROOT / "var" / "bench-demo" / "static"))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "kyoso.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    from kyoso.directory.models import Organisation

    if not Organisation.objects.filter(is_demo=True).exists():
        call_command("load_reference_data", verbosity=0)
        call_command("load_demo_data", verbosity=0)
    return "postgresql" if url.startswith("postgres") else "sqlite"


def generate(pending: int, audit: int) -> None:
    from django.db import transaction
    from django.utils import timezone

    from kyoso.accounts.models import User
    from kyoso.audit.models import AuditEntry
    from kyoso.directory.models import Organisation
    from kyoso.platforms.models import Platform

    submitter = User.objects.get(email="npo@demo.kyoso.example")
    national = Platform.objects.national()
    have = Organisation.objects.filter(status="pending", name__startswith="審査待ちベンチ").count()
    if have < pending:
        now = timezone.now()
        Organisation.objects.bulk_create(
            [
                Organisation(
                    name=f"審査待ちベンチ団体{i}",
                    name_kana=f"しんさまちべんち{i}",
                    kind="npo",
                    scale="municipality",
                    area_kind="nationwide",
                    description="ベンチマーク用の審査待ちの団体です。",
                    private_contact="—",
                    platform=national,
                    status="pending",
                    submitted_by=submitter,
                    submitted_at=now,
                    is_demo=True,
                )
                for i in range(have, pending)
            ],
            batch_size=500,
        )
    have = AuditEntry.objects.count()
    if have < audit:
        print(f"writing {audit - have:,} audit entries (once; kept)", flush=True)
        batch = 20_000
        for start in range(have, audit, batch):
            with transaction.atomic():
                AuditEntry.objects.bulk_create(
                    [
                        AuditEntry(
                            actor=submitter,
                            actor_email=submitter.email,
                            action="content.update",
                            platform=national,
                            target_type="directory.organisation",
                            target_id=str(i),
                            target_repr=f"ベンチ{i}",
                            data={"fields": ["description"]},
                        )
                        for i in range(start, min(audit, start + batch))
                    ],
                    batch_size=5_000,
                )
        from django.db import connection

        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def percentiles(samples: list[float]) -> str:
    samples = sorted(samples)

    def p(q):
        return samples[min(len(samples) - 1, int(q * len(samples)))] * 1000

    return f"p50 {p(0.5):6.1f} ms  p95 {p(0.95):6.1f} ms  p99 {p(0.99):6.1f} ms"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pending", type=int, default=1000)
    parser.add_argument("--audit", type=int, default=1_000_000)
    parser.add_argument("--samples", type=int, default=60)
    args = parser.parse_args()
    vendor = setup()
    generate(args.pending, args.audit)
    from allauth.mfa.models import Authenticator
    from django.test import Client

    from kyoso.accounts.models import User
    from kyoso.audit.models import AuditEntry

    admin = User.objects.get(email="admin@demo.kyoso.example")
    Authenticator.objects.get_or_create(
        user=admin, type=Authenticator.Type.TOTP, defaults={"data": {"secret": "bench"}}
    )
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(admin)
    pages = {
        "マイページ /accounts/me/": "/accounts/me/",
        "review queue /review/ (1,000 pending)": "/review/",
        "review queue, page 20": "/review/?page=20",
        "audit log /manage/audit/": "/manage/audit/",
        "audit log, 250,000 entries back": "/manage/audit/?before="
        + str(
            (AuditEntry.objects.order_by("-id").values_list("id", flat=True).first() or 0) - 250_000
        ),
        "audit log, one action": "/manage/audit/?action=content.approve",
    }
    print(
        f"== signed-in pages on {vendor}: {AuditEntry.objects.count():,} audit entries, "
        f"national admin, in-process, {args.samples} samples each; goal p95 <= 50 ms =="
    )
    for label, url in pages.items():
        response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        samples = []
        for _ in range(args.samples):
            started = time.perf_counter()
            client.get(url)
            samples.append(time.perf_counter() - started)
        print(f"  {label:<40} {percentiles(samples)}", flush=True)


if __name__ == "__main__":
    main()
