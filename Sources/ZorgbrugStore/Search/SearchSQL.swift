import GRDB

/// Turns a ``SearchQuery`` into SQL over `resource r` and the search index tables.
///
/// Plan shape, chosen so that the common searches are index seeks whatever the data looks like:
/// - the most selective condition that can be looked up by value (reference, token, uri, exact or prefix
///   string) becomes the *driver*: `r.id IN (SELECT id FROM search… WHERE type=? AND param=? AND value=? UNION …)`,
///   each arm a primary-key seek, then a primary-key lookup of `resource`;
/// - every other condition is a correlated `EXISTS` probe through the index table's `(type, id)` index;
/// - with a driver, the sort column is written `+r.lastUpdated` so SQLite does not prefer walking the whole
///   `(type, lastUpdated)` index in order; without one, that index (or the scope's index) drives the scan;
/// - with a driver, an organization scope is written `+r.organizationId` for the same reason: without
///   statistics SQLite takes the `(type, organizationId)` equality for selective, but an organization can hold
///   most of a type (a patient scope stays indexable: one patient's resources of a type are few);
/// - when the patient of every match is known (a patient scope, or ``SearchQuery/patientOfMatches``), token
///   conditions go through `searchToken_patient` (`INDEXED BY`): that patient's rows lie side by side there, and
///   such a token condition is selective enough to drive without the breadth count below;
/// - a token or string-prefix driver can match a large share of a type (`status=ready`): materialising and
///   sorting all those ids would cost O(matches) per page. The reader counts such a candidate's index rows up
///   to ``broadDriverThreshold`` (``driverProbe(_:condition:limit:)``) and passes it over when it reaches the
///   threshold; with no selective candidate left, the page is read by walking the ordered index and checking
///   every condition per row, which stops after one page when matches are dense.
///
/// Only the SQL text's shape depends on the query; values are bound, so cached statements are reused.
struct SearchSQL {
    private(set) var clauses: [String] = []
    private(set) var arguments: [DatabaseValue] = []
    private(set) var isDriven = false
    /// The patient every match belongs to, when known (``knownPatient(_:)``): token conditions then read the
    /// patient-clustered `searchToken_patient` index.
    private var patient: String?

    /// How many index rows make a token or string-prefix driver too broad to drive a page.
    static let broadDriverThreshold = 1000

    private init() {}

    /// The `WHERE` clause of `query` (without its cursor), restricted to one id when `onlyId` is set, driven by
    /// the condition at index `driver` (`nil`: every condition is a probe).
    init(_ query: SearchQuery, onlyId: String? = nil, driver: Int?) {
        patient = Self.knownPatient(query)
        clauses.append("r.type = ?")
        bind(query.resourceType)
        clauses.append("r.deleted = 0")
        if let onlyId {
            clauses.append("r.id = ?")
            bind(onlyId)
        }
        let driver = onlyId == nil ? driver : nil
        isDriven = driver != nil
        switch query.scope {
        case .unrestricted: break
        case .patient(let patientId):
            clauses.append("r.patientId = ?")
            bind(patientId)
        case .organization(let organizationId):
            // An organization can hold most of a type: with a driver, keep SQLite from preferring the
            // `(type, organizationId)` index (an equality seek that looks selective without statistics but walks
            // every row of the organization) over the driver's primary-key lookups.
            clauses.append(isDriven ? "+r.organizationId = ?" : "r.organizationId = ?")
            bind(organizationId)
        }
        if let driver {
            // The other conditions are checked on the index tables, inside the driver's subquery: only ids that
            // pass every condition reach `resource`, so a page reads no resource row it then throws away.
            let others = query.conditions.indices.filter { $0 != driver }.map { query.conditions[$0] }
            appendDriver(query.conditions[driver], type: query.resourceType, probes: others)
        } else {
            for condition in query.conditions {
                if let probe = probe(condition, owner: "r") { clauses.append(probe) }
            }
        }
        for bound in query.lastUpdated {
            clauses.append(instantClause(bound, column: sortColumn))
        }
    }

    /// The expression results are ordered by (see the type's documentation for the `+`).
    var sortColumn: String { isDriven ? "+r.lastUpdated" : "r.lastUpdated" }

    /// The full `WHERE` text.
    var whereSQL: String { clauses.joined(separator: " AND ") }

