"""Tools from outside Python that some tests need: Chromium, axe-core and the Nu HTML Checker.

When one is missing its tests are skipped with a message saying what to install, except on CI
(``CI=true``), where every test must run and a missing tool fails the run instead.
"""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]


def missing_tool(message):
    """Skip, or fail on CI, where the tests that need the tool must run."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{message} (CI=true, so this fails rather than skips)", pytrace=False)
    pytest.skip(message)
