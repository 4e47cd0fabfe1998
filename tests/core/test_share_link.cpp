// Share links (issue #5 format, issue #6 decoder): base64url and raw DEFLATE decoding with
// caps. Goldens: RFC 4648's base64 examples; DEFLATE streams worked out by hand from
// RFC 1951 (stored and fixed-Huffman blocks, derivations below) and one dynamic-Huffman
// stream made by Python's zlib (an independent implementation) from the text it decodes to.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "io/input_limits.h"
#include "io/scenario_io.h"
#include "io/share_link.h"

using namespace pactscope;

namespace {

std::string inflate(const std::vector<std::uint8_t>& bytes, std::size_t cap, std::string& error) {
    std::string out;
    inflate_raw(bytes.data(), bytes.size(), cap, out, error);
    return out;
}

// Writes DEFLATE bits: header fields least significant bit first, Huffman codes most significant first.
struct BitWriter {
    std::vector<std::uint8_t> bytes;
    int used = 8;
    void put(unsigned value, int n) {
        for (int i = 0; i < n; ++i) {
            if (used == 8) bytes.push_back(0), used = 0;
            bytes.back() = static_cast<std::uint8_t>(bytes.back() | (((value >> i) & 1u) << used++));
        }
    }
    void code(unsigned code, int n) {
        for (int i = n - 1; i >= 0; --i) put((code >> i) & 1u, 1);
    }
};

const char* const kDynamicText =
    "{\"schema\":\"pactscope/scenario@1\",\"name\":\"Share link golden\",\"providers\":[{\"id\":\"azure\",\"price_usd_per_h100e_hour\":2.4},"
    "{\"id\":\"oci\",\"price_usd_per_h100e_hour\":2.1},{\"id\":\"coreweave\",\"price_usd_per_h100e_hour\":2.6}],\"note\":\"the quick "
    "brown fox jumps over the lazy dog; the quick brown fox jumps over the lazy dog\"}";
// python3: zlib.compressobj(9, zlib.DEFLATED, -15) of kDynamicText; base64.urlsafe_b64encode, padding stripped.
const char* const kDynamicLink =
    "lc7LDoIwEIXhV5nM2igY4wI3voNLY0htR1uBTp1SvBDeXTDGrXH9fzk5PUZtqVFYYFC6jZoDLaImr8TxNscZetXQWHdWCUHtfAVnrg35MQXhzhmSiMW-R2dGpp5J6J2cpjJFUwaS0uZZRqXlJFgs56th9tGs3Q-"
    "bf61moRup7tf6ejiMp7mdTreW4JqcruAofPNw4jtcUhMicEcCU67V8wGGzxv4A-PwAg";

}  // namespace

TEST_CASE("base64url decodes RFC 4648 examples, without padding, and refuses other characters") {
    std::vector<std::uint8_t> out;
    std::string error;
    REQUIRE(base64url_decode("TWFu", out, error));
    CHECK(std::string(out.begin(), out.end()) == "Man");
    REQUIRE(base64url_decode("TWE", out, error));
    CHECK(std::string(out.begin(), out.end()) == "Ma");
    REQUIRE(base64url_decode("TQ", out, error));
    CHECK(std::string(out.begin(), out.end()) == "M");
    REQUIRE(base64url_decode("-_8", out, error));  // 62, 63, 60: 111110 111111 111100 -> 0xfb 0xff
    CHECK(out == std::vector<std::uint8_t>{0xfb, 0xff});
    CHECK_FALSE(base64url_decode("TW+u", out, error));  // '+' is base64, not base64url
    CHECK(error.find("position 2") != std::string::npos);
    CHECK_FALSE(base64url_decode("TWFuT", out, error));  // 5 characters cannot encode whole bytes
}

TEST_CASE("inflate: a stored block") {
    // BFINAL=1, BTYPE=00 -> first byte 0x01 (the rest of it is padding); LEN=5, NLEN=~5; then the bytes.
    std::string error;
    CHECK(inflate({0x01, 0x05, 0x00, 0xfa, 0xff, 'h', 'e', 'l', 'l', 'o'}, 100, error) == "hello");
    CHECK(error.empty());
    inflate({0x01, 0x05, 0x00, 0xfb, 0xff, 'h', 'e', 'l', 'l', 'o'}, 100, error);
    CHECK(error.find("length check") != std::string::npos);
}

