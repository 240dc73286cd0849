#!/usr/bin/env python3
"""Writes samples/: small, synthetic Danish inputs in each source's real on-disk format.

Formats follow reference/formats.md (shared/reference/formats.md). All text is synthetic
Danish generated from hand-written templates and word lists with a seeded RNG, so the output
is byte-identical across runs on the same machine (gzip mtime 0, fixed tar metadata, zstd and
bzip2 at fixed levels).

Usage: python3 scripts/make_samples.py [--out DIR]

Only the standard library is used, plus the `zstd` command-line tool for .zst files.
"""

import argparse
import bz2
import gzip
import html
import io
import json
import os
import random
import re
import subprocess
import sys
import tarfile
from pathlib import Path

SEED = 20250601
ROOT = Path(__file__).resolve().parent.parent

# --------------------------------------------------------------------------------------------
# Compression and serialisation helpers (deterministic)
# --------------------------------------------------------------------------------------------


def gz(data: bytes) -> bytes:
    """One gzip member, mtime 0, no file name, level 9."""
    buf = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", fileobj=buf, compresslevel=9, mtime=0) as f:
        f.write(data)
    return buf.getvalue()


def zst(data: bytes) -> bytes:
    """One zstd frame made by the zstd CLI (level 19, checksum on)."""
    out = subprocess.run(["zstd", "-q", "-19", "--check", "-c", "-"], input=data,
                         stdout=subprocess.PIPE, check=True)
    return out.stdout


def bz(data: bytes) -> bytes:
    return bz2.compress(data, 9)


TAR_MTIME = 1603843200  # 2020-10-28T00:00:00Z


def tar_gz(members, mtime=TAR_MTIME) -> bytes:
    """members: list of (name, bytes) or (name, None) for a directory. USTAR, fixed owner."""
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tf:
        for name, data in members:
            ti = tarfile.TarInfo(name)
            ti.mtime = mtime
            ti.uid = ti.gid = 1000
            ti.uname = ti.gname = "wortschatz"
            if data is None:
                ti.type = tarfile.DIRTYPE
                ti.mode = 0o755
                tf.addfile(ti)
            else:
                ti.mode = 0o644
                ti.size = len(data)
                tf.addfile(ti, io.BytesIO(data))
    return gz(buf.getvalue())


def serde_json(obj) -> str:
    """serde_json / compact style: no spaces, raw UTF-8, '/' unescaped."""
    return json.dumps(obj, ensure_ascii=False, separators=(",", ":"))


def ujson_str(s: str) -> str:
    out = ['"']
    for ch in s:
        o = ord(ch)
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "/":
            out.append("\\/")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif ch == "\b":
            out.append("\\b")
        elif ch == "\f":
            out.append("\\f")
        elif o < 0x20 or o >= 0x80:
            if o > 0xFFFF:
                v = o - 0x10000
                out.append("\\u%04x\\u%04x" % (0xD800 + (v >> 10), 0xDC00 + (v & 0x3FF)))
            else:
                out.append("\\u%04x" % o)
        else:
            out.append(ch)
    out.append('"')
    return "".join(out)


def ujson_float(x: float) -> str:
    s = "%.10f" % x
    s = s.rstrip("0")
    if s.endswith("."):
        s += "0"
    return s


def ujson_dumps(pairs) -> str:
    """pairs: list of (key, value); value is str, None, float, int."""
    parts = []
    for k, v in pairs:
        if v is None:
            vs = "null"
        elif isinstance(v, str):
            vs = ujson_str(v)
        elif isinstance(v, bool):
            vs = "true" if v else "false"
        elif isinstance(v, int):
            vs = str(v)
        else:
            vs = ujson_float(v)
        parts.append(ujson_str(k) + ":" + vs)
    return "{" + ",".join(parts) + "}"


def write(path: Path, data: bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)


# --------------------------------------------------------------------------------------------
# Word lists (all hand-written; places are real Danish towns, people and firms are invented)
# --------------------------------------------------------------------------------------------

KOMMUNER = ["Aarhus", "Odense", "Aalborg", "Esbjerg", "Randers", "Kolding", "Horsens", "Vejle",
            "Roskilde", "Herning", "Silkeborg", "Næstved", "Fredericia", "Viborg", "Køge",
            "Holstebro", "Slagelse", "Svendborg", "Hjørring", "Sønderborg", "Frederikshavn",
            "Haderslev", "Skive", "Ringsted", "Thisted", "Helsingør", "Hillerød", "Nyborg",
            "Middelfart", "Kalundborg", "Holbæk", "Vordingborg", "Faaborg-Midtfyn", "Varde"]
BYER = KOMMUNER[:30] + ["Ribe", "Tønder", "Grenaa", "Ebeltoft", "Skagen", "Lemvig", "Ringkøbing",
                        "Nakskov", "Maribo", "Rønne", "Assens", "Bogense", "Hobro", "Brønderslev"]
FORNAVNE = ["Anne", "Mette", "Louise", "Camilla", "Sofie", "Ida", "Maria", "Kirsten", "Hanne",
            "Susanne", "Lene", "Pia", "Karen", "Birgitte", "Signe", "Emma", "Freja", "Line",
            "Jens", "Peter", "Lars", "Henrik", "Søren", "Niels", "Michael", "Thomas", "Rasmus",
            "Morten", "Jesper", "Anders", "Mads", "Christian", "Ole", "Bent", "Kasper", "Frederik",
            "Mikkel", "Jonas", "Martin", "Jakob", "Torben", "Poul", "Aske", "Malthe", "Gitte",
            "Dorte", "Bodil", "Inger", "Asger", "Villads"]
EFTERNAVNE = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen",
              "Sørensen", "Rasmussen", "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen",
              "Thomsen", "Christiansen", "Poulsen", "Johansen", "Møller", "Mortensen", "Kjær",
              "Holm", "Lund", "Frandsen", "Bak", "Dam", "Skov", "Vestergaard", "Østergaard",
              "Nørgaard", "Kjeldsen", "Bech", "Lauridsen", "Villadsen", "Mikkelsen", "Krogh"]
UGEDAGE = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MAANEDER = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september",
            "oktober", "november", "december"]
LANDSDELE = ["Nordjylland", "Midtjylland", "Sønderjylland", "Vestjylland", "Østjylland",
             "Nordsjælland", "Hovedstadsområdet", "Region Sjælland", "Syddanmark"]
VEJE = ["Hovedvejen", "Ringvejen", "Skolevej", "Kirkevej", "Strandvejen", "Vestergade",
        "Østre Allé", "Bakkevej", "Møllevej", "Engvej", "Søndergade", "Stationsvej", "Nørregade",
        "Havnevej", "Skovvej", "Industrivej"]
HOLD = ["Vestbyen IF", "B 1921 Sønderby", "FC Østerlund", "Nørre Boldklub", "Strandby GF",
        "Havnens BK", "IK Skovlyst", "Kirkeby UI", "Søhøjlandets HK", "Bakkegårdens IF"]
VIRKSOMHEDER = ["Maskinfabrikken Nordkraft", "Tømrerfirmaet Holm & Søn", "Vestjysk Emballage A/S",
                "Bageriet Kornblomsten", "softwarevirksomheden Kodeværket", "Grønt Lager ApS",
                "Fjordens Fiskeeksport", "Elektrikerne i Midten", "Møbelsnedkeriet Egetræ",
                "transportfirmaet Hurtig & Sikker"]
AVISER = ["vestbyensavis", "fjordposten", "dagbladetmidt", "sydkysten-nyt", "lokalnyt-nord",
          "egnsbladet", "oestjyskdagblad", "amtsavisen-vest"]
DOMAENER = ["www.hjemmeoghave.dk", "cykelsnak.dk", "www.nordiskfritid.dk", "blog.madmedmere.dk",
            "www.vestegnensavis.dk", "shop.regntoej-online.dk", "www.boligbutikken.dk",
            "forum.bilnoerder.dk", "www.skovbrynets-ik.dk", "www.advokathuset-fyn.dk",
            "www.smaa-fodspor.dk", "www.grejbixen.dk", "minlillehave.dk", "www.koekkenfiduser.dk",
            "www.lokalhistorie-ribe.dk", "www.rejsemedbaby.dk", "debat.foraeldrenet.dk",
            "www.tekniktorvet.dk", "www.sommerhusudlejning-vest.dk", "www.kattekilden.dk",
            "www.byggemarked24.dk", "www.loebeglad.dk", "www.strikkestuen.dk",
            "www.kommune-eksempel.dk", "www.vandrerhjem-nord.dk"]
FORENINGER = ["den lokale grundejerforening", "idrætsforeningen", "handelsstandsforeningen",
              "skolebestyrelsen", "beboerforeningen", "lokalhistorisk arkiv", "sejlklubben",
              "borgerforeningen", "ældresagens lokalafdeling"]
BRUGERE = ["jensemand", "Mette_K", "cykelnørd82", "hyggemor", "Sorte Svane", "gamle_ole",
           "per1977", "lønmodtager", "Vestjyden", "Bageren", "kaffekop", "trinebine", "MadsM",
           "smedensvend", "fynbo64"]


def tal_dk(n: int) -> str:
    """Danish thousands separator: 12.345"""
    return f"{n:,}".replace(",", ".")


def dec_dk(x: float, nd=1) -> str:
    return (f"%.{nd}f" % x).replace(".", ",")


def cap(s: str) -> str:
    return s[:1].upper() + s[1:] if s else s


def slugify(s: str) -> str:
    s = s.lower()
    for a, b in (("æ", "ae"), ("ø", "oe"), ("å", "aa"), ("é", "e"), ("ü", "u")):
        s = s.replace(a, b)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s


class Filler:
    """Fills {key} slots from word banks; keys fixed in `ctx` keep their value."""

    def __init__(self, rng: random.Random):
        self.rng = rng
        r = rng
        self.banks = {
            "kommune": KOMMUNER, "by": BYER, "by2": BYER, "landsdel": LANDSDELE, "vej": VEJE,
            "gade": VEJE, "ugedag": UGEDAGE, "måned": MAANEDER, "hold": HOLD, "hold2": HOLD,
            "virksomhed": VIRKSOMHEDER, "forening": FORENINGER, "bruger": BRUGERE,
            "bruger2": BRUGERE, "domæne": DOMAENER,
            "navn": lambda: r.choice(FORNAVNE) + " " + r.choice(EFTERNAVNE),
            "navn2": lambda: r.choice(FORNAVNE) + " " + r.choice(EFTERNAVNE),
            "fornavn": FORNAVNE, "efternavn": EFTERNAVNE,
            "mio": lambda: r.choice([str(r.randint(3, 480)), dec_dk(r.uniform(1.2, 9.9))]),
            "pct": lambda: dec_dk(r.uniform(0.8, 24.0)),
            "tal2": lambda: str(r.randint(8, 45)),
            "tal3": lambda: tal_dk(r.randint(1200, 25000)),
            "tal4": lambda: str(r.randint(3, 19)),
            "tal_lille": lambda: str(r.randint(40, 900)),
            "alder": lambda: str(r.randint(18, 89)),
            "klok": lambda: "%d.%02d" % (r.randint(0, 23), r.choice([0, 5, 10, 15, 20, 30, 40, 45, 50])),
            "år": lambda: str(r.randint(2008, 2022)),
            "år_frem": lambda: str(r.randint(2021, 2027)),
            "år_gl": lambda: str(r.randint(1180, 1890)),
            "år_firma": lambda: str(r.randint(1921, 1995)),
            "dato": lambda: "%d. %s" % (r.randint(1, 28), r.choice(MAANEDER)),
            "antal_ord": ["to", "tre", "fire", "fem", "seks"],
            "score": ["2-1", "3-0", "1-0", "4-2", "3-1", "2-0", "5-3", "28-24", "31-27"],
            "placering": ["anden", "tredje", "fjerde", "femte", "sjette"],
            "liga": ["serie 2", "Danmarksserien", "2. division", "kvindeligaen", "Jyllandsserien",
                     "1. division i håndbold"],
            "projekt": ["en ny svømmehal", "en renovering af rådhuspladsen", "flere cykelstier i midtbyen",
                        "et nyt plejecenter", "en udvidelse af havnen", "en ny skole i den nordlige bydel",
                        "bedre busforbindelser til landsbyerne", "et nyt kulturhus",
                        "klimasikring af de lavtliggende kvarterer", "istandsættelse af kommunens legepladser",
                        "en ny daginstitution med plads til 120 børn", "nye fortove og gadelys i landsbyerne"],
            "ting": ["nyfødte", "solgte elbiler", "konkurser", "indbrud i private hjem", "udenlandske turister",
                     "studerende", "nystartede virksomheder", "tilflyttere", "cyklister i trafikken"],
            "periode": ["i første halvår", "i tredje kvartal", "sidste år", "i årets første ni måneder",
                        "i sommermånederne", "i løbet af foråret"],
            "rolle": ["borgmester", "rådmand for teknik og miljø", "formand for børne- og ungeudvalget",
                      "formand for teknik- og miljøudvalget", "centerchef", "projektleder", "kommunaldirektør",
                      "viceborgmester"],
            "rolle2": ["formand", "næstformand", "kasserer", "daglig leder", "bestyrelsesmedlem"],
            "kilde": ["kommunen", "politiet", "regionen", "virksomheden", "Vejdirektoratet",
                      "Banedanmark", "forsyningsselskabet", "beredskabet"],
            "kåring": ["ildsjæl", "erhvervsleder", "frivillige", "lærer", "iværksætter", "træner"],
            "vejr": ["kraftig regn", "glatte veje", "storm", "tæt tåge", "skybrud", "kraftigt snefald"],
            "tid_dag": ["i aften", "i nat", "i morgen tidlig", "i løbet af weekenden", "fra middag"],
            "tidspunkt_frem": ["til foråret", "efter sommerferien", "i begyndelsen af næste år",
                               "allerede i næste måned", "til efteråret"],
            "stemmer": ["fra alle partier undtagen ét", "fra et bredt flertal", "23 mod 8",
                        "fra samtlige partier"],
            "udvalg": ["teknik- og miljøudvalget", "økonomiudvalget", "børne- og ungeudvalget",
                       "kultur- og fritidsudvalget", "social- og sundhedsudvalget"],
            "avis": AVISER,
            "sted": ["Skagen", "Mols Bjerge", "Vadehavet", "Rold Skov", "Møns Klint", "Lille Vildmose",
                     "Thy", "Ærø", "Bornholm", "Silkeborgsøerne", "Fanø", "Djursland"],
            "aktivitet": ["begynde at løbe", "lære at strikke", "bygge et drivhus", "male stuen",
                          "tage på vandretur alene", "bage mit eget surdejsbrød", "sælge bilen og cykle på arbejde",
                          "rydde op i kælderen"],
            "grønt": ["gulerødder og radiser", "salat og spinat", "ærter og bønner", "squash og græskar",
                      "kartofler og løg", "krydderurter"],
            "grader": ["160", "175", "180", "200"],
            "min": ["25", "35", "40", "50", "60"],
            "ugedage": ["mandag og onsdag", "tirsdag og torsdag", "onsdag og fredag"],
            "hal": ["idrætshallen", "gymnastiksalen på Vestre Skole", "klubhuset ved stadion",
                    "Nordskolens hal", "svømmehallen"],
            "tal_med": lambda: str(r.randint(60, 850)),
        }

    def value(self, key, ctx):
        if ctx is not None and key in ctx:
            return ctx[key]
        bank = self.banks[key]
        if callable(bank):
            return bank()
        return self.rng.choice(bank)

    def fill(self, template: str, ctx=None) -> str:
        def rep(m):
            key = m.group(1)
            if key not in self.banks and not (ctx and key in ctx):
                return m.group(0)
            return self.value(key, ctx)
        s = re.sub(r"\{([a-zæøå_0-9]+)\}", rep, template)
        return cap(s)

    def ctx(self):
        """A fixed context so that one document talks about one town, one person, etc."""
        keys = ["kommune", "by", "by2", "navn", "navn2", "rolle", "hold", "hold2", "virksomhed",
                "landsdel", "vej", "forening", "kilde", "ugedag", "måned", "sted"]
        c = {k: self.value(k, None) for k in keys}
        while c["hold2"] == c["hold"]:
            c["hold2"] = self.rng.choice(HOLD)
        while c["by2"] == c["by"]:
            c["by2"] = self.rng.choice(BYER)
        return c


# --------------------------------------------------------------------------------------------
# Genre banks: news (by topic), blogs, shops, forums, associations, terms, Europarl, subtitles
# --------------------------------------------------------------------------------------------

