#!/usr/bin/env python3
"""Makes the evaluation fixture of the cleaning filters (issue 4), deterministically.

    python3 scripts/make_filter_eval.py                 # Tests/CorpusFiltersTests/Fixtures/filter_eval.jsonl
    python3 scripts/make_filter_eval.py --hash-vectors  # also Fixtures/hash_vectors.json (needs xxhash, mmh3)

filter_eval.jsonl holds real-looking Danish web pages from fictional sites: article text made
from sentence templates (so every paragraph is unique), with known boilerplate injected at
recorded positions. One JSON object per line:

    {"id": "...", "url": "https://...", "text": "line\\nline\\n...", "labels": ["clean", "cookie", ...]}

`labels[i]` is the label of line i of `text` (split on LF): `clean` for content (headlines,
sub-headings, paragraphs, product descriptions), otherwise the injected category:

    template    site header, navigation, breadcrumbs, footer, side boxes (repeated on every page
                of a site)
    cookie      cookie-consent banners and their buttons (repeated per consent tool)
    shop        product-page commerce lines: prices, stock, delivery, cart, variants
    newsletter  newsletter sign-up boxes
    price_list  price lists of shops, salons and restaurants
    social      share buttons, "Læs også: ..." teasers, comment counters

The content includes "hard" clean lines on purpose: news prose that mentions offers, prices,
cookies, web addresses, phone numbers and calls to action in running sentences.

The same random seed always gives the same file; the script needs only the Python standard
library (and xxhash + mmh3 for --hash-vectors).
"""

import argparse
import json
import os
import random

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "Tests", "CorpusFiltersTests", "Fixtures")

# ----------------------------------------------------------------------------------------------
# Vocabulary for the content grammar

TOWNS = ["Herning", "Viborg", "Silkeborg", "Holstebro", "Skive", "Vejle", "Kolding", "Horsens", "Randers", "Næstved",
         "Slagelse", "Roskilde", "Hillerød", "Svendborg", "Nyborg", "Haderslev", "Aabenraa", "Thisted", "Frederikshavn",
         "Hjørring", "Ringkøbing", "Esbjerg", "Varde", "Ribe", "Sønderborg", "Middelfart", "Faaborg", "Kalundborg",
         "Holbæk", "Køge", "Helsingør", "Nakskov", "Rønne", "Grenaa", "Ebeltoft", "Lemvig", "Struer", "Brønderslev"]
FIRST = ["Mette", "Jens", "Hanne", "Søren", "Lone", "Peter", "Camilla", "Mikkel", "Anne", "Lars", "Sofie", "Rasmus",
         "Kirsten", "Anders", "Ida", "Thomas", "Birgitte", "Jakob", "Louise", "Henrik", "Maja", "Ole", "Freja", "Niels",
         "Karen", "Bo", "Signe", "Martin", "Tove", "Frederik", "Ulla", "Christian", "Emma", "Poul", "Line", "Jonas"]
LAST = ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Christensen", "Larsen", "Sørensen", "Rasmussen",
        "Jørgensen", "Petersen", "Madsen", "Kristensen", "Olsen", "Thomsen", "Christiansen", "Poulsen", "Johansen",
        "Møller", "Mortensen", "Knudsen", "Lund", "Holm", "Bach", "Dalgaard", "Østergaard", "Skov", "Vestergaard"]
ROLES = ["borgmester", "rådmand", "skoleleder", "overlæge", "formand for den lokale idrætsforening", "direktør",
         "formand for handelsstandsforeningen", "lektor", "sognepræst", "projektleder", "landmand", "butiksindehaver",
         "cheftræner", "kulturchef", "forsker", "fiskeskipper", "souschef", "sygeplejerske", "arkitekt", "museumsinspektør"]
INSTITUTIONS = ["kommunen", "regionen", "skolen", "sygehuset", "biblioteket", "museet", "idrætsforeningen",
                "handelsstandsforeningen", "boligforeningen", "menighedsrådet", "forsyningen", "havnen",
                "gymnasiet", "erhvervsskolen", "plejecentret", "musikskolen", "spejderne", "lokalrådet"]
TOPICS = ["en ny cykelsti langs åen", "renoveringen af svømmehallen", "lukningen af den lille landsbyskole",
          "udvidelsen af havnen", "en ny plan for byens torv", "flere penge til ældreplejen",
          "et nyt kulturhus ved banegården", "busruterne til oplandet", "byggeriet af almene boliger",
          "klimatilpasningen af midtbyen", "sammenlægningen af to daginstitutioner", "parkeringsforholdene ved sygehuset",
          "en ny skatepark", "vedligeholdelsen af de kommunale veje", "et nyt lokalarkiv", "flere p-pladser i centrum",
          "byens julebelysning", "en ny lægeklinik i landsbyen", "affaldssorteringen i etageboligerne",
          "en bedre forbindelse til motorvejen", "udbygningen af fjernvarmen", "et nyt plejehjem ved skoven"]
ADJECTIVES = ["stor", "usædvanlig", "tydelig", "markant", "begrænset", "overraskende", "blandet", "positiv",
              "forsigtig", "voksende", "kritisk", "bred", "lunken", "entydig"]
FEELINGS = ["tilfredse", "skuffede", "spændte", "bekymrede", "forundrede", "lettede", "utålmodige", "begejstrede",
            "afventende", "skeptiske"]
GROUPS = ["beboerne", "forældrene", "de handlende", "lærerne", "de ældre", "landmændene", "pendlerne", "eleverne",
          "naboerne", "medlemmerne", "turisterne", "fagforeningen", "oppositionen", "patientforeningen"]
WEEKDAYS = ["mandag", "tirsdag", "onsdag", "torsdag", "fredag", "lørdag", "søndag"]
MONTHS = ["januar", "februar", "marts", "april", "maj", "juni", "juli", "august", "september", "oktober",
          "november", "december"]
