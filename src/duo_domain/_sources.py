"""The sources the library cites, spelled once.

Every rule, uitslag reason and value list names its legal or DUO source. The
names of those sources are kept here so they are written the same way
everywhere; a module adds the article or section to one of them.

Examples:
    >>> from duo_domain._sources import PVE_MBO, UB_WVO
    >>> f"{PVE_MBO} §15.5.4"
    'PvE MBO-instelling – DUO v4.8.2 §15.5.4'
    >>> f"{UB_WVO} art. 3.34"
    'Uitvoeringsbesluit WVO 2020 art. 3.34'
"""

from __future__ import annotations

__all__ = [
    "BATCH_READING",
    "BESLUIT_ROD",
    "BSN_WET",
    "EKB",
    "EKB_URL",
    "LPW",
    "LPW_URL",
    "OWN_SIGNAAL",
    "PVE_MBO",
    "REGELING_CODETABELLEN",
    "REGELING_ONDERWIJSNUMMER_VO",
    "UB_WVO",
    "UB_WVO_URL",
    "WEB",
    "WEB_URL",
    "WET_ROD",
    "XML_1_0",
]

#: DUO's Programma van Eisen for MBO institutions, the version the library follows.
PVE_MBO = "PvE MBO-instelling – DUO v4.8.2"

#: Examen- en kwalificatiebesluit beroepsopleidingen WEB.
EKB = "Ekb WEB"
EKB_URL = "https://wetten.overheid.nl/BWBR0027963"

#: Wet educatie en beroepsonderwijs.
WEB = "WEB"
WEB_URL = "https://wetten.overheid.nl/BWBR0007625"

#: Leerplichtwet 1969.
LPW = "Leerplichtwet 1969"
LPW_URL = "https://wetten.overheid.nl/BWBR0002628"

#: Uitvoeringsbesluit WVO 2020 (the slaag-zakregeling of VO).
UB_WVO = "Uitvoeringsbesluit WVO 2020"
UB_WVO_URL = "https://wetten.overheid.nl/BWBR0045787"

#: The yearly Regeling codetabellen (vak-, element- and examencodes).
REGELING_CODETABELLEN = "Regeling codetabellen"

#: Regeling gegevenslevering onderwijsnummer VO (BRON deadlines).
REGELING_ONDERWIJSNUMMER_VO = "Regeling gegevenslevering onderwijsnummer VO (BWBR0015232)"

#: Wet register onderwijsdeelnemers and its Besluit: the register that succeeded BRON.
WET_ROD = "Wet register onderwijsdeelnemers (BWBR0042012)"
BESLUIT_ROD = "Besluit register onderwijsdeelnemers (BWBR0042639)"

#: Wet algemene bepalingen burgerservicenummer.
BSN_WET = "Wet algemene bepalingen burgerservicenummer (BWBR0022428)"

#: The library's own rule for batches: a record that cannot be read is neither judged nor sendable.
BATCH_READING = "duo_domain batch reading (the library's own rule: DUO can judge only a record it can read)"

#: A plausibility rule the library adds where DUO publishes none (its severity is the library's judgement).
OWN_SIGNAAL = "duo_domain's own signaal (DUO publishes no rule)"

#: The XML 1.0 recommendation (W3C), whose §2.2 lists the characters an XML document can carry.
XML_1_0 = "XML 1.0 (W3C, fifth edition)"
