/// Receives trace records as the engine produces them.
public protocol TraceSink {
    /// Takes one record.
    mutating func record(_ record: TraceRecord)
}

/// A sink that keeps every record, for tests and audit output.
public struct TraceRecorder: TraceSink {
    /// The records, in order.
    public private(set) var records: [TraceRecord] = []
    /// Creates an empty recorder.
    public init() {}
    /// Appends the record.
    public mutating func record(_ record: TraceRecord) { records.append(record) }
}

/// Two sinks fed the same records.
public struct TeeSink<First: TraceSink, Second: TraceSink>: TraceSink {
    /// The first sink.
    public var first: First
    /// The second sink.
    public var second: Second
    /// Pairs two sinks.
    public init(_ first: First, _ second: Second) {
        self.first = first
        self.second = second
    }
    /// Feeds both.
    public mutating func record(_ record: TraceRecord) {
        first.record(record)
        second.record(record)
    }
}