TEAMS = ["FC Midtjylland", "Viborg FF", "Silkeborg IF", "Vejle Boldklub", "Randers FC", "AGF", "Brøndby IF",
         "Odense Boldklub", "AaB", "Lyngby Boldklub", "SønderjyskE", "Esbjerg fB", "Horsens", "Hobro IK"]
SPORTS_EVENTS = ["en sikker sejr", "et overraskende nederlag", "en pointdeling", "en dramatisk sejr i overtiden",
                 "et klart nederlag", "en tæt kamp uden mål"]
FOODS = ["kartofler", "gulerødder", "porrer", "svampe", "rødbeder", "æbler", "pærer", "blommer", "rabarber",
         "jordbær", "squash", "kål", "løg", "persille", "dild", "hvidløg", "selleri", "pastinak"]
DISHES = ["suppe", "tærte", "gryderet", "salat", "ovnret", "pandekager", "grød", "frikadeller", "boller", "kage"]
BOOKS = ["romanen", "digtsamlingen", "novellesamlingen", "biografien", "krimien", "debatbogen", "børnebogen"]
ART = ["udstillingen", "koncerten", "forestillingen", "festivalen", "operaen", "foredragsrækken", "filmugen"]
PLACES = ["Skagen", "Bornholm", "Fanø", "Møn", "Ærø", "Samsø", "Læsø", "Rømø", "Anholt", "Thy", "Mols Bjerge",
          "Vadehavet", "Limfjorden", "Rold Skov", "Stevns Klint", "Lemvig", "Tønder", "Marstal"]
PRODUCT_KINDS = ["cykel", "regnjakke", "kaffemaskine", "vandrestøvle", "sofa", "lampe", "rygsæk", "telt",
                 "støvsuger", "elkedel", "havestol", "sovepose", "løbesko", "hovedtelefoner", "køkkenkniv"]
BRANDS = ["Nordlys", "Havbris", "Fjordkraft", "Skovly", "Kystliv", "Bølgen", "Granhøj", "Lyngbakke", "Strandeng",
          "Vesterhav", "Birkely", "Solsikke"]
MATERIALS = ["genanvendt polyester", "ubehandlet eg", "rustfrit stål", "økologisk bomuld", "aluminium", "uld",
             "bambus", "nylon", "læder", "glas"]


def name(rng):
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


# ----------------------------------------------------------------------------------------------
# Content: sentence templates by topic (each call fills the slots anew)

def local_politics(rng):
    town = rng.choice(TOWNS)
    topic = rng.choice(TOPICS)
    who = name(rng)
    role = rng.choice(["borgmester", "rådmand", "formand for teknik- og miljøudvalget", "byrådsmedlem"])
    group = rng.choice(GROUPS)
    return [
        f"Byrådet i {town} skal på {rng.choice(WEEKDAYS)} tage stilling til {topic}, som har været debatteret i flere måneder.",
        f"Ifølge {role} {who} er der tale om en {rng.choice(ADJECTIVES)} investering i byens fremtid.",
        f"{group.capitalize()} har været {rng.choice(FEELINGS)}, siden planerne blev fremlagt på et borgermøde i {rng.choice(MONTHS)}.",
        f"Forslaget skal ses i sammenhæng med kommunens planstrategi, som blev vedtaget sidste år.",
        f"Det er ikke første gang, at {topic} deler vandene i {town}.",
        f"– Vi har lyttet til {group}, og vi har ændret projektet flere steder, siger {who}.",
        f"Hvis forslaget bliver vedtaget, kan arbejdet gå i gang til {rng.choice(['foråret', 'sommer', 'efteråret', 'vinter'])}.",
        f"Oppositionen mener, at pengene hellere burde bruges på {rng.choice(TOPICS)}.",
        f"Sagen har også været behandlet i {rng.choice(['økonomiudvalget', 'børne- og skoleudvalget', 'kulturudvalget', 'socialudvalget'])}, hvor et flertal bakkede op.",
        f"Et flertal af partierne har dog allerede meldt ud, at de vil stemme for.",
        f"Kommunen forventer, at projektet vil koste omkring {rng.randint(2, 90)} millioner kroner fordelt over {rng.randint(2, 6)} år.",
    ]


def health(rng):
    who = name(rng)
    town = rng.choice(TOWNS)
    return [
        f"Sygehuset i {town} har siden {rng.choice(MONTHS)} haft travlt i akutmodtagelsen, hvor ventetiden til tider har været lang.",
        f"Overlæge {who} forklarer, at der især har været mange patienter med luftvejsinfektioner.",
        f"Regionen vil derfor ansætte flere sygeplejersker og forlænge åbningstiden i lægevagten.",
        f"{rng.choice(GROUPS).capitalize()} har i et åbent brev bedt politikerne om at handle hurtigere.",
        f"– Vi gør, hvad vi kan, men vi mangler hænder, og det kan patienterne mærke, siger {who}.",
        f"Sundhedsstyrelsen anbefaler, at man bliver hjemme, hvis man har feber, og at man vasker hænder ofte.",
        f"En ny undersøgelse viser, at flere ældre end tidligere bliver vaccineret om efteråret.",
        f"Patientforeningen efterlyser bedre information om, hvor man skal henvende sig uden for dagtid.",
        f"I de kommende måneder vil regionen følge udviklingen tæt og justere bemandingen løbende.",
    ]


def sports(rng):
    a, b = rng.sample(TEAMS, 2)
    who = name(rng)
    return [
        f"{a} fik {rng.choice(SPORTS_EVENTS)} mod {b}, da holdene mødtes i {rng.choice(['søndagens', 'lørdagens', 'aftenens', 'onsdagens'])} kamp.",
        f"Cheftræner {who} var efter kampen {rng.choice(FEELINGS)} over holdets indsats i anden halvleg.",
        f"Det var især midtbanen, der havde svært ved at finde rytmen i den første halve time.",
        f"Publikum fik dog noget for pengene, da {name(rng)} scorede med et flot langskud kort før pausen.",
        f"– Vi skal bruge ugen på at finde tilbage til det, der har virket for os, siger {who}.",
        f"Næste opgave for {a} er en udekamp mod {rng.choice(TEAMS)}, der ligger lige under i tabellen.",
        f"Klubben har samtidig forlænget kontrakten med {name(rng)}, som har været en af sæsonens bedste spillere.",
        f"Ungdomsafdelingen har aldrig haft så mange medlemmer som i år, fortæller klubbens formand.",
    ]


