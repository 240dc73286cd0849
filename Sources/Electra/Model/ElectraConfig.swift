import Foundation

/// The hyper-parameters of one ELECTRA model, read from and written to transformers'
/// `config.json` (`ElectraConfig`, snake_case keys).
///
/// Keys this module does not use are ignored when reading; missing keys take transformers'
/// defaults. The dropout probabilities apply only when a model's `dropoutRandom` is set
/// (training).
public struct ElectraConfig: Codable, Sendable, Hashable {
  /// `V`, rows of the word-embedding table.
  public var vocabSize = 30522
  /// `E`, width of the embedding tables.
  public var embeddingSize = 128
  /// `H`, width of the encoder.
  public var hiddenSize = 256
  /// Number of encoder blocks.
  public var numHiddenLayers = 12
  /// Attention heads per block; must divide `hiddenSize`.
  public var numAttentionHeads = 4
  /// `F`, width of the feed-forward layer.
  public var intermediateSize = 1024
  /// Activation of the feed-forward layer and the discriminator head; only `"gelu"` is supported.
  public var hiddenAct = "gelu"
  public var hiddenDropoutProb = 0.1
  public var attentionProbsDropoutProb = 0.1
  /// `P`, rows of the position table; the longest sequence the model accepts.
  public var maxPositionEmbeddings = 512
  /// Rows of the token-type table.
  public var typeVocabSize = 2
  public var initializerRange = 0.02
  /// The LayerNorm epsilon (transformers' default 1e-12).
  public var layerNormEps = 1e-12
  public var padTokenId = 0
  /// `["ElectraForPreTraining"]` or `["ElectraForMaskedLM"]`.
  public var architectures: [String]? = nil
  public var modelType = "electra"
  public var positionEmbeddingType = "absolute"

  public init() {}

  /// The discriminator `hiddenSize`×`layers` with `embeddingSize` and ELECTRA's head-size rule
  /// (`heads = max(1, hidden / 64)`, `intermediate = 4 · hidden`).
  public init(vocabSize: Int, embeddingSize: Int, hiddenSize: Int, layers: Int, heads: Int? = nil) {
    self.vocabSize = vocabSize
    self.embeddingSize = embeddingSize
    self.hiddenSize = hiddenSize
    self.numHiddenLayers = layers
    self.numAttentionHeads = heads ?? max(1, hiddenSize / 64)
    self.intermediateSize = 4 * hiddenSize
  }

  /// The generator google-research/electra pairs with this discriminator: hidden size
  /// `round(hidden · fraction)`, same depth and embeddings, `heads = max(1, hidden / 64)`,
  /// `intermediate = 4 · hidden` (the Danish-small generator: 64 hidden, 1 head, 256).
  public func generator(hiddenFraction: Double = 0.25) -> ElectraConfig {
    var config = ElectraConfig(
      vocabSize: vocabSize, embeddingSize: embeddingSize,
      hiddenSize: Int((Double(hiddenSize) * hiddenFraction).rounded()), layers: numHiddenLayers)
    config.maxPositionEmbeddings = maxPositionEmbeddings
    config.typeVocabSize = typeVocabSize
    config.layerNormEps = layerNormEps
    config.padTokenId = padTokenId
    config.architectures = ["ElectraForMaskedLM"]
    return config
  }

  /// The tiny pair's discriminator: 128 hidden × 4 layers (2 heads, FFN 512), embeddings 128.
  public static func tiny(vocabSize: Int) -> ElectraConfig {
    var config = ElectraConfig(vocabSize: vocabSize, embeddingSize: 128, hiddenSize: 128, layers: 4, heads: 2)
    config.architectures = ["ElectraForPreTraining"]
    return config
  }

  /// The Danish-small discriminator (`electra-small-discriminator-da-256-cased`'s shape):
  /// 256 hidden × 12 layers, 4 heads, FFN 1024, embeddings 128.
  public static func small(vocabSize: Int) -> ElectraConfig {
    var config = ElectraConfig(vocabSize: vocabSize, embeddingSize: 128, hiddenSize: 256, layers: 12)
    config.architectures = ["ElectraForPreTraining"]
    return config
  }

