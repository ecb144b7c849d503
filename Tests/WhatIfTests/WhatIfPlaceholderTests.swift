import Testing
@testable import WhatIf

@Suite struct WhatIfPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
