/// Command-line options of the benchmark: `--tasks N --patients N --scale N[,N] --duration S --warmup S --connections C
/// --threads T --only LIST --keep true --micro N`.
struct BenchOptions {
    var tasks = 100_000
    var patients = 10_000
    var scaleTasks: [Int] = [1_000_000]
    var duration = 10
    /// Seconds of unrecorded load before each measured scenario.
    var warmup = 2
    var connections = 64
    var threads = 2
    /// Scenarios to run (all when empty): ceiling, read, search, create, scale.
    var only: Set<String> = []
    /// Keep the seeded database directories (their paths are printed).
    var keep = false
    /// Iterations of the in-process micro benchmark (0: off, run wrk instead).
    var micro = 0

    func runs(_ scenario: String) -> Bool { only.isEmpty || only.contains(scenario) }

    init<S: Sequence>(_ arguments: S) where S.Element == String {
        var iterator = arguments.makeIterator()
        while let argument = iterator.next() {
            let value = iterator.next() ?? ""
            switch argument {
            case "--tasks": tasks = Int(value) ?? tasks
            case "--patients": patients = Int(value) ?? patients
            case "--scale": scaleTasks = value.split(separator: ",").compactMap { Int($0) }
            case "--duration": duration = Int(value) ?? duration
            case "--warmup": warmup = Int(value) ?? warmup
            case "--connections": connections = Int(value) ?? connections
            case "--threads": threads = Int(value) ?? threads
            case "--only": only = Set(value.split(separator: ",").map(String.init))
            case "--keep": keep = value != "false"
            case "--micro": micro = Int(value) ?? micro
            default: print("unknown option \(argument)")
            }
        }
    }
}
