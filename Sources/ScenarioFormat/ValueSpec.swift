/// What a key's value may be, as the decoder reads it: the JSON Schema (`pimsim schema`) is
/// generated from these, beside the keys of `FormatSpec`.
///
/// Each case names the read the decoder makes (`DecodeContext.string`, `.identifier`, `.duration`
/// and so on); cross-references (that a user id exists) and relations between values (an end
/// after a start) are the decoder's alone and are not part of the shape.
indirect enum ValueSpec: Sendable {
    /// Any value (a variant's patch body is checked after merging).
    case any
    /// Any scalar: a string, a number, a boolean or null.
    case scalar
    /// Text: a string, or a number taken as written (`DecodeContext.string`).
    case text
    /// A non-empty string, or a number taken as written (`DecodeContext.identifier`).
    case identifier
    /// A string matching an ECMA-262 regular expression (plain text, numbers not accepted).
    case pattern(String, what: String)
    /// An identifier whose text matches a regular expression (a number is taken as written).
    case identifierPattern(String)
    /// `true` or `false`.
    case boolean
    /// A whole number in a range.
    case integer(ClosedRange<Int64>)
    /// A number in a range.
    case number(ClosedRange<Double>)
    /// A duration: `90s`, `1d9h30m`, `PT8H`, or the integer 0.
    case duration
    /// A time: a timestamp, an offset from the start written as a duration, or the integer 0.
    case time
    /// An ISO 8601 timestamp.
    case timestamp
    /// A percentage such as `50%`.
    case percentage
    /// One of these strings, exactly.
    case enumeration([String])
    /// A list of items; `single`: one item alone stands for a one-item list
    /// (`DecodeContext.list(singleAllowed:)`); `nonEmpty`: at least one item.
    case list(ValueSpec, single: Bool = false, nonEmpty: Bool = false)
    /// A map with the keys of a `MapSpec`.
    case map(MapSpec)
    /// Any of these (a duration or a distribution; a user id or a map).
    case either([ValueSpec])

    /// A list of ids where one id alone is accepted too.
    static let ids = ValueSpec.list(.identifier, single: true)
}

/// A relation between the keys of one map that the decoder checks beside the keys themselves.
enum MapRule: Sendable {
    /// Exactly one of these keys.
    case exactlyOne([String])
    /// At least one of these keys.
    case atLeastOne([String])
    /// At most one of these keys.
    case atMostOne([String])
    /// `key` only together with `other`.
    case requires(String, String)
    /// When `key` has the string value `value`, only `allowed` keys (besides `key`) may appear
    /// and the `required` ones must.
    case when(key: String, equals: String, allowed: [String], required: [String])
    /// Exactly one of these alternatives: each requires some keys and forbids others.
    case oneOf([(required: [String], forbidden: [String])])
    /// None of these keys.
    case forbidden([String])
    /// When `key` is present, these rules hold too.
    case ifPresent(String, [MapRule])
}

/// A default shown by editors on hover, in JSON's terms.
enum DefaultValue: Sendable {
    /// A string.
    case string(String)
    /// A whole number.
    case integer(Int64)
    /// A number.
    case number(Double)
    /// A boolean.
    case boolean(Bool)
}

/// The regular expressions of the format's scalar syntaxes (ECMA-262, understood alike by editors'
/// validators and Python's `re`); tested against `TimeSyntax` and the decoder's own checks.
enum SyntaxPatterns {
    /// A decimal number as durations write it: `8`, `1.5`, `.5`.
    static let amount = #"(?:\d+(?:\.\d+)?|\.\d+)"#
    /// ISO 8601's amounts also take a decimal comma.
    static let isoAmount = #"(?:\d+(?:[.,]\d+)?|[.,]\d+)"#

    /// `90s`, `1d9h30m`, `2w`, `0`; or ISO 8601 `PT8H`, `P1DT9H`, `P2W`.
    static let duration: String = {
        let compact = "(?:\(amount)w)?(?:\(amount)d)?(?:\(amount)h)?(?:\(amount)m)?(?:\(amount)s)?"
        let iso = "P(?=[\\d.,T])(?:\(isoAmount)W)?(?:\(isoAmount)D)?(?:T(?=[\\d.,])(?:\(isoAmount)H)?(?:\(isoAmount)M)?(?:\(isoAmount)S)?)?"
        return "^\\s*(?:0|(?=[\\d.])\(compact)(?<=[wdhms])|\(iso))\\s*$"
    }()

    /// `2026-03-02`, `2026-03-02T09:00:00Z`, `2026-03-02T09:00+01:00`.
    static let timestamp = #"^\s*\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?:[Tt ](?:[01]\d|2[0-3]):[0-5]\d(?::[0-5]\d(?:[.,]\d+)?)?(?:[Zz]|[+-](?:[01]\d|2[0-3]):?[0-5]\d)?)?\s*$"#

    /// A time: a timestamp or a duration (the integer 0 is accepted beside them).
    static let time = "(?:\(timestamp))|(?:\(duration))"

    /// `50%`, `12.5 %`.
    static let percentage = #"^\s*\d+(?:\.\d+)?\s*%\s*$"#

    /// `+01:00`, `-05:30`.
    static let utcOffset = #"^[+-](?:[01]\d|2[0-4]):[0-5]\d$"#

    /// A clock time of the working day: `09:00` to `24:00`.
    static let clock = #"(?:(?:[01]\d|2[0-3]):[0-5]\d|24:00)"#
    /// `09:00-17:00`.
    static let hours = "^\\s*\(clock)\\s*-\\s*\(clock)\\s*$"

    /// A weekday as calendars write it, in any case.
    static let weekday = "(?:[Mm][Oo][Nn]|[Tt][Uu][Ee]|[Ww][Ee][Dd]|[Tt][Hh][Uu]|[Ff][Rr][Ii]|[Ss][Aa][Tt]|[Ss][Uu][Nn])"
    /// One weekday.
    static let singleWeekday = "^\(weekday)$"
    /// `mon-fri`.
    static let weekdaySpan = "^\\s*\(weekday)\\s*-\\s*\(weekday)\\s*$"

    /// A directory scope: `/`, `/administrativeUnits/emea`.
    static let scope = "^/"

    /// An email address as Entra's notification settings take it.
    static let email = "^[^@ ;,]+@[^@ ;,.][^@ ;,]*\\.[^@ ;,]*[^@ ;,.]$"

    /// A Microsoft Graph permission name: words joined by dots.
    static let graphPermission = "^[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*(?:\\.[A-Za-z][A-Za-z0-9]*(?:-[A-Za-z0-9]+)*)+$"

    /// A name usable as an output folder: not `.`-led, without `/`, `\` or control characters.
    static let folderName = #"^(?!\.)(?=[\s\S]*\S)[^/\\\x00-\x1f\x7f-\x9f]+$"#
}
