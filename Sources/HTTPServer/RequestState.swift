/// What the server knows about one request between its first access-handler call and its completion.
///
/// Stored (retained through `Unmanaged`) in libmicrohttpd's `*con_cls` on the first call and released in the
/// request-completed callback. The libmicrohttpd thread reads and writes it; the responder's task writes the
/// response; every access goes through `inner`'s lock.
final class RequestState: Sendable {
    /// Where the request is in its life.
    enum Phase: Sendable {
        /// Body bytes are still arriving.
        case receiving
        /// The body outgrew the limit: further bytes are dropped, and `error` is answered once the body is complete
        /// (libmicrohttpd 0.9.75 cannot queue a response while a body is being read).
        case discarding(HTTPServerError)
        /// The request was refused and its connection is being closed; nothing more is done.
        case rejected
        /// The connection is suspended while the responder runs.
        case running
        /// The responder finished; the response waits for the resumed access-handler call.
        case answered(HTTPResponse)
        /// The response was handed to libmicrohttpd.
        case sent
    }

    /// The outcome of offering body bytes.
    enum Intake: Equatable {
        /// Appended to the body.
        case accepted
        /// Dropped, because the request was already refused.
        case discarded
        /// Refused: the body would exceed the limit; from now on bytes are discarded.
        case tooLarge
        /// Refused: the request deadline passed.
        case tooSlow
    }

    /// What the final access-handler call (body complete, or connection resumed) should do.
    enum Step {
        /// Run the responder on this body.
        case run(body: [UInt8])
        /// Queue this response.
        case send(HTTPResponse)
        /// Answer with the rendered error and close.
        case refuse(HTTPServerError)
        /// Nothing to do yet.
        case wait
        /// Something went wrong earlier: close the connection.
        case close
    }

    private struct Inner: Sendable {
        var body: [UInt8] = []
        var phase: Phase = .receiving
        var wasSuspended = false
    }

    /// When the request head was complete (the first access-handler call), on the monotonic clock.
    let startedAt: ContinuousClock.Instant
    private let inner = Locked(Inner())

    /// A fresh request state; `expectedBodyBytes` (from `Content-Length`, already capped) reserves memory.
    init(startedAt: ContinuousClock.Instant, expectedBodyBytes: Int) {
        self.startedAt = startedAt
        if expectedBodyBytes > 0 {
            inner.withLock { $0.body.reserveCapacity(expectedBodyBytes) }
        }
    }

    /// Offers body bytes, enforcing the size `limit` and the `deadline` measured from `startedAt`.
    func receive(_ bytes: UnsafeRawBufferPointer, limit: Int, deadline: Duration, now: ContinuousClock.Instant) -> Intake {
        inner.withLock { inner in
            switch inner.phase {
            case .receiving, .discarding:
                break
            case .rejected, .running, .answered, .sent:
                return .discarded
            }
            if now - startedAt > deadline {
                inner.phase = .rejected
                inner.body = []
                return .tooSlow
            }
            if case .discarding = inner.phase {
                return .discarded
            }
            if inner.body.count + bytes.count > limit {
                inner.phase = .discarding(.bodyTooLarge(limit: limit))
                inner.body = []
                return .tooLarge
            }
            inner.body.append(contentsOf: bytes)
            return .accepted
        }
    }

    /// Marks the request rejected before any body was read (for example a `Content-Length` over the limit).
    /// Also after ``nextStep()`` said `.run`, when the server then declines to run it (shutting down): the
    /// request then was never suspended.
    func reject() {
        inner.withLock {
            $0.phase = .rejected
            $0.wasSuspended = false
        }
    }

    /// Advances the request at a final access-handler call and says what to do.
    func nextStep() -> Step {
        inner.withLock { inner in
            switch inner.phase {
            case .receiving:
                let body = inner.body
                inner.body = []
                inner.phase = .running
                inner.wasSuspended = true
                return .run(body: body)
            case .answered(let response):
                inner.phase = .sent
                return .send(response)
            case .discarding(let error):
                inner.phase = .rejected
                return .refuse(error)
            case .running:
                return .wait
            case .rejected, .sent:
                return .close
            }
        }
    }

    /// Stores the responder's answer; the caller then resumes the connection.
    func answer(_ response: HTTPResponse) {
        inner.withLock { $0.phase = .answered(response) }
    }

    /// Whether the connection was ever suspended for this request (it then counts until completion).
    var wasSuspended: Bool {
        inner.withLock { $0.wasSuspended }
    }
}
