"""One-command benchmarks of the claims in the README: `python -m bench` (see docs/performance.md)."""
