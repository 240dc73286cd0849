import ArgumentParser
import CorpusPipeline

@main
struct Dacorpus: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "dacorpus",
    abstract: "Build pretraining corpora for Danish ELECTRA models from raw dumps.",
    version: dacorpusVersion,
    subcommands: [
      Build.self, Stats.self, Inspect.self,
      Tokenize.self, Vocab.self,
      Normalize.self,
      Train.self, Score.self,
    ])
}