def culture(rng):
    who = name(rng)
    art = rng.choice(ART)
    town = rng.choice(TOWNS)
    return [
        f"{art.capitalize()} i {town} har i år trukket flere gæster end nogensinde før.",
        f"Bag arrangementet står en gruppe frivillige, der har arbejdet på programmet siden {rng.choice(MONTHS)}.",
        f"{rng.choice(BOOKS).capitalize()} af {who} handler om en familie, der flytter fra storbyen til en nedlagt landbrugsejendom.",
        f"Anmelderne har taget godt imod værket, som beskrives som både morsomt og rørende.",
        f"– Jeg ville skrive om det at høre til et sted, og om hvad man mister, når man rejser, fortæller {who}.",
        f"Museet viser samtidig en særudstilling om egnens historie med genstande fra lokale hjem.",
        f"Mange af værkerne har aldrig tidligere været vist for offentligheden.",
        f"Arrangørerne håber, at {art} kan blive en fast tradition i byen de kommende år.",
        f"Koret fra {rng.choice(TOWNS)} optræder som afslutning på den første aften.",
    ]


def business(rng):
    who = name(rng)
    town = rng.choice(TOWNS)
    brand = rng.choice(BRANDS)
    return [
        f"Virksomheden {brand} i {town} har i det forgangne år øget omsætningen og ansat {rng.randint(5, 60)} nye medarbejdere.",
        f"Direktør {who} peger på eksporten til Tyskland og Sverige som den vigtigste årsag til fremgangen.",
        f"Samtidig har virksomheden investeret i nye maskiner, der bruger mindre energi.",
        f"Handelsstandsforeningen i {town} oplever, at flere kunder igen handler lokalt.",
        f"– Vi mærker, at folk gerne vil støtte butikkerne i deres egen by, siger {who}.",
        f"Detailhandlen har dog haft et svært år med stigende priser på både varer og energi.",
        f"Flere butikker har valgt at holde lukket om mandagen for at spare på lønudgifterne.",
        f"Erhvervsrådet forventer, at ledigheden i området vil falde en smule i løbet af næste år.",
    ]


def education(rng):
    who = name(rng)
    inst = rng.choice(["skolen", "gymnasiet", "erhvervsskolen", "efterskolen", "højskolen", "musikskolen"])
    return [
        f"Eleverne på {inst} i {rng.choice(TOWNS)} har i denne uge arbejdet med et projekt om bæredygtighed.",
        f"Skoleleder {who} fortæller, at projektet er blevet til i samarbejde med lokale virksomheder.",
        f"Formålet er at give eleverne mulighed for at se, hvordan det, de lærer i klassen, bruges i praksis.",
        f"Forældrene blev inviteret til en fremvisning, hvor eleverne præsenterede deres resultater.",
        f"– Det har været fantastisk at se, hvor engagerede de har været, siger {who}.",
        f"Ministeriet har samtidig afsat midler til flere praktiske fag i udskolingen.",
        f"Antallet af ansøgere til erhvervsuddannelserne er steget for andet år i træk.",
        f"Lærerne efterlyser dog mere tid til forberedelse og færre møder.",
    ]


def recipe(rng):
    food1, food2 = rng.sample(FOODS, 2)
    dish = rng.choice(DISHES)
    return [
        f"Denne {dish} med {food1} og {food2} er perfekt til en kølig aften, når haven bugner af grøntsager.",
        f"Start med at skylle {food1}, og skær dem i mindre stykker, så de koger jævnt.",
        f"Svits løg og hvidløg i lidt olie, til de er bløde, men uden at de tager farve.",
        f"Tilsæt {food2} og lad det hele simre under låg i cirka et kvarter.",
        f"Smag til med salt, peber og en god håndfuld frisk {rng.choice(['persille', 'dild', 'timian', 'purløg'])}.",
        f"Retten kan sagtens laves dagen før, og den smager næsten bedre, når den er varmet op.",
        f"Server med groft brød eller kogte kartofler, hvis du vil gøre den lidt mere mættende.",
        f"Har du ikke {food2}, kan du bruge {rng.choice(FOODS)} i stedet.",
        f"Min mormor lavede altid denne {dish} om søndagen, og den minder mig stadig om hendes køkken.",
    ]


def travel(rng):
    place = rng.choice(PLACES)
    who = name(rng)
    return [
        f"{place} er et af de steder i Danmark, hvor man for alvor kan finde ro i en travl hverdag.",
        f"Vi ankom en {rng.choice(WEEKDAYS)} i {rng.choice(MONTHS)} og blev mødt af et lys, der skiftede hele tiden.",
        f"Den første dag gik vi langs kysten og fandt en lille bugt, hvor der ikke var et menneske.",
        f"Om aftenen spiste vi på en lokal kro, hvor værten {who} fortalte om egnens historie.",
        f"Der er gode muligheder for både cykling og vandreture, og stierne er godt afmærkede.",
        f"Husk varmt tøj, for vinden kan være skarp, selv om solen skinner.",
        f"Vi overnattede i et lille feriehus med udsigt over vandet og en brændeovn i stuen.",
        f"Næste gang vil vi gerne opleve stedet om vinteren, når turisterne er rejst hjem.",
    ]


