"""Django started in fresh interpreters, where settings are read from the environment anew.

Each start takes most of a second, nearly all of it Django setting up, so a module starts all
its commands together (a module-scoped fixture of ``Started`` commands) and each test waits only
for the one it reads.
"""

import os
import subprocess
import sys

from django.conf import settings

PROJECT_ROOT = settings.BASE_DIR


class Started:
    """A command started in the background; ``result()`` waits for it."""

    def __init__(self, argv, env, timeout=120):
        self.argv, self.timeout = argv, timeout
        self.process = subprocess.Popen(
            argv,
            cwd=PROJECT_ROOT,
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.completed = None

    def result(self):
        """The finished command, as ``subprocess.run`` would give it."""
        if self.completed is None:
            stdout, stderr = self.process.communicate(timeout=self.timeout)
            self.completed = subprocess.CompletedProcess(
                self.argv, self.process.returncode, stdout, stderr
            )
        return self.completed

    def stop(self):
        """End it if no test waited for it (one deselected, or failed first)."""
        if self.completed is None:
            self.process.kill()
            self.process.communicate()


def stop_all(started):
    for command in started.values():
        command.stop()


def environment(drop, overrides):
    """This process's environment less the ``drop`` variables, with ``overrides``."""
    env = {name: value for name, value in os.environ.items() if not drop(name)}
    env.update(overrides)
    return env


def django_started(**env_overrides):
    """Django set up in a fresh interpreter, with production-like environment variables."""
    env = environment(
        lambda name: name in {"DJANGO_DEBUG", "DJANGO_SECRET_KEY"},
        {"DJANGO_SETTINGS_MODULE": "config.settings", **env_overrides},
    )
    return Started([sys.executable, "-c", "import django; django.setup()"], env, timeout=60)


def start_django(**env_overrides):
    """``django_started``, waited for."""
    return django_started(**env_overrides).result()