TEST_CASE("inflate: a fixed-Huffman block, derived by hand") {
    // "a": BFINAL=1, BTYPE=01 (bits 1, 1, 0); literal 97 has the 8-bit code 0x30+97 = 0x91 = 10010001
    // (sent most significant bit first); end of block 256 is 0000000. Packed least significant bit first:
    // byte 0 = bits 1,1,0,1,0,0,1,0 = 0x4b; byte 1 = 0,0,1,0,0,0,0,0 = 0x04; byte 2 = 0x00.
    std::string error;
    CHECK(inflate({0x4b, 0x04, 0x00}, 100, error) == "a");
    CHECK(error.empty());
}

TEST_CASE("inflate: a dynamic-Huffman stream from zlib") {
    std::vector<std::uint8_t> bytes;
    std::string error;
    REQUIRE(base64url_decode(kDynamicLink, bytes, error));
    REQUIRE(((bytes[0] >> 1) & 3) == 2);  // BTYPE=10: dynamic codes
    CHECK(inflate(bytes, 1 << 20, error) == kDynamicText);
    CHECK(error.empty());
}

TEST_CASE("inflate: truncated, corrupt and far-reaching streams are refused with a message") {
    std::vector<std::uint8_t> bytes;
    std::string error;
    REQUIRE(base64url_decode(kDynamicLink, bytes, error));
    for (std::size_t cut : {std::size_t{0}, std::size_t{1}, std::size_t{20}, bytes.size() - 1}) {
        std::vector<std::uint8_t> part(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(cut));
        error.clear();
        inflate(part, 1 << 20, error);
        CHECK(error.find("ends early") != std::string::npos);
    }
    inflate({0x07}, 100, error);  // BFINAL=1, BTYPE=11
    CHECK(error.find("invalid block type") != std::string::npos);
    // A copy with distance 1 before any output: fixed block, length 3 (symbol 257 = 0000001), distance code 0.
    BitWriter w;
    w.put(1, 1), w.put(1, 2), w.code(1, 7), w.code(0, 5), w.code(0, 7);
    inflate(w.bytes, 100, error);
    CHECK(error.find("before the start") != std::string::npos);
}

TEST_CASE("inflate: output stops at the cap (a decompression bomb)") {
    // Fixed block: literal 'a', then copies of 258 bytes at distance 1 (symbol 285 = 11000101,
    // distance code 00000), each 13 bits for 258 bytes of output: 4 MiB from about 26 KB.
    BitWriter w;
    w.put(1, 1), w.put(1, 2);
    w.code(0x30 + 'a', 8);
    const std::size_t copies = kMaxLinkJsonBytes / 258 + 1;
    for (std::size_t i = 0; i < copies; ++i) w.code(0xc5, 8), w.code(0, 5);
    w.code(0, 7);
    std::string error;
    const std::string out = inflate(w.bytes, kMaxLinkJsonBytes, error);
    CHECK(error.find("larger than " + std::to_string(kMaxLinkJsonBytes)) != std::string::npos);
    CHECK(out.size() <= kMaxLinkJsonBytes);
    error.clear();
    CHECK(inflate(w.bytes, 2 * kMaxLinkJsonBytes, error).size() == 1 + copies * 258);  // with room, it is all 'a'
    CHECK(error.empty());
}

TEST_CASE("decode_share_link takes a URL, a fragment or its payload, and checks the version and length") {
    const std::string payload = std::string("v1.") + kDynamicLink;
    CHECK(decode_share_link("http://127.0.0.1:8080/#s=" + payload).json == kDynamicText);
    CHECK(decode_share_link("#s=" + payload).json == kDynamicText);
    CHECK(decode_share_link("s=" + payload).json == kDynamicText);
    CHECK(decode_share_link("#s=v2.AAAA").error.find("version 1") != std::string::npos);
    CHECK(decode_share_link("#s=v1." + std::string(kMaxLinkChars + 1, 'A')).error.find("at most " + std::to_string(kMaxLinkChars)) != std::string::npos);
}