def product_description(rng, kind, brand):
    material = rng.choice(MATERIALS)
    return [
        f"Denne {kind} fra {brand} er lavet af {material} og designet til at holde i mange år.",
        f"Den er let at vedligeholde og tåler både regn og hård daglig brug.",
        f"Vi har selv testet den gennem en hel sæson, og den har klaret sig imponerende godt.",
        f"Modellen er udviklet i samarbejde med brugere, der stiller store krav til kvalitet.",
        f"Detaljerne er gennemtænkte, og finishen er pæn hele vejen rundt.",
        f"Den passer godt til dig, der ønsker et solidt produkt uden unødvendigt pynt.",
        f"Materialet er valgt med omtanke for miljøet, og produktionen foregår i Europa.",
    ]


# Clean lines that mention commercial words, prices, cookies, addresses and calls to action in
# running prose: they must survive the ad filter.
HARD_CLEAN = [
    "Regeringen kom i går med et nyt tilbud til arbejdsmarkedets parter, men forhandlingerne er endnu ikke afsluttet.",
    "Ifølge Forbrugerrådet Tænk er det en god idé at sammenligne priser, før man slår til på et tilbud i en netbutik.",
    "En vaskemaskine, der normalt koster 4.999 kr., kan i denne uge fås for 3.999 kr. hos flere af de store kæder.",
    "Flere webshops tilbyder nu fri fragt for at lokke kunderne tilbage efter et svært år for detailhandlen.",
    "Datatilsynet kritiserer, at mange danske hjemmesider bruger cookies uden et gyldigt samtykke fra brugerne.",
    "Hospitalet har ikke nok medicin på lager, siger overlægen, der håber på en ny levering inden weekenden.",
    "Du kan læse mere om ordningen på kommunens hjemmeside, hvor der også ligger en vejledning til ansøgningen.",
    "Billetterne koster 250 kroner, og der er rabat til studerende og pensionister i hele sæsonen.",
    "Kommunen vil spare 40 millioner kroner på skoleområdet i det kommende budget, oplyser borgmesteren.",
    "Han fortalte, at butikken havde haft udsalg i tre uger, uden at det havde hjulpet synderligt på omsætningen.",
    "Prisen på en liter mælk er steget fra 11,95 kr. til 13,50 kr. i løbet af det seneste år.",
    "Borgerne kan henvende sig til borgerservice på telefon 70 12 34 56 eller møde op på rådhuset.",
    "Spørgeskemaet kan udfyldes på www.kommunen.dk/trafik frem til udgangen af måneden.",
    "Mange forbrugere klikker på accepter uden at læse, hvad de egentlig giver samtykke til.",
    "Ejendomsmægleren vurderer, at huset kan sælges for omkring 2,1 millioner kroner.",
    "Det er gratis at deltage i arrangementet, men man skal tilmelde sig på forhånd på biblioteket.",
    "Foreningen har over 300 medlemmer, og kontingentet er på 150 kr. om året for voksne.",
    "Ifølge Danmarks Statistik handlede danskerne for 167 mia. kr. på nettet sidste år.",
    "Grønthandleren på torvet sælger stadig jordbær fra egen mark, og kurven koster det samme som sidste sommer.",
    "Forbrugerombudsmanden advarer mod falske rabatkoder, der deles på sociale medier.",
    "Julemarkedet har åbent alle weekender i december, og overskuddet går til spejdernes lejrtur.",
    "Hun startede sin virksomhed med et lån på 50.000 kr. og en gammel symaskine i kælderen.",
    "Efter sammenlægningen vil de to butikker samlet have omkring 40 ansatte.",
    "På museets hjemmeside kan man se billeder fra udgravningen og læse mere om fundene.",
    "Klik-og-hent er blevet populært, fordi kunderne sparer fragten og selv kan hente varen i butikken.",
    "Næste kamp spilles på søndag i Parken, hvor der ventes udsolgt.",
    "Vi vil gerne have en del af æren, siger formanden med et smil.",
    "Tilbuddet om gratis frugt i skolerne fortsætter, selv om kommunen skal spare.",
    "Priserne på fjernvarme falder med omkring ti procent fra nytår, oplyser forsyningen.",
    "De ældre på plejecentret får besøg af en frisør hver anden uge, og det er meget populært.",
    "Politiet opfordrer borgerne til at ringe 114, hvis de har set noget mistænkeligt i området.",
    "Der er stadig ledige pladser på holdet, og interesserede kan kontakte foreningens formand.",
    "Kampagnen skal få flere til at sortere deres affald, og den kører frem til sommerferien.",
    "Butikken på hjørnet har solgt aviser og tobak i over 60 år, men lukker til sommer.",
    "Den nye lov betyder, at netbutikker skal oplyse den laveste pris i de seneste 30 dage, når de sætter prisen ned.",
    "Lægerne anbefaler at holde pause fra skærmen mindst en gang i timen.",
    "Han har i mange år været med til at arrangere byfesten og kender alle i byen.",
    "Oplysningerne blev sendt med e-mail til samtlige forældre i fredags.",
    "Hvis man vil vide mere, kan man deltage i et åbent informationsmøde på skolen.",
    "Sidste år solgte klubben sæsonkort for mere end to millioner kroner.",
]

SUBHEADINGS = [
    "Et langt forløb for {institution}", "Kritik fra {group}", "Penge på vej til {town}", "Sådan gør {group} nu",
    "Et nyt kapitel for {institution}", "{group_cap} blev hørt", "{town} er tilbage på sporet",
    "Frivillige bærer arbejdet i {town}", "Flere spørgsmål end svar om {topic}", "Et år med udfordringer for {institution}",
    "Hvad sker der nu med {topic}", "Ventetiden er lang i {town}", "Det siger {group}", "Fra idé til virkelighed i {town}",
    "En del af historien om {town}", "Klar til næste sæson i {town}", "Gode råd fra {name}",
    "Derfor er {group} {feeling}", "{name} ser frem", "Fakta om {topic}",
]

