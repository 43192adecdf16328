import CCurl

/// libcurl's process-wide initialisation, done once before the first handle is made.
enum CurlGlobal {
    /// `true` when `curl_global_init` succeeded. A `static let` is initialised exactly once, thread-safely,
    /// which is what `curl_global_init` needs (it must not race with itself or with `curl_easy_init`).
    static let isInitialized: Bool = zb_curl_global_init() == CURLE_OK
}
