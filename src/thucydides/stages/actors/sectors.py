"""The sector table: the role codes an :class:`~thucydides.model.Actor` may carry (docs/sectors.md).

Compatible with the CAMEO / NGEC / PLOVER agent codes. Every sector in the gazetteer and knowledge-base
files must be one of these; the loader rejects any other (E011).
"""

from __future__ import annotations

__all__ = ["ELITE", "SECTORS"]

#: code -> what it covers.
SECTORS: dict[str, str] = {
    "GOV": "the executive: sitting heads of state and government, their deputies, ministers (including foreign "
           "and defence ministers), officials, governors, mayors, seats of government",
    "LEG": "legislators and legislatures: members of parliament, senators, speakers",
    "JUD": "the judiciary: judges, courts, prosecutors-general",
    "MIL": "armed forces: defence ministries, chiefs of staff, officers, soldiers, units",
    "COP": "police, gendarmerie, border guards, interior troops",
    "SPY": "intelligence and security services and their heads",
    "DIP": "diplomats: ambassadors, envoys, embassies, consulates, negotiators, foreign-ministry spokespeople",
    "OPP": "the opposition: opposition parties and their leaders, dissidents",
    "PTY": "political parties and party officials (not in government)",
    "REB": "rebels, insurgents, militants, armed groups fighting the state",
    "PRM": "militias and paramilitaries",
    "UAF": "unidentified armed forces, gunmen, mercenaries",
    "PRE": "breakaway and separatist states' institutions",
    "CRM": "criminals, gangs, cartels, terror suspects as criminals",
    "CVL": "civilians, residents, places named alone",
    "BUS": "business: companies, state companies, executives",
    "MED": "media: newspapers, broadcasters, state media",
    "JRN": "journalists",
    "EDU": "education: universities, schools, academics",
    "HLH": "health: hospitals, medics, health ministries' services",
    "REL": "religious bodies and clergy",
    "NGO": "non-governmental organisations",
    "SOC": "civil society, activists, human-rights groups",
    "HRI": "human-rights bodies",
    "LAB": "labour: trade unions, workers",
    "AGR": "agriculture: farmers",
    "REF": "refugees and displaced people",
    "AID": "humanitarian aid agencies",
    "ELI": "former office holders and elites (\"former\", \"retired\", a person whose offices had all ended)",
    "UNK": "unspecified people (pronouns, \"people\")",
    "SHI": "Shia", "SUN": "Sunni", "MOS": "Muslims", "CHR": "Christians", "JEW": "Jews", "HIN": "Hindus",
    "BUD": "Buddhists",
}

#: sectors that become ELI under "former", "retired", "ex-" or once a person has left office.
ELITE = frozenset({"GOV", "DIP", "MIL", "LEG", "JUD", "SPY", "PTY", "COP"})