HEADLINES = {
    "news": ["Byrådet i {town} strides om {topic}", "{town}: nyt forslag om {topic} møder modstand",
             "Flertal for {topic} i {town}", "Borgermøde om {topic} samlede mange i {town}"],
    "health": ["Travlt på sygehuset i {town}", "Lang ventetid i akutmodtagelsen i {town}",
               "Regionen vil ansætte flere sygeplejersker i {town}"],
    "sports": ["{team} fik {event}", "{team} klar til vigtig udekamp", "Stor jubel i {team} efter weekendens kamp"],
    "culture": ["{art} i {town} slog rekord", "{author} skriver om livet på landet i ny bog",
                "Frivillige står bag {art} i {town}"],
    "business": ["{brand} i {town} ansætter flere", "Lokale butikker mærker fremgang i {town}",
                 "Svært år for detailhandlen i {town}"],
    "education": ["Elever i {town} arbejder med bæredygtighed", "Flere vil på erhvervsskole i {town}",
                  "Projekt på skolen i {town} samler forældrene"],
    "recipe": ["{dish} med {food1} og {food2}", "Nem {dish} med {food1}", "Mormors {dish} med {food2}"],
    "travel": ["Ro og lys på {place}", "En weekend på {place}", "Vandreture og kroer på {place}"],
}

GENERATORS = {
    "news": local_politics, "health": health, "sports": sports, "culture": culture, "business": business,
    "education": education, "recipe": recipe, "travel": travel,
}

# ----------------------------------------------------------------------------------------------
# Boilerplate

COOKIE_TOOLS = [
    [
        "Vi bruger cookies til at forbedre din oplevelse, analysere trafikken og vise relevante annoncer.",
        "Ved at klikke på “Accepter alle” giver du samtykke til vores brug af cookies. Du kan altid trække dit samtykke tilbage.",
        "Accepter alle",
        "Kun nødvendige",
        "Tilpas indstillinger",
    ],
    [
        "Denne hjemmeside bruger cookies til statistik og markedsføring.",
        "Læs mere om cookies i vores cookiepolitik",
        "Tillad alle",
        "Afvis",
    ],
    [
        "Dette website anvender cookies. Ved at fortsætte med at bruge siden accepterer du vores cookiepolitik.",
        "OK",
    ],
    [
        "Vi værner om dit privatliv",
        "Vi og vores partnere bruger cookies og lignende teknologier til at gemme og tilgå oplysninger på din enhed.",
        "Nødvendige cookies sikrer, at siden fungerer. Statistiske cookies hjælper os med at forstå, hvordan siden bruges.",
        "Accepter alle cookies",
        "Gem indstillinger",
    ],
]

SITES = [
    # name, domain, kind(s), cookie tool, template header lines, template footer lines, side boxes
    dict(name="Vestjysk Ugeavis", domain="vestjyskugeavis.dk", kinds=["news", "sports", "business"], cookie=0,
         header=["Vestjysk Ugeavis", "Nyheder Sport Kultur Erhverv Debat Dødsfald", "Søg", "Log ind",
                 "Forside › Lokalt"],
         footer=["Vestjysk Ugeavis · Storegade 12 · 7400 Herning · Tlf. 97 12 34 56",
                 "Redaktion: redaktion@vestjyskugeavis.dk", "Ansvarshavende chefredaktør: Karen Holm",
                 "© 2024 Vestjysk Medier A/S · CVR 12345678", "Privatlivspolitik · Cookiepolitik · Annoncer"],
         side=["Mest læste", "Seneste nyheder fra Herning og omegn"]),
    dict(name="Fjordbyens Avis", domain="fjordbyensavis.dk", kinds=["news", "culture", "education"], cookie=1,
         header=["FJORDBYENS AVIS", "Forside | Lokalt | Sport | Kultur | Job | Bolig", "Menu",
                 "Du er her: Forside / Nyheder"],
         footer=["Fjordbyens Avis udgives af Fjordmedier ApS", "Havnegade 3, 7800 Skive",
                 "Kontakt os på 96 14 20 00 eller tip@fjordbyensavis.dk", "Alle rettigheder forbeholdes.",
                 "Om os | Annoncering | Abonnement | Privatliv"],
         side=["Relaterede artikler", "Få avisen som e-avis – prøv en måned for 1 kr."]),
    dict(name="Sund i Midten", domain="sundimidten.dk", kinds=["health", "news"], cookie=3,
         header=["Sund i Midten – nyt om sundhed i Region Midt", "Nyheder · Forebyggelse · Patientliv · Om os",
                 "Søg på siden"],
         footer=["Sund i Midten er et uafhængigt netmedie om sundhed.",
                 "Redaktionen kan kontaktes på redaktion@sundimidten.dk",
                 "Tilmeld dig vores nyhedsbrev og få ugens vigtigste sundhedsnyheder",
                 "Cookie- og privatlivspolitik", "Copyright 2024 Sund i Midten"],
         side=["Læs også", "Mest delte artikler i denne uge"]),
    dict(name="Boldbladet", domain="boldbladet.dk", kinds=["sports"], cookie=0,
         header=["BOLDBLADET", "Superliga 1. division Landsholdet Kvindefodbold Transfers", "Live", "Tabeller",
                 "Forside » Superliga"],
         footer=["Boldbladet er Danmarks uafhængige fodboldmedie", "Skriv til os: redaktion@boldbladet.dk",
                 "Følg os på Facebook, Instagram og X", "© Boldbladet 2024",
                 "Betingelser · Privatlivspolitik · Cookieindstillinger"],
         side=["Seneste resultater", "Tabellen lige nu"]),
    dict(name="Kulturkompasset", domain="kulturkompasset.dk", kinds=["culture"], cookie=2,
         header=["Kulturkompasset", "Musik • Scene • Litteratur • Kunst • Film", "Kalender", "Anmeldelser"],
         footer=["Kulturkompasset drives af en forening af frivillige skribenter.",
                 "Støt os med et bidrag på MobilePay 12345", "Kontakt: post@kulturkompasset.dk",
                 "Kulturkompasset © 2024"],
         side=["Ugens anbefalinger", "Flere anmeldelser"]),
    dict(name="Madglad", domain="madglad.dk", kinds=["recipe"], cookie=1,
         header=["Madglad – hverdagsmad og weekendhygge", "Opskrifter Aftensmad Bagning Grønt Desserter Om mig",
                 "Søg opskrift"],
         footer=["Madglad.dk er en madblog af Hanne Bach", "Alle opskrifter og billeder er mine egne",
                 "Samarbejde: hanne@madglad.dk", "© Madglad 2024 · Privatlivspolitik"],
         side=["Populære opskrifter lige nu", "Du vil måske også kunne lide"]),
    dict(name="Rejselyst", domain="rejselyst.dk", kinds=["travel"], cookie=3,
         header=["Rejselyst", "Danmark Norden Europa Rejsetips Om bloggen", "Menu"],
         footer=["Rejselyst er skrevet af to rejseglade søstre fra Aarhus",
                 "Indlæg kan indeholde affiliate links", "Kontakt: hej@rejselyst.dk",
                 "Rejselyst © 2024 · Alle rettigheder forbeholdes"],
         side=["Seneste indlæg", "Mest læste rejsebeskrivelser"]),
    dict(name="Erhverv Nord", domain="erhvervnord.dk", kinds=["business", "news"], cookie=0,
         header=["ERHVERV NORD", "Nyheder Virksomheder Job Netværk Arrangementer", "Log ind / Opret profil"],
         footer=["Erhverv Nord · Jernbanegade 8 · 9000 Aalborg", "Tlf. 98 10 20 30 · info@erhvervnord.dk",
                 "Erhverv Nord er en del af Nordjyske Erhvervsmedier", "Privatlivspolitik · Cookies · Handelsbetingelser"],
         side=["Job i Nordjylland", "Kommende arrangementer"]),
    dict(name="Skoleliv", domain="skoleliv-online.dk", kinds=["education"], cookie=2,
         header=["Skoleliv", "Grundskole Gymnasium Erhvervsuddannelse Debat", "Abonnér"],
         footer=["Skoleliv – nyheder om uddannelse i hele landet", "Redaktion: redaktionen@skoleliv-online.dk",
                 "Skoleliv ApS © 2024", "Cookiepolitik · Privatliv · Vilkår"],
         side=["Relaterede artikler", "Debat: skriv et indlæg"]),
]

