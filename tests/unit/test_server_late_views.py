"""The fast paths of the server on a late full-mode table give exactly the plain views."""

from __future__ import annotations

import json

from benchmarks.late_game import late_state
from game.engine import apply, facilitator_view, player_view
from game.engine.moves import Move
from game.net.parts import resolve
from game.server.encode import PartCatalog, ViewEncoder


def test_encoded_and_parted_views_equal_the_whole_views() -> None:
    state = late_state(proposals=12)
    encoder = ViewEncoder()
    catalog = PartCatalog(encoder)
    roles = list(state.scenario.role_ids)
    moves = [
        Move("support", roles[0], {"proposal": "P3", "reason": "ja"}),
        Move("message", roles[1], {"text": "nog één ronde"}),
        Move("object", roles[2], {"proposal": "P3", "reason": "nee"}),
    ]
    for step in range(len(moves) + 1):
        now = 5000.0 + step
        memo: dict[int, tuple[object, bytes]] = {}
        for role in roles:
            shared = player_view(state, role, now, shared=True)
            plain = player_view(state, role, now)
            assert json.loads(encoder.encode(shared)) == plain
            raw = catalog.raw(shared, memo)
            fields = {k: json.loads(text) for k, text in raw.fields.items()}
            parts = {pid: json.loads(text) for pid, text in raw.parts.items()}
            assert all(set(item) == {"$part"} for item in fields["proposals"])
            assert resolve(fields, parts) == plain
        console = facilitator_view(state, now, shared=True)
        assert json.loads(encoder.encode(console)) == facilitator_view(state, now)
        if step < len(moves):
            state, _ = apply(state, moves[step], now)


def test_part_ids_stay_while_used_and_the_catalog_stays_bounded() -> None:
    catalog = PartCatalog(ViewEncoder(), generation_chars=2_000)
    kept = [{"id": "P1", "note": "x" * 100}]
    first = catalog.raw({"proposals": list(kept)}).fields["proposals"]
    for n in range(200):  # many other items: older generations are dropped
        catalog.raw({"proposals": [*kept, {"id": f"M{n}", "note": "y" * 100}]})
    assert catalog.raw({"proposals": list(kept)}).fields["proposals"] == first  # still in use
    assert len(catalog._new) + len(catalog._old) < 60
