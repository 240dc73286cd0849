// Tokens per second of ELECTRA pre-training steps and of discriminator-only scoring, next to
// transformers on Debian's python3-torch (CPU) running the same model, batch and sequence
// length in the same run (scripts/electra_torch_throughput.py), with the ratio.
//
//   OPENBLAS_THREAD_TIMEOUT=4 swift run -c release electra-throughput \
//     [--python /work/venv-torch/bin/python] [--steps 3] [--cases tiny,small,score]
//
// Cases (vocab 28,995, sequence 256, embeddings 128, all positions real):
//   tiny   training, discriminator 128×4 (2 heads, FFN 512) + generator 32×4, batch 16
//   small  training, discriminator 256×12 (4 heads, FFN 1024) + generator 64×12, batch 8
//   score  discriminator 256×12 forward only, batch 8
// A step is masking, the generator (LM head at the masked positions), Gumbel sampling, the
// discriminator, backward of MLM + 50·BCE, clipping and AdamW — the same in both languages.
// Each side runs one warm-up step, then --steps timed steps. Without --python (or when it
// fails) only the Swift figures are printed.
import Electra
import Foundation
import Shards

struct Options {
  var steps = 3
  var python: String?
  var cases = ["tiny", "small", "score"]

  init(_ arguments: [String]) {
    var i = 1
    while i < arguments.count {
      switch arguments[i] {
      case "--steps": i += 1; steps = Int(arguments[i]) ?? steps
      case "--python": i += 1; python = arguments[i]
      case "--cases": i += 1; cases = arguments[i].split(separator: ",").map(String.init)
      default: break
      }
      i += 1
    }
  }
}

let vocabSize = 28_995
let seqLen = 256
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
  .deletingLastPathComponent().path

func syntheticBatch(_ batchSize: Int) -> ElectraBatch {
  var random = ElectraRandom(seed: 99)
  let ids = (0..<(batchSize * seqLen)).map { _ in Int32(5 + Int(random.next() % UInt64(vocabSize - 5))) }
  return ElectraBatch(
    inputIDs: ids, tokenTypeIDs: [Int32](repeating: 0, count: ids.count),
    attentionMask: [Int32](repeating: 1, count: ids.count), batchSize: batchSize, seqLen: seqLen)
}

func seconds(_ body: () throws -> Void) rethrows -> Double {
  let start = DispatchTime.now().uptimeNanoseconds
  try body()
  return Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
}

/// Swift tokens/s for one case.
func swiftThroughput(case name: String, batchSize: Int, steps: Int) throws -> Double {
  let config: ElectraConfig = name == "tiny" ? .tiny(vocabSize: vocabSize) : .small(vocabSize: vocabSize)
  let discriminator = try ElectraForPreTraining(config: config)
  discriminator.initializeWeights(seed: 1)
  let batch = syntheticBatch(batchSize)
  if name == "score" {
    try discriminator.forward(batch)
    let time = try seconds { for _ in 0..<steps { try discriminator.forward(batch) } }
    return Double(batch.count * steps) / time
  }
  let generator = try ElectraForMaskedLM(config: config.generator())
  generator.initializeWeights(seed: 2)
  let pair = try ElectraPair(
    generator: generator, discriminator: discriminator, special: .bertOrder, maskID: SpecialTokens.bertOrder.mask!)
  let optimizer = ElectraAdamW(pair: pair)
  var random = ElectraRandom(seed: 3)
  func step() throws {
    let masking = Masking(batch, special: pair.special, maskID: pair.maskID, random: &random)
    pair.zeroGradients()
    _ = try pair.accumulateGradients(batch: batch, masking: masking, random: &random)
    optimizer.step(learningRate: 1e-4)
  }
  try step()
  let time = try seconds { for _ in 0..<steps { try step() } }
  return Double(batch.count * steps) / time
}

/// PyTorch tokens/s for one case, or the reason it is unavailable.
func torchThroughput(python: String, case name: String, batchSize: Int, steps: Int) -> Result<Double, Error> {
  struct Failure: Error, CustomStringConvertible { var description: String }
  let process = Process()
  process.executableURL = URL(fileURLWithPath: python)
  process.arguments = [
    packageRoot + "/scripts/electra_torch_throughput.py", "--size", name == "tiny" ? "tiny" : "small",
    "--batch", String(batchSize), "--seq", String(seqLen), "--steps", String(steps), "--vocab", String(vocabSize),
    "--mode", name == "score" ? "score" : "train",
  ]
  let output = Pipe()
  process.standardOutput = output
  do { try process.run() } catch { return .failure(error) }
  let data = output.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  guard process.terminationStatus == 0,
    let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
    let value = object["tokens_per_second"] as? Double
  else { return .failure(Failure(description: "exit status \(process.terminationStatus)")) }
  return .success(value)
}

let options = Options(CommandLine.arguments)
let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?.split(separator: "\n")
  .first { $0.hasPrefix("model name") }.map {
    String($0.split(separator: ":").last ?? "").trimmingCharacters(in: .whitespaces)
  }
print("CPU: \(cpu ?? "unknown"), \(ProcessInfo.processInfo.activeProcessorCount) cores")
print("BLAS: \(BLAS.description)")
let environment = ProcessInfo.processInfo.environment
print(
  "OPENBLAS_THREAD_TIMEOUT=\(environment["OPENBLAS_THREAD_TIMEOUT"] ?? "unset") OPENBLAS_CORETYPE=\(environment["OPENBLAS_CORETYPE"] ?? "unset") OPENBLAS_NUM_THREADS=\(environment["OPENBLAS_NUM_THREADS"] ?? "unset")"
)
print("case   batch  swift tok/s  torch tok/s  ratio")
for name in options.cases {
  let batchSize = name == "tiny" ? 16 : 8
  let swift = try swiftThroughput(case: name, batchSize: batchSize, steps: options.steps)
  var torchText = "—"
  var ratioText = "—"
  if let python = options.python {
    switch torchThroughput(python: python, case: name, batchSize: batchSize, steps: options.steps) {
    case .success(let torch):
      torchText = String(format: "%.0f", torch)
      ratioText = String(format: "%.2fx", swift / torch)
    case .failure(let error): torchText = "unavailable (\(error))"
    }
  }
  print(
    name.padding(toLength: 7, withPad: " ", startingAt: 0) + String(format: "%5d  %11.0f  ", batchSize, swift)
      + torchText.padding(toLength: 11, withPad: " ", startingAt: 0) + "  " + ratioText)
}
