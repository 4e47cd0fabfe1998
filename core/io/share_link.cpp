#include "io/share_link.h"

#include "io/input_limits.h"

namespace pactscope {

namespace {

//-----------------------------------------------------------------------------
// Raw DEFLATE (RFC 1951), decoded the canonical way: codes are counted per
// length and decoded bit by bit (as zlib's reference decoder "puff" does). Slow
// per bit but small, obviously bounded, and fast enough for a link of 64 K chars.
//-----------------------------------------------------------------------------

constexpr int kMaxBits = 15;

struct Huffman {
    short count[kMaxBits + 1];  // codes of each length
    short symbol[288];          // symbols in canonical order
};

class Inflater {
public:
    Inflater(const std::uint8_t* in, std::size_t n, std::size_t max_out, std::string& out) : in_(in), n_(n), max_out_(max_out), out_(out) {}

    bool run(std::string& error) {
        int last = 0;
        do {
            int type = 0;
            if (!bits(1, last) || !bits(2, type)) break;
            if (type == 0) stored();
            else if (type == 1) fixed();
            else if (type == 2) dynamic();
            else fail("the link's data uses an invalid block type");
        } while (!last && error_.empty());
        error = error_;
        return error_.empty();
    }

private:
    const std::uint8_t* in_;
    std::size_t n_, pos_ = 0, max_out_;
    std::string& out_;
    std::uint32_t bitbuf_ = 0;
    int bitcnt_ = 0;
    std::string error_;

    bool fail(const std::string& why) {
        if (error_.empty()) error_ = why;
        return false;
    }
    bool bits(int need, int& value) {
        while (bitcnt_ < need) {
            if (pos_ >= n_) return fail("the link's data ends early (was it cut off?)");
            bitbuf_ |= static_cast<std::uint32_t>(in_[pos_++]) << bitcnt_;
            bitcnt_ += 8;
        }
        value = static_cast<int>(bitbuf_ & ((1u << need) - 1));
        bitbuf_ >>= need;
        bitcnt_ -= need;
        return true;
    }
    bool room(std::size_t more) {
        if (out_.size() + more <= max_out_) return true;
        return fail("the scenario in the link is larger than " + std::to_string(max_out_) + " bytes");
    }

    void stored() {
        bitbuf_ = 0;  // the rest of the current byte is padding
        bitcnt_ = 0;
        if (n_ - pos_ < 4) return void(fail("the link's data ends early (was it cut off?)"));
        const unsigned len = in_[pos_] | (in_[pos_ + 1] << 8), nlen = in_[pos_ + 2] | (in_[pos_ + 3] << 8);
        pos_ += 4;
        if (len != (~nlen & 0xffffu)) return void(fail("the link's data is corrupt (a stored block's length check fails)"));
        if (n_ - pos_ < len) return void(fail("the link's data ends early (was it cut off?)"));
        if (!room(len)) return;
        out_.append(reinterpret_cast<const char*>(in_ + pos_), len);
        pos_ += len;
    }

    // Builds the canonical code for lengths[0..n); returns 0 when complete, > 0 when incomplete,
    // < 0 when over-subscribed.
    static int construct(Huffman& h, const short* lengths, int n) {
        for (short& c : h.count) c = 0;
        for (int s = 0; s < n; ++s) h.count[lengths[s]]++;
        if (h.count[0] == n) return 0;  // no codes: complete, but decoding will fail
        int left = 1;
        for (int len = 1; len <= kMaxBits; ++len) {
            left <<= 1;
            left -= h.count[len];
            if (left < 0) return left;
        }
        short offs[kMaxBits + 1];
        offs[1] = 0;
        for (int len = 1; len < kMaxBits; ++len) offs[len + 1] = static_cast<short>(offs[len] + h.count[len]);
        for (int s = 0; s < n; ++s)
            if (lengths[s] != 0) h.symbol[offs[lengths[s]]++] = static_cast<short>(s);
        return left;
    }

    int decode(const Huffman& h) {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len <= kMaxBits; ++len) {
            int bit = 0;
            if (!bits(1, bit)) return -1;
            code |= bit;
            const int count = h.count[len];
            if (code - count < first) return h.symbol[index + (code - first)];
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        fail("the link's data is corrupt (no such code)");
        return -1;
    }