    /// `SELECT` of one page (plus one row, to know whether there is a next page).
    static func page(_ query: SearchQuery, driver: Int?) -> (sql: String, arguments: StatementArguments) {
        var builder = SearchSQL(query, driver: driver)
        let direction = query.sort == .lastUpdatedAscending ? "ASC" : "DESC"
        if let cursor = query.cursor {
            let comparison = query.sort == .lastUpdatedAscending ? ">" : "<"
            builder.clauses.append("(\(builder.sortColumn), r.id) \(comparison) (?, ?)")
            builder.bind(cursor.lastUpdated)
            builder.bind(cursor.id)
        }
        builder.arguments.append((SearchSQL.pageSize(query.count) + 1).databaseValue)
        let sql = """
            SELECT \(StoreReader.resourceColumns) FROM resource r WHERE \(builder.whereSQL) \
            ORDER BY \(builder.sortColumn) \(direction), r.id \(direction) LIMIT ?
            """
        return (sql, StatementArguments(builder.arguments))
    }

    /// `SELECT COUNT(*)` over all pages (the cursor is ignored).
    static func count(_ query: SearchQuery) -> (sql: String, arguments: StatementArguments) {
        let builder = SearchSQL(query, driver: driverCandidates(query.conditions).first)
        return ("SELECT COUNT(*) FROM resource r WHERE \(builder.whereSQL)", StatementArguments(builder.arguments))
    }

    /// `SELECT 1` when resource `id` matches the query's conditions and scope.
    static func matches(_ query: SearchQuery, id: String) -> (sql: String, arguments: StatementArguments) {
        let builder = SearchSQL(query, onlyId: id, driver: nil)
        return ("SELECT 1 FROM resource r WHERE \(builder.whereSQL)", StatementArguments(builder.arguments))
    }

    /// The patient every resource the query can return belongs to: the scope's, else the one a condition names
    /// (``SearchQuery/patientOfMatches``).
    static func knownPatient(_ query: SearchQuery) -> String? {
        if case .patient(let patientId) = query.scope { return patientId }
        return query.patientOfMatches
    }

    /// `SELECT COUNT(*)` of the index rows the condition at `index` would drive from, stopping at `limit`.
    static func driverProbe(_ query: SearchQuery, condition index: Int, limit: Int) -> (
        sql: String, arguments: StatementArguments
    ) {
        let condition = query.conditions[index]
        var builder = SearchSQL()
        let arms = builder.driverArms(condition, type: query.resourceType)
        builder.bind(limit)
        let sql = "SELECT COUNT(*) FROM (\(arms.joined(separator: " UNION ALL ")) LIMIT ?)"
        return (sql, StatementArguments(builder.arguments))
    }

    /// `count` clamped to what a page can hold: negative counts as 0, and one more row must stay countable.
    static func pageSize(_ count: Int) -> Int { min(max(0, count), Int(Int32.max)) }

    // MARK: - Building

    private mutating func bind(_ value: some DatabaseValueConvertible) {
        arguments.append(value.databaseValue)
    }

    /// The conditions a search could be driven from, most selective kind first (by position within a kind);
    /// empty when none can be looked up by value.
    static func driverCandidates(_ conditions: [SearchCondition]) -> [Int] {
        conditions.indices
            .compactMap { index in driverRank(conditions[index].match).map { (index, $0) } }
            .sorted { ($0.1, $0.0) < ($1.1, $1.0) }
            .map(\.0)
    }

    /// `true` for kinds whose values can match a large share of a type (tokens such as `status`, string
    /// prefixes): they drive only after ``driverProbe(_:condition:limit:)`` shows they are selective. A token
    /// condition of a query whose patient is known reads only that patient's rows: selective by nature.
    static func isPossiblyBroad(_ match: SearchMatch, in query: SearchQuery) -> Bool {
        switch match {
        case .token: knownPatient(query) == nil
        case .string(_, .prefix): true
        default: false
        }
    }

    private static func driverRank(_ match: SearchMatch) -> Int? {
        switch match {
        case .reference(let refs) where !refs.isEmpty: 0
        case .uri(let values) where !values.isEmpty: 1
        case .string(let values, .exact) where !values.isEmpty: 2
        case .token(let tokens) where !tokens.isEmpty && tokens.allSatisfy({ $0.code != nil }): 3
        case .string(let values, .prefix) where !values.isEmpty && values.allSatisfy({ !$0.isEmpty }): 4
        default: nil
        }
    }

