import ArgumentParser
import Foundation

/// Defaults from `ZORGBRUG_*` environment variables, so every option can be set either way.
///
/// A variable that is set but cannot be used (`ZORGBRUG_PORT=80a`, `ZORGBRUG_LOG_FORMAT=xml`) is refused by the
/// `require…` checks, which the commands run in `validate()`, instead of quietly falling back to the default.
enum Environment {
    static func string(_ name: String) -> String? {
        guard let value = ProcessInfo.processInfo.environment["ZORGBRUG_\(name)"], !value.isEmpty else { return nil }
        return value
    }

    static func int(_ name: String) -> Int? {
        string(name).flatMap(Int.init)
    }

    static func bool(_ name: String) -> Bool {
        guard let value = string(name)?.lowercased() else { return false }
        return trueWords.contains(value)
    }

    private static let trueWords: Set<String> = ["1", "true", "yes", "on"]
    private static let falseWords: Set<String> = ["0", "false", "no", "off"]

    /// Throws when any of `names` is set to something other than a whole number.
    static func requireInts(_ names: [String]) throws {
        for name in names {
            if let value = string(name), Int(value) == nil {
                throw ValidationError("ZORGBRUG_\(name)='\(value)' is not a whole number.")
            }
        }
    }

    /// Throws when `name` is set to something other than one of `allowed`.
    static func requireOneOf(_ name: String, _ allowed: [String]) throws {
        if let value = string(name), !allowed.contains(value) {
            throw ValidationError("ZORGBRUG_\(name)='\(value)' must be one of: \(allowed.joined(separator: ", ")).")
        }
    }

    /// Throws when `name` is set to something that is not a yes/no word.
    static func requireBool(_ name: String) throws {
        if let value = string(name), !trueWords.union(falseWords).contains(value.lowercased()) {
            throw ValidationError("ZORGBRUG_\(name)='\(value)' must be 1/true/yes/on or 0/false/no/off.")
        }
    }
}
