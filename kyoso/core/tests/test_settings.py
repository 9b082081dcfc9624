"""Production settings pass Django's deployment checks."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]


def test_check_deploy_is_clean_in_production_mode(tmp_path):
    env = {
        **os.environ,
        "DEBUG": "0",
        "SECRET_KEY": "x" * 20 + "a-real-production-secret-key-value-1234567890",
        "SITE_URL": "https://kyoso.example.jp",
        "ALLOWED_HOSTS": "kyoso.example.jp",
        "KYOSO_VAR_DIR": str(tmp_path),
        "EMAIL_HOST": "smtp.kyoso.example.jp",
    }
    env.pop("KYOSO_TESTING", None)
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def _database_options(tmp_path, **extra) -> str:
    env = {
        **os.environ,
        "KYOSO_VAR_DIR": str(tmp_path),
        "DATABASE_URL": "postgres://kyoso@db.example:5432/kyoso",
        "SECRET_KEY": "settings-test-" + "k" * 40,
        **extra,
    }
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE'] = 'kyoso.settings'; "
        "from django.conf import settings; print(settings.DATABASES['default'].get('OPTIONS'))"
    )
    return subprocess.run(  # noqa: S603 - our own interpreter and code
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True, check=True
    ).stdout


def test_postgresql_plans_repeated_queries_once_unless_told_not_to(tmp_path):
    """Prepared statements (server-side binding) on PostgreSQL by default; off for poolers."""
    on = _database_options(tmp_path)
    assert "'server_side_binding': True" in on and "'prepare_threshold': 5" in on
    # Connections plan each run for its values; only anonymous requests switch to generic plans.
    assert "'options': '-c plan_cache_mode=force_custom_plan'" in on
    off = _database_options(tmp_path, DATABASE_PREPARED_STATEMENTS="0")
    assert "server_side_binding" not in off and "plan_cache_mode" not in off
