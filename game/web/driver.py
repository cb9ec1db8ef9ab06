"""One browser session, several apps: the entry app, then the seat or room screen.

textual-serve runs one process per browser and talks to it through Textual's
web driver. A web driver ends the browser session when its app stops, so the
apps of one session share a single driver: :class:`BrowserSession` hands the
same :class:`SessionDriver` to each app in turn and ends the session only when
the last one is done.
"""

from __future__ import annotations

import asyncio
from typing import Any

from textual import events, messages
from textual.app import App
from textual.driver import Driver
from textual.drivers.web_driver import WebDriver
from textual.geometry import Size


class SessionDriver(WebDriver):
    """A web driver that outlives its app and can be adopted by the next one."""

    def __init__(self, app: App[Any], **options: Any) -> None:
        super().__init__(app, **options)
        self.started = False
        self.quit_asked = False

    def adopt(self, app: App[Any]) -> None:
        self._app = app

    def start_application_mode(self) -> None:
        if not self.started:
            self.started = True
            super().start_application_mode()
            return
        size = Size(80, 24) if self._size is None else Size(*self._size)
        self._post(events.Resize(size, size))
        if self.quit_asked:  # the browser left while the apps changed hands
            self._post(messages.ExitApp())

    def _post(self, message: Any) -> None:
        asyncio.run_coroutine_threadsafe(self._app._post_message(message), loop=self._loop)

    def stop_application_mode(self) -> None:
        """Keep the browser session: :meth:`finish` ends it."""

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            self.quit_asked = True
        super().on_meta(packet_type, payload)

    def finish(self) -> None:
        """End the browser session (the page shows that it has ended)."""
        if self.started:
            self.started = False
            super().stop_application_mode()


class BrowserSession:
    """Gives every app of this process the same driver when it runs under textual-serve."""

    def __init__(self) -> None:
        self.driver: SessionDriver | None = None

    def _driver_for(self, app: App[Any], **options: Any) -> Driver:
        if self.driver is None:
            self.driver = SessionDriver(app, **options)
        else:
            self.driver.adopt(app)
        return self.driver

    def use(self, app: App[Any]) -> None:
        """Make ``app`` share this session's driver, if it would use the web driver."""
        if isinstance(app.driver_class, type) and issubclass(app.driver_class, WebDriver):
            app.driver_class = self._driver_for  # type: ignore[assignment]

    def finish(self) -> None:
        if self.driver is not None:
            self.driver.finish()
