import CMicroHTTPD
import Glibc

/// A libmicrohttpd daemon pointer that may be stored in `Sendable` state.
///
/// `@unchecked Sendable`: the daemon is thread-safe for the calls made on it here (`MHD_quiesce_daemon`,
/// `MHD_stop_daemon`, `MHD_get_daemon_info`), and `MHDServerCore` makes each of quiesce and stop happen once,
/// from the shutdown task only.
struct DaemonHandle: @unchecked Sendable {
    /// The `struct MHD_Daemon *`.
    let pointer: OpaquePointer
}

/// A suspended libmicrohttpd connection that the responder's task will resume.
///
/// `@unchecked Sendable`: the task uses the pointer for exactly one call, `MHD_resume_connection`, which
/// libmicrohttpd allows from any thread; a suspended connection is never freed before it was resumed
/// (the server never stops the daemon while a connection is suspended).
struct SuspendedConnection: @unchecked Sendable {
    /// The `struct MHD_Connection *`.
    let pointer: OpaquePointer
}

/// A NUL-terminated copy of a string in C memory, which must outlive the daemon that reads it.
///
/// `@unchecked Sendable`: the bytes are written once at creation and only read afterwards (by libmicrohttpd);
/// `MHDServerCore` frees them once, after `MHD_stop_daemon` has returned.
struct OwnedCString: @unchecked Sendable {
    /// The `strdup`ed bytes.
    let pointer: UnsafeMutablePointer<CChar>

    /// Copies `string` into C memory; `nil` if memory ran out.
    init?(_ string: String) {
        guard let copy = strdup(string) else { return nil }
        pointer = copy
    }

    /// Releases the bytes; call once, when nothing reads them any more.
    func free() {
        Glibc.free(pointer)
    }
}
