"""Browser seats: the participant seat and the room screen served to browsers.

``botsende-belangen web`` runs textual-serve (the optional ``web`` extra): every
browser that opens the address gets its own process running
:mod:`game.web.entry`, a small app that asks for the join code(s) and then
hands the browser over to the seat app or the room screen, exactly as in the
terminal. :func:`game.web.address.web_address` is the address to show.
"""