NEWS_TOPICS = {
    "kommune": {
        "titles": ["Byrådet siger ja til {projekt}", "{kommune} Kommune vil bruge millioner på {projekt}",
                   "Borgere raser over ny lokalplan i {by}", "Budgettet er på plads i {kommune}"],
        "sentences": [
            "{kommune} Kommune vil bruge {mio} millioner kroner på {projekt}, oplyser {rolle} {navn}.",
            "Byrådet i {kommune} vedtog {ugedag} aften budgettet for {år_frem} med stemmerne {stemmer}.",
            "Sagen skal behandles på næste møde i {udvalg} den {dato}.",
            "Arbejdet ventes at gå i gang {tidspunkt_frem} og være færdigt i {år_frem}.",
            "Kommunen har modtaget over {tal_lille} høringssvar, og de fleste af dem er kritiske over for planen.",
            "»Vi har lyttet til borgerne, og derfor har vi justeret projektet flere steder,« siger {navn}.",
            "Oppositionen mener, at pengene hellere burde bruges på flere hænder i ældreplejen.",
            "Forældrene har i flere måneder klaget over trafikken omkring skolen, især om morgenen.",
            "Det er {antal_ord} år siden, at der sidst blev bygget en ny skole i området.",
            "Ifølge forvaltningen vil besparelsen betyde færre timer til rengøring på kommunens institutioner.",
            "Borgerne kan følge byggeriet via et webkamera, som er sat op på taget af rådhuset.",
            "Planen blev præsenteret på et borgermøde i {by}, hvor omkring {tal_med} mennesker var mødt op.",
            "Antallet af ledige i {kommune} Kommune faldt i {måned} til det laveste niveau i over ti år.",
            "{rolle} {navn} understreger, at ingen medarbejdere vil blive afskediget som følge af omlægningen.",
            "Forslaget om at lukke to af kommunens mindste skoler blev trukket tilbage efter massive protester fra forældrene.",
            "Ifølge {rolle} {navn} er der tale om den største investering i kommunens historie.",
            "Kommunen forventer at spare omkring {mio} millioner kroner om året, når de nye lokaler er taget i brug.",
            "Beslutningen blev truffet på et lukket møde i økonomiudvalget i sidste uge.",
            "Der er afsat {mio} millioner kroner til projektet i årets anlægsbudget.",
            "»Vi skal passe godt på pengene, men vi skal også turde investere i fremtiden,« siger {navn}.",
        ],
    },
    "politi": {
        "titles": ["Politiet efterlyser vidner efter indbrud i {by}", "Bilist kørt på sygehuset efter ulykke på {vej}",
                   "{alder}-årig sigtet for spirituskørsel", "Natlig brand i {by}: Ingen kom til skade"],
        "sentences": [
            "Politiet efterlyser vidner til et indbrud i en villa på {vej} i {by} natten til {ugedag}.",
            "Ulykken skete kort efter klokken {klok} på {vej} uden for {by}, og {antal_ord} personer blev kørt på sygehuset.",
            "Politiet har sigtet en {alder}-årig mand for spirituskørsel efter et færdselsuheld på {vej}.",
            "Den {alder}-årige kvinde var ved bevidsthed, da hun blev hentet af ambulancen.",
            "Vejen var spærret i flere timer, mens politiets bilinspektører undersøgte ulykkesstedet.",
            "Gerningsmændene slap væk med smykker, kontanter og en bærbar computer.",
            "Det oplyser vagtchef {navn} fra politiet.",
            "Politiet opfordrer alle, der har set mistænkelige personer i området, til at ringe på 114.",
            "Brandvæsenet rykkede ud med {antal_ord} køretøjer, og branden var under kontrol efter en times tid.",
            "Årsagen til branden er endnu ukendt, men politiet udelukker ikke, at den er påsat.",
            "Ifølge politiet er der i år anmeldt markant flere indbrud i sommerhuse end på samme tid sidste år.",
            "Den sigtede blev fremstillet i grundlovsforhør {ugedag} og varetægtsfængslet i fire uger.",
            "En patruljevogn stoppede bilen på {vej} kort før midnat, efter at den var set køre i zigzag.",
            "Ifølge vagtchefen var der ikke tale om et tilfældigt overfald, da parterne kendte hinanden.",
            "Politiet har i løbet af weekenden skrevet {tal_med} fartbøder på strækningen mellem {by} og {by2}.",
            "Ingen kom alvorligt til skade, men begge biler blev totalskadet.",
            "Teknikere fra politiet har sikret spor på stedet, og sagen efterforskes nu som et groft tyveri.",
            "Naboerne blev vækket af røg og ringede straks 112.",
        ],
    },
    "sport": {
        "titles": ["{hold} vandt derbyet", "Sejr til {hold} efter dramatisk slutspurt", "{hold} rykker op",
                   "Træneren stopper i {hold}"],
        "sentences": [
            "{hold} vandt {ugedag} {score} over {hold2} og rykker dermed op på {placering}pladsen i {liga}.",
            "Der var {tal3} tilskuere på stadion, da {hold} tog imod {hold2}.",
            "Kampens første halvleg var præget af mange fejlafleveringer og få chancer.",
            "Udligningen kom efter en hjørnespark, som anføreren headede i mål fra kort hold.",
            "»Vi spillede ikke vores bedste kamp, men vi kæmpede for hinanden,« siger cheftræner {navn}.",
            "Holdet har nu vundet fem kampe i træk og er ubesejret på hjemmebane i denne sæson.",
            "Målmanden blev kåret som kampens spiller efter flere flotte redninger i slutminutterne.",
            "Klubben har forlænget kontrakten med sin topscorer frem til sommeren {år_frem}.",
            "Næste kamp spilles på udebane {ugedag} klokken 14.",
            "Ungdomsafdelingen har aldrig haft så mange medlemmer som nu, oplyser formand {navn2}.",
            "Det var en skuffet træner, der efter kampen måtte erkende, at modstanderen var bedst.",
            "Sejren betyder, at {hold} nu har fire point ned til nærmeste forfølger.",
            "Hjemmeholdet kom bedst fra start og førte efter kun et kvarters spil.",
            "Anføreren måtte udgå med en skade i anden halvleg, og det er endnu uvist, hvor længe han er ude.",
            "{hold} skal i næste runde af pokalturneringen møde et hold fra en højere række.",
            "Over {tal_lille} børn deltog i weekendens stævne, der blev afviklet på kunstgræsbanerne ved stadion.",
            "»Det er en kæmpe oplevelse for drengene at spille foran så mange tilskuere,« siger holdleder {navn2}.",
        ],
    },
    "erhverv": {
        "titles": ["{virksomhed} ansætter {tal2} nye medarbejdere", "Butik på {gade} lukker efter mange år",
                   "Rekordår for {virksomhed}", "Iværksættere i {by} får nyt kontorfællesskab"],
        "sentences": [
            "{virksomhed} i {by} har netop ansat {tal2} nye medarbejdere og forventer at ansætte flere i løbet af året.",
            "Butikken på {gade} i {by} lukker ved udgangen af {måned} efter {tal2} år på samme adresse.",
            "Ifølge direktør {navn} skyldes fremgangen især et stigende salg til udlandet.",
            "Virksomheden kom ud af regnskabsåret med et overskud før skat på {mio} millioner kroner.",
            "Det har været svært at skaffe kvalificeret arbejdskraft, og derfor uddanner firmaet nu selv sine folk.",
            "»Vi har haft et fantastisk år, og det skyldes først og fremmest vores dygtige medarbejdere,« siger {navn}.",
            "Handelsstandsforeningen frygter, at flere butikker i midtbyen vil dreje nøglen om.",
            "Det nye lager bliver på 12.000 kvadratmeter og skal stå færdigt i {år_frem}.",
            "Ifølge en ny opgørelse steg antallet af {ting} med {pct} procent {periode}.",
            "Huspriserne i {landsdel} steg med {pct} procent {periode}, viser nye tal.",
            "Havnen i {by} har fået tilsagn om {mio} millioner kroner fra en pulje til grøn omstilling.",
            "Ordrebogen er fuld et halvt år frem, og derfor overvejer ledelsen at indføre toholdsskift.",
            "Virksomheden blev grundlagt i {år_firma} som et lille familieforetagende.",
            "Den nye ejer vil bevare navnet og alle arbejdspladserne i {by}.",
            "Salget i butikkerne faldt med {pct} procent, mens nethandlen steg markant.",
            "Byens erhvervsråd vil tiltrække flere virksomheder til det nye erhvervsområde ved motorvejen.",
            "Iværksætterne deler kontor, mødelokaler og en kaffemaskine, som ifølge dem selv er stedets vigtigste medarbejder.",
        ],
    },
    "vejr": {
        "titles": ["DMI varsler {vejr} i {landsdel}", "Skybrud satte kældre under vand i {by}",
                   "Glatte veje: Pas på i morgentrafikken", "Sommerens varmeste dag"],
        "sentences": [
            "DMI varsler {vejr} i store dele af {landsdel} {tid_dag}.",
            "Vejdirektoratet opfordrer bilisterne til at køre efter forholdene og holde god afstand.",
            "Vandstanden i åen er steget så meget, at beredskabet har lagt sandsække ud langs bredden.",
            "Beredskabet modtog over {tal_lille} opkald om oversvømmede kældre i løbet af natten.",
            "Temperaturen ventes at nå op på 28 grader flere steder i landet i løbet af eftermiddagen.",
            "Trafikken på motorvejen mellem {by} og {by2} var {ugedag} morgen præget af lange køer.",
            "Ifølge meteorologen bliver det tørt og solrigt igen fra {ugedag}.",
            "Flere færgeafgange er aflyst på grund af den kraftige blæst.",
            "Landmændene har ventet længe på regnen, som nu endelig er kommet.",
            "Nattens kraftige vindstød væltede flere træer ned over vejene i {landsdel}.",
            "Ifølge DMI faldt der mere end 60 millimeter regn på under en time i den nordlige del af {by}.",
            "Sommerens tørke har betydet, at høsten flere steder er op til en tredjedel mindre end normalt.",
            "Badegæsterne strømmede til strandene, da temperaturen for første gang i år sneg sig over 25 grader.",
            "Snerydningen har været i gang siden klokken fire i nat, og alle hovedveje er nu farbare.",
        ],
    },
    "kultur": {
        "titles": ["Festivalen i {by} slog rekord", "Nyt kulturhus åbner i {by}", "{navn} modtager kulturpris",
                   "Biblioteket udvider åbningstiden"],
        "sentences": [
            "Festivalen i {by} solgte i år over {tal3} billetter og slog dermed rekorden fra sidste år.",
            "Biblioteket i {by} udvider åbningstiden, så borgerne fremover kan komme ind fra klokken syv til 22.",
            "{navn} blev {ugedag} kåret som årets {kåring} ved en festlig prisuddeling i {by}.",
            "Udstillingen kan ses på museet frem til udgangen af {måned}.",
            "Koncerten var udsolgt på under en time, da billetterne blev sat til salg.",
            "»Det er helt vildt at stå på en scene foran så mange mennesker,« siger {navn2}.",
            "Teaterforeningen har fået støtte fra en lokal fond til at opsætte tre nye forestillinger.",
            "Byens kor fejrer i år sit 50-års jubilæum med en stor koncert i domkirken.",
            "Arrangørerne forventer omkring {tal3} gæster i løbet af de tre festivaldage.",
            "Forestillingen handler om tre generationer af kvinder på en gård i Vestjylland.",
            "Billetterne koster 150 kr., og der er gratis adgang for børn under 12 år.",
            "Museet har fået en donation på {mio} millioner kroner til en ny udstillingsbygning.",
            "Bandet spillede for fulde huse i aftes og fik publikum til at synge med på alle de gamle hits.",
            "Forfatteren læser op af sin nye roman på biblioteket {ugedag} aften.",
            "Byens gamle biograf genåbner efter en omfattende renovering.",
        ],
    },
    "sundhed": {
        "titles": ["Ventetiden falder på sygehuset", "Mangel på sygeplejersker i {landsdel}",
                   "Ny akutklinik åbner i {by}", "Flere unge søger hjælp for angst"],
        "sentences": [
            "Regionen oplyser, at ventetiden på en operation i gennemsnit er faldet til {tal4} uger.",
            "Ifølge prognosen vil der i {år_frem} mangle omkring {tal3} sygeplejersker i {landsdel}.",
            "Akutklinikken i {by} holder åbent døgnet rundt, men man skal ringe til 1813, før man møder op.",
            "»Vi kan se, at flere unge henvender sig med angst og stress end tidligere,« siger overlæge {navn}.",
            "Sygehuset har ansat {tal2} nye sygeplejersker og håber at kunne genåbne en lukket afdeling.",
            "Patientforeningen kalder situationen uholdbar og kræver handling fra politikerne.",
            "Vaccinationen foregår i den gamle sporthal, og man skal bestille tid på forhånd.",
            "Regionsrådet har afsat {mio} millioner kroner til at nedbringe ventelisterne.",
            "Ifølge regionen er det især inden for ortopædkirurgi, at ventetiden har været lang.",
            "Lægerne opfordrer alle over 65 år til at lade sig vaccinere mod influenza inden vinteren.",
            "Den nye skadestue får åbent fra klokken 8 til 22 alle ugens dage.",
            "Antallet af praktiserende læger i området er faldet, og flere borgere har nu over 20 kilometer til nærmeste læge.",
            "Sundhedsplejerskerne tilbyder fremover hjemmebesøg til alle familier med nyfødte børn.",
        ],
    },
    "bolig": {
        "titles": ["{antal_ord} nye boligblokke på vej i {by}", "Rekordsalg af sommerhuse",
                   "Lejere protesterer mod huslejestigning", "Gammel fabrik bliver til boliger"],
        "sentences": [
            "Efter planen skal {antal_ord} nye boligblokke stå klar til indflytning i foråret {år_frem}.",
            "Den gamle fabriksbygning ved havnen bliver omdannet til {tal_med} lejligheder og et fælleshus.",
            "Beboerne frygter, at det nye byggeri vil tage udsigten og give mere trafik i kvarteret.",
            "Ifølge ejendomsmægleren er der rekordmange købere til sommerhuse langs vestkysten.",
            "Huslejen stiger med {pct} procent fra næste år, oplyser boligforeningen.",
            "»Vi har boet her i over tyve år, og vi har aldrig oplevet noget lignende,« siger {navn}.",
            "Kommunen har solgt grunden til en privat investor for {mio} millioner kroner.",
            "Den nye cykelsti skal forbinde de nye boligområder med byens skoler og idrætsanlæg.",
            "Grunden har i mange år ligget øde hen og været brugt som parkeringsplads.",
            "Lejlighederne bliver mellem 55 og 120 kvadratmeter, og de største får altan mod vandet.",
            "Ifølge boligforeningen er der over {tal3} på ventelisten til en familiebolig.",
            "Ejendommen er fra 1930'erne og trænger til en gennemgribende renovering.",
            "Kommunen har givet byggetilladelse til de første {tal2} rækkehuse i det nye kvarter.",
        ],
    },
}

NEWS_BYLINES = ["Af {navn} · {dato} {år} kl. {klok}", "Af {navn}, {navn2} · Opdateret {dato} {år}",
                "{by} · Af {navn}"]

BLOG_SENTENCES = [
    "I weekenden var vi en tur til {sted}, og det var virkelig en dejlig oplevelse for hele familien.",
    "Jeg har længe gået og overvejet at {aktivitet}, og nu er det endelig blevet til noget.",
    "Det er ikke altid lige nemt at få hverdagen til at hænge sammen, når man har små børn og fuldtidsarbejde.",
    "Vejret var ikke helt med os, men vi fik heldigvis et par timer med sol midt på eftermiddagen.",
    "Hvis du aldrig har prøvet det før, kan jeg kun anbefale det – det er meget lettere, end man tror.",
    "Min have er på ingen måde perfekt, men jeg bruger rigtig meget tid i den hele året rundt.",
    "I år har jeg sået {grønt} i højbedene, og de er allerede begyndt at spire.",
    "Jeg fik et tip om en lille café i {by}, hvor de laver de bedste kanelsnegle, jeg længe har smagt.",
    "Vi cyklede langs vandet hele vejen til {by} og spiste vores madpakker på en bænk ved havnen.",
    "Skriv endelig i kommentarerne, hvis I har gode idéer til, hvad vi skal finde på i efterårsferien.",
    "Tusind tak for alle de søde beskeder efter sidste indlæg – det varmer virkelig.",
    "Jeg må indrømme, at jeg var lidt skeptisk i starten, men nu kan jeg slet ikke undvære den.",
    "Det bedste ved at løbe om morgenen er roen, før resten af byen vågner.",
    "Næste gang vil jeg prøve at tilsætte lidt mere citron, for den blev en anelse for sød.",
    "Børnene elskede det, og de har allerede spurgt, hvornår vi skal gøre det igen.",
    "Efter tre uger med maling, støv og flyttekasser er stuen endelig færdig.",
    "Vi overnattede på en lille campingplads lige ned til vandet, og prisen var helt fair.",
    "Jeg har samlet mine bedste tips til en vandretur med børn i listen nedenfor.",
    "Husk madpakke, ekstra sokker og regntøj, for vejret kan hurtigt skifte.",
    "Det tog lidt længere tid end forventet, men resultatet blev over al forventning.",
]

RECIPE_SENTENCES = [
    "Opskriften er til cirka {tal4} personer, men den kan sagtens halveres.",
    "Pisk æg og sukker luftigt, og vend derefter mel og bagepulver forsigtigt i dejen.",
    "Bag kagen ved {grader} grader i cirka {min} minutter, eller til en kniv stukket i midten kommer tør ud.",
    "Lad dejen hæve et lunt sted i en time, til den er fordoblet i størrelse.",
    "Svits løg og hvidløg i lidt olie, til de er bløde, men ikke brune.",
    "Smag til med salt, peber og en god sjat citronsaft lige inden servering.",
    "Retten kan sagtens laves dagen før og varmes op, og den smager faktisk bedst på andendagen.",
    "Server med nye kartofler, en grøn salat og et godt stykke rugbrød.",
    "Kagen kan fryses i op til tre måneder, hvis den pakkes godt ind.",
]
RECIPE_TITLES = ["Verdens bedste kanelsnegle", "Æblekage med makroner", "Hjemmelavet rugbrød",
                 "Frikadeller som hos mormor", "Hurtig tomatsuppe", "Gulerodskage med flødeostcreme",
                 "Boller i karry", "Koldskål med kammerjunkere"]

BLOG_BOILER = [
    "Skrevet af {navn} | {dato} {år} | {tal4} kommentarer",
    "Del dette: Facebook · Pinterest · E-mail",
    "Skriv et svar til {fornavn}",
    "Annullér svar",
    "Din e-mailadresse vil ikke blive publiceret. Krævede felter er markeret med *",
    "Gem mit navn, min e-mail og min hjemmeside i denne browser til næste gang jeg kommenterer.",
    "« Tidligere indlæg",
    "Næste indlæg »",
]
BLOG_COMMENTS = [
    "Hvor ser det hyggeligt ud! Den tur må vi også prøve til sommer.",
    "Tak for opskriften, den blev et kæmpe hit hos os i weekenden.",
    "Jeg er helt enig – det er de små ting, der gør hverdagen god.",
    "Hvor har du købt den lampe? Den er virkelig fin.",
    "Skønt indlæg som altid. Glæder mig til næste gang!",
    "Vi var der også sidste år, og det regnede hele tiden, men vi havde det alligevel sjovt.",
]

PRODUCTS = [
    # (navn, køn, beskrivelse-slutning)
    ("regnjakke", "en", "er fremstillet i vandtæt og åndbart materiale og er perfekt til regnvejrsdage og lange gåture"),
    ("spisebord", "et", "er lavet i massiv eg og har plads til otte personer, når det er slået ud"),
    ("sofa", "en", "har bløde hynder, aftageligt betræk og et tidløst design, der passer ind i de fleste hjem"),
    ("par vandrestøvler", "et", "har en kraftig gummisål og en vandtæt membran, så du holder fødderne tørre"),
    ("kaffemaskine", "en", "brygger op til ti kopper ad gangen og holder kaffen varm i op til to timer"),
    ("børnecykel", "en", "har støttehjul, ringeklokke og justerbar sadel, så den kan vokse med barnet"),
    ("strikgarn i uld", "et", "er blødt, slidstærkt og kan vaskes ved 30 grader på uldprogram"),
    ("havebord", "et", "er fremstillet i vejrbestandigt teaktræ og kan stå ude hele året"),
    ("elkedel", "en", "koger en liter vand på under tre minutter og slukker automatisk"),
    ("skrivebordsstol", "en", "har justerbar ryg og armlæn og er godkendt til otte timers daglig brug"),
    ("vinterjakke", "en", "er foret med genanvendt dun og holder dig varm ned til minus 20 grader"),
    ("sengesæt", "et", "er syet i 100 % økologisk bomuldssatin og føles blødt og kølende mod huden"),
]
SHOP_NAMES = ["Regntøjskompagniet", "BoligBixen", "Grejbutikken", "Nordisk Hjem", "Cykelkælderen",
              "Strikkestuen", "HaveHuset", "Køkkenfiduser", "Sovekammeret"]
