/// Pointers to one encoder's tensors (values or gradients), named after transformers'
/// `electra.*` state-dict keys.
struct EncoderWeights {
  /// One post-LN transformer block, `electra.encoder.layer.{i}.*`.
  struct Layer {
    var query, queryBias, key, keyBias, value, valueBias: UnsafeMutablePointer<Float>
    var attentionOutput, attentionOutputBias, attentionNorm, attentionNormBias: UnsafeMutablePointer<Float>
    var intermediate, intermediateBias, output, outputBias, outputNorm, outputNormBias: UnsafeMutablePointer<Float>
  }

  /// `word_embeddings [V,E]`, `position_embeddings [P,E]`, `token_type_embeddings [2,E]`, `LayerNorm [E]`.
  var word, position, tokenType, embeddingNorm, embeddingNormBias: UnsafeMutablePointer<Float>
  /// `embeddings_project [H,E]`, `[H]`; `nil` when `E == H`.
  var projection, projectionBias: UnsafeMutablePointer<Float>?
  var layers: [Layer]

  /// The state-dict names and shapes of an encoder with `config`, in layout order.
  static func layout(_ config: ElectraConfig) -> [(name: String, shape: [Int])] {
    let e = config.embeddingSize
    let h = config.hiddenSize
    let f = config.intermediateSize
    var tensors: [(name: String, shape: [Int])] = [
      ("electra.embeddings.word_embeddings.weight", [config.vocabSize, e]),
      ("electra.embeddings.position_embeddings.weight", [config.maxPositionEmbeddings, e]),
      ("electra.embeddings.token_type_embeddings.weight", [config.typeVocabSize, e]),
      ("electra.embeddings.LayerNorm.weight", [e]),
      ("electra.embeddings.LayerNorm.bias", [e]),
    ]
    if e != h {
      tensors += [("electra.embeddings_project.weight", [h, e]), ("electra.embeddings_project.bias", [h])]
    }
    for i in 0..<config.numHiddenLayers {
      let p = "electra.encoder.layer.\(i)."
      for name in ["query", "key", "value"] {
        tensors += [(p + "attention.self.\(name).weight", [h, h]), (p + "attention.self.\(name).bias", [h])]
      }
      tensors += [
        (p + "attention.output.dense.weight", [h, h]), (p + "attention.output.dense.bias", [h]),
        (p + "attention.output.LayerNorm.weight", [h]), (p + "attention.output.LayerNorm.bias", [h]),
        (p + "intermediate.dense.weight", [f, h]), (p + "intermediate.dense.bias", [f]),
        (p + "output.dense.weight", [h, f]), (p + "output.dense.bias", [h]),
        (p + "output.LayerNorm.weight", [h]), (p + "output.LayerNorm.bias", [h]),
      ]
    }
    return tensors
  }

  /// The state-dict names of the embedding tables and their LayerNorm: the tensors the
  /// generator shares with the discriminator during training.
  static let sharedEmbeddingNames: Set<String> = [
    "electra.embeddings.word_embeddings.weight", "electra.embeddings.position_embeddings.weight",
    "electra.embeddings.token_type_embeddings.weight", "electra.embeddings.LayerNorm.weight",
    "electra.embeddings.LayerNorm.bias",
  ]

  /// Pointers into `set`, which must contain ``layout(_:)``.
  init(_ config: ElectraConfig, in set: ParameterSet) {
    word = set["electra.embeddings.word_embeddings.weight"]
    position = set["electra.embeddings.position_embeddings.weight"]
    tokenType = set["electra.embeddings.token_type_embeddings.weight"]
    embeddingNorm = set["electra.embeddings.LayerNorm.weight"]
    embeddingNormBias = set["electra.embeddings.LayerNorm.bias"]
    if config.embeddingSize != config.hiddenSize {
      projection = set["electra.embeddings_project.weight"]
      projectionBias = set["electra.embeddings_project.bias"]
    }
    layers = (0..<config.numHiddenLayers).map { i in
      let p = "electra.encoder.layer.\(i)."
      return Layer(
        query: set[p + "attention.self.query.weight"], queryBias: set[p + "attention.self.query.bias"],
        key: set[p + "attention.self.key.weight"], keyBias: set[p + "attention.self.key.bias"],
        value: set[p + "attention.self.value.weight"], valueBias: set[p + "attention.self.value.bias"],
        attentionOutput: set[p + "attention.output.dense.weight"],
        attentionOutputBias: set[p + "attention.output.dense.bias"],
        attentionNorm: set[p + "attention.output.LayerNorm.weight"],
        attentionNormBias: set[p + "attention.output.LayerNorm.bias"],
        intermediate: set[p + "intermediate.dense.weight"], intermediateBias: set[p + "intermediate.dense.bias"],
        output: set[p + "output.dense.weight"], outputBias: set[p + "output.dense.bias"],
        outputNorm: set[p + "output.LayerNorm.weight"], outputNormBias: set[p + "output.LayerNorm.bias"])
    }
  }

  /// Points the embedding tables and their LayerNorm at `other`'s.
  mutating func shareEmbeddings(with other: EncoderWeights) {
    word = other.word
    position = other.position
    tokenType = other.tokenType
    embeddingNorm = other.embeddingNorm
    embeddingNormBias = other.embeddingNormBias
  }
}
