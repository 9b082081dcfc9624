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