    /// `r.id IN (arm UNION arm …)`, each arm a seek on the index table's primary key; with `probes`,
    /// `r.id IN (SELECT d.id FROM (arm UNION arm …) d WHERE probe AND probe …)`, each probe an index seek
    /// correlated on the candidate `d`.
    private mutating func appendDriver(_ condition: SearchCondition, type: String, probes: [SearchCondition]) {
        // Probes bind after the arms, as they follow them in the text.
        if probes.isEmpty {
            clauses.append("r.id IN (\(driverArms(condition, type: type).joined(separator: " UNION ")))")
            return
        }
        let arms = driverArms(condition, type: type, columns: "type, id").joined(separator: " UNION ")
        let checks = probes.compactMap { probe($0, owner: "d") }
        if checks.isEmpty {
            clauses.append("r.id IN (SELECT d.id FROM (\(arms)) d)")
        } else {
            clauses.append("r.id IN (SELECT d.id FROM (\(arms)) d WHERE \(checks.joined(separator: " AND ")))")
        }
    }

    /// One `SELECT <columns> FROM search… WHERE type = ? AND param = ? AND <value>` per value of `condition`.
    private mutating func driverArms(_ condition: SearchCondition, type: String, columns: String = "id") -> [String] {
        guard let table = Self.table(of: condition.match) else { return [] }
        var arms: [String] = []
        for value in Self.values(of: condition.match) {
            var armSQL = "SELECT \(columns) FROM \(table) WHERE type = ? AND param = ?"
            bind(type)
            bind(condition.parameter)
            if table == "searchToken", let patient {
                armSQL = "SELECT \(columns) FROM searchToken INDEXED BY searchToken_patient "
                    + "WHERE type = ? AND param = ? AND patientId = ?"
                bind(patient)
            }
            let predicate = valuePredicate(value, alias: "")
            if !predicate.isEmpty { armSQL += " AND " + predicate }
            arms.append(armSQL)
        }
        return arms
    }

    /// The check of one condition on the index tables for the resource (or candidate) `owner`: an `EXISTS (…)`
    /// correlated on `owner.type` and `owner.id`, or its negation for `:not` and `:missing`; `nil` when the
    /// condition restricts nothing.
    private mutating func probe(_ condition: SearchCondition, owner: String) -> String? {
        switch condition.match {
        case .tokenNot(let tokens):
            guard !tokens.isEmpty else { return nil }
            return "NOT " + existsClause("searchToken", condition.parameter, tokens.map(Value.token), owner: owner)
        case .missing(let missing):
            var probes: [String] = []
            for table in ["searchToken", "searchString", "searchReference", "searchDate", "searchUri"] {
                probes.append(existsClause(table, condition.parameter, nil, owner: owner))
            }
            return missing
                ? "NOT (" + probes.joined(separator: " OR ") + ")" : "(" + probes.joined(separator: " OR ") + ")"
        default:
            guard let table = Self.table(of: condition.match) else { return nil }
            let values = Self.values(of: condition.match)
            if values.isEmpty { return "0" }
            if table == "searchToken", let patient {
                return patientTokenClause(condition.parameter, values, patient: patient, owner: owner)
            }
            return existsClause(table, condition.parameter, values, owner: owner)
        }
    }

    /// A token check through the patient-clustered index: one patient's rows for a parameter lie on one page or a
    /// few, where the primary key scatters them over one page per resource.
    private mutating func patientTokenClause(_ parameter: String, _ values: [Value], patient: String, owner: String) -> String {
        let sql = "EXISTS (SELECT 1 FROM searchToken x INDEXED BY searchToken_patient WHERE x.type = \(owner).type "
            + "AND x.param = ? AND x.patientId = ?"
        bind(parameter)
        bind(patient)
        return sql + " AND " + anyOf(values) + " AND x.id = \(owner).id)"
    }

    /// `((v1) OR (v2) …)` on an index row aliased `x`, binding the values.
    private mutating func anyOf(_ values: [Value]) -> String {
        var predicates: [String] = []
        for value in values {
            let predicate = valuePredicate(value, alias: "x.")
            predicates.append(predicate.isEmpty ? "1" : "(\(predicate))")
        }
        return "(" + predicates.joined(separator: " OR ") + ")"
    }

    /// `EXISTS (SELECT 1 FROM table x WHERE x.type = owner.type AND x.id = owner.id AND x.param = ? AND (v1 OR v2 …))`;
    /// `values == nil` means any value.
    private mutating func existsClause(_ table: String, _ parameter: String, _ values: [Value]?, owner: String) -> String {
        var sql = "EXISTS (SELECT 1 FROM \(table) x WHERE x.type = \(owner).type AND x.id = \(owner).id AND x.param = ?"
        bind(parameter)
        if let values { sql += " AND " + anyOf(values) }
        return sql + ")"
    }

