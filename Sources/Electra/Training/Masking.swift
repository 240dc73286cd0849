import Shards

/// google-research/electra's input masking (`pretrain_helpers.mask`) for one batch.
///
/// Per sequence: candidates are real positions (`attention_mask = 1`) that are not `[CLS]`,
/// `[SEP]` or `[MASK]`; `n = max(1, min(N, round(Σ mask · 0.15)))` with the product in `Float`
/// rounded half to even, as `tf.round` does, and `N = int((0.15 + 0.005) · seqLen)`
/// (`max_predictions_per_seq`). Of the `n` chosen positions 85 % become `[MASK]` and 15 % keep
/// their token; there is no random-token replacement.
///
/// One deliberate difference: positions are drawn *without* replacement. ELECTRA draws with
/// replacement and collapses duplicates by an integer average in `scatter_update`, which can
/// write an unrelated token id; here every slot is a distinct position (at most all candidates).
public struct Masking: Sendable, Hashable {
  /// Flat indices `b · seqLen + t` of the chosen positions, ascending within each sequence.
  public var rows: [Int]
  /// The generator's input: the batch's ids with `[MASK]` at 85 % of ``rows``.
  public var maskedInputIDs: [Int32]

  public init(rows: [Int], maskedInputIDs: [Int32]) {
    self.rows = rows
    self.maskedInputIDs = maskedInputIDs
  }

  /// Masks `batch` with `special`'s `[CLS]`, `[SEP]` and `[MASK]` ids.
  public init(
    _ batch: ElectraBatch, special: SpecialTokens, maskID: Int32, probability: Float = 0.15,
    random: inout ElectraRandom
  ) {
    let maxPredictions = Int((Double(probability) + 0.005) * Double(batch.seqLen))
    var rows: [Int] = []
    var masked = batch.inputIDs
    var candidates: [Int] = []
    for b in 0..<batch.batchSize {
      candidates.removeAll(keepingCapacity: true)
      var real = 0
      for t in 0..<batch.seqLen {
        let r = b * batch.seqLen + t
        guard batch.attentionMask[r] != 0 else { continue }
        real += 1
        let id = batch.inputIDs[r]
        if id != special.cls, id != special.sep, id != maskID { candidates.append(r) }
      }
      let wanted = max(1, min(maxPredictions, Int((Float(real) * probability).rounded(.toNearestOrEven))))
      let n = min(wanted, candidates.count)
      for i in 0..<n {
        let j = i + Int(random.next() % UInt64(candidates.count - i))
        candidates.swapAt(i, j)
      }
      for r in candidates[..<n].sorted() {
        rows.append(r)
        if random.nextUniform() < 0.85 { masked[r] = maskID }
      }
    }
    self.init(rows: rows, maskedInputIDs: masked)
  }
}
