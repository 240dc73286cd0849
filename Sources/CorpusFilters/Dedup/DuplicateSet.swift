/// Where a document is: its source (pipeline order), its ingest task, its index within the
/// task, and its id.
///
/// Keeper order is (source index, task index, document index).
public struct DocumentKey: Hashable, Sendable, Comparable, CustomStringConvertible {
  public var sourceIndex: Int
  public var taskIndex: Int
  public var documentIndex: Int
  public var id: String

  /// Creates a key.
  public init(sourceIndex: Int, taskIndex: Int, documentIndex: Int, id: String) {
    self.sourceIndex = sourceIndex
    self.taskIndex = taskIndex
    self.documentIndex = documentIndex
    self.id = id
  }

  public static func < (a: DocumentKey, b: DocumentKey) -> Bool {
    (a.sourceIndex, a.taskIndex, a.documentIndex) < (b.sourceIndex, b.taskIndex, b.documentIndex)
  }

  public var description: String { "\(id) (source \(sourceIndex), task \(taskIndex), document \(documentIndex))" }
}

/// The dedup reduce's decision: the documents to drop, each with the document kept in its place.
public struct DuplicateSet: Sendable, Equatable {
  /// Why a document is a duplicate.
  public enum Reason: String, Sendable, Equatable {
    /// Its normalized text equals the kept document's.
    case exact = "exact_duplicate"
    /// Its cluster was joined by MinHash LSH.
    case nearDuplicate = "near_duplicate"
  }

  /// One dropped document.
  public struct Removed: Sendable, Equatable {
    /// The dropped document.
    public var key: DocumentKey
    /// The representative kept for its cluster: the smallest key of the cluster.
    public var kept: DocumentKey
    /// The cluster's id: its position in the reduce's keeper order (stable for the same input).
    public var cluster: Int
    /// Exact or near.
    public var reason: Reason
    /// The estimated Jaccard similarity to the kept document (1 for exact duplicates).
    public var similarity: Double
  }

  /// The dropped documents, sorted by (task index, document index).
  public private(set) var removed: [Removed]
  /// For each kept representative of a cluster of ≥ 2 documents, the cluster's size
  /// (FineWeb-2's `minhash_cluster_size`, for rehydration), sorted by key.
  public private(set) var clusterSizes: [(kept: DocumentKey, size: Int)]
  /// How the reduce went.
  public var statistics = DedupStatistics()

  /// A set from its parts.
  public init(removed: [Removed], clusterSizes: [(kept: DocumentKey, size: Int)]) {
    self.removed = removed.sorted {
      ($0.key.taskIndex, $0.key.documentIndex) < ($1.key.taskIndex, $1.key.documentIndex)
    }
    self.clusterSizes = clusterSizes.sorted { $0.kept < $1.kept }
  }

  public static func == (a: DuplicateSet, b: DuplicateSet) -> Bool {
    a.removed == b.removed && a.clusterSizes.elementsEqual(b.clusterSizes) { $0.kept == $1.kept && $0.size == $1.size }
  }

  /// The removals of one task, in document order (for the finish phase's task).
  ///
  /// - Complexity: O(log n).
  public func removals(inTask task: Int) -> ArraySlice<Removed> {
    func lowerBound(_ t: Int) -> Int {
      var low = 0
      var high = removed.count
      while low < high {
        let mid = (low + high) / 2
        if removed[mid].key.taskIndex < t { low = mid + 1 } else { high = mid }
      }
      return low
    }
    return removed[lowerBound(task)..<lowerBound(task + 1)]
  }

  /// The document indices dropped in `task`.
  public func removedDocuments(inTask task: Int) -> Set<Int> {
    Set(removals(inTask: task).map(\.key.documentIndex))
  }
}

/// Figures of one dedup reduce.
public struct DedupStatistics: Sendable, Equatable {
  /// Sidecars and documents read.
  public var sidecars = 0
  public var documents = 0
  /// Documents with a MinHash signature.
  public var signed = 0
  /// Documents dropped as exact and as near duplicates.
  public var exactDuplicates = 0
  public var nearDuplicates = 0
  /// Clusters of ≥ 2 documents.
  public var clusters = 0
  /// LSH candidate pairs checked against the threshold, and those rejected by it.
  public var candidatePairs = 0
  public var rejectedPairs = 0
  /// Sorted runs spilled to disk (0 when every pass fit in the budget).
  public var runs = 0
}