    void codes(const Huffman& lencode, const Huffman& distcode) {
        static const short kLenBase[29] = {3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
        static const short kLenExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        static const short kDistBase[30] = {1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097,
                                            6145, 8193, 12289, 16385, 24577};
        static const short kDistExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
        for (;;) {
            int sym = decode(lencode);
            if (sym < 0) return;
            if (sym == 256) return;
            if (sym < 256) {
                if (!room(1)) return;
                out_.push_back(static_cast<char>(sym));
                continue;
            }
            sym -= 257;
            if (sym >= 29) return void(fail("the link's data is corrupt (an invalid length code)"));
            int extra = 0;
            if (!bits(kLenExtra[sym], extra)) return;
            const std::size_t len = static_cast<std::size_t>(kLenBase[sym] + extra);
            const int dsym = decode(distcode);
            if (dsym < 0) return;
            if (dsym >= 30) return void(fail("the link's data is corrupt (an invalid distance code)"));
            if (!bits(kDistExtra[dsym], extra)) return;
            const std::size_t dist = static_cast<std::size_t>(kDistBase[dsym] + extra);
            if (dist > out_.size()) return void(fail("the link's data is corrupt (a copy from before the start)"));
            if (!room(len)) return;
            for (std::size_t i = 0; i < len; ++i) out_.push_back(out_[out_.size() - dist]);
        }
    }

    void fixed() {
        static Huffman lencode, distcode;
        static const bool built = [] {
            short lengths[288];
            int s = 0;
            for (; s < 144; ++s) lengths[s] = 8;
            for (; s < 256; ++s) lengths[s] = 9;
            for (; s < 280; ++s) lengths[s] = 7;
            for (; s < 288; ++s) lengths[s] = 8;
            construct(lencode, lengths, 288);
            for (s = 0; s < 30; ++s) lengths[s] = 5;
            construct(distcode, lengths, 30);
            return true;
        }();
        (void)built;
        codes(lencode, distcode);
    }

    void dynamic() {
        static const short kOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};
        int nlen = 0, ndist = 0, ncode = 0;
        if (!bits(5, nlen) || !bits(5, ndist) || !bits(4, ncode)) return;
        nlen += 257, ndist += 1, ncode += 4;
        if (nlen > 286 || ndist > 30) return void(fail("the link's data is corrupt (too many codes)"));
        short lengths[286 + 30] = {};
        for (int i = 0; i < ncode; ++i) {
            int v = 0;
            if (!bits(3, v)) return;
            lengths[kOrder[i]] = static_cast<short>(v);
        }
        Huffman lencode, distcode;
        if (construct(lencode, lengths, 19) != 0) return void(fail("the link's data is corrupt (an incomplete code-length code)"));
        for (int index = 0; index < nlen + ndist;) {
            int sym = decode(lencode);
            if (sym < 0) return;
            if (sym < 16) {
                lengths[index++] = static_cast<short>(sym);
                continue;
            }
            short len = 0;
            int repeat = 0;
            if (sym == 16) {
                if (index == 0) return void(fail("the link's data is corrupt (a repeat with nothing before it)"));
                len = lengths[index - 1];
                if (!bits(2, repeat)) return;
                repeat += 3;
            } else if (sym == 17) {
                if (!bits(3, repeat)) return;
                repeat += 3;
            } else {
                if (!bits(7, repeat)) return;
                repeat += 11;
            }
            if (index + repeat > nlen + ndist) return void(fail("the link's data is corrupt (too many code lengths)"));
            while (repeat--) lengths[index++] = len;
        }
        if (lengths[256] == 0) return void(fail("the link's data is corrupt (no end-of-block code)"));
        // Incomplete codes are allowed only for a single code of one bit (RFC 1951 §3.2.7 note).
        int err = construct(lencode, lengths, nlen);
        if (err && (err < 0 || nlen != lencode.count[0] + lencode.count[1])) return void(fail("the link's data is corrupt (an invalid literal/length code)"));
        err = construct(distcode, lengths + nlen, ndist);
        if (err && (err < 0 || ndist != distcode.count[0] + distcode.count[1])) return void(fail("the link's data is corrupt (an invalid distance code)"));
        codes(lencode, distcode);
    }
};

}  // namespace

bool base64url_decode(std::string_view text, std::vector<std::uint8_t>& out, std::string& error) {
    out.clear();
    if (text.size() % 4 == 1) {
        error = "the link's data has an impossible length (was it cut off?)";
        return false;
    }
    out.reserve(text.size() / 4 * 3 + 2);
    std::uint32_t acc = 0;
    int nbits = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        int v = -1;
        if (c >= 'A' && c <= 'Z') v = c - 'A';
        else if (c >= 'a' && c <= 'z') v = c - 'a' + 26;
        else if (c >= '0' && c <= '9') v = c - '0' + 52;
        else if (c == '-') v = 62;
        else if (c == '_') v = 63;
        if (v < 0) {
            error = "the link contains a character that is not base64url at position " + std::to_string(i);
            return false;
        }
        acc = (acc << 6) | static_cast<std::uint32_t>(v);
        nbits += 6;
        if (nbits >= 8) {
            nbits -= 8;
            out.push_back(static_cast<std::uint8_t>((acc >> nbits) & 0xffu));
        }
    }
    return true;
}

bool inflate_raw(const std::uint8_t* data, std::size_t size, std::size_t max_out, std::string& out, std::string& error) {
    out.clear();
    Inflater inf(data, size, max_out, out);
    return inf.run(error);
}

DecodedLink decode_share_link(std::string_view link) {
    DecodedLink r;
    if (auto hash = link.find("#s="); hash != std::string_view::npos) link.remove_prefix(hash + 3);
    else if (link.substr(0, 2) == "s=") link.remove_prefix(2);
    if (link.substr(0, 3) != "v1.") {
        r.error = "this is not a PactScope share link of version 1 (it should contain \"#s=v1.\")";
        return r;
    }
    link.remove_prefix(3);
    if (link.size() > kMaxLinkChars) {
        r.error = "the link is " + std::to_string(link.size()) + " characters long; at most " + std::to_string(kMaxLinkChars) + " are accepted";
        return r;
    }
    std::vector<std::uint8_t> bytes;
    std::string json;
    if (!base64url_decode(link, bytes, r.error) || !inflate_raw(bytes.data(), bytes.size(), kMaxLinkJsonBytes, json, r.error)) return r;
    r.json = std::move(json);
    return r;
}

bool is_analysis(const nlohmann::json& j) {
    const auto schema = j.is_object() ? j.find("schema") : j.end();
    return j.is_object() && schema != j.end() && *schema == kAnalysisSchema;
}

}  // namespace pactscope
