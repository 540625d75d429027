"""The catalogs of the six languages are complete and hold every string the code marks."""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings
from django.utils.translation import to_locale

from tests.i18n.template_text import ROOT

CATALOGS = {
    code: ROOT / "locale" / to_locale(code) / "LC_MESSAGES" / "django.po"
    for code, _ in settings.LANGUAGES
}


@pytest.mark.parametrize("code", CATALOGS)
def test_catalog_has_no_untranslated_or_fuzzy_message(code):
    path = CATALOGS[code]
    assert path.exists(), f"There is no catalog for {code}: run manage.py update_catalogs."
    result = subprocess.run(
        ["msgfmt", "--check", "--statistics", "-o", "/dev/null", str(path)],
        capture_output=True,
        text=True,
    )
    report = result.stderr.strip()
    assert result.returncode == 0, report
    assert "untranslated" not in report, f"{code}: {report}"
    assert "fuzzy" not in report, f"{code}: {report}"


@pytest.fixture(scope="module")
def extracted(tmp_path_factory):
    """The strings the code marks today, extracted from a copy of the tree into a template."""
    tree = tmp_path_factory.mktemp("tree")
    for name in ("agendas", "documents", "meetings", "config", "templates", "manage.py"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tree / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy(source, tree / name)
    (tree / "locale").mkdir()
    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "fr", "-v", "0"],
        cwd=tree,
        check=True,
        env={**os.environ, "AGENDUM_VAR_DIR": str(ROOT / "var")},
    )
    return tree / "locale" / "fr" / "LC_MESSAGES" / "django.po"


@pytest.mark.parametrize("code", CATALOGS)
def test_catalog_holds_every_string_the_code_marks(code, extracted):
    result = subprocess.run(
        ["msgcmp", "--use-untranslated", str(CATALOGS[code]), str(extracted)],
        capture_output=True,
        text=True,
    )
    lines = extracted.read_text(encoding="utf-8").splitlines()
    missing = [
        lines[int(line.split(":")[1]) - 2]
        for line in result.stderr.splitlines()
        if "this message is used but not defined" in line
    ]
    assert not missing, (
        f"{code}: strings marked in the code are missing from the catalog "
        f"(run manage.py update_catalogs and translate them): {missing[:20]}"
    )
    assert result.returncode == 0, result.stderr[:3000]
