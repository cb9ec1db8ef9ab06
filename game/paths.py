"""Where the shipped scenarios live, in a source checkout and in an installed wheel."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def scenarios_dir() -> Path:
    """The folder with the shipped scenario files."""
    checkout = _HERE.parent / "scenarios"
    if checkout.is_dir():
        return checkout
    return _HERE / "bundled" / "scenarios"


def default_scenario() -> Path:
    """The Leeuwaerdenhout scenario."""
    return scenarios_dir() / "leeuwaerdenhout.yaml"


def resolve_scenario(name: str) -> Path:
    """A path as given, or the name of a shipped scenario (``leeuwaerdenhout``)."""
    path = Path(name)
    if path.exists() or path.suffix in (".yaml", ".yml"):
        return path
    return scenarios_dir() / f"{name}.yaml"
