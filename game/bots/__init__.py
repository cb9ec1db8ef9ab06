"""Bots: automatic players that decide only from their own role's player view."""

from game.bots.base import Bot, MoveDict
from game.bots.simple import SimpleBot

__all__ = ["Bot", "MoveDict", "SimpleBot"]
