import CICUShim

/// An error reported by ICU, with Swift names for the codes dacorpus can meet.
///
/// Each case's documentation names the ICU `UErrorCode` it stands for; ``name`` gives ICU's
/// own name (from `u_errorName`) and ``code`` its number.
public enum ICUError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An argument was out of range. The corresponding ICU error is `U_ILLEGAL_ARGUMENT_ERROR`.
  case illegalArgument
  /// ICU's data for a transform, a normalizer or a property is missing. The corresponding
  /// ICU error is `U_MISSING_RESOURCE_ERROR`.
  case missingResource
  /// Data in a bad format. The corresponding ICU error is `U_INVALID_FORMAT_ERROR`.
  case invalidFormat
  /// ICU ran out of memory. The corresponding ICU error is `U_MEMORY_ALLOCATION_ERROR`.
  case memoryAllocation
  /// An index was out of bounds. The corresponding ICU error is `U_INDEX_OUTOFBOUNDS_ERROR`.
  case indexOutOfBounds
  /// The result did not fit the buffer. The corresponding ICU error is
  /// `U_BUFFER_OVERFLOW_ERROR`; the wrappers grow their buffers and retry, so callers see it
  /// only if a result exceeds 2³¹ UTF-16 units.
  case bufferOverflow
  /// Transliteration rules did not compile: `line` and `offset` locate the problem when ICU
  /// knows it (else -1). The corresponding ICU errors are the `U_PARSE_ERROR_START`
  /// range (`U_MALFORMED_RULE`, `U_MALFORMED_SET`, `U_INVALID_ID`, …).
  case invalidRules(code: Int32, line: Int32, offset: Int32)
  /// Any other ICU error code.
  case other(code: Int32)

  /// Maps an ICU status code (> 0) to a case.
  init(code: Int32, line: Int32 = -1, offset: Int32 = -1) {
    switch Int(code) {
    case Int(DAC_ICU_ILLEGAL_ARGUMENT): self = .illegalArgument
    case Int(DAC_ICU_MISSING_RESOURCE): self = .missingResource
    case Int(DAC_ICU_INVALID_FORMAT): self = .invalidFormat
    case Int(DAC_ICU_MEMORY_ALLOCATION): self = .memoryAllocation
    case Int(DAC_ICU_INDEX_OUTOFBOUNDS): self = .indexOutOfBounds
    case Int(DAC_ICU_BUFFER_OVERFLOW): self = .bufferOverflow
    case Int(DAC_ICU_PARSE_ERROR_START)..<Int(DAC_ICU_PARSE_ERROR_LIMIT):
      self = .invalidRules(code: code, line: line, offset: offset)
    default: self = .other(code: code)
    }
  }

  /// The ICU status code.
  public var code: Int32 {
    switch self {
    case .illegalArgument: DAC_ICU_ILLEGAL_ARGUMENT
    case .missingResource: DAC_ICU_MISSING_RESOURCE
    case .invalidFormat: DAC_ICU_INVALID_FORMAT
    case .memoryAllocation: DAC_ICU_MEMORY_ALLOCATION
    case .indexOutOfBounds: DAC_ICU_INDEX_OUTOFBOUNDS
    case .bufferOverflow: DAC_ICU_BUFFER_OVERFLOW
    case .invalidRules(let code, _, _), .other(let code): code
    }
  }

  /// ICU's name for the code (`U_MALFORMED_RULE`, `U_BUFFER_OVERFLOW_ERROR`, …).
  public var name: String { String(cString: dac_icu_error_name(code)) }

  public var description: String {
    switch self {
    case .invalidRules(_, let line, let offset) where line >= 0 || offset >= 0:
      "ICU error \(name): the transliteration rules do not compile (line \(line), offset \(offset))"
    default:
      "ICU error \(name) (\(code))"
    }
  }
}
