#!/usr/bin/env python3
"""Makes the transliteration golden fixtures of Tests/CorpusTextTests/Fixtures with uconv.

Needs `uconv` from Debian's icu-devtools (the same ICU as libicu-dev). Deterministic: run it
again after an ICU upgrade and commit the result with the new ICU version in translit-meta.json.

    scripts/make_normalize_fixtures.py

Every fixture is a gzipped JSON-lines file with one case per line:
    {"input": "...", "expected": "..."}            (+ "uconv": raw output when it differs)
`expected` is uconv's output with every character outside the kept set (printable ASCII, TAB,
LF, æøåÆØÅ§) removed: the Danish default of `dacorpus normalize --no-repair`. The tests feed
all inputs of a file to the transliterator at once (joined by LF) and one by one. Files for
other kept sets name the set (`-keep-sv`: äöåÄÖÅ, `-keep-de`: äöüßÄÖÜ); `-replace-question-mark`
replaces each leftover character with `?` instead of removing it.
"""
import gzip
import json
import os
import subprocess
import sys

KEEP = "æøåÆØÅ§"
RULES = f"::[^{KEEP}] Any-Latin; ::[^{KEEP}] Latin-ASCII;"
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Tests", "CorpusTextTests", "Fixtures")


def rules(keep):
    return f"::[^{keep}] Any-Latin; ::[^{keep}] Latin-ASCII;"


def uconv(lines, keep=KEEP):
    """uconv on all lines at once (one per line); returns one output per input line."""
    for line in lines:
        assert "\n" not in line, repr(line)
    data = ("\n".join(lines) + "\n").encode("utf-8")
    result = subprocess.run(
        ["uconv", "-f", "utf-8", "-t", "utf-8", "-x", rules(keep)], input=data, capture_output=True, check=True)
    out = result.stdout.decode("utf-8").split("\n")
    assert out[-1] == "" and len(out) == len(lines) + 1, (len(out), len(lines))
    return out[:-1]


def kept(c, keep=KEEP):
    return (" " <= c <= "~") or c in "\t\n" or c in keep


def drop(text, keep=KEEP, replacement=""):
    return "".join(c if kept(c, keep) else replacement for c in text)


def write(name, inputs, keep=KEEP, replacement=""):
    seen = set()
    unique = []
    for line in inputs:
        if line not in seen:
            seen.add(line)
            unique.append(line)
    outputs = uconv(unique, keep)
    path = os.path.join(OUT, name)
    # mtime=0: the gzip bytes do not depend on when the script ran.
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        for line, out in zip(unique, outputs):
            expected = drop(out, keep, replacement)
            record = {"input": line, "expected": expected}
            if expected != out:
                record["uconv"] = out
            f.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    print(f"{name}: {len(unique)} cases")


def bmp_changed():
    """Every BMP code point that the rules change, alone (LF and surrogates excluded)."""
    cps = [c for c in range(0x10000) if not (0xD800 <= c <= 0xDFFF) and c != 0x0A]
    outputs = uconv([chr(c) for c in cps])
    return [c for c, out in zip(cps, outputs) if out != chr(c)]


