"""Interface labels of the analysis report and export, in Dutch (default) and English.

Game text (roles, issues, options, events) comes from the scenario; only these
labels follow ``--lang``. Sentences with a count have a form per number:
``key.one`` for 1, ``key.other`` for more, and ``key.none`` where 0 reads
better in words (see :func:`counted`).
"""

from __future__ import annotations

from collections.abc import Sequence

from game.catalog import LANGUAGES, Catalog

__all__ = ["LANGUAGES", "counted", "join_names", "label"]

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "title": ("Onderhandelingsruimte", "Agreement space"),
    "mode": ("Versie", "Version"),
    "mode.short": ("korte versie", "short version"),
    "mode.full": ("volledige versie", "full version"),
    "length.one": ("{minutes} minuten in 1 ronde", "{minutes} minutes in 1 round"),
    "length.other": ("{minutes} minuten in {n} rondes", "{minutes} minutes in {n} rounds"),
    "events": ("Gebeurtenissen", "Events"),
    "none": ("geen", "none"),
    "and": ("en", "and"),
    "overview": ("Overzicht", "Overview"),
    "packages": ("Pakketten", "Packages"),
    "feasible": ("Uitvoerbaar", "Feasible"),
    "passes": ("Aangenomen (stemmen naar belang)", "Pass (everyone votes their interest)"),
    "quorum.one": ("quorum {q} van 1 rol", "quorum {q} of 1 role"),
    "quorum.other": ("quorum {q} van {n} rollen", "quorum {q} of {n} roles"),
    "unanimous": (
        "Unaniem (iedere rol haalt haar reserve)",
        "Unanimous (every role reaches its reservation)",
    ),
    "pareto": ("Pareto-front van aangenomen pakketten", "Pareto frontier of passing packages"),
    "seconds": ("Rekentijd", "Time"),
    "deal.one": (
        "In deze versie is een akkoord mogelijk: 1 pakket kan worden aangenomen.",
        "This version allows an agreement: 1 package can pass.",
    ),
    "deal.other": (
        "In deze versie is een akkoord mogelijk: {n} pakketten kunnen worden aangenomen.",
        "This version allows an agreement: {n} packages can pass.",
    ),
    "no_deal": (
        "Geen akkoord mogelijk: geen enkel pakket haalt het quorum zonder veto.",
        "No agreement possible: no package reaches the quorum without a veto.",
    ),
    "room": (
        "Ruimte per rol (beste aangenomen pakket tegen reservewaarde)",
        "Room per role (best passing package against reservation value)",
    ),
    "role": ("Rol", "Role"),
    "reservation": ("Reserve", "Reservation"),
    "best": ("Beste", "Best"),
    "margin": ("Ruimte", "Room"),
    "bar_legend": (
        "Balk: beste score van de rol, │ = reservewaarde.",
        "Bar: the role's best score, │ = reservation value.",
    ),
    "core": ("kern", "core"),
    "veto": ("veto", "veto"),
    "no_room.one": ("Kernrol zonder ruimte: {roles}", "Core role without room: {roles}"),
    "no_room.other": ("Kernrollen zonder ruimte: {roles}", "Core roles without room: {roles}"),
    "no_room_optional.one": (
        "Rol zonder ruimte (geen kernrol): {roles}; speelt ze mee, dan stemt ze tegen elk pakket",
        "Optional role without room: {roles}; if it plays, it votes no on every package",
    ),
    "no_room_optional.other": (
        "Rollen zonder ruimte (geen kernrol): {roles}; spelen ze mee, dan stemmen ze tegen "
        "elk pakket",
        "Optional roles without room: {roles}; if they play, they vote no on every package",
    ),
    "vetoes.one": (
        "Veto dat ertoe doet (houdt pakketten tegen die anders aangenomen worden): {roles}",
        "Veto that matters (it blocks packages that would otherwise pass): {roles}",
    ),
    "vetoes.other": (
        "Veto's die ertoe doen (elk houdt pakketten tegen die anders aangenomen worden): {roles}",
        "Vetoes that matter (each blocks packages that would otherwise pass): {roles}",
    ),
    "vetoes_idle.one": ("Veto dat niets tegenhoudt: {roles}", "Veto that blocks nothing: {roles}"),
    "vetoes_idle.other": (
        "Veto's die niets tegenhouden: {roles}",
        "Vetoes that block nothing: {roles}",
    ),
    "plans": ("Beste plannen tegen de status quo", "Best plans against the status quo"),
    "plan": ("Plan", "Plan"),
    "status_quo": ("Status quo", "Status quo"),
    "max_welfare": ("Max. som", "Max sum"),
    "nash": ("Nash", "Nash"),
    "kalai": ("Kalai–Smorodinsky", "Kalai–Smorodinsky"),
    "fewest": ("Minst openbreken", "Fewest openings"),
    "welfare": ("Som", "Sum"),
    "openings": ("Keer openbreken", "Openings"),
    "status": ("Status", "Status"),
    "st_unanimous": ("unaniem", "unanimous"),
    "st_passes": ("aangenomen", "passes"),
    "st_fails": ("verworpen", "fails"),
    "st_no_deal": ("zonder akkoord", "without agreement"),
    "choices": ("Keuzes per kwestie", "Choices per issue"),
    "issue_option": ("Kwestie en keuze", "Issue and choice"),
    "chosen_in": ("Gekozen in", "Chosen in"),
    "all_plans": ("alle plannen", "every plan"),
    "sq_and_all": ("Status quo en alle plannen", "Status quo and every plan"),
    "plans_legend": (
        "Max. som: aangenomen pakket met de grootste gezamenlijke waarde. "
        "Nash: unaniem pakket met het grootste product van de winst boven de reservewaarden. "
        "Kalai–Smorodinsky: unaniem pakket waarin de rol die naar verhouding het minst van "
        "haar best haalbare winst krijgt, zoveel mogelijk krijgt. "
        "Minst openbreken: voor iedere rol minstens zo goed als de status quo, "
        "met het minste keer openbreken van de straat.",
        "Max sum: passing package with the largest joint value. "
        "Nash: unanimous package with the largest product of gains over the reservation values. "
        "Kalai–Smorodinsky: unanimous package in which the role that gets the smallest share "
        "of its best possible gain gets as much as possible. "
        "Fewest openings: at least as good as the status quo for every role, "
        "with the fewest street openings.",
    ),
    "no_unanimous": (
        "Geen pakket geeft iedere rol haar reservewaarde: geen Nash- of "
        "Kalai–Smorodinsky-oplossing.",
        "No package gives every role its reservation value: no Nash or Kalai–Smorodinsky package.",
    ),
    "better_than_sq.none": (
        "Geen enkel aangenomen pakket is voor iedere rol minstens zo goed als de status quo.",
        "No passing package is at least as good as the status quo for every role.",
    ),
    "better_than_sq.one": (
        "1 aangenomen pakket is voor iedere rol minstens zo goed als de status quo.",
        "1 passing package is at least as good as the status quo for every role.",
    ),
    "better_than_sq.other": (
        "{n} aangenomen pakketten zijn voor iedere rol minstens zo goed als de status quo.",
        "{n} passing packages are at least as good as the status quo for every role.",
    ),
    "issue": ("Kwestie", "Issue"),
    "progress_score": ("Pakketten scoren", "Scoring packages"),
    "progress_analyse": ("Onderhandelingsruimte", "Agreement space"),
    "written": ("Geschreven", "Written"),
    "too_large": ("te groot om door te rekenen: {reason}", "too large to compute: {reason}"),
    "unknown": ("onbekend: {reason}", "unknown: {reason}"),
}


_CATALOG = Catalog(_LABELS)


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The label ``key`` in ``lang``, formatted with ``values``."""
    return _CATALOG.label(key, lang, **values)


def counted(key: str, count: int, lang: str = "nl", **values: object) -> str:
    """The form of ``key`` for ``count``: ``key.none`` (if there is one) for 0,
    ``key.one`` for 1, else ``key.other``; ``values`` fill it in.

    >>> counted("better_than_sq", 1)
    '1 aangenomen pakket is voor iedere rol minstens zo goed als de status quo.'
    >>> counted("quorum", 3, "en", q=2, n=3)
    'quorum 2 of 3 roles'
    """
    return _CATALOG.counted(key, count, lang, **values)


def join_names(names: Sequence[str], lang: str = "nl") -> str:
    """``A``, ``A en B``, ``A, B en C`` (``and`` in English)."""
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} {label('and', lang)} {names[-1]}"
