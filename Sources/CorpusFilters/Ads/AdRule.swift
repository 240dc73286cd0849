/// The named line rules of the ad and boilerplate filter (``AdLineFilter``).
///
/// The raw value is the
/// name in `pipeline.yaml` (`filters.ads.rules`), in reports and in removal records.
///
/// Counting conventions: a *word* is a whitespace-separated token with at least one letter or
/// digit; a line is *sentence-like* when it ends in `.`, `!`, `?` or `…` (optionally followed by
/// closing quotes or brackets) and its last word is not a currency (`kr.`, `DKK`, `,-`).
/// Lexicon phrases match case-insensitively on word boundaries (see ``AdLexicon``).
public enum AdRule: String, Sendable, Codable, CaseIterable, CodingKey, Comparable {
  /// A `site` lexicon phrase (cookie consent, newsletter sign-up, comment forms, account
  /// links, copyright): page furniture, removed at any length.
  case sitePhrase = "site_phrase"
  /// A `shop` lexicon phrase (cart, checkout, stock and delivery, product variants, item
  /// numbers): web-shop interface, removed at any length.
  case shopPhrase = "shop_phrase"
  /// A `policy` lexicon phrase (privacy, cookie and trade terms, CVR) or `©`, in a line of at
  /// most 8 words or one that is not sentence-like.
  case policy
  /// A `call_to_action` phrase (`klik her`, `læs mere`, `del på facebook`, …) in a line of at
  /// most 10 words that starts or ends with it or is not sentence-like (RefinedWeb strips such
  /// phrases from lines of ≤ 10 words); or, at any length, a line that starts with one and is
  /// not sentence-like (teasers: `Læs også: …`).
  case callToAction = "call_to_action"
  /// A `navigation` word (`forside`, `menu`, `næste`, `antal`, …) in a line of at most 2 words
  /// that is not sentence-like, or a line starting with one followed by `:` (`Foto: …`).
  case navigation
  /// `commercial` lexicon hits (`tilbud`, `spar`, `fri fragt`, `inkl. moms`, `rabat*`, …)
  /// combined: with prices, discounts and (when there is a commercial hit) percentages, at
  /// least 2 signals that make ≥ 25 % of the words or sit in a line that is not sentence-like;
  /// or one hit in a line of at most 3 words that is not sentence-like.
  case commercial
  /// Prices (`199,-`, `1.299 kr.`, `DKK 49,95`, `49,95 €`) or discounts (`-30%`) in a line of at
  /// most 8 words or one that is not sentence-like; or at least 3 prices making ≥ 15 % of the
  /// words (price lists). A price in a long sentence survives.
  case price
  /// URLs, e-mail addresses or Danish phone numbers in a line of at most 8 words or one that is
  /// not sentence-like, or making ≥ 25 % of its words.
  case contact
  /// A counter line: a number and a counter word only (`12 kommentarer`, `1,2K likes`), after
  /// RefinedWeb's counter regex with Danish words added.
  case counter
  /// More than half of the line's characters are upper-case letters (RefinedWeb, as in DCLM:
  /// upper-case characters / all characters > 0.5).
  case uppercase
  /// A non-empty line without any letter: numbers, dates, symbols, separators (RefinedWeb's
  /// numeric lines and datatrove's symbol lines).
  case noLetters = "no_letters"
  /// A line with exactly one word (RefinedWeb drops lines with fewer than 2 words).
  case oneWord = "one_word"
  /// Code: `{`, `}`, `javascript`, `<script`, `[if` (C4, ROOTS).
  case code
  /// `lorem ipsum` placeholder text (C4 drops the page; here the line).
  case loremIpsum = "lorem_ipsum"
  /// A word longer than 1,000 characters (C4).
  case longWord = "long_word"

  public static func < (a: AdRule, b: AdRule) -> Bool { a.index < b.index }

  /// The position in ``allCases``.
  public var index: Int {
    switch self {
    case .sitePhrase: 0
    case .shopPhrase: 1
    case .policy: 2
    case .callToAction: 3
    case .navigation: 4
    case .commercial: 5
    case .price: 6
    case .contact: 7
    case .counter: 8
    case .uppercase: 9
    case .noLetters: 10
    case .oneWord: 11
    case .code: 12
    case .loremIpsum: 13
    case .longWord: 14
    }
  }
}
