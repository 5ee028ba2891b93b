from django.apps import AppConfig


class BenchConfig(AppConfig):
    """Benchmark tooling: bench data and the bare baseline view (see bench/README.md)."""

    name = "bench"
    verbose_name = "Benchmarks"
