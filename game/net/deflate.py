"""permessage-deflate (RFC 7692) that compresses only large messages.

A seat's first view of a late game is about 90 kB of JSON and shrinks about
six times under deflate; the patches of later moves are a few kilobytes and
shrink too, but compressing them costs the server websockets' per-frame work
on every connection for every move. RFC 7692 lets a sender leave any message
uncompressed (its RSV1 bit unset), so both ends here compress a message only
from ``MIN_SIZE`` bytes: a first connect crosses the network small, a move's
patches cost no compression. The receiving side needs nothing special: every
permessage-deflate peer (browsers included) reads uncompressed messages.

Server and clients use the same settings as websockets' defaults (windows of
4 KiB, ``memLevel`` 5, zlib level 6).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from websockets.extensions.base import Extension
from websockets.extensions.permessage_deflate import (
    ClientPerMessageDeflateFactory,
    PerMessageDeflate,
    ServerPerMessageDeflateFactory,
)
from websockets.frames import Frame, Opcode
from websockets.typing import ExtensionParameter

#: Messages shorter than this (bytes of the frame's payload) go uncompressed: a
#: seat's patches (at most about 8 kB, when a proposal is made) stay plain, while
#: a first view (about 90 kB late in a game) and the console's larger patches
#: (14–49 kB for a support or a proposal) shrink about five times, which helps a
#: console that watches many tables keep up. 48 KiB was tried: at 100 tables the
#: console was dropped for unread output in 5 of 12 load runs (with 8 KiB: 1
#: of 12), though the runs are noisy (docs/BENCHMARKS.md, issue 16.4, fourth round).
MIN_SIZE = 8 * 1024

_WINDOW_BITS = 12
_COMPRESS_SETTINGS: dict[str, Any] = {"memLevel": 5}
_DATA = (Opcode.TEXT, Opcode.BINARY)


class LargeOnlyDeflate(PerMessageDeflate):
    """PerMessageDeflate that sends whole messages under ``min_size`` as they are."""

    min_size = MIN_SIZE

    def encode(self, frame: Frame) -> Frame:
        # Only a whole message in one frame may stay plain: a fragmented
        # message's continuation frames follow its first frame's choice.
        if frame.opcode in _DATA and frame.fin and len(frame.data) < self.min_size:
            return frame
        return super().encode(frame)


def _large_only(extension: PerMessageDeflate) -> LargeOnlyDeflate:
    return LargeOnlyDeflate(
        extension.remote_no_context_takeover,
        extension.local_no_context_takeover,
        extension.remote_max_window_bits,
        extension.local_max_window_bits,
        extension.compress_settings,
    )


class ServerLargeOnlyDeflateFactory(ServerPerMessageDeflateFactory):
    """The server's side: negotiates as websockets' default, encodes large messages only."""

    def __init__(self) -> None:
        super().__init__(
            server_max_window_bits=_WINDOW_BITS,
            client_max_window_bits=_WINDOW_BITS,
            compress_settings=dict(_COMPRESS_SETTINGS),
        )

    def process_request_params(
        self,
        params: Sequence[ExtensionParameter],
        accepted_extensions: Sequence[Extension],
    ) -> tuple[list[ExtensionParameter], PerMessageDeflate]:
        response, extension = super().process_request_params(params, accepted_extensions)
        return response, _large_only(extension)


class ClientLargeOnlyDeflateFactory(ClientPerMessageDeflateFactory):
    """The terminal clients' side: offers deflate, encodes large messages only."""

    def __init__(self) -> None:
        super().__init__(compress_settings=dict(_COMPRESS_SETTINGS))

    def process_response_params(
        self,
        params: Sequence[ExtensionParameter],
        accepted_extensions: Sequence[Extension],
    ) -> PerMessageDeflate:
        return _large_only(super().process_response_params(params, accepted_extensions))


def server_extensions() -> list[ServerPerMessageDeflateFactory]:
    """The ``extensions`` argument for ``websockets.asyncio.server.serve``."""
    return [ServerLargeOnlyDeflateFactory()]


def client_extensions() -> list[ClientPerMessageDeflateFactory]:
    """The ``extensions`` argument for ``websockets.asyncio.client.connect``."""
    return [ClientLargeOnlyDeflateFactory()]
