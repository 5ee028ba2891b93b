"""The Nu HTML Checker (the npm package ``vnu-jar``, run on the machine's Java)."""

import json
import shutil
import subprocess

import pytest

from .tools import REPO, missing_tool

VNU_JAR = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def vnu_command():
    """The checker's command line, less the files; skips (or fails on CI) when it cannot run."""
    java = shutil.which("java")
    if java is None:
        missing_tool(
            "Java is not installed, so the HTML checker cannot run: "
            "apt-get install default-jre-headless"
        )
    if not VNU_JAR.exists():
        missing_tool(f"The Nu HTML Checker is not installed at {VNU_JAR}: run npm ci in {REPO}")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]


def vnu_messages(command, files):
    """The checker's error messages for ``files``, as dicts (``url``, ``lastLine``, ``message``)."""
    result = subprocess.run(
        [*command, *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        report = json.loads(result.stdout)
    except json.JSONDecodeError:
        pytest.fail(
            f"vnu gave no JSON report (exit {result.returncode}):\n{result.stdout}\n{result.stderr}"
        )
    return [message for message in report["messages"] if message.get("type") != "info"]