SHOPS = [
    dict(name="Cykelkælderen", domain="cykelkaelderen.dk", cookie=0, kinds=["cykel", "regnjakke", "rygsæk"],
         header=["Cykelkælderen", "Cykler Tøj Tilbehør Værksted Outlet", "Søg produkter", "Kurv (0)",
                 "Fri fragt ved køb over 499 kr. · 30 dages returret · Hurtig levering"],
         footer=["Cykelkælderen ApS · Vestergade 44 · 8600 Silkeborg", "Kundeservice: 86 80 12 34 (hverdage 9-16)",
                 "E-mail: kundeservice@cykelkaelderen.dk", "Handelsbetingelser · Returnering · Fragt · Privatlivspolitik",
                 "Vi accepterer Dankort, Visa, Mastercard og MobilePay", "© 2024 Cykelkælderen ApS · CVR 23456789"]),
    dict(name="Hjem og Hygge", domain="hjemoghygge.dk", cookie=3, kinds=["sofa", "lampe", "elkedel", "havestol"],
         header=["Hjem & Hygge", "Møbler Belysning Køkken Have Udsalg", "Min konto", "Ønskeliste", "Kurv",
                 "Gratis levering ved køb over 999 kr."],
         footer=["Hjem & Hygge A/S · Industrivej 5 · 6000 Kolding", "Ring til os på 75 50 60 70",
                 "Kundeservice: hej@hjemoghygge.dk", "Levering og fragt · Returret · Betingelser · Cookies",
                 "Copyright © 2024 Hjem & Hygge A/S"]),
    dict(name="Friluftsbutikken", domain="friluftsbutikken.dk", cookie=1, kinds=["telt", "sovepose", "vandrestøvle", "rygsæk"],
         header=["Friluftsbutikken", "Telte Soveposer Fodtøj Beklædning Rygsække Brands", "Søg", "Log ind", "Kurv",
                 "Klik og hent i butikken i Vejle – klar samme dag"],
         footer=["Friluftsbutikken · Torvet 2 · 7100 Vejle", "Telefon 75 82 00 11 · info@friluftsbutikken.dk",
                 "Handelsbetingelser · Privatlivspolitik · Om os · Job", "© Friluftsbutikken 2024"]),
]

SALONS = [
    dict(name="Salon Saks", domain="salonsaks.dk", cookie=2,
         header=["Salon Saks", "Forside Priser Book tid Om os Kontakt"],
         footer=["Salon Saks · Søndergade 17 · 8700 Horsens", "Tlf. 75 62 33 44 · book@salonsaks.dk",
                 "Åbent tirsdag-fredag 9-18 og lørdag 9-13"],
         prices=[("Herreklip", 250, 320), ("Dameklip", 350, 480), ("Børneklip (under 12 år)", 180, 220),
                 ("Farvning", 595, 850), ("Striber", 650, 950), ("Skægtrimning", 120, 180), ("Vask og føn", 200, 280),
                 ("Permanent", 800, 1100), ("Bryllupsopsætning", 900, 1400), ("Bryn og vipper", 150, 250)]),
    dict(name="Café Havnen", domain="cafehavnen.dk", cookie=0,
         header=["Café Havnen", "Menu Brunch Frokost Aften Selskaber Find vej"],
         footer=["Café Havnen · Havnepladsen 1 · 5700 Svendborg", "Bordbestilling på 62 21 10 10",
                 "Køkkenet har åbent til kl. 21"],
         prices=[("Dagens ret", 89, 129), ("Smørrebrød med rejer", 75, 110), ("Stjerneskud", 135, 165),
                 ("Brunchtallerken", 145, 189), ("Caesarsalat med kylling", 125, 155), ("Fish and chips", 139, 169),
                 ("Burger med pommes frites", 149, 179), ("Kaffe og kage", 55, 75), ("Hjemmelavet lemonade", 39, 49),
                 ("Børnemenu", 69, 89)]),
]

