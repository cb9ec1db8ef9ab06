"""Bots: automatic players that decide only from their own role's player view.

``NegotiatorBot`` (:mod:`game.bots.negotiator`) is the full negotiator with a
temperament; ``SimpleBot`` a greedy baseline. ``game.bots.playtest`` plays
whole sessions headlessly, ``game.bots.balance`` reports on many, and
``game.bots.live`` puts bots on seats of a hosted session.
"""

from game.bots.base import Bot, MoveDict
from game.bots.negotiator import NegotiatorBot
from game.bots.simple import SimpleBot
from game.bots.temperament import Temperament

__all__ = ["Bot", "MoveDict", "NegotiatorBot", "SimpleBot", "Temperament"]
