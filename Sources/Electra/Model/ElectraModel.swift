/// What the discriminator and the generator share: a config, weights under transformers'
/// names, and so loading and initialisation.
public protocol ElectraModel: AnyObject {
  /// The model's shape.
  var config: ElectraConfig { get }
  /// The weights, under transformers' state-dict names.
  var parameters: ParameterSet { get }
  /// A model with `config` and all weights zero.
  init(config: ElectraConfig) throws(ElectraError)
}

extension ElectraModel {
  /// Loads `directory/config.json` and `directory/model.safetensors`; a stored
  /// `generator_lm_head.weight` is ignored (it is tied to the word table).
  public init(directory: String) throws(ElectraError) {
    try self.init(config: ElectraConfig.read(path: directory + "/" + Checkpoint.configFile))
    try Checkpoint.load(parameters, from: directory)
  }

  /// transformers' initialisation (`N(0, initializer_range)`), from `seed`.
  public func initializeWeights(seed: UInt64) {
    var random = ElectraRandom(seed: seed)
    parameters.initialize(std: config.initializerRange, padTokenID: config.padTokenId, random: &random)
  }
}
