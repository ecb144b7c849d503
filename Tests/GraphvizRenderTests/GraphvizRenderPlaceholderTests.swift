import Testing
@testable import GraphvizRender

@Suite struct GraphvizRenderPlaceholderTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