SHOP_MENUS = ["Herre · Dame · Børn · Sko · Tilbud · Nyheder", "Stue · Køkken · Have · Belysning · Udsalg",
              "Forside | Produkter | Om os | Kontakt | Log ind", "Cykler · Reservedele · Tilbehør · Værksted"]
SHOP_SHORT = [
    "Køb nu", "Læg i kurv", "På lager", "Fri fragt", "Udsolgt", "Tilbud!", "Spar 20 %",
    "På lager – levering 1-3 hverdage", "Bestil inden kl. 15, så sender vi i dag",
    "30 dages fuld returret", "Fri fragt ved køb over 499 kr.", "Log ind | Opret konto",
    "Betal med MobilePay, Dankort, Visa/Mastercard eller Klarna",
    "Trustpilot ★★★★★ 4,7 ud af 5 baseret på 2.314 anmeldelser",
    "Kundeservice: 70 20 30 40 (hverdage kl. 9-16)",
]
ENGLISH_LINES = ["Add to cart", "Free shipping on orders over 499 DKK", "Sign in", "Privacy Policy",
                 "Powered by Shopify"]
COOKIE_LINES = [
    "Vi bruger cookies for at give dig den bedste oplevelse på vores hjemmeside. Hvis du fortsætter med at bruge siden, antager vi, at du accepterer dette.",
    "Denne hjemmeside bruger cookies til statistik og markedsføring. Ved at klikke på »Accepter alle« giver du samtykke til vores brug af cookies. Læs mere i vores cookiepolitik.",
]
COOKIE_SHORT = ["Accepter alle", "Kun nødvendige", "Indstillinger", "OK", "Læs mere"]
NEWSLETTER_LINES = [
    "Tilmeld dig vores nyhedsbrev og få 10 % rabat på dit første køb samt eksklusive tilbud direkte i din indbakke hver uge.",
    "Tilmeld nyhedsbrev",
    "Skriv din e-mail her",
]
SHOP_FOOTER = "© {år} {shop} ApS · CVR {cvr} · Alle rettigheder forbeholdes · Handelsbetingelser · Privatlivspolitik"

FORUM_PROBLEMS = [
    ("vaskemaskine", "ikke vil centrifugere, når den er fyldt helt op"),
    ("bil", "larmer mærkeligt fra forhjulet, når jeg drejer til venstre"),
    ("router", "mister forbindelsen hver aften omkring klokken ti"),
    ("varmepumpe", "ikke kan holde temperaturen, når det bliver frost"),
    ("opvaskemaskine", "efterlader en hvid belægning på glassene"),
    ("cykel", "skifter gear af sig selv, når jeg træder hårdt i pedalerne"),
    ("bærbare computer", "bliver meget varm og slukker uden varsel"),
    ("kat", "er begyndt at tisse uden for bakken"),
    ("plæneklipper", "går i stå, så snart græsset er lidt fugtigt"),
]
FORUM_FIXES = ["nulstille den til fabriksindstillingerne", "rense filteret grundigt", "skifte batteriet",
               "opdatere softwaren", "kontakte forhandleren – det burde være dækket af reklamationsretten",
               "tjekke, om slangen er bøjet bag ved", "tale med dyrlægen om det"]
FORUM_REPLIES = [
    "Har du prøvet at {fix}? Det virkede for mig, da jeg havde præcis samme problem sidste vinter.",
    "Det lyder som noget, en fagmand bør kigge på. Jeg ville ikke selv gå i gang med at skille den ad.",
    "Samme problem her. Følger tråden, for jeg har heller ikke fundet en løsning endnu.",
    "Prøv at søge i forummet, det har været diskuteret mange gange før, og der er nogle rigtig gode svar.",
    "Jeg er helt enig med {bruger}. Det er spild af penge at købe den dyreste model, når den billige kan det samme.",
    "Hvor gammel er den? Hvis den er under to år, ville jeg helt klart reklamere over det.",
    "Jeg havde det samme for et par år siden, og det endte med at være en løs ledning. Kostede 300 kr. at få lavet.",
]
FORUM_THANKS = ["Tak for alle svarene! Det var filteret, der var stoppet til, og nu kører den igen.",
                "Tusind tak, jeg prøver det i weekenden og melder tilbage her i tråden.",
                "Problemet er løst. Det var heldigvis en billig reparation."]

ASSOC_SENTENCES = [
    "Vi træner hver {ugedage} fra klokken 17 til 19 i {hal}, og nye medlemmer er altid velkomne.",
    "Kontingentet for {år_frem} er 450 kr. for voksne og 250 kr. for børn og unge under 18 år.",
    "Den årlige generalforsamling afholdes {dato} kl. 19.30 i klubhuset, og dagsordenen kan ses på opslagstavlen.",
    "Foreningen blev stiftet i {år_gl} og har i dag omkring {tal_med} medlemmer i alle aldre.",
    "Vi søger frivillige hjælpere til sommerens arrangementer, så skriv endelig til bestyrelsen, hvis du har lyst til at give en hånd med.",
    "Husk at melde afbud til træneren senest dagen før, hvis du ikke kan komme til træning.",
    "Tak til alle vores sponsorer, som gør det muligt for os at holde kontingentet nede.",
    "I sommerferien holder vi pause, og vi starter op igen i uge 32 med en fælles grillaften.",
]

TERMS_SENTENCES = [
    "Disse handelsbetingelser gælder for alle køb, der foretages på {domæne}, medmindre andet er aftalt skriftligt.",
    "Alle priser er oplyst i danske kroner og er inklusive 25 % moms.",
    "Du har 14 dages fortrydelsesret, som regnes fra den dag, du modtager varen.",
    "Der gives 24 måneders reklamationsret i henhold til købeloven, og reklamationen skal ske inden rimelig tid efter, at manglen er opdaget.",
    "Vi forbeholder os retten til at annullere ordrer ved åbenlyse prisfejl eller udsolgte varer.",
    "Ved returnering skal varen sendes tilbage i væsentligt samme stand og mængde, som du modtog den.",
    "Personoplysninger behandles fortroligt og videregives ikke til tredjemand uden dit samtykke.",
    "Klager over en vare kan indgives til Center for Klageløsning via Nævnenes Hus' klageportal.",
]


# --------------------------------------------------------------------------------------------
# Web pages: a page is a list of text lines (paragraphs, headings, menus, prices), as a WET
# record would have them. OSCAR 2019/21.09 keep only lines of >= 100 characters; 22.01 and
# 23.01 keep every line.
# --------------------------------------------------------------------------------------------

NEWS_SECTIONS = ["nyheder", "lokalt", "sport", "kultur", "erhverv", "indland", "regionalt"]
TOPIC_SECTION = {"kommune": "lokalt", "politi": "krimi", "sport": "sport", "erhverv": "erhverv",
                 "vejr": "nyheder", "kultur": "kultur", "sundhed": "indland", "bolig": "bolig"}


class Web:
    def __init__(self, rng: random.Random, filler: Filler):
        self.rng = rng
        self.f = filler

    def paragraphs(self, pool, ctx, n_par, per=(1, 3)):
        """n_par paragraphs of sentences from pool, no sentence template reused in a page."""
        rng = self.rng
        order = list(pool)
        rng.shuffle(order)
        pars, i = [], 0
        for _ in range(n_par):
            k = rng.randint(*per)
            if i >= len(order):
                break
            sents = [self.f.fill(t, ctx) for t in order[i:i + k]]
            i += k
            pars.append(" ".join(sents))
        return pars

    def news(self):
        rng, f = self.rng, self.f
        ctx = f.ctx()
        topic = rng.choice(list(NEWS_TOPICS))
        t = NEWS_TOPICS[topic]
        avis = rng.choice(AVISER)
        title = f.fill(rng.choice(t["titles"]), ctx)
        lines = []
        if rng.random() < 0.5:
            lines.append("Forside · Nyheder · Sport · Kultur · Debat · Job · E-avis")
        if rng.random() < 0.35:
            lines.append(COOKIE_LINES[1])
            lines.append("Accepter alle")
        lines.append(title)
        lines.append(f.fill(rng.choice(NEWS_BYLINES), ctx))
        lines += self.paragraphs(t["sentences"], ctx, rng.randint(3, 6))
        other = NEWS_TOPICS[rng.choice(list(NEWS_TOPICS))]
        lines.append("Læs også: " + f.fill(rng.choice(other["titles"])))
        if rng.random() < 0.5:
            lines.append(f"Har du et tip til redaktionen? Skriv til tip@{avis}.dk eller ring på 75 12 34 56 – vi behandler alle henvendelser fortroligt, og du kan være anonym.")
        lines.append(f"© {avis}.dk · Ansvarshavende chefredaktør: " + f.fill("{navn}"))
        url = f"https://www.{avis}.dk/{TOPIC_SECTION[topic]}/{slugify(title)}"
        return "news", lines, url

    def blog(self):
        rng, f = self.rng, self.f
        ctx = f.ctx()
        recipe = rng.random() < 0.35
        dom = rng.choice(["blog.madmedmere.dk", "minlillehave.dk", "www.smaa-fodspor.dk",
                          "www.rejsemedbaby.dk", "www.loebeglad.dk", "www.strikkestuen.dk",
                          "www.koekkenfiduser.dk"])
        lines = [rng.choice(["Hjem · Opskrifter · Rejser · Have · Om mig", "Forside | Blog | Kontakt"])]
        if recipe:
            title = rng.choice(RECIPE_TITLES)
            lines.append(title)
            lines.append(f.fill(BLOG_BOILER[0], ctx))
            lines += self.paragraphs(BLOG_SENTENCES, ctx, 1, (2, 3))
            lines.append("Du skal bruge:")
            for ing in rng.sample(["250 g smør", "3 æg", "200 g sukker", "500 g hvedemel", "2 tsk. bagepulver",
                                   "1 dl mælk", "1 løg", "2 fed hvidløg", "1 dåse hakkede tomater",
                                   "500 g hakket svinekød", "1 tsk. kardemomme", "25 g gær"], 5):
                lines.append(ing)
            lines += self.paragraphs(RECIPE_SENTENCES, ctx, rng.randint(2, 4), (1, 2))
        else:
            title = f.fill(rng.choice(["Weekendtur: {sted}", "Endelig færdig!", "Hverdagsglæder",
                                       "Tanker en søndag", "Forår i haven", "Sådan kom jeg i gang"]), ctx)
            lines.append(title)
            lines.append(f.fill(BLOG_BOILER[0], ctx))
            lines += self.paragraphs(BLOG_SENTENCES, ctx, rng.randint(2, 5), (2, 3))
        lines.append(BLOG_BOILER[1])
        for _ in range(rng.randint(0, 3)):
            lines.append(f.fill("{navn} siger:"))
            lines.append(f.fill("{dato} {år} kl. {klok}"))
            lines.append(rng.choice(BLOG_COMMENTS))
        if rng.random() < 0.6:
            lines.append(f.fill(BLOG_BOILER[2]))
            lines.append(BLOG_BOILER[3])
            lines.append(BLOG_BOILER[4])
            lines.append(BLOG_BOILER[5])
        lines.append(rng.choice(BLOG_BOILER[6:]))
        url = f"https://{dom}/{f.value('år', None)}/{rng.randint(1, 12):02d}/{slugify(title)}/"
        return "blog", lines, url

    def shop(self):
        rng, f = self.rng, self.f
        name, gender, desc = rng.choice(PRODUCTS)
        shop = rng.choice(SHOP_NAMES)
        price = rng.choice([199, 249, 299, 399, 499, 599, 799, 899, 1299, 1499, 1999, 2499, 3999, 5995])
        before = int(price * rng.choice([1.2, 1.25, 1.5])) // 10 * 10 - 1
        dem = "Denne" if gender == "en" else "Dette"
        adj = rng.choice(["lækre", "smukke", "populære", "klassiske", "praktiske", "robuste"])
        lines = []
        if rng.random() < 0.6:
            lines.append(COOKIE_LINES[0])
            lines.append(rng.choice(COOKIE_SHORT))
        lines.append(rng.choice(SHOP_MENUS))
        lines.append(rng.choice(["Fri fragt på alle ordrer i dag!", "Fri fragt ved køb over 499 kr.",
                                 "Black Friday: Op til 50 % rabat på udvalgte varer"]))
        title = f"{cap(name)} fra {shop}"
        lines.append(title)
        lines.append(f"Varenr.: {rng.randint(10000, 99999)}-{rng.randint(100, 999)}")
        lines.append(f"Før {tal_dk(before)} kr.")
        lines.append(rng.choice([f"{tal_dk(price)} kr.", f"{tal_dk(price)},-", f"kr. {tal_dk(price)},00",
                                 f"Nu {tal_dk(price)} kr."]))
        lines.append(f"Spar {tal_dk(before - price)} kr.")
        lines += rng.sample(["Køb nu", "Læg i kurv"], rng.randint(1, 2))
        if rng.random() < 0.3:
            lines.append(rng.choice(ENGLISH_LINES))
        pron = "den" if gender == "en" else "det"
        lines.append(f"{dem} {adj} {name} {desc}. " + rng.choice([
            f"{cap(pron)} leveres i en flot gaveæske og er et oplagt gavetip til både jul og fødselsdag.",
            "Vi har mere end 20 års erfaring og sender alle varer fra vores eget lager i Jylland.",
            f"Læs anmeldelserne fra andre kunder nedenfor, og se, hvorfor {pron} er en af vores mest solgte varer.",
            "Produktet er testet og godkendt efter gældende EU-standarder og kommer med to års garanti."]))
        lines += rng.sample(SHOP_SHORT, rng.randint(3, 6))
        lines.append(NEWSLETTER_LINES[0])
        lines += NEWSLETTER_LINES[1:]
        lines.append(SHOP_FOOTER.replace("{år}", str(rng.randint(2015, 2022))).replace("{shop}", shop)
                     .replace("{cvr}", str(rng.randint(10000000, 45000000))))
        url = f"https://www.{slugify(shop)}.dk/produkt/{slugify(name)}-{rng.randint(100, 9999)}"
        return "shop", lines, url

    def forum(self):
        rng, f = self.rng, self.f
        thing, problem = rng.choice(FORUM_PROBLEMS)
        dom = rng.choice(["forum.bilnoerder.dk", "debat.foraeldrenet.dk", "www.tekniktorvet.dk",
                          "www.kattekilden.dk", "cykelsnak.dk"])
        title = f"Problem med {thing}"
        lines = ["Forum » Hus og have » Teknik » " + title, title]
        user = rng.choice(BRUGERE)
        lines.append(f"{user} · Indlæg: {rng.randint(3, 4000)} · Medlem siden {rng.randint(2004, 2020)}")
        lines.append(f"Hej alle sammen. Jeg har et problem med min {thing}, som {problem}. "
                     "Er der nogen, der har prøvet noget lignende og ved, hvad man kan gøre?")
        for n in range(2, rng.randint(3, 7)):
            lines.append(f.fill(f"Svar #{n} – {{dato}} {{år}} kl. {{klok}}"))
            lines.append(rng.choice(BRUGERE) + " skrev:")
            lines.append(f.fill(rng.choice(FORUM_REPLIES).replace("{fix}", rng.choice(FORUM_FIXES)),
                                {"bruger": user}))
        if rng.random() < 0.6:
            lines.append(f"{user} skrev:")
            lines.append(rng.choice(FORUM_THANKS))
        lines.append("Du skal være logget ind for at skrive et svar. Log ind eller opret en gratis bruger – det tager kun et minut.")
        url = f"https://{dom}/traad/{rng.randint(1000, 99999)}-{slugify(title)}"
        return "forum", lines, url

    def association(self):
        rng, f = self.rng, self.f
        name = f.fill(rng.choice(["{by} Badmintonklub", "Gymnastikforeningen {by}", "{by} Løbeklub",
                                  "Skovbrynets Idrætsklub", "{by} Sejlklub", "Petanqueklubben i {by}"]))
        lines = [f"Velkommen til {name}", "Om klubben · Træningstider · Kontingent · Kontakt"]
        lines += self.paragraphs(ASSOC_SENTENCES, f.ctx(), rng.randint(2, 4), (1, 3))
        lines.append(f.fill("Kontakt: formand {navn}, tlf. 20 30 40 50"))
        slug = slugify(name)
        url = f"https://www.{slug}.dk/"
        return "forening", lines, url

    def terms(self):
        rng, f = self.rng, self.f
        dom = rng.choice(DOMAENER)
        lines = ["Handelsbetingelser", "§ 1. Generelt"]
        sents = list(TERMS_SENTENCES)
        rng.shuffle(sents)
        for i, s in enumerate(sents[:rng.randint(4, 7)]):
            if i and rng.random() < 0.4:
                lines.append(f"§ {i + 1}. " + rng.choice(["Priser", "Levering", "Fortrydelsesret",
                                                          "Reklamation", "Persondata"]))
            lines.append(f.fill(s, {"domæne": dom}))
        lines.append(f"Senest opdateret {f.fill('{dato}')} {rng.randint(2016, 2022)}")
        return "vilkår", lines, f"https://{dom}/handelsbetingelser"

    def page(self):
        r = self.rng.random()
        if r < 0.32:
            return self.news()
        if r < 0.55:
            return self.blog()
        if r < 0.75:
            return self.shop()
        if r < 0.88:
            return self.forum()
        if r < 0.95:
            return self.association()
        return self.terms()


# --------------------------------------------------------------------------------------------
# Quirks found in real data (formats.md §0.5, §2.4)
# --------------------------------------------------------------------------------------------

def mojibake(s: str) -> str:
    """Double-encoded UTF-8 (UTF-8 bytes read as Latin-1): 'også' -> 'ogsÃ¥'."""
    return s.encode("utf-8").decode("latin-1")


