"""Demo proposals: the scenario contribution (stub, being built by the proposals helper)."""

from __future__ import annotations


def load_proposals(*, context: dict) -> dict:
    """Create the demo proposals; returns what it added to the demo context."""
    return {}