BLOCKS = {
    "Basic Latin": (0x0000, 0x007F), "Latin-1 Supplement": (0x0080, 0x00FF),
    "Latin Extended-A": (0x0100, 0x017F), "Latin Extended-B": (0x0180, 0x024F),
    "IPA Extensions": (0x0250, 0x02AF), "Spacing Modifier Letters": (0x02B0, 0x02FF),
    "Combining Diacritical Marks": (0x0300, 0x036F), "Latin Extended Additional": (0x1E00, 0x1EFF),
    "Latin Extended-C": (0x2C60, 0x2C7F), "Latin Extended-D": (0xA720, 0xA7FF), "Latin Extended-E": (0xAB30, 0xAB6F),
    "Alphabetic Presentation Forms (Latin)": (0xFB00, 0xFB06),
    "Greek and Coptic": (0x0370, 0x03FF), "Greek Extended": (0x1F00, 0x1FFF),
    "Cyrillic": (0x0400, 0x04FF), "Cyrillic Supplement": (0x0500, 0x052F), "Cyrillic Extended-A": (0x2DE0, 0x2DFF),
    "Cyrillic Extended-B": (0xA640, 0xA69F), "Cyrillic Extended-C": (0x1C80, 0x1C8F),
    "CJK Symbols and Punctuation": (0x3000, 0x303F), "Hiragana": (0x3040, 0x309F), "Katakana": (0x30A0, 0x30FF),
    "Bopomofo": (0x3100, 0x312F), "Hangul Compatibility Jamo": (0x3130, 0x318F),
    "CJK Unified Ideographs Extension A": (0x3400, 0x4DBF), "CJK Unified Ideographs": (0x4E00, 0x9FFF),
    "Hangul Syllables": (0xAC00, 0xD7A3), "CJK Compatibility Ideographs": (0xF900, 0xFAFF),
    "Halfwidth and Fullwidth Forms": (0xFF00, 0xFFEF),
    "Arabic": (0x0600, 0x06FF), "Arabic Supplement": (0x0750, 0x077F), "Arabic Extended-A": (0x08A0, 0x08FF),
    "Arabic Presentation Forms-A": (0xFB50, 0xFDFF), "Arabic Presentation Forms-B": (0xFE70, 0xFEFF),
    "Hebrew": (0x0590, 0x05FF), "Alphabetic Presentation Forms (Hebrew)": (0xFB1D, 0xFB4F),
    "Devanagari": (0x0900, 0x097F), "Devanagari Extended": (0xA8E0, 0xA8FF),
}


def block_cases():
    cases = []
    for first, last in BLOCKS.values():
        cps = [c for c in range(first, last + 1) if c != 0x0A]
        cases += [chr(c) for c in cps]
        # The block as running text, 16 code points a line: context between neighbours.
        for i in range(0, len(cps), 16):
            cases.append("".join(chr(c) for c in cps[i:i + 16]))
    return cases


