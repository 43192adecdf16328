import Glibc
import Testing
import TestSupport

/// The test suite's own child-process runner (`TestSupport.ChildProcess`), which every test that starts a
/// program relies on to report how it ended and to stop it on time.
@Suite struct ChildProcessTests {
    @Test func reportsTheExitStatus() async throws {
        #expect(try await ChildProcess.run("/bin/sh", ["-c", "exit 3"]) == .exited(3))
    }

    @Test func waitWithATimeoutLeavesARunningChildRunning() async throws {
        let child = try ChildProcess("/bin/sleep", ["30"])
        #expect(await child.wait(timeout: .milliseconds(100)) == nil)
        #expect(child.isRunning)
        child.send(SIGTERM)
        #expect(await child.wait(timeout: .seconds(10)) == .signalled(SIGTERM))
        #expect(!child.isRunning)
    }

    @Test func waitWithATimeoutReturnsWhenTheChildEnds() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "sleep 0.2; exit 7"])
        #expect(await child.wait(timeout: .seconds(10)) == .exited(7))
    }

    @Test func aChildReapedElsewhereCountsAsEnded() async throws {
        let child = try ChildProcess("/bin/sh", ["-c", "exit 0"])
        var status: Int32 = 0
        #expect(waitpid(child.pid, &status, 0) == child.pid)
        // How it ended is unknown to the runner now; what matters is that waiting does not spin forever.
        #expect(await child.wait(timeout: .seconds(5)) == .exited(-1))
    }
}