def replacement_debris(s: str) -> str:
    """U+FFFD written as UTF-8 then read as Latin-1: 'på' -> 'pï¿½'."""
    return re.sub("[æøåÆØÅ]", "ï¿½", s)


def entities(s: str) -> str:
    return s.replace("å", "&#229;").replace("ø", "&#248;").replace("æ", "&#230;")


def soft_hyphens(s: str, rng) -> str:
    """Soft hyphens inside words of 12+ letters."""
    def rep(m):
        w = m.group(0)
        cut = rng.randint(4, len(w) - 4)
        return w[:cut] + "\u00ad" + w[cut:]
    return re.sub(r"[A-Za-zæøåÆØÅ]{12,}", rep, s)


def insert_at_space(s: str, ins: str, rng) -> str:
    spaces = [i for i, c in enumerate(s) if c == " "]
    i = spaces[len(spaces) // 2] if spaces else len(s) // 2
    return s[:i + 1] + ins + s[i + 1:]


# --------------------------------------------------------------------------------------------
# OSCAR (formats.md §1)
# --------------------------------------------------------------------------------------------

import datetime as _dt

B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"


def urn(rng) -> str:
    h = "%032x" % rng.getrandbits(128)
    h = h[:12] + "4" + h[13:16] + "89ab"[int(h[16], 16) & 3] + h[17:]
    return f"<urn:uuid:{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}>"


def warc_date(rng, start: str, days: int) -> str:
    t = _dt.datetime.strptime(start, "%Y-%m-%d") + _dt.timedelta(seconds=rng.randint(0, days * 86400))
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def warc_headers(rng, url, start, days, with_language=True):
    h = {
        "warc-type": "conversion",
        "warc-target-uri": url,
        "content-length": str(rng.randint(800, 60000)),
        "warc-date": warc_date(rng, start, days),
        "warc-record-id": urn(rng),
        "content-type": "text/plain",
        "warc-refers-to": urn(rng),
        "warc-block-digest": "sha1:" + "".join(rng.choice(B32) for _ in range(32)),
        "warc-identified-content-language": rng.choice(["dan", "dan,eng", "dan,eng", "dan,nno", "dan,eng,deu", "dan,swe"]),
    }
    if not with_language:
        del h["warc-identified-content-language"]
    keys = list(h)
    rng.shuffle(keys)  # serde HashMap order: varies per record
    return {k: h[k] for k in keys}


def long_lines(lines):
    """goclassy/ungoliant-v1 line filter: keep lines of at least 100 characters."""
    return [l for l in lines if len(l) >= 100]


C1_LINES = [
    "Åbningstider i butikken: mandag\u0096fredag kl. 10\u009617.30, lørdag kl. 10\u009614. Vi holder lukket på helligdage og i ugerne 29\u009630.",
    "Årets \u0092sommerlejr for børn\u0092 finder igen sted i uge 27, og tilmeldingen åbner allerede den 1. marts på foreningens hjemmeside.",
]


def build_oscar2019(out: Path, rng, web, stats):
    # (a) shuffled, deduplicated: one record per line, no documents.
    lines, seen = [], set()
    while len(lines) < 330:
        _, plines, _ = web.page()
        for l in long_lines(plines):
            if l not in seen:
                seen.add(l)
                lines.append(l)
    danish = [i for i, l in enumerate(lines) if re.search("[æøå]", l)]
    picks = rng.sample(danish, 8)
    quirks = {}
    lines[picks[0]] = mojibake(lines[picks[0]]); quirks["mojibake (ogsÃ¥-style)"] = 2
    lines[picks[1]] = mojibake(lines[picks[1]])
    lines[picks[2]] = replacement_debris(lines[picks[2]]); quirks["pï¿½ debris"] = 1
    lines[picks[3]] = entities(lines[picks[3]]); quirks["numeric entities"] = 2
    lines[picks[4]] = entities(lines[picks[4]])
    lines[picks[5]] = soft_hyphens(lines[picks[5]], rng); quirks["soft hyphens"] = 2
    lines[picks[6]] = soft_hyphens(lines[picks[6]], rng)
    lines[picks[7]] = insert_at_space(lines[picks[7]], "\ufeff", rng); quirks["U+FEFF mid-line"] = 1
    lines += C1_LINES; quirks["C1 controls"] = 2
    rng.shuffle(lines)
    records = len(lines)
    blank_at = rng.randint(50, len(lines) - 50)
    lines.insert(blank_at, "")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    write(out / "oscar/2019/da_dedup.txt.gz", gz(data))
    stats["oscar/2019/da_dedup.txt.gz"] = dict(records=records, lines=len(lines), blank_line=blank_at + 1,
                                               quirks=quirks, min_len=min(len(l) for l in lines if l))

    # (b) unshuffled (Hugging Face parts): blank-line-separated documents, lines kept in
    # page order, boilerplate lines repeated across documents (the "original" variant).
    docs = []
    merged = 0
    while len(docs) < 72:
        _, plines, _ = web.page()
        kept = long_lines(plines)
        if not kept:
            continue
        if docs and rng.random() < 0.1:
            docs[-1].extend(kept)  # consecutive pages merge into one "document"
            merged += 1
        else:
            docs.append(kept)

    def sentence_break(line, sep):
        i = line.find(". ")
        assert i > 0, line
        return line[:i + 1] + sep + line[i + 2:]

    def find_line(start, cond=lambda l: ". " in l[:-2]):
        for d in range(start, len(docs)):
            for j, l in enumerate(docs[d]):
                if cond(l):
                    return d, j
        raise AssertionError("no line")

    special = {}
    d, j = find_line(3); docs[d][j] = sentence_break(docs[d][j], "\r"); special["bare CR mid-line"] = d
    d, j = find_line(d + 1); docs[d][j] = sentence_break(docs[d][j], "\u2028"); special["U+2028 mid-line"] = d
    d, j = find_line(d + 1); docs[d][j] = insert_at_space(docs[d][j], "\ufeff", rng); special["U+FEFF mid-line"] = d
    d, j = find_line(d + 1, lambda l: True); docs[d][j] = docs[d][j] + "\r"; special["CRLF line (ends in CR)"] = d
    d, j = find_line(d + 1, lambda l: "å" in l); docs[d][j] = mojibake(docs[d][j]); special["mojibake"] = d
    d, j = find_line(d + 1, lambda l: "på" in l); docs[d][j] = replacement_debris(docs[d][j]); special["pï¿½ debris"] = d
    double_after = 40
    chunks = []
    for i, doc in enumerate(docs):
        chunks.append("\n".join(doc))
        if i < len(docs) - 1:
            chunks.append("\n\n\n" if i == double_after else "\n\n")
    text = "".join(chunks)  # no final LF
    assert all(len(l) >= 100 for l in text.split("\n") if l), "every line >= 100 chars"
    write(out / "oscar/2019-unshuffled/da_part_1.txt.gz", gz(text.encode("utf-8")))
    counts = {}
    for doc in docs:
        for l in doc:
            counts[l] = counts.get(l, 0) + 1
    dups = sum(1 for v in counts.values() if v > 1)
    stats["oscar/2019-unshuffled/da_part_1.txt.gz"] = dict(
        documents=len(docs), lines=sum(len(d) for d in docs), merged_pages=merged, special=special,
        double_blank_after_block=double_after, repeated_lines=dups)


def sentence_ids(rng, lines):
    ids = []
    for l in lines:
        s = l.strip()
        if s in ENGLISH_LINES:
            ids.append({"label": "en", "prob": round(rng.uniform(0.86, 0.99), 7)})
        elif len(s) < 12 or re.fullmatch(r"[\d.,\s:–kr-]+", s or "x"):
            ids.append(None if rng.random() < 0.7 else {"label": "da", "prob": round(rng.uniform(0.80, 0.88), 7)})
        elif len(s) < 40:
            ids.append({"label": "da", "prob": round(rng.uniform(0.82, 0.97), 7)} if rng.random() < 0.85 else None)
        else:
            ids.append({"label": "da", "prob": round(rng.uniform(0.93, 0.99999), 8)})
    return ids


def doc_identification(lines, ids):
    num = den = 0.0
    for l, i in zip(lines, ids):
        if i and i["label"] == "da":
            num += len(l) * i["prob"]
            den += len(l)
    return {"label": "da", "prob": round(num / den, 7) if den else 0.8}


def annotations(lines):
    """Rough ungoliant annotators: tiny (< 5 lines), short_sentences (> half of lines < 100
    chars), header / footer (the first / last 20 % of lines are all short)."""
    n = len(lines)
    short = [len(l) < 100 for l in lines]
    ann = []
    if n < 5:
        ann.append("tiny")
    if n and sum(short) / n > 0.5:
        ann.append("short_sentences")
    k = max(1, n // 5)
    if n >= 5 and all(short[:k]) and "short_sentences" not in ann:
        ann.append("header")
    if n >= 5 and all(short[-k:]) and "short_sentences" not in ann:
        ann.append("footer")
    return ann or None


def build_oscar2109(out: Path, rng, web, stats):
    for part, ndocs in ((1, 34), (2, 26)):
        docs = []
        while len(docs) < ndocs:
            _, plines, url = web.page()
            kept = long_lines(plines)
            if kept:
                docs.append((kept, url))
        notes = {}
        if part == 2:
            lines = docs[2][0]
            i = next(k for k, l in enumerate(lines) if ". " in l)
            lines[i] = lines[i].replace(". ", ".\r", 1); notes["bare CR mid-line"] = 2
            lines = docs[5][0]
            i = next(k for k, l in enumerate(lines) if ". " in l)
            lines[i] = lines[i].replace(". ", ".\u2028", 1); notes["U+2028 mid-line"] = 5
        nolang = 4 if part == 1 else 9
        text_lines, meta = [], []
        offset = 0
        for n, (lines, url) in enumerate(docs):
            h = warc_headers(rng, url, "2021-02-24", 13, with_language=(n != nolang))
            meta.append(serde_json({"headers": h, "offset": offset, "nb_sentences": len(lines)}))
            if n:
                text_lines.append("")
            text_lines += lines
            offset += len(lines) + 1
        text = "\n".join(text_lines) + "\n"
        assert text.encode().count(b"\n") == len(text_lines)
        write(out / f"oscar/2109/da_part_{part}.txt.gz", gz(text.encode("utf-8")))
        write(out / f"oscar/2109/da_meta_part_{part}.jsonl.gz", gz(("\n".join(meta) + "\n").encode("utf-8")))
        stats[f"oscar/2109/da_part_{part}.txt.gz"] = dict(documents=len(docs), lines=len(text_lines),
                                                         no_language_doc=nolang, special=notes)


def oscar_doc_pages(rng, web, n):
    docs = []
    while len(docs) < n:
        kind, plines, url = web.page()
        docs.append([kind, plines, url])
    return docs


def apply_doc_quirks(rng, web, docs, stats_notes):
    """Edits shared by 22.01 and 23.01: FEFF, exact duplicate, CRLF page, mojibake, soft hyphens."""
    # A long-form news page with no short lines (=> no annotation / quality warning).
    while True:
        kind, plines, url = web.news()
        kept = long_lines(plines)
        if len(kept) >= 5:
            docs[0] = [kind, kept, url]
            break
    stats_notes["long-form, no short lines"] = 0
    # U+FEFF at the start of a line in the middle of the content, and once mid-line.
    d = docs[5][1]
    d[len(d) // 2] = "\ufeff" + d[len(d) // 2]
    stats_notes["U+FEFF inside content"] = 5
    # An exact duplicate of document 2 served from another URL (mirror).
    docs[9] = [docs[2][0], list(docs[2][1]), docs[2][2].replace("https://", "http://")]
    stats_notes["exact duplicate content of doc 2"] = 9
    # A page whose lines end in CRLF: content lines end in \r.
    docs[13][1] = [l + "\r" for l in docs[13][1][:-1]] + docs[13][1][-1:]
    stats_notes["CRLF lines (\\r before each \\n)"] = 13
    # Mojibake and soft hyphens.
    docs[17][1] = [mojibake(l) if re.search("[æøå]", l) and len(l) > 60 else l for l in docs[17][1]]
    stats_notes["mojibake"] = 17
    docs[21][1] = [soft_hyphens(l, rng) for l in docs[21][1]]
    stats_notes["soft hyphens"] = 21
    docs[25][1] = docs[25][1][:1]
    stats_notes["one-line document"] = 25
    docs[29][1] = [l.replace("Varenr.: ", "Varenr.:\t") for l in docs[29][1]] + ["Pris:\t" + "1.299 kr."]
    stats_notes["TAB inside lines"] = 29


def build_oscar2201(out: Path, rng, web, stats):
    docs = oscar_doc_pages(rng, web, 90)
    notes = {}
    apply_doc_quirks(rng, web, docs, notes)
    recs = []
    nulls = 0
    for n, (kind, lines, url) in enumerate(docs):
        ids = sentence_ids(rng, lines)
        ann = annotations(lines)
        nulls += ann is None
        rec = {"content": "\n".join(lines),
               "warc_headers": warc_headers(rng, url, "2021-11-26", 14, with_language=(n != 40)),
               "metadata": {"identification": doc_identification(lines, ids), "annotation": ann,
                            "sentence_identifications": ids}}
        assert len(ids) == rec["content"].count("\n") + 1
        recs.append(serde_json(rec))
    assert nulls > 0
    write(out / "oscar/2201/da_meta_part_1.jsonl.gz", gz(("\n".join(recs) + "\n").encode("utf-8")))
    stats["oscar/2201/da_meta_part_1.jsonl.gz"] = dict(documents=len(recs), annotation_null=nulls,
                                                       special=notes)


UT1 = {"news": ["news"], "blog": ["blog"], "shop": ["shopping"], "forum": ["forums"]}


def build_oscar2301(out: Path, rng, web, stats):
    docs = oscar_doc_pages(rng, web, 64)
    notes = {}
    apply_doc_quirks(rng, web, docs, notes)
    recs = []
    for n, (kind, lines, url) in enumerate(docs):
        ids = sentence_ids(rng, lines)
        warnings = annotations(lines)
        cats = UT1.get(kind) if rng.random() < 0.35 else None
        harmful = round(rng.uniform(900.0, 4200.0), 4) if rng.random() < 0.15 else None
        rec = {"content": "\n".join(lines),
               "warc_headers": warc_headers(rng, url, "2022-11-26", 14),
               "metadata": {"identification": doc_identification(lines, ids), "harmful_pp": harmful,
                            "tlsh": "tlsh:T1" + "".join(rng.choice("0123456789ABCDEF") for _ in range(70)),
                            "quality_warnings": warnings, "categories": cats,
                            "sentence_identifications": ids}}
        recs.append(serde_json(rec))
    split = 32
    frame1 = ("\n".join(recs[:split]) + "\n").encode("utf-8")
    frame2 = ("\n".join(recs[split:]) + "\n").encode("utf-8")
    write(out / "oscar/2301/da_meta_part_1.jsonl.zst", zst(frame1) + zst(frame2))
    stats["oscar/2301/da_meta_part_1.jsonl.zst"] = dict(documents=len(recs), frames=2,
                                                        frame_boundary_after_record=split, special=notes)


# --------------------------------------------------------------------------------------------
# Leipzig Corpora Collection (formats.md §2)
# --------------------------------------------------------------------------------------------

LEIPZIG_EXTRA_2020 = [
    "\"Det er en stor dag for {by},\" siger {rolle} {navn}.",
    "\"Vi havde ikke regnet med så mange,\" siger arrangøren.",
    "{tal2} procent af de adspurgte svarede ja.",
    "Skriv til redaktionen på tip@{avis}.dk, hvis du har oplysninger i sagen.",
    "Se billedserien fra dagen her.",
    "Foto: {navn}",
    "Læs også: Sådan undgår du indbrud i sommerferien.",
    "»Vi er meget tilfredse med resultatet,« siger {navn}.",
    "Kampen blev fløjtet af ved 1-1.",
    "09.30: Politiet melder, at vejen igen er åben.",
    "½ time før kampstart var der stadig lange køer ved indgangen.",
    "10-06-2020 blev datoen, hvor alt ændrede sig for familien.",
]
LEIPZIG_QUIRKS_2020 = [
    "Benyt ogsÃ¥ lejligheden til at opdatere dine oplysninger.",
    "LÃ¦s ogsÃ¥ vores guide til sommerens festivaler.",
    "Han bor pï¿½ Vesterbro og arbejder som tømrer.",
    "Eksempler p&#229; brug af data finder du i rapportens bilag.",
    "Prisen er 499 kr. for en pengepung&#173; i ægte læder.",
    "Han kalder det \u0096 med et glimt i øjet \u0096 sit livs bedste beslutning.",
    "Vi har bestilt bord på Bodil\u0092s Café til lørdag aften.",
    "Det oplyser \ufeffpolitiet i en pressemeddelelse.",
    "\ufeffKommunen har endnu ikke taget stilling til sagen.",
    "Ud\u00addannelses\u00adinstitutionerne skal spare yderligere to procent næste år.",
    "Sundheds\u00admyndighederne anbefaler, at man holder afstand.",
]
LEIPZIG_QUIRKS_2011 = [
    "Connection: close X-Powered-By: PleskLin Content-Type: text/html; charset=ISO-8859-1",
    "Skriv et svar til Mette Annullér svar",
    "Dette indlæg blev udgivet i Ukategoriseret og tagget med have, forår af admin.",
    "Kontakt os på info@eksempelforening.dk eller ring på 86 12 34 56.",
    "Der er lukket for kommentarer til denne artikel.",
    "Det er ogsÃ¥ muligt at bestille billetter via telefonen.",
    "Alle priser er inkl. moms og ekskl. fragt pï¿½ varer over 20 kg.",
    "Jeg kan varmt anbefale bogen til alle, der interesserer sig for lokalhistorie&#33;",
    "Vinteren 2010\u009611 var den koldeste i mange år.",
    "\ufeffNyhedsbrevet udkommer hver anden fredag.",
    "Forsyningsselskabet varsler prisstigninger pï¿½ op til 8 procent.",
    "Undskyld, men det er altsÃ¥ ikke rimeligt at skulle vente så længe.",
]
LEIPZIG_2011_BLOG = [
    "Nu er det endelig blevet forår, og jeg har fået sået de første frø i drivhuset.",
    "Tak for en fantastisk aften til alle, der kom forbi!",
    "Jeg har lige fået en ny telefon, og jeg er vildt glad for den.",
    "Husk at stemme ved kommunalvalget på tirsdag.",
    "Kommentarer (3)",
    "Indsendt af {navn} kl. {klok}",
    "Skrevet af {fornavn} den {dato} 2011",
]


def leipzig_sort_key(s: str):
    t = "".join(ch for ch in s.lower() if ch.isalnum())
    return t.translate(str.maketrans({"æ": "{", "ø": "|", "å": "}"})), s


def appledouble() -> bytes:
    """A small AppleDouble file (what macOS tar adds as ._name)."""
    entries = [(9, 50, 32), (2, 82, 286)]
    hdr = bytes.fromhex("00051607") + bytes.fromhex("00020000") + b"Mac OS X        " + len(entries).to_bytes(2, "big")
    for eid, off, ln in entries:
        hdr += eid.to_bytes(4, "big") + off.to_bytes(4, "big") + ln.to_bytes(4, "big")
    finder = b"TEXTR*ch" + b"\0" * 24
    attrs = b"ATTR" + b"\0" * 30 + b"com.apple.quarantine\0" + b"0083;5f98a1b2;Safari;\0"
    attrs += b"\0" * (286 - len(attrs))
    return hdr + finder + attrs


def leipzig_sentences(rng, filler, n, extra, quirks):
    pool = [t for topic in NEWS_TOPICS.values() for t in topic["sentences"]]
    out, seen = [], set()
    for q in quirks:
        out.append(q); seen.add(q)
    for e in extra:
        s = filler.fill(e)
        if s not in seen:
            out.append(s); seen.add(s)
    while len(out) < n:
        s = filler.fill(rng.choice(pool))
        if rng.random() < 0.02:
            s = soft_hyphens(s, rng)
        if s not in seen and 15 <= len(s) <= 255:
            out.append(s); seen.add(s)
    return out


def build_leipzig(out: Path, rng, filler, stats):
    corpus = "dan_news_2020_10K"
    sents = leipzig_sentences(rng, filler, 400, LEIPZIG_EXTRA_2020, LEIPZIG_QUIRKS_2020)
    nsrc = 72
    sources = []
    for so in range(1, nsrc + 1):
        topic = NEWS_TOPICS[rng.choice(list(NEWS_TOPICS))]
        title = filler.fill(rng.choice(topic["titles"]))
        date = "" if rng.random() < 0.08 else "2020-%02d-%02d" % (rng.randint(1, 12), rng.randint(1, 28))
        scheme = rng.choice(["http://www.", "https://www.", "https://"])
        url = f"{scheme}{rng.choice(AVISER)}.dk/{rng.choice(NEWS_SECTIONS)}/{slugify(title)}"
        if rng.random() < 0.2:
            url += f"?ref=forside&id={rng.randint(10000, 999999)}"
        sources.append((so, url, date))
    linked = [(s, rng.randint(1, nsrc) if rng.random() < 0.75 else None) for s in sents]
    linked.sort(key=lambda p: leipzig_sort_key(p[0]))
    sent_lines, inv = [], []
    for sid, (s, so) in enumerate(linked, 1):
        assert "\t" not in s and "\n" not in s
        sent_lines.append(f"{sid}\t{s}")
        if so is not None:
            inv.append((so, sid))
    inv.sort()
    words = {}
    for s in sents:
        for w in re.findall(r"\w+|[^\w\s]", s):
            words[w] = words.get(w, 0) + 1
    word_lines = [f"{i}\t{w}\t{c}" for i, (w, c) in
                  enumerate(sorted(words.items(), key=lambda kv: (-kv[1], kv[0])), 1)]
    tokens = sum(words.values())
    meta = [f"1\tSENTENCES\t{len(sents)}", f"1\tWORD_TOKENS\t{tokens}", f"1\tWORD_TYPES\t{len(words)}",
            f"1\tSOURCES\t{nsrc}", "1\tLANGUAGE\tdan", "1\tGENRE\tnews", "1\tYEAR\t2020",
            "1\tBUILD_DATE\t2020-10-28", "1\tTOOLCHAIN\tLCC-toolchain r4711 (sample)"]
    sql = f"""-- Import script for {corpus} (MySQL). Load with: mysql --local-infile -u USER -p DB < {corpus}-import.sql
SET NAMES utf8mb4;
CREATE TABLE IF NOT EXISTS `sentences` (`s_id` INT UNSIGNED NOT NULL, `sentence` VARCHAR(255) NOT NULL, PRIMARY KEY (`s_id`)) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS `words` (`w_id` INT UNSIGNED NOT NULL, `word` VARCHAR(255) NOT NULL, `freq` INT UNSIGNED NOT NULL, PRIMARY KEY (`w_id`)) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS `sources` (`so_id` INT UNSIGNED NOT NULL, `source` VARCHAR(255) NOT NULL, `date` DATE, PRIMARY KEY (`so_id`)) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
CREATE TABLE IF NOT EXISTS `inv_so` (`so_id` INT UNSIGNED NOT NULL, `s_id` INT UNSIGNED NOT NULL, KEY (`so_id`), KEY (`s_id`)) ENGINE=MyISAM;
CREATE TABLE IF NOT EXISTS `meta` (`run` INT UNSIGNED NOT NULL, `attribute` VARCHAR(255) NOT NULL, `value` VARCHAR(255)) ENGINE=MyISAM DEFAULT CHARSET=utf8mb4;
LOAD DATA LOCAL INFILE '{corpus}-sentences.txt' INTO TABLE `sentences` FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (s_id, sentence);
LOAD DATA LOCAL INFILE '{corpus}-words.txt' INTO TABLE `words` FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (w_id, word, freq);
LOAD DATA LOCAL INFILE '{corpus}-sources.txt' INTO TABLE `sources` FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (so_id, source, date);
LOAD DATA LOCAL INFILE '{corpus}-inv_so.txt' INTO TABLE `inv_so` FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (so_id, s_id);
LOAD DATA LOCAL INFILE '{corpus}-meta.txt' INTO TABLE `meta` FIELDS TERMINATED BY '\\t' LINES TERMINATED BY '\\n' (run, attribute, value);
"""

    def lines(ls):
        return ("\n".join(ls) + "\n").encode("utf-8")

    p = f"{corpus}/{corpus}"
    members = [
        (f"{corpus}/", None),
        (f"{p}-import.sql", sql.encode("utf-8")),
        (f"{p}-inv_so.txt", lines(f"{a}\t{b}" for a, b in inv)),
        (f"{p}-meta.txt", lines(meta)),
        (f"{corpus}/._{corpus}-sentences.txt", appledouble()),
        (f"{p}-sentences.txt", lines(sent_lines)),
        (f"{p}-sources.txt", lines(f"{so}\t{url}\t{date}" for so, url, date in sources)),
        (f"{p}-words.txt", lines(word_lines)),
    ]
    write(out / f"leipzig/{corpus}.tar.gz", tar_gz(members))
    stats[f"leipzig/{corpus}.tar.gz"] = dict(
        members=[m for m, _ in members], sentences=len(sents), sources=nsrc, inv_so_rows=len(inv),
        linked_sentences=len(set(b for _, b in inv)), words=len(word_lines),
        empty_dates=sum(1 for s in sources if not s[2]))

    # Old "text" archive: only the sentences, at the archive root, random order.
    corpus = "dan_newscrawl_2011_10K"
    extra = LEIPZIG_2011_BLOG + LEIPZIG_EXTRA_2020[2:5]
    sents = leipzig_sentences(rng, filler, 240, extra, LEIPZIG_QUIRKS_2011)
    rng.shuffle(sents)
    sent_lines = [f"{i}\t{s}" for i, s in enumerate(sents, 1)]
    write(out / f"leipzig/{corpus}-text.tar.gz",
          tar_gz([(f"{corpus}-sentences.txt", lines(sent_lines))], mtime=1325376000))
    stats[f"leipzig/{corpus}-text.tar.gz"] = dict(members=[f"{corpus}-sentences.txt"], sentences=len(sents))


# --------------------------------------------------------------------------------------------
# linguatools Wikipedia (formats.md §3)
# --------------------------------------------------------------------------------------------

KOMMUNE_REGION = {
    "Aarhus": "Midtjylland", "Odense": "Syddanmark", "Aalborg": "Nordjylland", "Esbjerg": "Syddanmark",
    "Randers": "Midtjylland", "Kolding": "Syddanmark", "Horsens": "Midtjylland", "Vejle": "Syddanmark",
    "Roskilde": "Sjælland", "Herning": "Midtjylland", "Silkeborg": "Midtjylland", "Næstved": "Sjælland",
    "Fredericia": "Syddanmark", "Viborg": "Midtjylland", "Køge": "Sjælland", "Holstebro": "Midtjylland",
    "Slagelse": "Sjælland", "Svendborg": "Syddanmark", "Hjørring": "Nordjylland", "Sønderborg": "Syddanmark",
    "Frederikshavn": "Nordjylland", "Haderslev": "Syddanmark", "Skive": "Midtjylland", "Ringsted": "Sjælland",
    "Thisted": "Nordjylland", "Helsingør": "Hovedstaden", "Hillerød": "Hovedstaden", "Nyborg": "Syddanmark",
    "Middelfart": "Syddanmark", "Kalundborg": "Sjælland", "Holbæk": "Sjælland", "Vordingborg": "Sjælland",
    "Faaborg-Midtfyn": "Syddanmark", "Varde": "Syddanmark"}
VILLAGE_BASES = ["Ålum", "Havrum", "Bækskov", "Ravnsted", "Tornby", "Egelund", "Fjellerup", "Hvidbjerg",
                 "Lyngsø", "Elmelund", "Bøgeskov", "Asmindrup", "Øksnebjerg", "Højslev", "Kærby", "Tjørring",
                 "Lindholt", "Skærbæk", "Rødding", "Vium", "Sørup", "Hjerm", "Græsted", "Ørum"]
VILLAGE_PREFIX = ["Nørre", "Sønder", "Vester", "Øster", "Store", "Lille", "Gammel", "Ny"]
FEMALE = set(FORNAVNE[:18] + ["Gitte", "Dorte", "Bodil", "Inger"])


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def link(target, text=None):
    return f'<link target="{esc(target)}">{esc(text if text is not None else target)}</link>'


HAND_ARTICLES = [
    ("Æbletræ", dict(redirects=["Æbletræer", "Malus domestica"], categories=["Frugttræer", "Rosen-familien"],
                     cross=[("en", "Apple tree"), ("de", "Kulturapfel")]), [
        f"<p>Et æbletræ (Malus domestica) er et løvfældende træ i rosenfamilien, som dyrkes for sine spiselige frugter, {link('Æble', 'æblerne')}.</p>",
        "<p>Træet bliver normalt fire til otte meter højt og blomstrer i maj med hvide eller lyserøde blomster.</p>",
        "<h>Dyrkning</h>",
        "<p>Æbletræer dyrkes i hele Danmark &amp; Skåne, og der findes flere hundrede sorter. Træerne bestøves af insekter, især af <link target=\"Honningbi\">bier</link>.</p>",
        "<h>Sorter</h>",
        "<table><cell>Sort</cell><cell>Høst</cell><cell>Ingrid Marie</cell><cell>oktober</cell><cell>Discovery</cell><cell>august</cell><cell>Belle de Boskoop</cell><cell>oktober</cell></table>",
    ]),
    ("Cirkel", dict(categories=["Geometri"], cross=[("en", "Circle")]), [
        f"<p>En cirkel er i {link('Geometri', 'geometrien')} mængden af punkter i en plan, der har samme afstand til et fast punkt, centrum.</p>",
        "<p>Afstanden kaldes radius, <math>r</math>, og diameteren er <math>d = 2r</math>.</p>",
        "<h>Omkreds og areal</h>",
        "<p>Omkredsen er <math>O = 2\\pi r</math>, og arealet er <math>A = \\pi r^2</math>, hvor <math>\\pi \\approx 3{,}14159</math>.</p>",
        "<h>Ligning</h>",
        "<p>I et retvinklet koordinatsystem har en cirkel med centrum i <math>(a,b)</math> ligningen <math>(x-a)^2 + (y-b)^2 = r^2</math>.</p>",
    ]),
    ("Sandsynlighed", dict(categories=["Sandsynlighedsregning", "Matematik"]), [
        "<p>En sandsynlighed er et tal <math>p</math> mellem 0 og 1, der angiver, hvor sandsynligt det er, at en hændelse indtræffer.</p>",
        "<p>En hændelse med <math>0 &lt; p &lt; 1</math> kan altså både indtræffe og lade være, mens <math>p = 1</math> betyder, at den med sikkerhed indtræffer.</p>",
        "<h>Eksempel</h>",
        "<p>Ved kast med en almindelig terning er sandsynligheden for at slå en sekser <math>\\frac{1}{6}</math>, og sandsynligheden for at slå mindre end tre er <math>P(X &lt; 3) = \\frac{2}{6}</math>.</p>",
    ]),
    ("Rugbrød", dict(categories=["Brød", "Mad fra Danmark"], cross=[("en", "Rugbrød")]), [
        "<p>Rugbrød er et mørkt og kompakt brød, der bages af rugmel, surdej og ofte hele eller knækkede rugkerner.</p>",
        f"<p>Rugbrød er grundlaget for det danske {link('Smørrebrød', 'smørrebrød')} og spises i mange hjem hver dag.</p>",
        "<h>Historie</h>",
        "<p>Rug har været dyrket i Danmark i meget lang tid, og rugbrød var i århundreder den almindelige befolknings vigtigste fødevare.</p>",
        "<!-- afsnit om næringsindhold mangler -->",
        "<p>I dag findes rugbrød i mange varianter, blandt andet med solsikkekerner, græskarkerner og &lt;10 % hvedemel.</p>",
    ]),
    ("Cykel", dict(redirects=["Bicykel"], categories=["Køretøjer", "Cykling"], cross=[("en", "Bicycle"), ("sv", "Cykel")]), [
        "<p>En cykel er et køretøj med to hjul, som drives frem ved, at føreren træder på pedaler.</p>",
        "<p>I Danmark er cyklen et meget udbredt transportmiddel, og mange byer har et udbygget net af cykelstier.</p>",
        "<h>Typer</h>",
        "<table><cell>Type</cell><cell>Anvendelse</cell><cell>Ladcykel</cell><cell>Transport af børn og varer</cell><cell>Racercykel</cell><cell>Landevejscykling</cell><cell>Mountainbike</cell><cell>Kørsel i terræn</cell></table>",
        "<p>Siden omkring 2010 er elcykler blevet langt mere almindelige, også blandt pendlere med lang vej til arbejde.</p>",
    ]),
    ("Vadehavet", dict(categories=["Nordsøen", "Verdensarv i Danmark"], cross=[("de", "Wattenmeer (Nordsee)")]), [
        "<p>Vadehavet er et lavvandet havområde langs Nordsøens kyst, der strækker sig fra Nederlandene over Tyskland til Blåvandshuk i Danmark.</p>",
        "<p>Ved lavvande tørlægges store flader af sand og mudder, som kaldes vader.</p>",
        "<h>Natur</h>",
        "<p>Området er et vigtigt rasteområde for millioner af trækfugle, og fænomenet »sort sol«, hvor store flokke af stære samles om aftenen, kan opleves i marsken forår og efterår.</p>",
        f"<p>Den danske del af Vadehavet blev optaget på {link('UNESCO')}s verdensarvsliste i 2014.</p>",
    ]),
    ("Kaffe", dict(categories=["Drikkevarer"], cross=[("en", "Coffee")]), [
        "<p>Kaffe er en drik, der fremstilles ved at hælde varmt vand over ristede og malede kaffebønner.</p>",
        "<p>Danskerne hører til blandt de folk i verden, der drikker mest kaffe, og kaffen er en fast del af både arbejdsdag og fritid.</p>",
        "<h>Tilberedning</h>",
        "<p>Kaffe kan blandt andet brygges som filterkaffe, i stempelkande eller som espresso &quot;på maskine&quot;.</p>",
    ]),
    ("Hygge", dict(categories=["Dansk kultur", "Ord og vendinger"]), [
        "<p>Hygge er et dansk ord for en stemning af varme, tryghed og samvær med andre.</p>",
        "<p>Ordet bruges også i sammensætninger som hyggelig, julehygge og fredagshygge, og det er i de senere år blevet kendt langt uden for Danmark.</p>",
    ]),
    ("Tårnfalk", dict(redirects=["Falco tinnunculus"], categories=["Falke", "Fugle i Danmark"], cross=[("en", "Common kestrel")]), [
        "<p>Tårnfalken (Falco tinnunculus) er en lille falk, der yngler i store dele af Europa, Asien og Afrika.</p>",
        "<p>Den er kendt for at kunne stå stille i luften, mens den holder udkig efter mus og andre smådyr på jorden.</p>",
        "<h>Forekomst i Danmark</h>",
        "<p>I Danmark er tårnfalken en almindelig ynglefugl i det åbne land, og den yngler gerne i redekasser på gårde og i kirketårne.</p>",
    ]),
    ("Danmarks Riges Grundlov", dict(redirects=["Grundloven", "Den danske grundlov"], categories=["Danmarks politik", "Forfatninger"],
                                     cross=[("en", "Constitution of Denmark")]), [
        "<p>Danmarks Riges Grundlov er Danmarks forfatning. Den første grundlov blev underskrevet af Frederik 7. den 5. juni 1849, og grundlovsdag fejres stadig den 5. juni.</p>",
        f"<p>Den gældende grundlov er fra 1953. Den afskaffede Landstinget, så {link('Folketinget')} blev eneste kammer, og den gjorde det muligt for kvinder at arve tronen.</p>",
        "<h>Indhold</h>",
        "<p>Grundloven deler magten i en lovgivende, en udøvende og en dømmende magt, og den sikrer blandt andet ytringsfrihed, forsamlingsfrihed og foreningsfrihed.</p>",
    ]),
    ("Forsamlingshus", dict(categories=["Bygninger", "Andelsbevægelsen"]), [
        "<p>Et forsamlingshus er en bygning, hvor et lokalsamfund mødes til fester, foredrag, gymnastik og møder.</p>",
        "<!-- kilde mangler -->",
        "<p>Mange forsamlingshuse blev bygget i perioden 1880-1920&amp;nbsp;som led i andelsbevægelsen og højskolebevægelsen.</p>",
        "<p>I dag drives de fleste forsamlingshuse af frivillige, og mange kan lejes til private fester.</p>",
    ]),
]

PERSON_JOBS = {"forfatter": "Forfattere", "komponist": "Komponister", "arkitekt": "Arkitekter",
               "billedkunstner": "Billedkunstnere", "skuespiller": "Skuespillere", "keramiker": "Keramikere",
               "tegner": "Tegnere", "fotograf": "Fotografer"}


def wiki_village(name, rng, kommune):
    region = KOMMUNE_REGION[kommune]
    town = kommune.split("-")[0]
    indb = rng.randint(120, 1900)
    year = rng.choice([2016, 2017, 2018])
    n0 = indb + rng.randint(-120, 160)
    meta = dict(categories=[f"Byer i {kommune} Kommune", "Landsbyer i Danmark"],
                links_in=[f"{kommune} Kommune", f"{name} Kirke"])
    if rng.random() < 0.3:
        meta["redirects"] = [name + " (landsby)"]
    content = [
        f"<p>{esc(name)} er en landsby i {link(kommune + ' Kommune')} med {tal_dk(indb)} indbyggere ({year}). "
        f"Landsbyen hører til {link('Region ' + region)}.</p>",
        f"<p>{esc(name)} ligger {rng.randint(4, 28)} kilometer {rng.choice(['nord', 'syd', 'øst', 'vest', 'nordvest', 'sydøst'])} for {link(town)}.</p>",
        "<h>Historie</h>",
        f"<p>Landsbyen nævnes første gang i {rng.randint(1180, 1480)}. Landsbyens kirke, {link(name + ' Kirke')}, "
        f"er opført i romansk stil i 1100-tallet og fik tårn i senmiddelalderen.</p>",
        "<p>Ved udskiftningen i slutningen af 1700-tallet blev flere af gårdene flyttet ud på markerne.</p>",
        f"<p>Omkring 1900 havde {esc(name)} skole, brugsforening, mejeri og smedje. Smedjen blev drevet af firmaet {esc(rng.choice(EFTERNAVNE) + ' & Søn')} indtil {rng.randint(1955, 1985)}.</p>",
        "<h>Befolkningsudvikling</h>",
        "<table><cell>År</cell><cell>Indbyggere</cell>"
        f"<cell>2010</cell><cell>{n0}</cell><cell>{year}</cell><cell>{indb}</cell></table>",
    ]
    if rng.random() < 0.4:
        content.append(f"<p>Byen har en aktiv {rng.choice(['borgerforening', 'idrætsforening', 'spejdergruppe'])}, "
                       f"og hver sommer afholdes byfest i {rng.choice(MAANEDER[5:8])}.</p>")
    return meta, content


def wiki_church(village, rng, kommune):
    return dict(categories=[f"Kirker i {kommune} Kommune", "Kirker i Danmark"]), [
        f"<p>{esc(village)} Kirke er sognekirke i {esc(village)} Sogn i {link(kommune + ' Kommune')}.</p>",
        f"<p>Kirken består af romansk kor og skib, et senmiddelalderligt tårn mod vest og et våbenhus mod {rng.choice(['syd', 'nord'])}.</p>",
        "<h>Inventar</h>",
        f"<p>Altertavlen er fra {rng.randint(1580, 1780)}, og døbefonten af granit er fra kirkens ældste tid.</p>",
    ]


def wiki_lake(name, rng):
    kommune = rng.choice(KOMMUNER)
    ha = rng.randint(8, 420)
    depth = dec_dk(rng.uniform(1.5, 18.0))
    return dict(categories=["Søer i Danmark", f"Lokaliteter i {kommune} Kommune"]), [
        f"<p>{esc(name)} er en sø i {link(kommune + ' Kommune')}. Søen har et areal på {ha} hektar og en største dybde på {depth} meter.</p>",
        "<p>Søen er omgivet af skov og enge, og der er offentlig adgang ad en sti langs den østlige bred.</p>",
        "<h>Fisk</h>",
        "<p>Der er gode bestande af gedde, aborre og skalle, og der må fiskes med fiskekort.</p>",
    ]


def wiki_person(name, rng):
    job = rng.choice(sorted(PERSON_JOBS))
    female = name.split()[0] in FEMALE
    pron = "Hun" if female else "Han"
    born = rng.randint(1935, 1990)
    by = rng.choice(BYER)
    return dict(categories=[f"Personer fra {by}", f"{PERSON_JOBS[job]} fra Danmark"]), [
        f"<p>{esc(name)} (født {rng.randint(1, 28)}. {rng.choice(MAANEDER)} {born} i {link(by)}) er en dansk {job}.</p>",
        "<h>Liv og karriere</h>",
        f"<p>{pron} voksede op i {esc(by)} og blev uddannet i {rng.choice(['København', 'Aarhus', 'Odense'])} i {born + rng.randint(20, 28)}.</p>",
        f"<p>{pron} modtog i {born + rng.randint(30, 34)} et treårigt arbejdslegat fra Statens Kunstfond.</p>",
    ]


def article_xml(name, meta, content, plural, links_as_counts, rng):
    out = [f'<article name="{esc(name)}">']
    reds, cats = meta.get("redirects", []), meta.get("categories", [])
    if plural:
        if reds:
            out.append(f'<redirects name="{esc("|".join(reds))}"/>')
        if cats:
            out.append(f'<categories name="{esc("|".join(cats))}"/>')
    else:
        out += [f'<redirect name="{esc(r)}"/>' for r in reds]
        out += [f'<category name="{esc(c)}"/>' for c in cats]
    if links_as_counts:
        out.append(f'<links_in name="{rng.randint(0, 240)}"/>')
        out.append(f'<links_out name="{rng.randint(3, 90)}"/>')
    else:
        out += [f'<links_in name="{esc(l)}"/>' for l in meta.get("links_in", [])]
        out += [f'<links_out name="{esc(l)}"/>' for l in meta.get("links_out", [])]
    for anchor, freq in meta.get("textlinks", []):
        out.append(f'<textlink name="{esc(anchor)}" freq="{freq}"/>')
    for lang, title in meta.get("cross", []):
        out.append(f'<crosslanguage_link language="{lang}" name="{esc(title)}"/>')
    if meta.get("disambiguation"):
        out.append("<disambiguation/>")
    out.append("<content>")
    out += content
    out += ["</content>", "</article>"]
    return out


def wiki_articles(rng, n_villages, n_lakes, n_people, older=False):
    arts = []
    for name, meta, content in HAND_ARTICLES:
        meta = dict(meta)
        if name == "Æbletræ":
            meta["textlinks"] = [("æbletræ", 41), ("æbletræer", 17)]
        if older:
            content = [c for c in content if not c.startswith("<table")][:4]
        arts.append((name, meta, content))
    names = ["Nørre Ålum", "Sønder Øksnebjerg"]
    while len(names) < n_villages:
        b = rng.choice(VILLAGE_BASES)
        nm = b if rng.random() < 0.4 else rng.choice(VILLAGE_PREFIX) + " " + b
        if nm not in names:
            names.append(nm)
    vrng = random.Random(SEED + (7 if older else 0))
    krng = random.Random(SEED)  # the same village lies in the same kommune in both dumps
    kommuner = {nm: krng.choice(KOMMUNER) for nm in names}
    for nm in names:
        arts.append((nm,) + wiki_village(nm, vrng, kommuner[nm]))
    for nm in names[: n_villages // 2]:
        arts.append((nm + " Kirke",) + wiki_church(nm, vrng, kommuner[nm]))
    lakes = ["Gammel Højslev Sø", "Bøgeskov Sø", "Ravnsø ved Tornby", "Lille Lyngsø", "Kærby Mose og Sø",
             "Egelund Sø", "Store Havrum Sø", "Tjørring Sø"]
    for nm in lakes[:n_lakes]:
        arts.append((nm,) + wiki_lake(nm, vrng))
    people = []
    while len(people) < n_people:
        p = rng.choice(FORNAVNE) + " " + rng.choice(EFTERNAVNE)
        if p not in people:
            people.append(p)
    for nm in people:
        arts.append((nm,) + wiki_person(nm, vrng))
    # Disambiguation pages
    kirkeby = [n for n in names if n.endswith("Kirkeby")] or ["Kirkeby"]
    arts.append(("Ålum (flertydig)", dict(disambiguation=True, categories=["Flertydige stednavne"]), [
        "<p>Ålum kan henvise til flere stednavne i Danmark:</p>",
        f"<p>{link('Nørre Ålum')} – en landsby</p>",
        "<p>Ålum Sogn – et sogn i Randers Kommune</p>",
        "<p>Ålum (efternavn) – et dansk efternavn</p>",
    ]))
    arts.append(("Æble (flertydig)", dict(disambiguation=True, categories=["Flertydige titler"]), [
        "<p>Æble kan henvise til flere ting:</p>",
        f"<p>{link('Æble')} – frugten af {link('Æbletræ', 'æbletræet')}</p>",
        "<p>Adamsæble – et fremspring på halsen</p>",
    ]))
    rng.shuffle(arts)
    return arts


def build_wikipedia(out: Path, rng, stats):
    # 2018 dump: singular repeated <category>/<redirect>, XML declaration, links_* as counts.
    arts = wiki_articles(rng, 26, 8, 8)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<wikipedia lang="da">']
    for name, meta, content in arts:
        lines += article_xml(name, meta, content, plural=False, links_as_counts=True, rng=rng)
    lines.append("</wikipedia>")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    write(out / "wikipedia/dawiki-20181001-corpus.xml.bz2", bz(data))
    stats["wikipedia/dawiki-20181001-corpus.xml.bz2"] = dict(
        articles=len(arts), disambiguation=sum(1 for a in arts if a[1].get("disambiguation")), bytes=len(data))

    # 2014 dump: plural pipe-joined <categories>/<redirects>, no declaration, links_* as titles,
    # and two bzip2 streams (as pbzip2 writes them), split at a space inside a paragraph.
    arts = wiki_articles(random.Random(SEED + 2014), 18, 4, 5, older=True)
    lines = ['<wikipedia lang="da">']
    for name, meta, content in arts:
        meta = dict(meta)
        targets = re.findall(r'<link target="([^"]*)"', "\n".join(content))
        meta["links_out"] = list(dict.fromkeys(html.unescape(t) for t in targets))
        lines += article_xml(name, meta, content, plural=True, links_as_counts=False, rng=rng)
    lines.append("</wikipedia>")
    data = ("\n".join(lines) + "\n").encode("utf-8")
    mid = len(data) // 2
    p_line = data.rfind(b"\n<p>", 0, mid)
    cut = data.find(b" ", p_line + 5)
    write(out / "wikipedia/dawiki-20140707-corpus.xml.bz2", bz(data[:cut]) + bz(data[cut:]))
    stats["wikipedia/dawiki-20140707-corpus.xml.bz2"] = dict(
        articles=len(arts), disambiguation=sum(1 for a in arts if a[1].get("disambiguation")), bytes=len(data),
        stream_split_at=cut)


# --------------------------------------------------------------------------------------------
# OPUS (formats.md §4): OpenSubtitles v2018 and Europarl v8 mono/da.txt.gz
# --------------------------------------------------------------------------------------------

SUB_NAMES = ["Jack", "Sarah", "Tom", "Emily", "Frank", "Lucy", "Danny", "Kate", "Mike", "Anna", "Sam", "Ben"]
SUB_LINES = [
    "Hvor skal du hen?", "Hjem.", "Hvad laver du her?", "Det er ikke din skyld.", "Kom nu!", "Jeg elsker dig.",
    "Vi er nødt til at gå nu.", "Hvad er der sket?", "Undskyld.", "Tak.", "Nej!", "Pas på!",
    "Bare rolig, det skal nok gå.", "Hvad mener du?", "Det ved jeg ikke.", "Jeg ved det godt.", "Hvem er du?",
    "Hvad hedder du?", "Ja.", "Nej.", "Okay.", "Hvad så?", "Er du okay?", "Jeg har det fint.", "Lad være!",
    "Stop!", "Hør her.", "Se på mig.", "Det er løgn.", "Jeg lover det.", "Hvorfor sagde du ikke noget?",
    "Jeg troede, du var død.", "Vi ses i morgen.", "Godnat.", "Godmorgen.", "Hvor er {n}?", "{n}, vent!",
    "Har du set {n}?", "Jeg skal bruge din hjælp.", "Vi har ikke meget tid.", "Hvad skal vi gøre?",
    "Ring til politiet!", "Skynd dig!", "Løb!", "Bliv her.", "Kom ind.", "Sæt dig ned.",
    "Vil du have en kop kaffe?", "Nej tak.", "Det var rart at møde dig.", "I lige måde.", "Hvad laver du?",
    "Ingenting.", "Det er lige meget.", "Jeg er ked af det.", "Det er i orden.", "Hvad sker der?", "Hold kæft!",
    "Slap af.", "Tag det roligt.", "Jeg kan ikke.", "Jo, du kan.", "Stol på mig.", "Hvorfor?",
    "Fordi jeg siger det.", "Det er min far.", "Hvor er pengene?", "Jeg har dem ikke.", "Du lyver.",
    "Hvad har du gjort?", "Jeg havde ikke noget valg.", "Der er altid et valg.", "Kan du høre mig?", "Hallo?",
    "Er der nogen?", "Hvad var det?", "Det var ingenting.", "Vi må finde ud af det.",
    "Hvor længe har du vidst det?", "Siden i går.", "Jeg kommer tilbage.", "Lov mig det.", "Farvel.",
    "Vent på mig!", "Hvad er klokken?", "Den er over midnat.", "Vi kommer for sent.",
    "Tillykke med fødselsdagen!", "Skål!", "Det er fantastisk.", "Jeg kan ikke tro det.", "Det er din tur.",
    "Giv mig pistolen.", "Læg den ned!", "Hænderne op!", "Bevæg dig ikke!", "Han er væk.",
    "Hun trækker ikke vejret!", "Ring efter en ambulance!", "Hvad er det for noget?",
    "Jeg ved ikke, hvad du taler om.", "Du skylder mig en forklaring.", "Det er en lang historie.", "Vi har tid.",
    "Mor?", "Far!", "Hvor er du?", "Jeg er her.", "Åh gud.", "Hvad fanden?", "Fandens også!",
    "Undskyld, jeg er forsinket.", "Det gør ikke noget.", "Må jeg komme ind?", "Selvfølgelig.",
    "Tak for i aften.", "Kør!", "Hurtigere!", "Vi er der snart.", "Er vi der snart?", "Nej, skat.",
    "{n}, det her er min bror.", "Jeg har ledt efter dig overalt, {n}.", "Du skulle aldrig være kommet her, {n}.",
    "Det var ikke sådan, det skulle gå.", "Vi har et problem.", "Hvor mange er de?", "Mindst ti.",
    "Jeg tager mig af det.", "Han kommer ikke tilbage.", "Det er for farligt.", "Jeg er ikke bange.",
]
SUB_PAIRS = [
    ("Hvor skal du hen?", "Hjem."), ("Er du okay?", "Jeg har det fint."), ("Hvad hedder du?", "{n}."),
    ("Hvad er klokken?", "Den er over midnat."), ("Vil du have en kop kaffe?", "Nej tak."),
    ("Hvorfor?", "Fordi jeg siger det."), ("Hvor er pengene?", "Jeg har dem ikke."),
    ("Hvor længe har du vidst det?", "Siden i går."), ("Kan du høre mig?", "Ja."),
    ("Hvad var det?", "Det var ingenting."), ("Det var rart at møde dig.", "I lige måde."),
    ("Undskyld, jeg er forsinket.", "Det gør ikke noget."), ("Må jeg komme ind?", "Selvfølgelig."),
    ("Jeg kan ikke.", "Jo, du kan."), ("Hvad har du gjort?", "Jeg havde ikke noget valg."),
    ("Hvor mange er de?", "Mindst ti."), ("Er vi der snart?", "Nej, skat."), ("Hvad laver du?", "Ingenting."),
    ("Hvor er du?", "Jeg er her."), ("Du lyver.", "Nej, jeg gør ej."), ("Jeg kommer tilbage.", "Lov mig det."),
    ("Har du set {n}?", "Nej, ikke siden i morges."), ("Hvem er du?", "En ven af {n}."),
    ("Hvad sker der?", "Jeg ved det ikke."), ("Tak for i aften.", "Selv tak."), ("Kommer du?", "Ja, ja, jeg kommer."),
    ("Er der nogen?", "Hallo?"), ("Hvad mener du?", "Du ved godt, hvad jeg mener."),
]
SUB_SOUNDS = ["♪ ♪", "♪ Langt ude på landet, hvor vinden er fri ♪", "[telefonen ringer]", "[døren smækker]",
              "[dramatisk musik]", "[latter]", "..."]


def sub_line(rng, names):
    return rng.choice(SUB_LINES).replace("{n}", rng.choice(names))


def film(rng):
    names = rng.sample(SUB_NAMES, 3)
    lines = []
    n = rng.randint(45, 100)
    while len(lines) < n:
        r = rng.random()
        if r < 0.40:
            a, b = rng.choice(SUB_PAIRS)
            a, b = a.replace("{n}", rng.choice(names)), b.replace("{n}", rng.choice(names))
        else:
            a, b = sub_line(rng, names), sub_line(rng, names)
        if r < 0.33:
            lines += ["- " + a, "- " + b]
        elif r < 0.40:
            lines.append(f"- {a} - {b}")
        elif r < 0.45:
            lines.append(rng.choice(SUB_SOUNDS))
        else:
            lines.append(a)
    return lines


def film_variant(rng, lines, filler):
    """Another subtitle file for the same film: small edits, other credits, empty sentences."""
    out = []
    for l in lines:
        r = rng.random()
        if r < 0.06 and l.startswith("- "):
            out.append(l[2:])
        elif r < 0.09:
            out.append(l.replace("?", "...?").replace("!", "."))
        elif r < 0.11:
            out.append("")  # an empty <s> (opus2txt.py prints an empty line)
            out.append(l)
        else:
            out.append(l)
    return out


EP_COMMITTEES = ["Miljø, Folkesundhed og Forbrugerpolitik", "Økonomi og Valutaspørgsmål",
                 "Landbrug og Udvikling af Landdistrikter", "Regionalpolitik, Transport og Turisme",
                 "Borgernes Friheder og Rettigheder, Retlige og Indre Anliggender",
                 "Industripolitik, Eksterne Økonomiske Forbindelser, Forskning og Energi",
                 "Beskæftigelse og Sociale Anliggender"]
EP_TOPICS = ["forslag til Europa-Parlamentets og Rådets direktiv om kvaliteten af badevand",
             "Kommissionens grønbog om energiforsyningssikkerhed",
             "forslag til Rådets forordning om fælles regler for ordninger for direkte støtte under den fælles landbrugspolitik",
             "sikkerheden i søtransporten efter forliset ud for den franske kyst",
             "beskyttelse af forbrugerne i forbindelse med fjernsalg af finansielle tjenesteydelser",
             "bekæmpelse af fattigdom og social udstødelse", "forbedring af sikkerheden i vejtransporten",
             "adgang til aktindsigt i Europa-Parlamentets, Rådets og Kommissionens dokumenter"]
EP_SPEECH = [
    "Jeg vil gerne takke ordføreren for et fremragende stykke arbejde.",
    "Dette er en meget vigtig betænkning for de europæiske borgere.",
    "Vi må ikke glemme de mange borgere, der hver dag mærker konsekvenserne af de beslutninger, vi træffer her.",
    "Det er af afgørende betydning, at medlemsstaterne gennemfører direktivet rettidigt og korrekt.",
    "Min gruppe vil derfor stemme for betænkningen, dog med visse forbehold.",
    "Jeg vil gerne understrege, at nærhedsprincippet skal respekteres fuldt ud.",
    "Rådet har endnu ikke fastlagt sin fælles holdning, og vi afventer derfor dets forslag.",
    "Vi har brug for klare regler, der gælder på samme måde i hele Unionen.",
    "Det er ikke acceptabelt, at små og mellemstore virksomheder pålægges unødvendige administrative byrder.",
    "Jeg stemte for beslutningsforslaget, fordi det styrker forbrugernes rettigheder.",
    "Kommissionen kan acceptere ændringsforslag {a}, {b} og {c}, men ikke ændringsforslag {d}.",
    "Det drejer sig om et spørgsmål, som berører alle vores valgkredse.",
    "Vi bør også huske, at udvidelsen stiller nye krav til vores institutioner.",
    "Betænkningen indeholder mange gode forslag, men den går efter min mening ikke langt nok.",
    "Jeg håber, at Kommissionen vil tage Parlamentets synspunkter alvorligt.",
    "Derfor har vi stillet et ændringsforslag, som jeg håber, at kollegerne vil støtte.",
    "Det er en skam, at Rådet ikke er til stede under denne forhandling.",
    "Vi skal sikre, at de midler, der bevilges, også kommer de rette modtagere til gode.",
    "Kan kommissæren bekræfte, at et nyt forslag vil blive fremlagt inden årets udgang?",
]
EP_ADDRESS = ["Hr. formand, ", "Fru formand, ", "Hr. formand, kære kolleger, ", "Fru formand, hr. kommissær, ", ""]


def europarl(rng, filler):
    lines = []
    for day in range(9):
        d = filler.fill("{dato}")
        yr = rng.randint(1999, 2003)
        if day == 0 or rng.random() < 0.3:
            lines += ["Genoptagelse af sessionen",
                      f"Jeg erklærer Europa-Parlamentets session, der blev afbrudt {rng.choice(UGEDAGE[:5])} den {d} {yr}, for genoptaget."]
        lines += ["Godkendelse af protokollen fra foregående møde",
                  "Protokollen fra mødet i går er omdelt.", "Er der bemærkninger?", "(Protokollen godkendtes)"]
        for _ in range(rng.randint(2, 3)):
            rap = filler.fill("{navn}")
            topic = rng.choice(EP_TOPICS)
            lines.append(cap(topic))
            lines.append(f"Næste punkt på dagsordenen er betænkning (A5-{rng.randint(1, 480):04d}/{yr}) af {rap} for "
                         f"Udvalget om {rng.choice(EP_COMMITTEES)} om {topic}.")
            for _ in range(rng.randint(3, 7)):
                speech = rng.sample(EP_SPEECH, rng.randint(2, 5))
                a, b, c, d2 = sorted(rng.sample(range(1, 40), 4))
                speech = [s.replace("{a}", str(a)).replace("{b}", str(b)).replace("{c}", str(c)).replace("{d}", str(d2))
                          for s in speech]
                speech[0] = rng.choice(EP_ADDRESS) + (speech[0][0].lower() + speech[0][1:])
                speech[0] = cap(speech[0])
                lines += speech
                if rng.random() < 0.25:
                    lines.append("(Bifald)")
            lines.append(f"Tak, hr. {rap.split()[-1]}.")
            lines.append("Forhandlingen er afsluttet.")
            lines.append(rng.choice(["Afstemningen finder sted i morgen kl. 12.00.", "Afstemningen finder sted i dag kl. 12.00.",
                                     "Afstemningen finder sted i dag kl. 17.30."]))
        lines.append(f"(Mødet hævet kl. {rng.randint(19, 23)}.{rng.choice(['00', '05', '25', '40'])})")
    return lines


def build_opus(out: Path, rng, filler, stats):
    films = [film(rng) for _ in range(16)]
    lines = []
    versions = 0
    crlf_done = False
    for i, base in enumerate(films):
        credit = filler.fill(rng.choice(["Tekster: {navn}", "Danske tekster: {navn}", "Oversat af {navn}",
                                          "Tekstning: Nordisk Tekstservice"]))
        nver = rng.choice([1, 2, 2, 3, 4])
        for v in range(nver):
            if v == 0:
                body = list(base)
                cr = credit
            elif v == 1 and rng.random() < 0.7:
                body = list(base)  # an exact copy: the same subtitle uploaded twice
                cr = credit
            else:
                body = film_variant(rng, base, filler)
                cr = filler.fill("Tekster: {navn}")
            if not crlf_done and v == 1:
                k = len(body) // 3
                body[k] = body[k] + "\r"  # CR from an old .srt, kept by opus2text
                crlf_done = True
            lines += ([cr] if rng.random() < 0.5 else []) + body + ([cr] if rng.random() < 0.5 else [])
            versions += 1
    assert crlf_done
    split = len(lines) // 2
    part1 = ("\n".join(lines[:split]) + "\n").encode("utf-8")
    part2 = ("\n".join(lines[split:]) + "\n").encode("utf-8")
    write(out / "opus/OpenSubtitles/v2018/mono/da.txt.gz", gz(part1) + gz(part2))
    counts = {}
    for l in lines:
        counts[l] = counts.get(l, 0) + 1
    stats["opus/OpenSubtitles/v2018/mono/da.txt.gz"] = dict(
        lines=len(lines), empty_lines=sum(1 for l in lines if l == ""), distinct_lines=len(counts),
        films=len(films), subtitle_files=versions, gzip_members=2, member_boundary_after_line=split)

    ep = europarl(rng, filler)
    write(out / "opus/Europarl/v8/mono/da.txt.gz", gz(("\n".join(ep) + "\n").encode("utf-8")))
    counts = {}
    for l in ep:
        counts[l] = counts.get(l, 0) + 1
    stats["opus/Europarl/v8/mono/da.txt.gz"] = dict(lines=len(ep), distinct_lines=len(counts))


# --------------------------------------------------------------------------------------------
# DaNewsroom (formats.md §5)
# --------------------------------------------------------------------------------------------

NEWS_GENERIC = [
    "Det er endnu uvist, hvornår der kommer en endelig afklaring.",
    "Sagen ventes at blive behandlet igen efter sommerferien.",
    "Flere borgere har i de seneste uger henvendt sig til avisen om sagen.",
    "Det har ikke været muligt at få en kommentar fra de involverede parter.",
    "Ifølge eksperter er udviklingen ikke overraskende, men den er gået hurtigere end ventet.",
    "Tallene bygger på en rundspørge blandt {tal_med} borgere i området.",
    "Den endelige beslutning træffes i byrådet i løbet af efteråret.",
    "Både politikere og borgere har længe efterlyst en løsning på problemet.",
    "Der er tale om den største ændring på området i mere end ti år.",
    "»Det er en rigtig god nyhed for hele lokalsamfundet,« siger {navn2}.",
]
DNR_FORMATS_MD_LINE = (
    '{"url":"https:\\/\\/web.archive.org\\/web\\/20170105083000id_\\/http:\\/\\/www.eksempel.dk:80\\/nyheder\\/ny-bro-aabner",'
    '"archive":"https:\\/\\/web.archive.org\\/web\\/20170105083000id_\\/http:\\/\\/www.eksempel.dk:80\\/nyheder\\/ny-bro-aabner",'
    '"title":"Ny bro \\u00e5bner i \\u00e5r","date":null,"text":"Den nye bro over havnen \\u00e5bner allerede til sommer, '
    'oplyser kommunen.\\n\\nBroen har v\\u00e6ret undervejs i fem \\u00e5r og har kostet 300 millioner kroner.",'
    '"summary":"Den nye bro over havnen \\u00e5bner allerede til sommer.","density":2.5,"coverage":0.8,'
    '"compression":20.5,"compression_bin":"medium","coverage_bin":"medium","density_bin":"mixed"}')
DNR_SITES = ["fyens.dk", "bt.dk", "ekstrabladet.dk", "dr.dk", "jyllands-posten.dk", "kristeligt-dagblad.dk",
             "finans.dk", "tv2.dk", "berlingske.dk", "ing.dk"]


def tokens(s):
    return re.findall(r"\w+", s.lower())


def fragment_stats(text, summary):
    A, S = tokens(text), tokens(summary)
    frags, i = [], 0
    while i < len(S):
        best = 0
        for j in range(len(A)):
            if A[j] == S[i]:
                k = 0
                while i + k < len(S) and j + k < len(A) and S[i + k] == A[j + k]:
                    k += 1
                best = max(best, k)
        if best:
            frags.append(best)
            i += best
        else:
            i += 1
    coverage = sum(frags) / len(S)
    density = sum(f * f for f in frags) / len(S)
    compression = len(A) / len(S)
    return density, coverage, compression


def bins(density, coverage, compression):
    d = "abstractive" if density < 1.5 else "mixed" if density < 8.1875 else "extractive"
    c = "low" if coverage < 0.7857142857 else "medium" if coverage < 0.9444444444 else "high"
    k = "low" if compression < 15.5 else "medium" if compression < 35.4285714286 else "high"
    return k, c, d


def dnr_url(rng, title):
    site = rng.choice(DNR_SITES)
    ts = _dt.datetime(2014, 1, 1) + _dt.timedelta(seconds=rng.randint(0, 6 * 365 * 86400))
    stamp = ts.strftime("%Y%m%d%H%M%S")
    slug = slugify(title)
    http = rng.random() < 0.6
    port = ":80" if http and rng.random() < 0.4 else ""
    host = ("http://www." if http else "https://www.") + site + port
    pat = rng.randint(0, 3)
    sec = rng.choice(["nyheder", "indland", "lokalt", "sport", "kultur", "erhverv", "debat"])
    if pat == 0:
        path = f"/{sec}/{slug}"
    elif pat == 1:
        path = f"/{sec}/ECE{rng.randint(1000000, 9999999)}/{slug}/"
    elif pat == 2:
        path = f"/article{rng.randint(1000000, 9999999)}.ece"
    else:
        path = f"/{sec}/{ts.strftime('%Y-%m-%d')}-{slug}"
    return f"https://web.archive.org/web/{stamp}id_/{host}{path}", ts


def build_danewsroom(out: Path, rng, filler, stats):
    recs = []
    counts = {"extractive": 0, "mixed": 0, "abstractive": 0}
    seen_text = set()
    special = {}
    while len(recs) < 210:
        ctx = filler.ctx()
        topic = NEWS_TOPICS[rng.choice(list(NEWS_TOPICS))]
        title = filler.fill(rng.choice(topic["titles"]), ctx)
        pool = [filler.fill(t, ctx) for t in topic["sentences"]]
        rng.shuffle(pool)
        generic = [filler.fill(t, ctx) for t in rng.sample(NEWS_GENERIC, rng.randint(2, 6))]
        nlead = rng.randint(1, 2)
        lead = " ".join(pool[:nlead])
        rest = pool[nlead:] + generic
        rng.shuffle(rest)
        pars = [lead]
        while rest:
            k = rng.randint(1, 3)
            par = " ".join(rest[:k])
            rest = rest[k:]
            if len(par.split()) >= 5:
                pars.append(par)
        text = "\n\n".join(pars)
        if len(text) < 218 or text in seen_text:
            continue
        r = rng.random()
        if r < 0.3:
            summary = lead
        elif r < 0.7:
            first = lead.split(". ")[0].rstrip(".")
            summary = (first.split(", ")[0] if ", " in first and rng.random() < 0.5 else first) + "."
        else:
            summary = title + ". " + filler.fill(rng.choice(NEWS_GENERIC), ctx)
        density, coverage, compression = fragment_stats(text, summary)
        if compression < 1.5:
            continue
        n = len(recs)
        if n == 7:
            text = soft_hyphens(text, rng)
            special["soft hyphens (\\u00ad)"] = n + 1
        if n == 11:
            text += "\n\nBorgmesteren skrev efterfølgende på Facebook: »Sikke en dag! \U0001F389«"
            special["emoji (surrogate pair \\ud83c\\udf89)"] = n + 1
        if n == 15:
            text = text.replace("»", "\"").replace("«", "\"")
            special["ASCII double quotes (\\\")"] = n + 1
        seen_text.add(text)
        archive, ts = dnr_url(rng, title)
        if n == 3:
            recs.append(DNR_FORMATS_MD_LINE)  # the exact line from formats.md §5.2
            special["formats.md §5.2 exact line"] = n + 1
            counts["mixed"] += 1
            continue
        kb, cb, db = bins(density, coverage, compression)
        counts[db] += 1
        recs.append(ujson_dumps([
            ("url", archive), ("archive", archive), ("title", title), ("date", None), ("text", text),
            ("summary", summary), ("density", density), ("coverage", coverage), ("compression", compression),
            ("compression_bin", kb), ("coverage_bin", cb), ("density_bin", db)]))
    data = ("\n".join(recs) + "\n").encode("ascii")
    write(out / "danewsroom/danewsroom.jsonl.gz", gz(data))
    stats["danewsroom/danewsroom.jsonl.gz"] = dict(records=len(recs), density_bins=counts, special=special)


# --------------------------------------------------------------------------------------------
# Generic inputs: plain text (blank line = document boundary) and Dolma-style JSONL
# --------------------------------------------------------------------------------------------

NOTES = [
    "Referat fra bestyrelsesmøde i grundejerforeningen\nTil stede: Hanne, Bent, Torben og Signe. Afbud fra Ole.\n"
    "1. Vejene: Der skal lægges nyt grus på stikvejen inden sommerferien. Bent indhenter tre tilbud.\n"
    "2. Økonomi: Kassebeholdningen er på 48.212 kr. Kontingentet fastholdes.\n"
    "3. Eventuelt: Signe foreslår en fælles arbejdsdag i maj. Alle var positive.",
    "Huskeliste til sommerhuset\nSengetøj og håndklæder\nKaffe, mælk og rugbrød\nOpladere til telefonerne\n"
    "Badetøj, solcreme og myggebalsam\nNøglen ligger hos naboen i nr. 14",
    "Mormors æblekage\nSkræl og skær 1 kg æbler i både, og kog dem ud med lidt vand og sukker til en tyk grød.\n"
    "Rist 200 g rasp med 100 g sukker og 75 g smør på panden, til det er gyldent og sprødt.\n"
    "Læg æblegrød og rasp i lag i en glasskål, og pynt med flødeskum og ribsgelé lige inden servering.",
    "Noter fra foredraget om lokalhistorie\nByen fik jernbane i 1890'erne, og stationen blev hurtigt centrum for handel.\n"
    "Mejeriet lukkede i 1968. Bygningen står der stadig og bruges i dag som værksted.\n"
    "Arkivet efterlyser gamle fotos fra skolen – kontakt arkivet, hvis du har nogen liggende.",
    "Kære alle\nTak for en dejlig fødselsdag i lørdags. Det betød meget for mig, at så mange af jer kunne komme.\n"
    "Særlig tak til Mette og Jakob for den flotte lagkage og til børnene for sangen.\nKærlig hilsen farmor",
    "Opsigelse af abonnement\nHermed opsiger jeg mit abonnement med kundenummer 55 81 20 til udløb af indeværende måned.\n"
    "Jeg beder om en skriftlig bekræftelse på opsigelsen.\nMed venlig hilsen\nPeter Holm",
    "Træningsprogram uge 12\nMandag: 5 km roligt løb\nOnsdag: intervaller 6 x 3 minutter med 2 minutters pause\n"
    "Fredag: styrketræning 45 minutter\nSøndag: langtur på 14 km",
    "Madplan\nMandag: fiskefrikadeller med kartofler og remoulade\nTirsdag: pasta med kødsovs\n"
    "Onsdag: grøntsagssuppe og hjemmebagte boller\nTorsdag: kylling i karry med ris\nFredag: hjemmelavet pizza",
]


def build_text(out: Path, rng, web, filler, stats):
    docs = list(NOTES)
    for _ in range(12):
        _, plines, _ = web.blog()
        paras = long_lines(plines)
        if paras:
            docs.append("\n".join(paras))
    rng.shuffle(docs)
    text = "\n\n".join(docs) + "\n"
    write(out / "text/notes.txt", text.encode("utf-8"))
    stats["text/notes.txt"] = dict(documents=len(docs), lines=text.count("\n"))


LOVTEKSTER = [
    ("Bekendtgørelse om ordensregler for kommunens idrætsanlæg",
     ["§ 1. Bekendtgørelsen gælder for alle idrætsanlæg, der ejes eller drives af kommunen.",
      "Stk. 2. Bekendtgørelsen gælder også for de udendørs arealer, der hører til anlæggene.",
      "§ 2. Enhver, der opholder sig på et idrætsanlæg, skal rette sig efter personalets anvisninger.",
      "§ 3. Det er ikke tilladt at medbringe glasflasker på anlæggenes udendørs arealer.",
      "§ 4. Overtrædelse af § 2 eller § 3 kan medføre bortvisning.",
      "Stk. 2. Ved gentagne overtrædelser kan kommunen nægte den pågældende adgang til anlæggene i op til 6 måneder.",
      "§ 5. Bekendtgørelsen træder i kraft den 1. januar 2021."]),
    ("Vedtægter for Grundejerforeningen Egelund",
     ["§ 1. Foreningens navn er Grundejerforeningen Egelund, og dens hjemsted er Silkeborg Kommune.",
      "§ 2. Foreningens formål er at varetage medlemmernes fælles interesser, herunder vedligeholdelse af fællesarealer og private fællesveje.",
      "§ 3. Som medlemmer optages ejere af grunde inden for foreningens område.",
      "Stk. 2. Medlemskab er pligtigt i henhold til deklaration tinglyst på ejendommene.",
      "§ 4. Generalforsamlingen er foreningens højeste myndighed og afholdes hvert år inden udgangen af april.",
      "§ 5. Foreningen tegnes af formanden og kassereren i forening."]),
    ("Lejekontrakt – særlige vilkår",
     ["§ 11. Lejer må ikke holde husdyr i lejemålet uden udlejers skriftlige samtykke.",
      "Stk. 2. Det er ikke tilladt at ryge indendørs i lejemålet eller i ejendommens fælles opgange.",
      "§ 12. Lejer overtager lejemålet nyistandsat og skal ved fraflytning aflevere det i samme stand, bortset fra almindeligt slid og ælde.",
      "§ 13. Depositum svarer til tre måneders husleje og forrentes ikke."]),
]
FT_LINES = [
    "Formanden: Mødet er åbnet. Første punkt på dagsordenen er besvarelse af spørgsmål til ministeren.",
    "Ministeren: Tak for spørgsmålet. Regeringen er meget opmærksom på problemstillingen, og vi følger udviklingen tæt.",
    "Spørgeren: Men ministeren svarer jo ikke på mit spørgsmål. Hvornår kommer der et lovforslag?",
    "Ministeren: Jeg forventer at kunne fremsætte et lovforslag i den kommende folketingssamling.",
    "Formanden: Tak til ministeren. Så er spørgsmålet besvaret, og vi går videre til næste punkt.",
    "Forhandlingen drejer sig om et forslag til lov om ændring af lov om folkeskolen.",
    "Ordføreren: Vi kan støtte lovforslaget, men vi havde gerne set, at det var gået længere.",
    "Der er ikke flere, der har bedt om ordet, og forhandlingen er derfor sluttet.",
]


def build_jsonl(out: Path, rng, web, filler, stats):
    recs = []
    n = 0

    def add(text, created=None, metadata=None, source="egne-data", rid=None):
        nonlocal n
        n += 1
        rec = {"id": rid or f"egne-{n:04d}", "text": text, "source": source}
        if created:
            rec["created"] = created
        if metadata is not None:
            rec["metadata"] = metadata
        recs.append(serde_json(rec))

    for title, paras in LOVTEKSTER:
        add(title + "\n" + "\n".join(paras), created=f"{rng.randint(2015, 2022)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
            metadata={"type": "lovtekst", "license": "intern"}, source="juridiske-dokumenter")
    for i in range(4):
        lines = rng.sample(FT_LINES, rng.randint(4, 7))
        add("\n".join(lines), created=f"{rng.randint(2016, 2021)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}, "
            f"{rng.randint(2016, 2021)}-12-31", metadata={"type": "referat", "meeting": i + 1}, source="referater")
    for _ in range(14):
        kind, plines, url = web.page()
        text = "\n".join(l for l in plines if len(l) > 30)
        if not text:
            continue
        md = {"url": url, "kind": kind} if rng.random() < 0.7 else None
        add(text, created=None if rng.random() < 0.5 else f"{rng.randint(2018, 2023)}-{rng.randint(1, 12):02d}-01",
            metadata=md, source="webarkiv")
    for note in NOTES[:4]:
        add(note, metadata={"type": "note"}, source="noter")
    # numeric id, and one record without metadata or created
    recs.append(serde_json({"id": 4242, "text": "Et dokument med et numerisk id.\nAndet afsnit.", "source": "egne-data"}))
    write(out / "jsonl/own.jsonl", ("\n".join(recs) + "\n").encode("utf-8"))
    stats["jsonl/own.jsonl"] = dict(records=len(recs))


# --------------------------------------------------------------------------------------------
# README
# --------------------------------------------------------------------------------------------

def readme(out: Path, stats):
    s = stats
    fs = lambda k: os.path.getsize(out / k)

    def kb(k):
        return f"{fs(k) / 1024:.1f} KB"
    o19 = s["oscar/2019/da_dedup.txt.gz"]
    u19 = s["oscar/2019-unshuffled/da_part_1.txt.gz"]
    p1, p2 = s["oscar/2109/da_part_1.txt.gz"], s["oscar/2109/da_part_2.txt.gz"]
    o22 = s["oscar/2201/da_meta_part_1.jsonl.gz"]
    o23 = s["oscar/2301/da_meta_part_1.jsonl.zst"]
    lz = s["leipzig/dan_news_2020_10K.tar.gz"]
    lz11 = s["leipzig/dan_newscrawl_2011_10K-text.tar.gz"]
    w18 = s["wikipedia/dawiki-20181001-corpus.xml.bz2"]
    w14 = s["wikipedia/dawiki-20140707-corpus.xml.bz2"]
    os_ = s["opus/OpenSubtitles/v2018/mono/da.txt.gz"]
    ep = s["opus/Europarl/v8/mono/da.txt.gz"]
    dn = s["danewsroom/danewsroom.jsonl.gz"]
    tx = s["text/notes.txt"]
    jl = s["jsonl/own.jsonl"]

    def q(d):
        return ", ".join(f"{k} (record {v})" if isinstance(v, int) else f"{k}" for k, v in d.items())

    def q0(d):
        return ", ".join(f"{k} (document index {v})" for k, v in d.items())

    text = f"""# samples/

Small, synthetic inputs in the real on-disk format of each source dacorpus reads
(`shared/reference/formats.md`). **All text is synthetic Danish** written for this project: it is
generated from hand-written templates and word lists by `scripts/make_samples.py` (seeded, stdlib +
the `zstd` CLI) and is byte-identical across runs. Towns are real Danish place names; people,
firms, clubs, shops, web sites and all numbers are invented. Do not edit these files by hand:
change the script and run `python3 scripts/make_samples.py`.

The web sources deliberately contain dirty text for the cleaning stages: shop pages with prices
("1.299 kr.", "Før 1.599 kr."), "Køb nu", "Fri fragt", "Tilmeld nyhedsbrev", cookie banners,
menus, comment-form boilerplate repeated across documents, mojibake (`ogsÃ¥`, `pï¿½`), numeric
entities (`p&#229;`), soft hyphens (U+00AD), U+FEFF inside lines, C1 controls (U+0092, U+0096).

## oscar/2019/da_dedup.txt.gz ({kb("oscar/2019/da_dedup.txt.gz")})

OSCAR 2019 shuffled, deduplicated release (§1.2a): gzip, one record per LF-terminated line, no
document structure, no metadata. {o19["records"]} records on {o19["lines"]} physical lines: line
{o19["blank_line"]} is empty (blank lines may survive shuffling; readers skip it). Every
non-empty line has at least 100 characters (goclassy's filter) and no line occurs twice. Quirk
lines: {", ".join(f"{k} ×{v}" for k, v in o19["quirks"].items())}.

## oscar/2019-unshuffled/da_part_1.txt.gz ({kb("oscar/2019-unshuffled/da_part_1.txt.gz")})

OSCAR 2019 unshuffled (Hugging Face `unshuffled_original_da` style, §1.2b): gzip, documents
are runs of non-empty lines separated by one blank line; every line has at least 100 characters.
{u19["documents"]} documents (0-based block index = id), {u19["lines"]} lines; {u19["merged_pages"]}
documents are two consecutive pages merged (as goclassy does). Boilerplate lines (cookie banner,
newsletter, "Har du et tip…", the forum log-in notice) repeat across documents ({u19["repeated_lines"]}
distinct lines occur more than once). There are **two** blank lines after block
{u19["double_blank_after_block"]}, and the file **ends without a final LF**. Lines with special
bytes: {q0(u19["special"])}. Bare CR and U+2028 must stay inside their line; the CRLF line's
text ends in CR.

## oscar/2109/da_part_1.txt.gz, da_meta_part_1.jsonl.gz, da_part_2.txt.gz, da_meta_part_2.jsonl.gz ({kb("oscar/2109/da_part_1.txt.gz")}, {kb("oscar/2109/da_meta_part_1.jsonl.gz")}, {kb("oscar/2109/da_part_2.txt.gz")}, {kb("oscar/2109/da_meta_part_2.jsonl.gz")})

OSCAR 21.09 (§1.3): text parts (documents separated by exactly one blank line, final LF) and
metadata parts (compact serde-style JSONL, raw UTF-8; one object per document with `headers`,
`offset`, `nb_sentences`). Part 1: {p1["documents"]} documents / {p1["lines"]} text lines; part 2:
{p2["documents"]} documents / {p2["lines"]} text lines. Offsets are 0-based line indexes and
**restart at 0 in each part**; next offset = offset + nb_sentences + 1. WARC header key order
varies per record. Document {p1["no_language_doc"]} of part 1 and document {p2["no_language_doc"]}
of part 2 have no `warc-identified-content-language`. Part 2 has {q0(p2["special"])}; these
do not count as line breaks in the offsets (LF only).

## oscar/2201/da_meta_part_1.jsonl.gz ({kb("oscar/2201/da_meta_part_1.jsonl.gz")})

OSCAR 22.01 (§1.4): gzip JSONL, keys `content`, `warc_headers`, `metadata`
(`identification`, `annotation`, `sentence_identifications`), compact, raw UTF-8, final LF.
{o22["documents"]} documents. Whole web pages with every line kept (menus, prices, "Køb nu",
English "Add to cart"), so annotations `tiny`, `short_sentences`, `header`, `footer` occur;
{o22["annotation_null"]} records have `"annotation":null`. `sentence_identifications` has exactly
one entry per `\\n`-separated line of `content` (null for low-confidence short lines, `en` for
English lines). Document 40 (0-based) has no `warc-identified-content-language`. Special records
(0-based line index): {q0(o22["special"])}.

## oscar/2301/da_meta_part_1.jsonl.zst ({kb("oscar/2301/da_meta_part_1.jsonl.zst")})

OSCAR 23.01 (§1.5): zstd JSONL, metadata keys in order `identification`, `harmful_pp`, `tlsh`,
`quality_warnings`, `categories`, `sentence_identifications`; absent values are `null`.
{o23["documents"]} documents in **two concatenated zstd frames** (the boundary is after record
{o23["frame_boundary_after_record"]}, at a line end). `harmful_pp` is a number in ~15 % of records,
`categories` is a UT1 list (`news`, `blog`, `shopping`, `forums`) in ~35 %. Special records as in
22.01 (0-based): {q0(o23["special"])}.

## leipzig/dan_news_2020_10K.tar.gz ({kb("leipzig/dan_news_2020_10K.tar.gz")})

Leipzig Corpora Collection archive (§2) with the directory prefix `dan_news_2020_10K/`. Members
in archive order: {", ".join("`" + m + "`" for m in lz["members"])}. Note that `-sources.txt`
comes **after** `-sentences.txt` and the AppleDouble `._dan_news_2020_10K-sentences.txt` (binary,
also ends in `-sentences.txt`) comes before it: readers must skip `._*` and directory entries.
{lz["sentences"]} sentences (`s_id⇥sentence`, s_id 1..{lz["sentences"]} contiguous, sorted
alphabetically ignoring punctuation, like `dan_mixed_2014`); {lz["sources"]} sources
(`so_id⇥url⇥date`, {lz["empty_dates"]} with an empty date); `inv_so` has {lz["inv_so_rows"]}
rows `so_id⇥s_id` linking {lz["linked_sentences"]} sentences (the rest have no source);
`-words.txt` has {lz["words"]} rows `w_id⇥word⇥freq` (includes `"` as a word); `-meta.txt` is
`run⇥attribute⇥value` (layout inferred). Quirk sentences: `ogsÃ¥`, `LÃ¦s`, `pï¿½`, `p&#229;`,
`pengepung&#173;`, U+0096 and U+0092, U+FEFF inside and at the start of a sentence, soft
hyphens, an e-mail address, ASCII `"` quotes, lines starting with digits and `½`.

## leipzig/dan_newscrawl_2011_10K-text.tar.gz ({kb("leipzig/dan_newscrawl_2011_10K-text.tar.gz")})

Old "text-only" Leipzig archive: a single member `dan_newscrawl_2011_10K-sentences.txt` at the
**archive root** (no directory prefix), no sources or inv_so. {lz11["sentences"]} sentences in
random order. Web-crawl debris: `Connection: close X-Powered-By: PleskLin …`, "Skriv et svar
til … Annullér svar", e-mail addresses, mojibake, `&#33;`, U+0096, U+FEFF, short blog lines.

## wikipedia/dawiki-20181001-corpus.xml.bz2 ({kb("wikipedia/dawiki-20181001-corpus.xml.bz2")})

linguatools Wikipedia corpus (§3), **singular** variant: `<?xml version="1.0" encoding="UTF-8"?>`,
`<wikipedia lang="da">`, {w18["articles"]} `<article name=…>` elements ({w18["disambiguation"]}
with `<disambiguation/>`), each with repeated `<redirect name>`/`<category name>`,
`<links_in name>`/`<links_out name>` holding integer counts, some `<textlink name freq>` and
`<crosslanguage_link language name>`, then `<content>` with one `<p>`, `<h>` or `<table>` per
line. Contains `<link target>` elements, tables of `<cell>`s, `<math>` (incl. `&lt;` inside
math), `&amp;`, `&lt;`, `&quot;`, a surviving HTML entity `&amp;nbsp;`, XML comments inside
`<content>`, and titles with spaces and Danish letters (`Nørre Ålum Kirke`, `Danmarks Riges
Grundlov`, `Æble (flertydig)`). Single bzip2 stream.

## wikipedia/dawiki-20140707-corpus.xml.bz2 ({kb("wikipedia/dawiki-20140707-corpus.xml.bz2")})

linguatools Wikipedia, **plural** variant: no XML declaration, `<categories name="A|B"/>` and
`<redirects name="X|Y"/>` (pipe-joined), `<links_out name>` holding page titles. {w14["articles"]}
articles, many with the same titles as the 2018 dump but other numbers, and shorter hand-written
articles (e.g. no table in `Æbletræ`). Written as **two
bzip2 streams** (like pbzip2), split at decompressed byte {w14["stream_split_at"]}, which is a space
in the middle of a `<p>` paragraph: a reader must continue into the second stream.

## opus/OpenSubtitles/v2018/mono/da.txt.gz ({kb("opus/OpenSubtitles/v2018/mono/da.txt.gz")})

OPUS mono text (§4.2): one sentence per line, no document markers. {os_["lines"]} lines, only
{os_["distinct_lines"]} distinct: {os_["films"]} synthetic films in {os_["subtitle_files"]} subtitle
files (exact re-uploads and slightly edited versions follow each other, so there are long runs of
exact duplicates). Dialogue dashes (`- Hvor skal du hen?` / `- Hjem.`, and two speakers on one
line as `- A - B`), `♪` lines, sound
captions, credits ("Tekster: …"), {os_["empty_lines"]} empty lines (empty `<s>`), and one line
ending in CR (a CRLF line). Written as a **multi-member gzip** (two members; the boundary is
after line {os_["member_boundary_after_line"]}).

## opus/Europarl/v8/mono/da.txt.gz ({kb("opus/Europarl/v8/mono/da.txt.gz")})

OPUS Europarl v8 mono text: {ep["lines"]} lines ({ep["distinct_lines"]} distinct) of synthetic
European Parliament proceedings: agenda headings, "Genoptagelse af sessionen", speeches starting
"Hr. formand, …", "(Bifald)", and procedural lines repeated every sitting ("Forhandlingen er
afsluttet.", "Afstemningen finder sted i morgen kl. 12.00."). Single gzip member.

## danewsroom/danewsroom.jsonl.gz ({kb("danewsroom/danewsroom.jsonl.gz")})

DaNewsroom (§5): gzip JSONL in **ujson style**: compact, every non-ASCII character escaped as
lowercase `\\uXXXX` (surrogate pairs above U+FFFF), `/` escaped as `\\/`, key order `url, archive,
title, date, text, summary, density, coverage, compression, compression_bin, coverage_bin,
density_bin`, `"date":null` always, `url` identical to `archive`
(`https://web.archive.org/web/{{14 digits}}id_/{{original url}}`, with `:80` on some http URLs).
{dn["records"]} records. `text` paragraphs are joined with `\\n\\n`; summaries are the lead
paragraph, its first clause, or title + a generic sentence, and density/coverage/compression are
computed with the Grusky et al. fragment algorithm, printed with up to 10 decimals (`2.5`,
`12.7894736842`). Density bins: {", ".join(f"{k} {v}" for k, v in dn["density_bins"].items())}.
Special records (1-based line): {q(dn["special"])}.

## text/notes.txt ({kb("text/notes.txt")})

A user's own plain text: UTF-8, a blank line separates documents, final LF. {tx["documents"]}
documents (meeting minutes, lists, recipes, letters, blog paragraphs), {tx["lines"]} lines.

## jsonl/own.jsonl ({kb("jsonl/own.jsonl")})

A user's own Dolma-style JSONL (uncompressed): `{{"id","text","source","created"?,"metadata"?}}`.
{jl["records"]} records: by-laws and contract clauses with `§`/`Stk.` (`source`
`juridiske-dokumenter`), parliament-style minutes whose `created` is a `"start, end"` range, web
pages with `metadata.url`, notes; some records lack `created` or `metadata`, and the last has a
numeric `id` (4242).
"""
    (out / "README.md").write_text(text, encoding="utf-8")


# --------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=str(ROOT / "samples"))
    args = ap.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    stats = {}
    # Every builder gets its own RNG so that changing one source does not change the others.
    def parts(k):
        rng = random.Random(f"{SEED}:{k}")
        return rng, Filler(rng)
    rng, f = parts("oscar2019"); build_oscar2019(out, rng, Web(rng, f), stats)
    rng, f = parts("oscar2109"); build_oscar2109(out, rng, Web(rng, f), stats)
    rng, f = parts("oscar2201"); build_oscar2201(out, rng, Web(rng, f), stats)
    rng, f = parts("oscar2301"); build_oscar2301(out, rng, Web(rng, f), stats)
    rng, f = parts("leipzig"); build_leipzig(out, rng, f, stats)
    rng, f = parts("wikipedia"); build_wikipedia(out, rng, stats)
    rng, f = parts("opus"); build_opus(out, rng, f, stats)
    rng, f = parts("danewsroom"); build_danewsroom(out, rng, f, stats)
    rng, f = parts("text"); build_text(out, rng, Web(rng, f), f, stats)
    rng, f = parts("jsonl"); build_jsonl(out, rng, Web(rng, f), f, stats)
    readme(out, stats)
    total = sum(p.stat().st_size for p in out.rglob("*") if p.is_file())
    for k in sorted(stats):
        print(f"{k}: {os.path.getsize(out / k)} bytes  {json.dumps(stats[k], ensure_ascii=False)}")
    print(f"total {total} bytes")


if __name__ == "__main__":
    main()