NEWSLETTER_BOXES = [
    ["Tilmeld dig vores nyhedsbrev", "Få de seneste nyheder direkte i din indbakke – helt gratis.",
     "Skriv din e-mail", "Tilmeld"],
    ["Vil du have nyt fra os? Skriv dig op til vores nyhedsbrev og få 10 % rabat på dit første køb.",
     "Din e-mailadresse", "Jeg accepterer betingelserne"],
    ["Nyhedsbrev", "Modtag ugens bedste tilbud og inspiration hver fredag", "Indtast din e-mail", "Tilmeld dig her"],
]


def shop_lines(rng, kind, brand):
    price = rng.choice([199, 299, 349, 499, 599, 799, 999, 1299, 1499, 1999, 2499, 3999, 4999, 7999])
    before = int(price * rng.choice([1.25, 1.4, 1.5]) / 10) * 10 + 9
    fmt = lambda p: f"{p:,}".replace(",", ".")
    lines = [
        rng.choice([f"{fmt(price)},-", f"{fmt(price)} kr.", f"Pris: {fmt(price)} kr. inkl. moms", f"DKK {fmt(price)},00"]),
        rng.choice([f"Før {fmt(before)},- Spar {fmt(before - price)} kr.", f"Vejl. pris {fmt(before)} kr.",
                    f"-{rng.choice([15, 20, 25, 30, 40])}%", f"Spar {rng.choice([10, 20, 25, 30])}% i denne uge"]),
        rng.choice(["På lager", "På lager – levering 1-3 hverdage", "Få på lager", "Ikke på lager – bestil nu",
                    "Forventet levering: 2-4 hverdage"]),
        rng.choice(["Læg i kurv", "Læg i indkøbskurven", "Tilføj til kurv", "Køb nu"]),
        rng.choice(["Tilføj til ønskeliste", "Vælg størrelse", "Vælg farve: Sort / Grå / Grøn", "Antal: 1"]),
        f"Varenr. {brand[:3].upper()}-{rng.randint(10000, 99999)}",
        rng.choice(["Gratis fragt på denne vare", "Fri fragt over 499 kr.", "Fragt fra 39 kr.", "Hent i butik: gratis"]),
    ]
    rng.shuffle(lines)
    return lines[: rng.randint(4, 7)]


def social_lines(rng, headline_pool):
    lines = [
        rng.choice(["Del på Facebook", "Del artiklen", "Del", "Del på LinkedIn"]),
        rng.choice(["Læs også: " + rng.choice(headline_pool), "LÆS OGSÅ: " + rng.choice(headline_pool),
                    "Læs også » " + rng.choice(headline_pool)]),
        rng.choice([f"{rng.randint(2, 80)} kommentarer", f"{rng.randint(2, 400)} delinger", "Skriv en kommentar",
                    "Send til en ven"]),
    ]
    return lines[: rng.randint(1, 3)]


def fill(template, rng):
    group = rng.choice(GROUPS)
    return template.format(
        town=rng.choice(TOWNS), topic=rng.choice(TOPICS), team=rng.choice(TEAMS), event=rng.choice(SPORTS_EVENTS),
        art=rng.choice(ART).capitalize(), brand=rng.choice(BRANDS), dish=rng.choice(DISHES).capitalize(),
        food1=rng.choice(FOODS), food2=rng.choice(FOODS), place=rng.choice(PLACES), institution=rng.choice(INSTITUTIONS),
        group=group, group_cap=group.capitalize(), name=name(rng), feeling=rng.choice(FEELINGS),
        author=name(rng), book=rng.choice(BOOKS))


def paragraph(rng, kind, seen):
    """2-4 sentences of one topic; unique (by normalized text) across the fixture."""
    for _ in range(100):
        sentences = GENERATORS[kind](rng)
        chosen = rng.sample(sentences, rng.randint(2, min(4, len(sentences))))
        text = " ".join(chosen)
        key = "".join(c for c in text.lower() if c.isalpha())
        if key not in seen:
            seen.add(key)
            return text
    raise RuntimeError("could not make a unique paragraph")


def article(rng, kind, seen, hard_pool):
    headline = fill(rng.choice(HEADLINES[kind]), rng)
    lines = [(headline, "clean")]
    for i in range(rng.randint(4, 8)):
        if i > 1 and rng.random() < 0.25:
            lines.append((fill(rng.choice(SUBHEADINGS), rng), "clean"))
        text = paragraph(rng, kind, seen)
        if hard_pool and rng.random() < 0.3:
            text = text + " " + hard_pool.pop()
        lines.append((text, "clean"))
    if hard_pool and rng.random() < 0.5:
        lines.append((hard_pool.pop(), "clean"))
    return lines


def page(rng, site, kind, seen, hard_pool, headline_pool):
    lines = []
    cookie = [(l, "cookie") for l in COOKIE_TOOLS[site["cookie"]]]
    cookie_top = rng.random() < 0.6
    if cookie_top:
        lines += cookie
    lines += [(l, "template") for l in site["header"]]
    body = article(rng, kind, seen, hard_pool)
    # Social lines and a newsletter box inside the article, at random positions after the headline.
    inserts = []
    if rng.random() < 0.6:
        inserts.append([(l, "social") for l in social_lines(rng, headline_pool)])
    if rng.random() < 0.35:
        inserts.append([(l, "newsletter") for l in rng.choice(NEWSLETTER_BOXES)])
    for block in inserts:
        at = rng.randint(2, len(body))
        body = body[:at] + block + body[at:]
    lines += body
    side = site.get("side", [])
    if side:
        # A "most read" box: three of the site's five current top headlines.
        lines += [(l, "template") for l in side]
        lines += [(l, "template") for l in rng.sample(site["most_read"], 3)]
    lines += [(l, "template") for l in site["footer"]]
    if not cookie_top:
        lines += cookie
    return lines


