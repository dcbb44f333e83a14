"""Benchmark suite: `python -m benchmarks.run [--quick|--full]` (see docs/performance.md)."""