    /// One search value, whatever its kind.
    private enum Value {
        case token(TokenMatch)
        case string(String, StringMatchMode)
        case reference(type: String, id: String)
        case date(DateBound)
        case uri(String)
    }

    private static func table(of match: SearchMatch) -> String? {
        switch match {
        case .token, .tokenNot: "searchToken"
        case .string: "searchString"
        case .reference: "searchReference"
        case .date: "searchDate"
        case .uri: "searchUri"
        case .missing: nil
        }
    }

    private static func values(of match: SearchMatch) -> [Value] {
        switch match {
        case .token(let tokens), .tokenNot(let tokens): tokens.map(Value.token)
        case .string(let strings, let mode): strings.map { .string($0, mode) }
        case .reference(let refs): refs.map { .reference(type: $0.type, id: $0.id) }
        case .date(let bounds): bounds.map(Value.date)
        case .uri(let uris): uris.map(Value.uri)
        case .missing: []
        }
    }

    /// The predicate on one index row for one value (empty when any row matches), binding its arguments.
    private mutating func valuePredicate(_ value: Value, alias a: String) -> String {
        switch value {
        case .token(let token):
            var parts: [String] = []
            if let code = token.code {
                parts.append("\(a)code = ?")
                bind(code)
            }
            switch token.system {
            case .any: break
            case .none: parts.append("\(a)system = ''")
            case .equals(let system):
                parts.append("\(a)system = ?")
                bind(system)
            }
            return parts.joined(separator: " AND ")
        case .string(let text, .exact):
            bind(text)
            return "\(a)value = ?"
        case .string(let text, .prefix):
            // All strings starting with `text` sort between `text` and `text` + the highest code point
            // (BINARY collation compares UTF-8 bytes), so a prefix match is an index range.
            bind(text)
            bind(text + "\u{10FFFF}")
            return "\(a)value >= ? AND \(a)value < ?"
        case .string(let text, .contains):
            bind(text)
            return "instr(\(a)value, ?) > 0"
        case .reference(let type, let id):
            bind(type)
            bind(id)
            return "\(a)targetType = ? AND \(a)targetId = ?"
        case .date(let bound):
            return rangeClause(bound, low: "\(a)low", high: "\(a)high")
        case .uri(let uri):
            bind(uri)
            return "\(a)value = ?"
        }
    }

    /// A date bound against an indexed range `[low, high)`
    /// (https://hl7.org/fhir/R4/search.html#prefix, see ``DateBound``).
    private mutating func rangeClause(_ bound: DateBound, low: String, high: String) -> String {
        let (pl, ph) = (bound.low, bound.high)
        switch bound.prefix {
        case .eq:
            bind(pl)
            bind(ph)
            return "\(low) >= ? AND \(high) <= ?"
        case .ne:
            bind(pl)
            bind(ph)
            return "NOT (\(low) >= ? AND \(high) <= ?)"
        case .gt:
            bind(ph)
            return "\(high) > ?"
        case .lt:
            bind(pl)
            return "\(low) < ?"
        case .ge:
            bind(ph)
            bind(pl)
            bind(ph)
            return "(\(high) > ? OR (\(low) >= ? AND \(high) <= ?))"
        case .le:
            bind(pl)
            bind(pl)
            bind(ph)
            return "(\(low) < ? OR (\(low) >= ? AND \(high) <= ?))"
        case .sa:
            bind(ph)
            return "\(low) >= ?"
        case .eb:
            bind(pl)
            return "\(high) <= ?"
        }
    }

    /// A date bound against an instant `t` (the range `[t, t+1)`), simplified so an index on `t` serves it.
    private mutating func instantClause(_ bound: DateBound, column t: String) -> String {
        let (pl, ph) = (bound.low, bound.high)
        switch bound.prefix {
        case .eq:
            bind(pl)
            bind(ph)
            return "\(t) >= ? AND \(t) < ?"
        case .ne:
            bind(pl)
            bind(ph)
            return "(\(t) < ? OR \(t) >= ?)"
        case .gt, .sa:
            bind(ph)
            return "\(t) >= ?"
        case .lt, .eb:
            bind(pl)
            return "\(t) < ?"
        case .ge:
            bind(pl)
            return "\(t) >= ?"
        case .le:
            bind(ph)
            return "\(t) < ?"
        }
    }
}
