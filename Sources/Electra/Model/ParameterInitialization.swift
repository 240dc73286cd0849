extension ParameterSet {
  /// transformers' `ElectraPreTrainedModel._init_weights`: matrices and embedding tables
  /// `N(0, std)`, biases 0, LayerNorm weights 1; the `[PAD]` row of the word table 0.
  func initialize(std: Double, padTokenID: Int, random: inout ElectraRandom) {
    for entry in entries {
      let p = values + entry.offset
      if entry.name.contains("LayerNorm.weight") {
        p.update(repeating: 1, count: entry.count)
      } else if entry.shape.count == 1 {
        p.update(repeating: 0, count: entry.count)
      } else {
        for i in 0..<entry.count { p[i] = Float(std * random.nextNormal()) }
        if entry.name == "electra.embeddings.word_embeddings.weight", padTokenID >= 0, padTokenID < entry.shape[0] {
          (p + padTokenID * entry.shape[1]).update(repeating: 0, count: entry.shape[1])
        }
      }
    }
  }
}
