import CCurl

/// What one transfer's callbacks write to and what libcurl reads from, allocated for the whole transfer.
///
/// libcurl keeps raw pointers to the error buffer and the request body and calls back with a pointer to this
/// object, so all three must outlive `curl_easy_perform`; ``CurlEasyHandle`` retains the object for that time.
/// Used by one thread at a time (the one running the transfer).
final class CurlTransferContext {
    /// The response body received so far.
    private(set) var responseBody: [UInt8] = []
    /// The headers of the latest response received so far.
    private(set) var responseHeaders = HTTPClientHeaders()
    /// `true` when the body was cut off for exceeding ``maxResponseBytes``.
    private(set) var exceededLimit = false
    /// libcurl's error buffer (`CURLOPT_ERRORBUFFER`), `CURL_ERROR_SIZE` bytes, zeroed.
    let errorBuffer: UnsafeMutablePointer<CChar>
    /// A copy of the request body (`CURLOPT_POSTFIELDS`); at least one byte so the pointer is never null.
    let requestBody: UnsafeMutableRawBufferPointer
    /// The number of request body bytes in ``requestBody``.
    let requestBodyCount: Int
    private let maxResponseBytes: Int
    /// Set by the task that waits for this transfer; checked from libcurl's progress callback.
    let cancellation: CurlCancellation?

    init(requestBody body: [UInt8], maxResponseBytes: Int, cancellation: CurlCancellation?) {
        self.cancellation = cancellation
        let size = Int(CURL_ERROR_SIZE)
        errorBuffer = .allocate(capacity: size)
        errorBuffer.initialize(repeating: 0, count: size)
        let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: max(body.count, 1), alignment: 1)
        copy.initializeMemory(as: UInt8.self, repeating: 0)
        body.withUnsafeBytes { copy.copyMemory(from: $0) }
        requestBody = copy
        requestBodyCount = body.count
        self.maxResponseBytes = maxResponseBytes
    }

    deinit {
        errorBuffer.deallocate()
        requestBody.deallocate()
    }

    /// libcurl's text about the last failure, if it wrote any.
    var errorDetail: String? {
        errorBuffer[0] == 0 ? nil : String(cString: errorBuffer)
    }

    /// Appends body bytes; returns `false` (abort the transfer) when the limit would be exceeded.
    func receiveBody(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard responseBody.count + bytes.count <= maxResponseBytes else {
            exceededLimit = true
            return false
        }
        responseBody.append(contentsOf: bytes)
        return true
    }

    /// Takes one raw header line (status line, field, or the blank line ending the block).
    func receiveHeaderLine(_ bytes: UnsafeRawBufferPointer) {
        var line = String(decoding: bytes, as: UTF8.self)
        while let last = line.last, last.isNewline { line.removeLast() }
        guard !line.isEmpty else { return }
        if line.hasPrefix("HTTP/") {
            // A new response begins (a redirect or an interim 1xx): only the last one's headers count.
            responseHeaders.removeAll()
            responseBody.removeAll()
        } else if line.first == " " || line.first == "\t" {
            responseHeaders.continueLastValue(with: line.trimmingWhitespace())
        } else if let colon = line.firstIndex(of: ":") {
            let name = String(line[..<colon])
            let value = String(line[line.index(after: colon)...]).trimmingWhitespace()
            responseHeaders.append(name: name, value: value)
        }
    }
}

extension String {
    /// The string without leading and trailing spaces and tabs.
    func trimmingWhitespace() -> String {
        let isBlank: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let start = firstIndex(where: { !isBlank($0) }), let end = lastIndex(where: { !isBlank($0) }) else {
            return ""
        }
        return String(self[start...end])
    }
}
