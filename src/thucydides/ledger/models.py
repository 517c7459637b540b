"""Keyword rules that put an item-level loss row (which names only a model) into a clean category.

Item lists such as the Oryx scrapes carry the model (``"T-72B3 Obr. 2016"``, ``"152mm 2S19 Msta-S"``) but
not the heading it was listed under. The rules below are tried in order; the first match wins; a model no
rule matches is ``"other"`` (and ``thucydides losses problems`` reports how many items that affects by
comparing by-model totals with the by-category daily totals).
"""

from __future__ import annotations

import functools
import re

__all__ = ["MODEL_RULES", "category_of_model"]

#: (category, regular expression on the lower-cased model name), tried in order.
MODEL_RULES: tuple[tuple[str, str], ...] = (
    ("jammers", r"counter-uav"),
    ("engineering", r"towing and motor boat|mine-clearing|\bmto-|engine starting|mobile generator"),
    ("trucks", r"armoured cabin|uaz patriot"),
    ("afvs", r"unknown btr-d/bmd|psyops"),
    ("atgm", r"^(?!.*\b9p1)(?:.*)(\b9m1\d\d|konkurs|fagot|metis|\bkokon|\bjavelin|\bnlaw|\batgm\b(?! carrier))"),
    ("ugvs", r"\bugv\b|unmanned ground|\buran-\d|platforma-m|\bkurier"),
    ("artillery_support", (r"\b1v1\d|fire direction|fire control|forward observer|battery command|\bprp-\d"
                          r"|(transporter-loader|reloader|transloading).*(bm-|tos|grad|uragan|smerch|tunguska)")),
    ("trucks", r"transloader|tank transporter|tanker|(kamaz|ural)\S*( \S+)* with zu-23"),
    ("afvs", r"(mt-lb|2s1) with zu-23"),
    ("apcs", r"unknown btr-80"),
    ("ucavs", r"\borion\b|\bkorsar|forpost-ru|mohajer|\bucav\b|shahed|bayraktar|combat aerial"),
    ("recon_uavs", (r"\buav\b|orlan|eleron|zala|merlin|supercam|granat|forpost|takhion|tachyon|lastochka|grifon"
                   r"|\bdrone\b|kub-bla|\blancet|leleka|\bfury\b|furia|valkyr|\bshark\b|flyeye|fly eye|\bpuma\b"
                   r"|\brq-\d|spectator|\bpd-\d|\bmara-|\borlik|penguin|sparrow|\bskif")),
    ("helicopters", r"helicopter|\bmi-\d|\bka-\d"),
    ("aircraft", (r"aircraft|bomber|fighter|\bsu-\d|\bmig-\d|\btu-\d|\bil-\d|\ban-\d|\bbe-\d|\byak-\d|\bl-39"
                 r"|\ba-50")),
    ("submarines", r"submarine"),
    ("naval", (r"\bship\b|\bboat\b(?!.*towing)|corvette|frigate|cruiser|landing craft|\btug\b|minesweeper"
              r"|vessel|\bbdk\b|\bproject \d")),
    ("jammers", (r"jammer|jamming|\bew\b|electronic warfare|deception|zhitel|\bleer|borisoglebsk|krasukha"
                r"|\bsilok|svet-ku|\brtut|\btorn\b|counter-uav|\binfauna|\bpole-21")),
    ("command_comms", (r"command|signals|communication|satcom|\br-1\d\d|\br-4\d\d|\bp-2\d\d|\bmp-\d+im"
                      r"|\bape-5|\bmpus|\bbarnaul|\bredut|radio monitoring|staff vehicle|control station")),
    ("radars", (r"radar|tin shield|\b36d6|an/tpq|\bcobra\b|\b9s36|\b9s18|\bpodlet|\bsborka|\bfara\b|\bsnar-|\b1l2\d\d|\bp-18|\bnebo\b|\bkasta\b"
               r"|\baistyonok|\bzoopark")),
    ("sam", (r"\bsam\b|\bbuk\b|buk-|\btor\b|tor-m|\bs-300|\bs-400|\bs-350|\bosa\b|strela-10|pantsir"
            r"|\b9k3\d|\b9a3\d|\b9a8\d|\b5p85|\btelar|\btlar|\btel\b|\bkub\b|\bkrug\b|\bpatriot\b|\biris-t")),
    ("spaag", r"zsu-23|shilka|tunguska|btr-zd|\bgepard"),
    ("aa_guns", r"\bzu-23|\bzpu|\bs-60\b|anti-aircraft gun|\baa gun"),
    ("sp_atgm", r"shturm|khrizantema|kornet-t|\b9p14[89]|\b9p16\d|atgm carrier"),
    ("rocket_artillery", (r"\bbm-\d|\bgrad\b|grad-|uragan|smerch|tornado-g|tos-1|\bmrl\b|rocket launcher"
                         r"|\b9p138|\biskander|\bhimars|\bmlrs|\bm270|\brm-70|\bunknown mrl")),
    ("sp_artillery", (r"\b2s\d|akatsiya|gvozdika|msta-s|tyulpan|\bnona\b(?!-k)|giatsint-s|\bmalka|koalitsiya"
                     r"|\bkhosta|\bspg\b|self-propelled|\bpzh|\bcaesar|\bkrab|\bm109|\bdana\b|\bzuzana"
                     r"|\bas-90|\barcher|bohdana")),
    ("towed_artillery", (r"howitzer|field-gun|field gun|\bd-\d\d\b|\bd-30|\b2a\d\d|\b2b\d|\bmt-12|\brapira"
                        r"|\bmortar|\bgun\b|towed artillery|\bgiatsint-b|\bmsta-b|\bm777|\bfh-70|\bnona-k")),
    ("engineering", (r"engineer|recovery|bridge|pontoon|mine clearing|minelayer|demining|trench|\bimr|\bbrem"
                    r"|\bbat-\d|\bpts-\d|excavator|\bmtu|\bur-\d\d|\bgmz|\bpzm|bulldozer|\btmm|\bpmp\b|\bpp-\d"
                    r"|\bbmk|\bmdk|\bkmt|decontamination|\brkhm|crane|generator|tracked amphibious|\bmtp-a|\brem-kl")),
    ("tanks", r"\btank\b|\bt-\d\d|\bleopard|\bstridsvagn|\bpt-91|\bchallenger|\babrams|\bm1a1|\bm-55s"),
    ("mraps", (r"\bmrap\b|typhoon|taifun|\bk-53949|\bpatrol-a|\blinza|\bmaxxpro|\bcougar|\bkirpi|\bspartan"
              r"|\bvarta|\bkozak|\bmastiff|\bwolfhound|\bm-atv|\bdingo|\btitan-s|\bsenator mrap")),
    ("imvs", (r"\btigr|\bvystrel|\blmv\b|\brys\b|\biveco|\bhumvee|\bhmmwv|\bdozor|\bamn-\d|\bimv\b|\bbushmaster"
             r"|\broshel|\bnovator")),
    ("ifvs", (r"\bbmp|\bbmd|\bifv\b|\bbtr-82a|\bmt-lbm 6mb|\bbmo-t|\bbradley|\bmarder|\bcv90|\bbtr-3e"
              r"|\bypr-765|\bbvp\b|\bbwp-|\bpbv 501")),
    ("apcs", (r"\bbtr|\bapc\b|\bm113|\bakhmat|\bz-sts|\brakushka|\bural-4320vv|\bstryker|\bvab\b|\bm117"
             r"|\bpbv 302|\bxa-18|\bsaxon|\bpatria|\bgyurza|\boncilla")),
    ("afvs", r"\bafv\b|\bmt-lb|\bbrm|\bbrdm|\bvityaz|\baleut|\bbmm-\d|\bbtr-zd|\bbvs ?10|\bbandvagn|armou?red"),
    ("logistics_trains", r"\btrain\b|locomotive|\bwagon"),
    ("trucks", (r"truck|\bkamaz|\bural|\bgaz|\buaz|\bzil|\bkraz|\bmaz|\bluaz|\bvan\b|\bjeep|\bcar\b|\bbus\b"
               r"|vehicle|\bpickup|\bquad\b|\bmotorcycle|\btrailer|\bsupply|\bavtozak|\bsobol|\bpatriot|\bfmtv"
               r"|\bnovus|\bbogdan-6317")),
)

#: Add-on equipment that does not change what a vehicle is ("BMD-2 with RP-337VM1 jammer" is an IFV).
_ADD_ONS = re.compile(r"\bwith (rp-\d+\w*|arbalet\S*)( jammer| turret)?")

_COMPILED: tuple[tuple[str, re.Pattern[str]], ...] = tuple((c, re.compile(p)) for c, p in MODEL_RULES)


@functools.lru_cache(maxsize=65536)
def category_of_model(model: str) -> str:
    """The clean category of a model name by the first matching rule, or ``"other"``.

    >>> category_of_model("T-90M"), category_of_model("152mm 2S19 Msta-S"), category_of_model("Ural-4320")
    ('tanks', 'sp_artillery', 'trucks')
    """
    text = _ADD_ONS.sub("", model.lower())
    for category, pattern in _COMPILED:
        if pattern.search(text):
            return category
    return "other"
