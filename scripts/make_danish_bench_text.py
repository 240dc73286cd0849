#!/usr/bin/env python3
"""Extracts running Danish text from Debian's Danish documentation packages, for
`wordpiece-throughput --text` (real Danish, unlike the synthetic samples/).

    apt-get install libreoffice-help-da gimp-help-da
    python3 scripts/make_danish_bench_text.py /tmp/dacorpus-bench/danish-docs.txt

One paragraph (p, li, td, headings, …) of at least 20 characters per line, whitespace
collapsed; files in sorted order, so the output is deterministic for the same packages
(libreoffice-help-da 7.4 + gimp-help-da 2.10 on Debian 12: about 6.6 MB, 77 000 lines).
"""
import html.parser
import os
import sys

ROOTS = ["/usr/share/libreoffice/help/da", "/usr/share/gimp/2.0/help/da"]
BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "td", "tr", "br", "pre", "dt", "dd", "title"}


class Paragraphs(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.buffer, self.out, self.skip = [], [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag in BLOCKS:
            self.flush()

    def handle_endtag(self, tag):
        if tag in ("script", "style"):
            self.skip -= 1
        if tag in BLOCKS:
            self.flush()

    def handle_data(self, data):
        if not self.skip:
            self.buffer.append(data)

    def flush(self):
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if len(text) >= 20:
            self.out.append(text)


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    roots = [r for r in ROOTS if os.path.isdir(r)]
    if not roots:
        raise SystemExit("no Danish documentation found; apt-get install libreoffice-help-da gimp-help-da")
    with open(sys.argv[1], "w", encoding="utf-8") as out:
        for root in roots:
            for directory, subdirectories, files in sorted(os.walk(root)):
                subdirectories.sort()
                for name in sorted(files):
                    if name.endswith(".html"):
                        parser = Paragraphs()
                        with open(os.path.join(directory, name), encoding="utf-8", errors="replace") as f:
                            parser.feed(f.read())
                        parser.flush()
                        for line in parser.out:
                            out.write(line + "\n")


if __name__ == "__main__":
    main()