SENTENCES = [
    # Danish, with the foreign names, quotes and symbols of real web text
    "Statsminister Mette Frederiksen mødtes med Volodymyr Zelenskyj (Володимир Зеленський) i Kyiv.",
    "“Det er en fantastisk dag,” sagde Søren Kierkegaard-ekspert José Müller – og smilede.",
    "Prisen er 1.299,95 € inkl. moms (ca. 9.700 kr.) – tilbuddet gælder t.o.m. 31/12.",
    "Læs mere på www.dr.dk/nyheder › Indland » Politik …",
    "Café Østerbro serverer crème brûlée, smørrebrød og æbleskiver ☕🍰",
    "Hun bor i Zürich, han i São Paulo, og de mødes i Kraków eller Reykjavík.",
    "§ 3, stk. 2: Aftalen gælder for ½ år ad gangen – dog mindst 6 måneder.",
    "Temperaturen steg til 25 °C i Aarhus; i Tromsø var der −3 °C.",
    "Dronning Margrethe II's 50-års regeringsjubilæum fejres den 14. januar 2022.",
    "Årets ord blev »klimatosse«, skriver Dansk Sprognævn.",
    "Han citerede Dostojevskij: „Красота спасёт мир“ – skønheden vil redde verden.",
    "Ægteparret Åse og Øjvind købte en Škoda Octavia hos Bilhuset Nørregård ApS.",
    "Se opskriften 👉 https://example.dk/opskrift?id=42&amp;lang=da 😋",
    # Greek
    "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας; Ναι, και η μεγαλύτερη πόλη της.",
    "Ὁ Ὅμηρος ἔγραψε τὴν Ἰλιάδα καὶ τὴν Ὀδύσσειαν.",
    "Ψάρι, θάλασσα, χρυσός, ευχαριστώ, μπαμπάς, ντομάτα, γκολ.",
    # Cyrillic
    "Москва — столица России; её население превышает 12 миллионов человек.",
    "Київ — столиця України. Слава Україні!",
    "София е столицата на България, а Белград е столицата на Сърбия.",
    "Щука, объявление, съёмка, подъезд, льгота, йогурт.",
    # CJK
    "北京是中华人民共和国的首都。",
    "東京は日本の首都です。カタカナとひらがなも使います。",
    "ラーメン、コーヒー、チョコレート、ヴァイオリン、ウィキペディア。",
    "서울은 대한민국의 수도입니다.",
    "重庆和西藏文化。",
    "台灣的首都是台北市。",
    # Arabic, Persian, Hebrew
    "القاهرة هي عاصمة مصر، وعدد سكانها ٢٠ مليون نسمة.",
    "تهران پایتخت ایران است.",
    "ירושלים היא בירת ישראל.",
    "שָׁלוֹם עֲלֵיכֶם",
    # Indic and South-East Asian
    "नई दिल्ली भारत की राजधानी है।",
    "संस्कृतम् जगतः एकतमा अतिप्राचीना समृद्धा शास्त्रीया च भाषा।",
    "কলকাতা পশ্চিমবঙ্গের রাজধানী।",
    "சென்னை தமிழ்நாட்டின் தலைநகரம்.",
    "กรุงเทพมหานครเป็นเมืองหลวงของประเทศไทย",
    "Hà Nội là thủ đô của Việt Nam.",
    # Other scripts
    "Երևանը Հայաստանի մայրաքաղաքն է։",
    "თბილისი საქართველოს დედაქალაქია.",
    "አዲስ አበባ የኢትዮጵያ ዋና ከተማ ናት።",
    "ᏣᎳᎩ ᎦᏬᏂᎯᏍᏗ",
    # Latin-script languages
    "Ærøskøbing, Færøerne, Grønland og Åland ligger i Norden.",
    "Smörgåsbord, Köttbullar och Äppelkaka från Göteborg.",
    "Straße, Grüße, Äpfel, Öl und Übermut in München.",
    "Łódź, Gdańsk, Wrocław i Żółć to polskie słowa.",
    "Příliš žluťoučký kůň úpěl ďábelské ódy.",
    "Þú ert að læra íslensku á Íslandi.",
    "İstanbul, Ağrı, Çanakkale, Şanlıurfa ve Iğdır.",
    "Ça coûte 12 € à Noël, n’est-ce pas ? « Oui ! »",
    "¿Dónde está la estación? ¡Aquí, señor!",
    "Árvíztűrő tükörfúrógép — Őrült ütés.",
    "Şcoală, ţară, înţelepciune în România.",
    "Ŀ, ŉ, ĸ, ĳ, ſ, ǅ, Ǳ, ǈ: rare Latin letters.",
    # Mixed scripts in one line
    "Tokyo (東京), Moskva (Москва), Athen (Αθήνα) og Kairo (القاهرة).",
    "Navnet Ψάρης; Φώτης; Χρήστος: græske navne i en dansk tekst.",
    "Filmen «Солярис» (1972) af Андрей Тарковский vises i Cinemateket.",
    "Koreansk 김치 og japansk すし på menuen.",
]

COMBINING = [
    "e\u0301", "a\u0308\u0301", "a\u030A", "A\u030A", "o\u0338", "<\u0338", "=\u0338", ">\u0338",
    "\u0301a", "1\u0301", " \u0301", "§\u0301", "æ\u0301", "å\u0301", "ø\u0338", "x\u20DD", "1\u20E3",
    "a\u0301\u0302\u0303\u0304", "q\u0323\u0307", "i\u0307", "I\u0307", "ı\u0307",
    "и\u0306", "е\u0308", "Ε\u0301λλάδα", "α\u0313\u0301", "ω\u0342\u0345", "ᾼ\u0301",
    "ᄀ\u1161\u11A8", "ᄒ\u1161\u11AB\u1100\u1173\u11AF", "\u1161", "\u11A8",
    "क\u094D\u0937", "न\u093F", "ह\u093F\u0928\u094D\u0926\u0940", "क\u093C",
    "ก\u0E48", "\u0E48ก", "ש\u05C1\u05B8", "ب\u064E\u0651", "\u064Eب",
    "a\uFE0F", "a\u200D", "a\u034F\u0301", "Ǆ\u0301", "ß\u0301", "ﬁ\u0301",
    "\u0344", "\u0340a", "\u0343", "\u0958", "\u2126", "\u212B", "\u2000", "\uF900",
]

