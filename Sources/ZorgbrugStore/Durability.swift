/// How hard a commit works to reach the disk, as SQLite's `synchronous` setting in WAL mode.
///
/// In WAL mode every committed transaction survives a crash of the process (`kill -9`) with `.full` and
/// `.normal`. They differ on power loss or an OS crash: `.full` keeps every committed transaction, `.normal`
/// may lose the last few (the database stays consistent), `.off` may leave a corrupt file. See
/// docs/STORAGE.md and https://www.sqlite.org/pragma.html#pragma_synchronous.
package enum Durability: String, Sendable, CaseIterable {
    /// `PRAGMA synchronous = FULL`: fsync on every commit. The default; nothing committed is ever lost.
    case full
    /// `PRAGMA synchronous = NORMAL`: fsync at checkpoints only. Survives `kill -9`; a power loss may drop
    /// the most recent commits.
    case normal
    /// `PRAGMA synchronous = OFF`: no fsync at all. For throwaway data and benchmarks only.
    case off

    /// The value of SQLite's `PRAGMA synchronous` for this mode (`2`, `1`, `0`).
    var pragmaValue: Int {
        switch self {
        case .full: 2
        case .normal: 1
        case .off: 0
        }
    }
}
