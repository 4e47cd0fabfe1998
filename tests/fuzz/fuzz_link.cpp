// fuzz_link.cpp — libFuzzer target: the share-link decoder (issue #6). Any bytes as a link
// (base64url + raw DEFLATE + caps), and the same bytes straight into the inflater, then the
// decoded text through the scenario reader.
//
// Properties: decoding never exceeds its caps (input_limits.h); failure always says why;
// success yields text the reader accepts or rejects with problems (never a crash).
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "io/input_limits.h"
#include "io/scenario_io.h"
#include "io/share_link.h"

using namespace pactscope;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const DecodedLink d = decode_share_link(std::string_view(reinterpret_cast<const char*>(data), size));
    if (!d.error.empty() && !d.json.empty()) std::abort();  // a failure hands back no partial scenario
    if (d.json.size() > kMaxLinkJsonBytes) std::abort();
    if (d.error.empty()) {
        LoadedScenario ls = load_scenario(d.json);
        if (!ls.scenario && ls.issues.empty()) std::abort();
    }
    std::string out, error;
    const bool ok = inflate_raw(data, size, 1 << 20, out, error);
    if (ok != error.empty() || out.size() > (1u << 20)) std::abort();
    return 0;
}
