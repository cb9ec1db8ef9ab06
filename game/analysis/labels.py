"""Interface labels of the analysis report and export, in Dutch (default) and English."""

from __future__ import annotations

LANGUAGES: tuple[str, ...] = ("nl", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # key: (nl, en)
    "title": ("Onderhandelingsruimte", "Agreement space"),
    "mode": ("modus", "mode"),
    "events": ("gebeurtenissen", "events"),
    "none": ("geen", "none"),
    "overview": ("Overzicht", "Overview"),
    "packages": ("Pakketten", "Packages"),
    "feasible": ("Uitvoerbaar", "Feasible"),
    "passes": ("Aangenomen (stemmen naar belang)", "Pass (everyone votes their interest)"),
    "quorum": ("quorum {q} van {n} rollen", "quorum {q} of {n} roles"),
    "unanimous": ("Unaniem (iedereen boven reserve)", "Unanimous (everyone at reservation)"),
    "pareto": ("Pareto-front van aangenomen pakketten", "Pareto frontier of passing packages"),
    "seconds": ("Rekentijd", "Time"),
    "deal": (
        "Deze modus heeft een deal: {n} pakketten kunnen worden aangenomen.",
        "This mode has a deal: {n} packages can pass.",
    ),
    "no_deal": (
        "Geen deal mogelijk: geen enkel pakket haalt het quorum zonder veto.",
        "No deal possible: no package reaches the quorum without a veto.",
    ),
    "room": (
        "Ruimte per rol (beste aangenomen pakket tegen reservewaarde)",
        "Room per role (best passing package against reservation value)",
    ),
    "role": ("Rol", "Role"),
    "reservation": ("Reserve", "Reservation"),
    "best": ("Beste", "Best"),
    "margin": ("Ruimte", "Room"),
    "legend": (
        "Balk: beste score, │ = reservewaarde. Max. som: grootste gezamenlijke waarde; "
        "Minst open: beter voor iedereen dan de status quo met de minste openingen.",
        "Bar: best score, │ = reservation value. Max sum: largest joint value; "
        "Fewest open: better for all than the status quo with the fewest openings.",
    ),
    "core": ("kern", "core"),
    "veto": ("veto", "veto"),
    "no_room": ("Kernrollen zonder ruimte: {roles}", "Core roles without room: {roles}"),
    "vetoes": (
        "Veto's die ertoe doen (zonder dit veto gaan meer pakketten door): {roles}",
        "Vetoes that matter (without the veto more packages pass): {roles}",
    ),
    "vetoes_idle": ("Veto's die niets tegenhouden: {roles}", "Vetoes that block nothing: {roles}"),
    "plans": ("Beste plannen tegen de status quo", "Best plans against the status quo"),
    "plan": ("Plan", "Plan"),
    "status_quo": ("Status quo", "Status quo"),
    "max_welfare": ("Max. som", "Max sum"),
    "nash": ("Nash", "Nash"),
    "kalai": ("Kalai–Smor.", "Kalai–Smor."),
    "fewest": ("Minst open", "Fewest open"),
    "welfare": ("Som", "Sum"),
    "openings": ("Openingen", "Openings"),
    "vs_sq": ("t.o.v. status quo", "vs status quo"),
    "status": ("Status", "Status"),
    "st_unanimous": ("unaniem", "unanimous"),
    "st_passes": ("aangenomen", "passes"),
    "st_fails": ("verworpen", "fails"),
    "no_unanimous": (
        "Geen pakket geeft iedere rol haar reservewaarde: geen Nash- of "
        "Kalai–Smorodinsky-oplossing.",
        "No package gives every role its reservation value: no Nash or Kalai–Smorodinsky package.",
    ),
    "better_than_sq": (
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


def label(key: str, lang: str = "nl", **values: object) -> str:
    """The label ``key`` in ``lang``, formatted with ``values``."""
    nl, en = _LABELS[key]
    text = en if lang == "en" else nl
    return text.format(**values) if values else text
