import Foundation

/// Idle easy handles, kept so that their open connections are reused by later requests.
///
/// `@unchecked Sendable`: the only mutable state, `idle`, is read and written under `lock`. A handle is in the
/// pool or checked out by exactly one caller, never both, so each handle is used by one thread at a time.
final class CurlHandlePool: @unchecked Sendable {
    private let lock = NSLock()
    private var idle: [CurlEasyHandle] = []
    private let maxIdle: Int

    /// A pool that keeps at most `maxIdle` handles between requests (more may be in use at once).
    init(maxIdle: Int) {
        self.maxIdle = max(0, maxIdle)
    }

    /// The most recently used idle handle (its connections are the likeliest to be alive), or a new one;
    /// `nil` when libcurl cannot make a handle.
    func checkOut() -> CurlEasyHandle? {
        let reused: CurlEasyHandle? = lock.withLock { idle.popLast() }
        return reused ?? CurlEasyHandle()
    }

    /// Returns a handle after its request; it is closed when the pool is full.
    func checkIn(_ handle: CurlEasyHandle) {
        lock.withLock {
            if idle.count < maxIdle { idle.append(handle) }
        }
    }
}
