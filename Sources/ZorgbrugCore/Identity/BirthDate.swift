/// A `Patient.birthDate`, which FHIR allows at year, month or day precision (`2010`, `2010-05`, `2010-05-03`).
///
/// A partial date stands for a range of possible days. The age rules read it so as to fail closed: a parent's
/// authority ends on the earliest possible 16th birthday; a child's own access and a patient's own delegation
/// start on the latest possible 12th or 16th birthday.
package struct BirthDate: Sendable, Hashable {
    /// The first day the birth could have been on.
    package let earliest: CalendarDay
    /// The last day the birth could have been on (equal to ``earliest`` for a full date).
    package let latest: CalendarDay

    /// A fully known birth day.
    package init(_ day: CalendarDay) {
        self.init(earliest: day, latest: day)
    }

    private init(earliest: CalendarDay, latest: CalendarDay) {
        self.earliest = earliest
        self.latest = latest
    }

    /// Parses a FHIR `date` (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`); `nil` when it is not one.
    package init?(fhirDate text: String) {
        if let day = CalendarDay(fhirDate: text) {
            self.init(day)
            return
        }
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy { $0.isASCII && $0.isNumber } }),
              parts[0].count == 4, let year = Int(parts[0])
        else { return nil }
        switch parts.count {
        case 1:
            guard let first = CalendarDay(year: year, month: 1, day: 1),
                  let last = CalendarDay(year: year, month: 12, day: 31)
            else { return nil }
            self.init(earliest: first, latest: last)
        case 2:
            guard parts[1].count == 2, let month = Int(parts[1]),
                  let first = CalendarDay(year: year, month: month, day: 1),
                  let last = CalendarDay(year: year, month: month, day: CalendarDay.daysIn(month: month, year: year))
            else { return nil }
            self.init(earliest: first, latest: last)
        default:
            return nil
        }
    }

    /// The day the person certainly has reached `age` (from the latest possible birth day).
    package func certainlyAged(_ age: Int) -> CalendarDay { latest.adding(years: age) }

    /// The first day the person may have reached `age` (from the earliest possible birth day).
    package func possiblyAged(_ age: Int) -> CalendarDay { earliest.adding(years: age) }
}
