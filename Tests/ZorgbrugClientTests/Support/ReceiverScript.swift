/// The Python source of the test receiver: an `http.server` that echoes each request as JSON.
///
/// Arguments: none (HTTP) or `tls CERT KEY [CLIENT_CA]` (HTTPS; with CLIENT_CA it asks for an optional client
/// certificate and reports its common name). It prints its port, then serves until its stdin closes, so it ends
/// with the test process even if a test forgets to stop it.
///
/// Controls: `?answer_status=N` answers N; `?sleep_ms=N` waits first; `/redirect/N` redirects N times, then
/// echoes; `/loop` redirects to itself; `/big` answers 1 MiB; `?barrier=KEY&parties=N` answers only once N
/// requests with that KEY wait at once (503 if they do not within 5 s: the client did not run them
/// concurrently); paths under `/fhir/` answer FHIR JSON with `ETag` and `Location` and the body parsed as `json`.
enum ReceiverScript {
    static let source = #"""
import base64, json, os, ssl, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit, parse_qs

barriers = {}
barriers_lock = threading.Lock()

def barrier_for(key, parties):
    with barriers_lock:
        if key not in barriers:
            barriers[key] = threading.Barrier(parties, timeout=5)
        return barriers[key]

class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def handle_any(self):
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        parts = urlsplit(self.path)
        query = parse_qs(parts.query, keep_blank_values=True)
        if "sleep_ms" in query:
            time.sleep(int(query["sleep_ms"][0]) / 1000.0)
        status = int(query.get("answer_status", ["200"])[0])
        if "barrier" in query:
            try:
                barrier_for(query["barrier"][0], int(query["parties"][0])).wait()
            except threading.BrokenBarrierError:
                status = 503
        extra = []
        if parts.path == "/loop":
            status = 302
            extra.append(("Location", "/loop"))
        if parts.path.startswith("/redirect/"):
            remaining = int(parts.path.split("/")[2])
            if remaining > 0:
                status = 302
                extra.append(("Location", "/redirect/%d" % (remaining - 1)))
        cert = None
        if isinstance(self.connection, ssl.SSLSocket):
            peer = self.connection.getpeercert()
            if peer:
                cert = dict(pair[0] for pair in peer["subject"]).get("commonName")
        payload = {
            "method": self.command,
            "path": self.path,
            "headers": [[k, v] for k, v in self.headers.items()],
            "body": base64.b64encode(body).decode("ascii"),
            "clientPort": self.client_address[1],
            "clientCert": cert,
        }
        content_type = "application/json"
        if parts.path.startswith("/fhir/"):
            try:
                payload["json"] = json.loads(body) if body else None
            except ValueError:
                payload["json"] = None
            payload["resourceType"] = "Echo"
            extra.append(("ETag", 'W/"7"'))
            extra.append(("Location", "http://%s/fhir/Echo/1/_history/7" % self.headers.get("Host")))
            content_type = "application/fhir+json; charset=utf-8"
        data = json.dumps(payload).encode("utf-8")
        if parts.path == "/big":
            data = b"x" * (1 << 20)
            content_type = "application/octet-stream"
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("X-Multi", "one")
        self.send_header("x-multi", "two")
        for name, value in extra:
            self.send_header(name, value)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_PATCH = do_DELETE = do_HEAD = do_OPTIONS = handle_any

def main():
    args = sys.argv[1:]
    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    if args and args[0] == "tls":
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(args[1], args[2])
        if len(args) > 3:
            context.verify_mode = ssl.CERT_OPTIONAL
            context.load_verify_locations(args[3])
        server.socket = context.wrap_socket(server.socket, server_side=True)
    print(server.server_address[1], flush=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    sys.stdin.read()
    os._exit(0)

main()
"""#
}
