// share_link.h — reading share links: `#s=v1.` + base64url(deflate-raw(scenario JSON)).
//
// What it is: the decoder for links other people send (the page calls it through
// WASM; `pactscope link` from the command line): base64url (RFC 4648 §5, no
// padding) and a raw DEFLATE inflater (RFC 1951: stored, fixed and dynamic
// Huffman blocks), with the caps of input_limits.h checked as it goes — the link's
// length before decoding, the inflated size while inflating (a small link cannot
// become a huge scenario). Every failure is a message, never an exception.
// What it is not: the encoder (the page compresses with the browser's
// CompressionStream) or the scenario validator (load_scenario reads the result).
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pactscope {

// A link's JSON is a scenario, or an analysis: {"schema": kAnalysisSchema, "scenario": {...}, "pinned":
// [{"label", "scenario"}], "tab", "sweep"} — the page's current scenario with its pinned deals, open tab and
// sweep settings (ui/app.h load_analysis, ui/sweep_view.h; README "Share links"). Files may hold the same.
inline constexpr const char* kAnalysisSchema = "pactscope/analysis@1";
inline constexpr const char* kAnalysisNeedsScenario = "an analysis needs its \"scenario\" (an object)";  // at /scenario

// Whether a link's or file's JSON is an analysis (its "schema" is kAnalysisSchema) rather than a scenario.
bool is_analysis(const nlohmann::json& j);

struct DecodedLink {
    std::string json;   // the scenario text, when error is empty
    std::string error;  // what is wrong, for a person: "the link's data ends early", ...
};

// Accepts a whole URL, a fragment ("#s=v1.…") or the part after "#s=".
DecodedLink decode_share_link(std::string_view link);

// The two layers, exposed for tests and the fuzzer. Both return false and set `error` on bad input.
bool base64url_decode(std::string_view text, std::vector<std::uint8_t>& out, std::string& error);
bool inflate_raw(const std::uint8_t* data, std::size_t size, std::size_t max_out, std::string& out, std::string& error);

}  // namespace pactscope
