import FHIR
import Testing

@Suite("JSON parser and serializer")
struct JSONParserTests {
    @Test("parses every JSON value kind")
    func parsesValues() throws {
        let json = try JSONParser().parse(#"{"a":null,"b":true,"c":false,"d":-1.50e+3,"e":"x","f":[1,{}],"g":{"h":[]}}"#)
        #expect(json["a"] == .null)
        #expect(json["b"] == .bool(true))
        #expect(json["c"] == .bool(false))
        #expect(json["d"]?.numberValue?.text == "-1.50e+3")
        #expect(json["e"] == .string("x"))
        #expect(json["f"]?.arrayValue?.count == 2)
        #expect(json["g"]?["h"] == .array([]))
    }

    @Test("numbers keep their text, so precision survives")
    func numbersKeepText() throws {
        let json = try JSONParser().parse(#"[1.50, 0.000, 120, 1e2, 3.14159265358979323846]"#)
        let texts = json.arrayValue?.compactMap { $0.numberValue?.text }
        #expect(texts == ["1.50", "0.000", "120", "1e2", "3.14159265358979323846"])
        #expect(JSON.array(json.arrayValue ?? []).serializedString() == "[1.50,0.000,120,1e2,3.14159265358979323846]")
        // Equality is textual for numbers: 1.5 and 1.50 differ in FHIR precision.
        let short = try JSONParser().parse("1.5")
        let long = try JSONParser().parse("1.50")
        #expect(short != long)
    }

    @Test("member order is kept and equality ignores it")
    func memberOrder() throws {
        let json = try JSONParser().parse(#"{"z":1,"a":2,"m":3}"#)
        #expect(json.objectValue?.keys == ["z", "a", "m"])
        let reordered = try JSONParser().parse(#"{"a":2,"m":3,"z":1}"#)
        #expect(json == reordered)
    }

    @Test(
        "compact documents round-trip byte for byte",
        arguments: [
            #"{"resourceType":"Patient","id":"p1","birthDate":"2010-05-01","_birthDate":{"extension":[{"url":"u","valueString":"x"}]}}"#,
            #"[1.50,-0,0.1e-7,"a\"b\\c\n\t\u0001","ü€😀",true,false,null,{},[]]"#,
            #"{"deep":{"deeper":[{"a":[[[]]]}]}}"#,
        ])
    func roundTrip(document: String) throws {
        let json = try JSONParser().parse(document)
        #expect(json.serializedString() == document)
    }

    @Test("escapes and surrogate pairs decode to the right characters")
    func escapes() throws {
        let json = try JSONParser().parse(#"["\u00fc\u20ac\ud83d\ude00", "\/\b\f\r"]"#)
        #expect(json.arrayValue?.first == .string("ü€😀"))
        #expect(json.arrayValue?.last == .string("/\u{8}\u{c}\r"))
    }

    @Test(
        "invalid documents name the reason",
        arguments: [
            ("", JSONParseError.Reason.unexpectedEnd),
            (#"{"a":1"#, .unexpectedEnd),
            (#"{"a" 1}"#, .unexpectedCharacter),
            ("[1,]", .unexpectedCharacter),
            ("tru", .unexpectedEnd),
            ("nul!", .unexpectedCharacter),
            ("01", .invalidNumber),
            ("1.", .invalidNumber),
            ("-", .invalidNumber),
            ("1e", .invalidNumber),
            (#""a\x""#, .invalidString),
            ("\"tab\there\"", .invalidString),
            (#""\ud83d""#, .invalidString),
            (#""\ude00""#, .invalidString),
            (#""\u12G4""#, .invalidString),
            (#"{"a":1,"a":2}"#, .duplicateKey),
            ("[1] [2]", .trailingData),
        ])
    func invalid(document: String, reason: JSONParseError.Reason) {
        #expect(throws: JSONParseError.self) { try JSONParser().parse(document) }
        do {
            _ = try JSONParser().parse(document)
        } catch {
            #expect(error.reason == reason, "\(document): \(error)")
        }
    }

    @Test("invalid UTF-8 is rejected")
    func invalidUTF8() {
        let bytes: [UInt8] = [0x22, 0xC3, 0x28, 0x22]
        do {
            _ = try JSONParser().parse(bytes)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .invalidUTF8)
        }
    }

    @Test("duplicate keys name the key and its position")
    func duplicateKeyDetail() {
        do {
            _ = try JSONParser().parse("{\"a\":1,\n \"a\":2}")
            Issue.record("expected an error")
        } catch {
            #expect(error.detail == "a")
            #expect(error.line == 2)
            #expect(error.column == 2)
        }
    }

    @Test("nesting deeper than the limit is refused; at the limit it is accepted")
    func depthLimit() throws {
        let atLimit = String(repeating: "[", count: 64) + String(repeating: "]", count: 64)
        #expect(throws: Never.self) { try JSONParser().parse(atLimit) }
        let tooDeep = String(repeating: "[", count: 65) + String(repeating: "]", count: 65)
        do {
            _ = try JSONParser().parse(tooDeep)
            Issue.record("expected an error")
        } catch {
            #expect(error.reason == .tooDeep)
        }
        let shallowParser = JSONParser(maxDepth: 2)
        #expect(throws: JSONParseError.self) { try shallowParser.parse(#"{"a":{"b":{}}}"#) }
    }

    @Test("JSONObject setters append, replace in place and remove")
    func objectEditing() {
        var object: JSONObject = ["a": 1, "b": 2]
        object["c"] = 3
        object["a"] = 9
        object["b"] = nil
        #expect(object.keys == ["a", "c"])
        #expect(object["a"] == 9)
        #expect(JSON.object(object).serializedString() == #"{"a":9,"c":3}"#)
    }

    @Test("pretty output is valid JSON that parses back to the same value")
    func pretty() throws {
        let json = try JSONParser().parse(#"{"a":[1,{"b":"c"}],"d":{}}"#)
        let pretty = json.serializedString(pretty: true)
        #expect(pretty.contains("\n"))
        #expect(try JSONParser().parse(pretty) == json)
    }
}
