/// Collects the problems found in one file, so that checks can keep going after the first one.
struct ContentReport {
    let path: String
    private(set) var problems: [ContentProblem] = []

    init(path: String) {
        self.path = path
    }

    mutating func add(_ jsonPath: String, _ message: String) {
        problems.append(ContentProblem(path: path, jsonPath: jsonPath, message: message))
    }
}