SYMBOLS = [
    "😀 😃 😄 😁 😆 😅 🤣 😂", "👍 👍🏻 👍🏽 👍🏿", "👩‍💻 👨‍👩‍👧‍👦 🏳️‍🌈", "🇩🇰 🇸🇪 🇳🇴 🇩🇪", "1️⃣ #️⃣ *️⃣",
    "❤️ ♥ ♡ ★ ☆ ✓ ✗ ✔ ✘ ☺ ☹ ☀ ☁ ☂ ☃", "∀∂∃∅∇∈∉∋∏∑−∓∗√∝∞∠∧∨∩∪∫≈≠≡≤≥⊂⊃⊆⊇⊕⊗",
    "← ↑ → ↓ ↔ ⇐ ⇒ ⇔ ➔ ➜", "─│┌┐└┘├┤┬┴┼═║╔╗╚╝", "€ £ ¥ ₹ ₽ ₩ ₪ ฿ ₫ ₿ ¢ ¤ $",
    "™ ℃ ℉ № ℓ ℮ ℗ ℠ Ω K Å ℵ", "² ³ ¹ ⁰ ⁴ ⁵ ₀ ₁ ₂ ₃", "½ ⅓ ⅔ ¼ ¾ ⅕ ⅛ ⅞ ↉",
    "Ⅰ Ⅱ Ⅲ Ⅳ Ⅻ ⅰ ⅱ ⅻ", "① ② ⑳ ⓐ ⓩ Ⓐ ⑴ ⒜ ⒈", "ＡＢＣ ａｂｃ １２３ ！？（）［］｛｝",
    "♪ ♫ 𝄞 𝄢", "𝐀𝐁𝐂 𝔸𝔹ℂ 𝒳𝒴𝒵 𝟘𝟙𝟚 𝕒𝕓𝕔", "🂡 🂱 🃁 🁣", "© ® ° ± × ÷ · • … ‰ ′ ″ ‹ › « »",
    "‘single’ “double” „low“ ‚low‘ 「括弧」 『二重』", "– — ― ‐ ‑ ‒ ⁃ ﹘ ﹣ －", "\u00A0\u2002\u2003\u2009\u200A\u202F\u205F\u3000",
    "\u200B\u200C\u200D\u2060\uFEFF\u00AD", "\u200E\u200F\u202A\u202B\u202C\u202D\u202E", "𠀋 𠀀 𪚥 𫝀",
    "😀x", "x😀", "æ😀ø", "🀄 🎴 🏀 🦄 🧠 🪐",
]

CHUNK_ENDS = [
    # uconv ends a chunk after any UTF-16 unit u with u & 0x2028 == 0x2028: context stops there.
    "中€中", "x中€中x", "中\u202F中", "Τι€;", "Τι;€Τι;", "ア\uFF28ア", "x\u2028中", "中\u2028中", "a\u0085中",
    "中\r中", "Ψ\u2029Ψ", "ヽ\u2028ヽ", "ス\u203Aス", "キ\u20A8ャ",
]


def main():
    os.makedirs(OUT, exist_ok=True)
    changed = bmp_changed()
    between = []
    for c in changed:
        ch = chr(c)
        between += [ch, "a" + ch + "b", "æ" + ch + "ø"]
    write("translit-bmp-changed.jsonl.gz", between)
    write("translit-blocks.jsonl.gz", block_cases())
    write("translit-sentences.jsonl.gz", SENTENCES)
    write("translit-combining.jsonl.gz", COMBINING)
    write("translit-symbols.jsonl.gz", SYMBOLS + CHUNK_ENDS)
    # Other kept sets and the replace rule (keep and replacement are in the file names).
    write("translit-keep-sv.jsonl.gz", SENTENCES + SYMBOLS, keep="äöåÄÖÅ")
    write("translit-keep-de.jsonl.gz", SENTENCES + SYMBOLS, keep="äöüßÄÖÜ")
    write("translit-replace-question-mark.jsonl.gz", SENTENCES + SYMBOLS + COMBINING, replacement="?")
    version = subprocess.run(["uconv", "--version"], capture_output=True, text=True).stdout.strip()
    with open(os.path.join(OUT, "translit-meta.json"), "w", encoding="utf-8") as f:
        json.dump({"rules": RULES, "keep": KEEP, "uconv": version, "bmp_changed": len(changed)}, f, ensure_ascii=False, indent=1)
        f.write("\n")


if __name__ == "__main__":
    sys.exit(main())
