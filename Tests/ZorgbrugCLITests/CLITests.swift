import Testing

/// Every test here runs the built `zorgbrug` binary as an operator would. They run one at a time: each starts
/// processes (and most a server), and the machine has few cores.
@Suite("zorgbrug executable", .serialized)
struct CLITests {}