def shop_page(rng, shop, seen, hard_pool):
    kind = rng.choice(shop["kinds"])
    brand = rng.choice(BRANDS)
    model = rng.choice(["Classic", "Explorer", "Pro", "Urban", "Trail", "Comfort", "Nordic", "Light", "Max", "Eco"])
    lines = [(l, "cookie") for l in COOKIE_TOOLS[shop["cookie"]]]
    lines += [(l, "template") for l in shop["header"]]
    lines.append((f"{brand} {model} {kind}", "clean"))
    commerce = [(l, "shop") for l in shop_lines(rng, kind, brand)]
    lines += commerce[:3]
    description = product_description(rng, kind, brand)
    rng.shuffle(description)
    for _ in range(rng.randint(1, 3)):
        chosen = " ".join(description[:rng.randint(2, 3)])
        rng.shuffle(description)
        key = "".join(c for c in (chosen + kind + brand + model).lower() if c.isalpha())
        if key in seen:
            continue
        seen.add(key)
        lines.append((chosen, "clean"))
    lines += commerce[3:]
    if rng.random() < 0.5:
        lines.append(("Produktbeskrivelse", "template"))  # the shop's fixed tab label
        lines.append((paragraph(rng, rng.choice(["business", "travel"]), seen), "clean"))
    if rng.random() < 0.5:
        lines += [(l, "newsletter") for l in rng.choice(NEWSLETTER_BOXES)]
    lines += [(l, "template") for l in shop["footer"]]
    return lines


def salon_page(rng, salon, seen):
    lines = [(l, "cookie") for l in COOKIE_TOOLS[salon["cookie"]]]
    lines += [(l, "template") for l in salon["header"]]
    kind = "business"
    lines.append((rng.choice(["Velkommen hos os", "Nyt fra huset", "Vi har fået nye kolleger", "Sæsonens nyheder"])
                  + " – " + rng.choice(TOWNS), "clean"))
    lines.append((paragraph(rng, kind, seen), "clean"))
    lines.append(("Priser" if rng.random() < 0.5 else "Prisliste", "price_list"))
    items = rng.sample(salon["prices"], rng.randint(5, 9))
    for item, low, high in items:
        p = rng.randint(low // 5, high // 5) * 5
        fmt = rng.choice([f"{item} {p} kr.", f"{item} {p},-", f"{item}: {p} kr.", f"{item} fra {p} kr.",
                          f"{item} ........ {p},-"])
        lines.append((fmt, "price_list"))
    lines.append((paragraph(rng, "culture" if rng.random() < 0.5 else "business", seen), "clean"))
    lines += [(l, "template") for l in salon["footer"]]
    return lines


def generate(seed=20240604):
    rng = random.Random(seed)
    seen = set()
    hard_pool = HARD_CLEAN[:]
    rng.shuffle(hard_pool)
    hard_pool = hard_pool * 2  # each hard line is used at most twice
    rng.shuffle(hard_pool)
    headline_pool = [fill(rng.choice(HEADLINES[k]), rng) for k in HEADLINES for _ in range(6)]
    for site in SITES:
        site["most_read"] = [fill(rng.choice(HEADLINES[rng.choice(site["kinds"])]), rng) for _ in range(5)]
    pages = []
    for site in SITES:
        for n in range(rng.randint(18, 26)):
            kind = rng.choice(site["kinds"])
            pages.append((f"{site['domain']}/{kind}/{n}", page(rng, site, kind, seen, hard_pool, headline_pool)))
    for shop in SHOPS:
        for n in range(rng.randint(16, 22)):
            pages.append((f"{shop['domain']}/produkt/{n}", shop_page(rng, shop, seen, hard_pool)))
    for salon in SALONS:
        for n in range(rng.randint(12, 15)):
            pages.append((f"{salon['domain']}/side/{n}", salon_page(rng, salon, seen)))
    rng.shuffle(pages)
    records = []
    for index, (path, lines) in enumerate(pages):
        records.append({
            "id": f"eval-{index:04d}",
            "url": "https://www." + path,
            "text": "\n".join(text for text, _ in lines),
            "labels": [label for _, label in lines],
        })
    return records


def hash_vectors():
    import xxhash
    import mmh3
    inputs = [b"", b"a", b"abc", b"message digest", b"abcdefghijklmnopqrstuvwxyz", bytes(range(256)),
              "Læs mere på www.dr.dk – æøå ÆØÅ".encode(), b"x" * 31, b"y" * 32, b"z" * 33, b"0123456789" * 10,
              b"hello world, this is a line of 47 bytes length"]
    cases = []
    for x in inputs:
        cases.append({
            "input_hex": x.hex(),
            "xxh64_seed0": format(xxhash.xxh64_intdigest(x, 0), "x"),
            "xxh64_seed2654435761": format(xxhash.xxh64_intdigest(x, 2654435761), "x"),
            "mmh3_x64_128": format(mmh3.hash128(x, 0, True, signed=False), "032x"),
        })
    with open(os.path.join(FIXTURES, "hash_vectors.json"), "w") as f:
        json.dump({"made_with": f"xxhash {xxhash.VERSION}, mmh3 {mmh3.__version__ if hasattr(mmh3, '__version__') else '?'}",
                   "cases": cases}, f, indent=1)
        f.write("\n")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hash-vectors", action="store_true", help="also write hash_vectors.json (needs xxhash, mmh3)")
    args = parser.parse_args()
    os.makedirs(FIXTURES, exist_ok=True)
    records = generate()
    with open(os.path.join(FIXTURES, "filter_eval.jsonl"), "w") as f:
        for record in records:
            f.write(json.dumps(record, ensure_ascii=False) + "\n")
    counts = {}
    for record in records:
        for label in record["labels"]:
            counts[label] = counts.get(label, 0) + 1
    print(f"{len(records)} pages; lines by label: {dict(sorted(counts.items()))}")
    if args.hash_vectors:
        hash_vectors()
        print("wrote hash_vectors.json")


if __name__ == "__main__":
    main()
