import Foundation

/// A flag a task sets to stop a transfer that another thread is running.
///
/// `@unchecked Sendable`: the flag is read and written only under `lock`.
final class CurlCancellation: @unchecked Sendable {
    private let lock = NSLock()
    private var cancelled = false

    /// Asks the transfer to stop at libcurl's next progress callback.
    func cancel() {
        lock.withLock { cancelled = true }
    }

    /// `true` once ``cancel()`` was called.
    var isCancelled: Bool {
        lock.withLock { cancelled }
    }
}
