"""Join-code cards: read the server's codes file, lay out one card per role for cutting.

Each card's QR code is the role's link (``http://HOST:PORT/#code=CODE``, see
:mod:`game.net.address`): a phone's camera opens the seat already joined; the
command under it is the same for a terminal. The codes file (written by the
server)::

    {"url": "http://192.168.1.10:8765/", "facilitator": "F-XXXX",
     "tables": [{"table": 1, "screen": "S-XXXX",
                 "roles": {"gemeente": "ABCD"}, "pins": {"gemeente": "1234"}}]}

The facilitator code is never printed on a card.
"""

from __future__ import annotations

import json
import shlex
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from game.catalog import Catalog
from game.net.address import AddressError, role_link, screen_link, short_address
from game.printing.html import document, esc
from game.printing.labels import label
from game.printing.qr import qr_svg
from game.scenario.model import Scenario
from game.scenario.problems import closest

CARDS_PER_PAGE = 8
#: The QR code's width on a card: with a two-line role name the card still
#: holds the whole command (at 26 mm its second line fell off the card).
QR_MM = 22


class CodesError(ValueError):
    """The codes file cannot be used; the message lists every problem."""


_PROBLEMS = Catalog(
    {
        # key: (nl, en)
        "missing": (
            "{file}: het codebestand bestaat niet",
            "{file}: the codes file does not exist",
        ),
        "unreadable": (
            "{file}: kan het codebestand niet lezen (mag je het lezen?)",
            "{file}: cannot read the codes file (may you read it?)",
        ),
        "not_text": (
            "{file}: het codebestand is geen tekst (UTF-8)",
            "{file}: the codes file is not text (UTF-8)",
        ),
        "not_json": (
            "{file}:{line}:{col}: geen geldige JSON",
            "{file}:{line}:{col}: not valid JSON: {detail}",
        ),
        "not_object": (
            "{file}: het codebestand moet een JSON-object met 'url' en 'tables' zijn",
            "{file}: the codes file must be a JSON object with 'url' and 'tables'",
        ),
        "no_url": (
            "'url' moet het adres van het spel zijn, zoals http://192.168.1.10:8765/",
            "'url' must be the game's address, such as http://192.168.1.10:8765/",
        ),
        "bad_url": (
            "'url' is geen adres van een spel: {url}",
            "'url' is no game address: {url}",
        ),
        "no_tables": (
            "'tables' moet een lijst met minstens één tafel zijn",
            "'tables' must be a non-empty list",
        ),
        "table_not_object": (
            "{where} moet een object zijn",
            "{where} must be an object",
        ),
        "table_number": (
            "{where}.table moet een heel getal zijn",
            "{where}.table must be a whole number",
        ),
        "no_roles": (
            "{where}.roles moet minstens één rol met haar code noemen",
            "{where}.roles must list at least one role with its code",
        ),
        "not_mapping": (
            "{where} moet een object van rol-id naar tekst zijn",
            "{where} must be an object of role id to text",
        ),
        "empty_text": (
            "{where}.{item} moet een niet-lege tekst zijn",
            "{where}.{item} must be a non-empty text",
        ),
        "screen_text": (
            "{where}.screen moet een tekst zijn",
            "{where}.screen must be a text",
        ),
        "unknown_role": (
            "{where}: onbekende rol '{role}' in dit scenario",
            "{where}: unknown role '{role}' in this scenario",
        ),
        "unknown_role_hint": (
            "{where}: onbekende rol '{role}' in dit scenario (bedoel je '{hint}'?)",
            "{where}: unknown role '{role}' in this scenario (did you mean '{hint}'?)",
        ),
    }
)


def problem_keys() -> tuple[str, ...]:
    """Every codes-file problem key (for tests)."""
    return tuple(_PROBLEMS.labels)


@dataclass(frozen=True)
class TableCodes:
    table: int
    screen: str
    roles: dict[str, str]
    pins: dict[str, str]


@dataclass(frozen=True)
class Codes:
    url: str
    tables: tuple[TableCodes, ...]


def _read_json(path: Path, lang: str) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CodesError(_PROBLEMS.label("missing", lang, file=path)) from None
    except UnicodeDecodeError:
        raise CodesError(_PROBLEMS.label("not_text", lang, file=path)) from None
    except OSError:
        raise CodesError(_PROBLEMS.label("unreadable", lang, file=path)) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        message = _PROBLEMS.label(
            "not_json", lang, file=path, line=exc.lineno, col=exc.colno, detail=exc.msg
        )
        raise CodesError(message) from None


class _Problems:
    """The problems found so far, each said in one language."""

    def __init__(self, lang: str) -> None:
        self.lang = lang
        self.lines: list[str] = []

    def add(self, problem: str, **values: object) -> None:
        self.lines.append(_PROBLEMS.label(problem, self.lang, **values))


def _strings(value: Any, where: str, problems: _Problems) -> dict[str, str]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        problems.add("not_mapping", where=where)
        return {}
    out = {}
    for key, item in value.items():
        if isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip():
            out[str(key)] = str(item).strip()
        else:
            problems.add("empty_text", where=where, item=key)
    return out


def _table(data: Any, index: int, scenario: Scenario, problems: _Problems) -> TableCodes | None:
    where = f"tables[{index}]"
    if not isinstance(data, dict):
        problems.add("table_not_object", where=where)
        return None
    number = data.get("table", index + 1)
    if not isinstance(number, int) or isinstance(number, bool):
        problems.add("table_number", where=where)
        number = index + 1
    roles = _strings(data.get("roles"), f"{where}.roles", problems)
    if not roles:
        problems.add("no_roles", where=where)
    pins = _strings(data.get("pins"), f"{where}.pins", problems)
    for role_id in [*roles, *pins]:
        if role_id not in scenario.role_ids:
            hint = closest(role_id, scenario.role_ids)
            key = "unknown_role_hint" if hint else "unknown_role"
            problems.add(key, where=where, role=role_id, hint=hint)
    screen = data.get("screen") or ""
    if not isinstance(screen, str):
        problems.add("screen_text", where=where)
        screen = ""
    return TableCodes(number, screen, roles, pins)


