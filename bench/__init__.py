"""Benchmarks (not tests): run each script directly; see its docstring."""
