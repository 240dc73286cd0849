import CorpusIO

/// Reads any ``InputUnit`` into documents, choosing the reader by its format.
public enum SourceReader {
  /// Reads `unit`, handing each document to `emit`; records and issues go to `context.log`.
  ///
  /// Data problems never throw: they are counted and reading goes on. This throws only when
  /// `emit` throws or the log is strict.
  public static func read(_ unit: InputUnit, context: ReadContext, emit: DocumentSink) throws {
    switch unit.format {
    case .oscar2019Shuffled: try OSCAR2019Reader(context: context).read(path: unit.path, shuffled: true, emit: emit)
    case .oscar2019Unshuffled: try OSCAR2019Reader(context: context).read(path: unit.path, shuffled: false, emit: emit)
    case .oscar2109:
      guard let meta = unit.companions.first else {
        return try context.log.report(
          DataIssue(.missingFile, file: unit.path, at: .file, "OSCAR 21.09 text part has no _meta part beside it"))
      }
      try OSCAR2109Reader(context: context).read(textPath: unit.path, metaPath: meta, emit: emit)
    case .oscar2201: try OSCARDocumentReader(context: context, release: "22.01").read(path: unit.path, emit: emit)
    case .oscar2301: try OSCARDocumentReader(context: context, release: "23.01").read(path: unit.path, emit: emit)
    case .leipzig: try LeipzigReader(context: context).read(path: unit.path, emit: emit)
    case .wikipedia: try WikipediaReader(context: context).read(path: unit.path, emit: emit)
    case .opus: try OPUSReader(context: context).read(path: unit.path, emit: emit)
    case .danewsroom: try DaNewsroomReader(context: context).read(path: unit.path, emit: emit)
    case .text: try PlainTextReader(context: context).read(path: unit.path, emit: emit)
    case .jsonl: try DolmaJSONLReader(context: context).read(path: unit.path, emit: emit)
    }
  }
}