def load_codes(path: str | Path, scenario: Scenario, lang: str = "nl") -> Codes:
    """Read and check a codes file against ``scenario``; raises :class:`CodesError`.

    The error's message lists every problem, in ``lang`` (Dutch unless ``"en"``).
    """
    file = Path(path)
    data = _read_json(file, lang)
    if not isinstance(data, dict):
        raise CodesError(_PROBLEMS.label("not_object", lang, file=file))
    problems = _Problems(lang)
    url = data.get("url")
    if not isinstance(url, str) or not url.strip():
        problems.add("no_url")
        url = ""
    else:
        try:
            short_address(url)
        except AddressError:
            problems.add("bad_url", url=repr(url))
    tables_data = data.get("tables")
    tables: list[TableCodes] = []
    if not isinstance(tables_data, list) or not tables_data:
        problems.add("no_tables")
    else:
        for i, t in enumerate(tables_data):
            table = _table(t, i, scenario, problems)
            if table is not None:
                tables.append(table)
    if problems.lines:
        raise CodesError("\n".join(f"{file}: {p}" for p in problems.lines))
    return Codes(url.strip(), tuple(tables))


def join_command(url: str, code: str, verb: str = "join") -> str:
    return " ".join(command_words(url, code, verb))


def command_words(url: str, code: str, verb: str = "join") -> list[str]:
    """The join command in the pieces a printed line may break between.

    ``--code`` stays with its code, and no piece breaks at its own hyphens: a
    card said ``... 192.0.2.2:35310 -`` and ``-code YCS-5JJ`` on the next line.
    """
    address = shlex.quote(short_address(url))
    return ["botsende-belangen", verb, address, f"--code {shlex.quote(code)}"]


def _command_html(words: list[str]) -> str:
    return " ".join(f'<span class="nowrap">{esc(word)}</span>' for word in words)


def _card(
    head: str, title: str, sub: str, link: str, command: list[str], code: str, pin: str, lang: str
) -> str:
    pin_html = (
        f'<div class="kicker">{esc(label("pin", lang))}</div><div class="big">{esc(pin)}</div>'
        if pin
        else ""
    )
    return (
        f'<div class="card"><div class="kicker">{esc(head)}</div>'
        f'<div class="card-title">{esc(title)}</div><div class="card-sub">{esc(sub)}</div>'
        f'<div class="card-body">{qr_svg(link, QR_MM)}<div class="card-text">'
        f'<div class="kicker">{esc(label("code", lang))}</div><div class="big">{esc(code)}</div>'
        f"{pin_html}</div></div>"
        f'<div class="small muted">{esc(label("join_note", lang))}</div>'
        f"<code>{_command_html(command)}</code></div>"
    )


def cards(scenario: Scenario, codes: Codes, lang: str = "nl") -> list[str]:
    """Every card: per table, one per role (scenario order), then the room screen."""
    out = []
    many = len(codes.tables) > 1
    for t in codes.tables:
        head = scenario.meta.title + (f" · {label('table', lang)} {t.table}" if many else "")
        for role in scenario.roles:
            code = t.roles.get(role.id)
            if code:
                pin = t.pins.get(role.id, "")
                command = command_words(codes.url, code)
                link = role_link(codes.url, code)
                out.append(
                    _card(head, role.name, role.organisation, link, command, code, pin, lang)
                )
        if t.screen:
            command = command_words(codes.url, t.screen, "screen")
            link = screen_link(codes.url, t.screen)
            title = label("screen_card", lang)
            out.append(_card(head, title, "", link, command, t.screen, "", lang))
    return out


CARD_CSS = """
.cards { display: grid; grid-template-columns: 1fr 1fr; grid-auto-rows: 66mm; gap: 0; }
.card { border: 0.3mm dashed #8a969c; padding: 3mm 5mm; overflow: hidden; break-inside: avoid; }
.card-title { font-size: 13pt; font-weight: bold; color: #0b4f6c; line-height: 1.1; }
.card-sub { font-size: 9pt; color: #5c6b73; min-height: 4mm; margin-bottom: 1mm; }
.card-body { display: flex; gap: 5mm; align-items: flex-start; margin-bottom: 1mm; }
.card-body svg { flex: none; }
.big { font-family: "Liberation Mono", "DejaVu Sans Mono", monospace; font-size: 15pt;
  font-weight: bold; letter-spacing: 0.06em; margin-bottom: 1.5mm; }
.card .small { line-height: 1.25; }
.card code { display: block; font-family: "Liberation Mono", "DejaVu Sans Mono", monospace;
  font-size: 8.5pt; line-height: 1.3; background: #f1f4f6; padding: 1mm 1.5mm;
  margin-top: 0.8mm; }
.card code .nowrap { white-space: nowrap; }
"""


def cards_document(scenario: Scenario, codes: Codes, lang: str = "nl") -> str:
    """The cards, eight per A4 page in two columns, with dashed lines to cut along."""
    all_cards = cards(scenario, codes, lang)
    pages = [all_cards[i : i + CARDS_PER_PAGE] for i in range(0, len(all_cards), CARDS_PER_PAGE)]
    body = "\n".join(
        f'<section class="page"><div class="cards">{"".join(p)}</div></section>' for p in pages
    )
    title = f"{label('join_cards', lang)} — {scenario.meta.title}"
    return document(title, body, lang, CARD_CSS)
