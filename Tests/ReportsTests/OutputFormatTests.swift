import Testing
@testable import Reports

@Suite("Output formats: CSV escaping and numbers")
struct OutputFormatTests {
    @Test("CSV fields per RFC 4180: commas, quotes and line breaks quoted, quotes doubled")
    func csvEscaping() {
        #expect(CSV.field("plain") == "plain")
        #expect(CSV.field("Ops, Tier 0") == "\"Ops, Tier 0\"")
        #expect(CSV.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        #expect(CSV.field("two\nlines") == "\"two\nlines\"")
        #expect(CSV.field(" padded") == "\" padded\"")
        #expect(CSV.field("") == "")
        #expect(CSV.record(["roles.Ops, \"Tier 0\" Admin.activeHours", "baseline", "1"])
            == "\"roles.Ops, \"\"Tier 0\"\" Admin.activeHours\",baseline,1\r\n")
    }

    @Test("numbers: exact shortest forms for files, rounded ones for people")
    func numbers() {
        #expect(CSV.number(3600) == "3600.0")
        #expect(CSV.number(0.1 + 0.2) == "0.30000000000000004")
        #expect(CSV.number(-0.0) == "0.0")
        #expect(CSV.number(nil) == "")
        #expect(CSV.number(.infinity) == "")
        #expect(Markup.fixed(2.345678, decimals: 2) == "2.35")
        #expect(Markup.fixed(-0.001, decimals: 2) == "0.00")
        #expect(Markup.fixed(-12.5, decimals: 0) == "-13")
        #expect(Markup.fixed(1064.2527, decimals: 1) == "1064.3")
    }
}
