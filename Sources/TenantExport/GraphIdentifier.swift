import Crypto

/// Graph object ids for scenario ids: a GUID is kept, any other id gets a stable GUID derived
/// from SHA-256 of `pimsim:<kind>:<id>` (docs/import-export.md, "Ids").
public enum GraphIdentifier {
    /// Whether `text` is a GUID written `8-4-4-4-12` in hexadecimal digits (either case).
    public static func isGUID(_ text: String) -> Bool {
        let utf8 = Array(text.utf8)
        guard utf8.count == 36 else { return false }
        for (index, byte) in utf8.enumerated() {
            if index == 8 || index == 13 || index == 18 || index == 23 {
                guard byte == UInt8(ascii: "-") else { return false }
            } else if !isHexDigit(byte) {
                return false
            }
        }
        return true
    }

    /// The GUID derived from `kind` and `id`: the first 16 bytes of SHA-256 of `pimsim:<kind>:<id>`,
    /// with the version nibble set to 5 and the RFC 4122 variant bits, in lower case.
    public static func derived(kind: String, id: String) -> String {
        var bytes = Array(SHA256.hash(data: Array("pimsim:\(kind):\(id)".utf8)).prefix(16))
        bytes[6] = (bytes[6] & 0x0F) | 0x50
        bytes[8] = (bytes[8] & 0x3F) | 0x80
        var text = ""
        for (index, byte) in bytes.enumerated() {
            if index == 4 || index == 6 || index == 8 || index == 10 { text += "-" }
            text += hex(byte)
        }
        return text
    }

    /// The Graph object id of a scenario id: the id itself (lower case) when it is a GUID, else
    /// the GUID derived from `kind` and the id.
    public static func objectId(kind: String, id: String) -> String {
        isGUID(id) ? id.lowercased() : derived(kind: kind, id: id)
    }

    private static func isHexDigit(_ byte: UInt8) -> Bool {
        (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) || (byte >= UInt8(ascii: "a") && byte <= UInt8(ascii: "f"))
            || (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "F"))
    }

    private static func hex(_ byte: UInt8) -> String {
        let digits = Array("0123456789abcdef")
        return String([digits[Int(byte >> 4)], digits[Int(byte & 0x0F)]])
    }
}
