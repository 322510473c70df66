"""The last lines of `make build`: what the clerk needs to know, Chinese first
(handbook/clerk_report.py): the decisions recorded, the changes to come, the
translations pending, and anything to pass on to a developer."""
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from handbook import clerk_report  # noqa: E402

if __name__ == "__main__":
    print(clerk_report.summary())
