"""Where tests leave screenshots and rendered PDFs for a person to look at."""

from pathlib import Path

SHOTS = Path(__file__).resolve().parents[1] / "var" / "screenshots"
SHOTS.mkdir(parents=True, exist_ok=True)