  /// Checks the values this module depends on.
  public func validate() throws(ElectraError) {
    guard vocabSize > 0, embeddingSize > 0, hiddenSize > 0, numHiddenLayers > 0, intermediateSize > 0,
      maxPositionEmbeddings > 0, typeVocabSize > 0
    else { throw ElectraError(.invalidConfig, "sizes must be positive: \(self)") }
    guard numAttentionHeads > 0, hiddenSize % numAttentionHeads == 0 else {
      throw ElectraError(
        .invalidConfig, "hidden_size \(hiddenSize) is not a multiple of num_attention_heads \(numAttentionHeads)")
    }
    guard hiddenAct == "gelu" else {
      throw ElectraError(.invalidConfig, "hidden_act '\(hiddenAct)' is not supported; only 'gelu' (exact erf)")
    }
    guard positionEmbeddingType == "absolute" else {
      throw ElectraError(.invalidConfig, "position_embedding_type '\(positionEmbeddingType)' is not supported")
    }
  }

  /// Reads `config.json`.
  public static func read(path: String) throws(ElectraError) -> ElectraConfig {
    let data: Data
    do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
      throw ElectraError(.readFailed, "cannot read: \(error.localizedDescription)", path: path)
    }
    let config: ElectraConfig
    do { config = try JSONDecoder().decode(ElectraConfig.self, from: data) } catch {
      throw ElectraError(.invalidConfig, "not an ELECTRA config.json: \(error)", path: path)
    }
    try config.validate()
    return config
  }

  /// Writes `config.json` (sorted keys, pretty-printed).
  public func write(path: String) throws(ElectraError) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
    do { try (encoder.encode(self) + Data([0x0A])).write(to: URL(fileURLWithPath: path), options: .atomic) } catch {
      throw ElectraError(.writeFailed, "cannot write: \(error.localizedDescription)", path: path)
    }
  }

  enum CodingKeys: String, CodingKey {
    case vocabSize = "vocab_size", embeddingSize = "embedding_size", hiddenSize = "hidden_size"
    case numHiddenLayers = "num_hidden_layers", numAttentionHeads = "num_attention_heads"
    case intermediateSize = "intermediate_size", hiddenAct = "hidden_act"
    case hiddenDropoutProb = "hidden_dropout_prob", attentionProbsDropoutProb = "attention_probs_dropout_prob"
    case maxPositionEmbeddings = "max_position_embeddings", typeVocabSize = "type_vocab_size"
    case initializerRange = "initializer_range", layerNormEps = "layer_norm_eps", padTokenId = "pad_token_id"
    case architectures, modelType = "model_type", positionEmbeddingType = "position_embedding_type"
  }

  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let d = ElectraConfig()
    vocabSize = try c.decodeIfPresent(Int.self, forKey: .vocabSize) ?? d.vocabSize
    embeddingSize = try c.decodeIfPresent(Int.self, forKey: .embeddingSize) ?? d.embeddingSize
    hiddenSize = try c.decodeIfPresent(Int.self, forKey: .hiddenSize) ?? d.hiddenSize
    numHiddenLayers = try c.decodeIfPresent(Int.self, forKey: .numHiddenLayers) ?? d.numHiddenLayers
    numAttentionHeads = try c.decodeIfPresent(Int.self, forKey: .numAttentionHeads) ?? d.numAttentionHeads
    intermediateSize = try c.decodeIfPresent(Int.self, forKey: .intermediateSize) ?? d.intermediateSize
    hiddenAct = try c.decodeIfPresent(String.self, forKey: .hiddenAct) ?? d.hiddenAct
    hiddenDropoutProb = try c.decodeIfPresent(Double.self, forKey: .hiddenDropoutProb) ?? d.hiddenDropoutProb
    attentionProbsDropoutProb =
      try c.decodeIfPresent(Double.self, forKey: .attentionProbsDropoutProb) ?? d.attentionProbsDropoutProb
    maxPositionEmbeddings = try c.decodeIfPresent(Int.self, forKey: .maxPositionEmbeddings) ?? d.maxPositionEmbeddings
    typeVocabSize = try c.decodeIfPresent(Int.self, forKey: .typeVocabSize) ?? d.typeVocabSize
    initializerRange = try c.decodeIfPresent(Double.self, forKey: .initializerRange) ?? d.initializerRange
    layerNormEps = try c.decodeIfPresent(Double.self, forKey: .layerNormEps) ?? d.layerNormEps
    padTokenId = try c.decodeIfPresent(Int.self, forKey: .padTokenId) ?? d.padTokenId
    architectures = try c.decodeIfPresent([String].self, forKey: .architectures)
    modelType = try c.decodeIfPresent(String.self, forKey: .modelType) ?? d.modelType
    positionEmbeddingType =
      try c.decodeIfPresent(String.self, forKey: .positionEmbeddingType) ?? d.positionEmbeddingType
  }
}
