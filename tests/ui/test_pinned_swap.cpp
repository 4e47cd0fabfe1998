// The Compare tab's swap (AppModel::swap_with_pinned, README "Compare"): a pinned deal becomes the current one
// and the current one is pinned in its place, each keeping its document, preset and results; refused while the
// current document does not validate. The expected values are the deals' own deterministic results, computed
// here before the swap: a swap moves them, it computes nothing new.
#include <catch2/catch.hpp>

#include "io/presets.h"
#include "io/scenario_io.h"
#include "model.h"

using pactscope::ui::AppModel;
using namespace pactscope;

namespace {
Scenario shipped(const std::string& id) { return *load_scenario(find_preset(id)->json).scenario; }
std::string text_of(const Scenario& s) { return scenario_to_json(s).dump(); }
}  // namespace

TEST_CASE("swap: the pinned deal becomes current and the current one is pinned, and a second swap swaps back", "[model][compare]") {
    AppModel m;
    REQUIRE(m.load_preset("commitment-2025q4"));
    REQUIRE(m.pin_current(m.preset_label()));
    REQUIRE(m.load_preset("open-2026"));
    const double open_net = m.result().buyer.net_usd, commitment_net = m.pinned()[0].result.buyer.net_usd;
    REQUIRE(open_net != commitment_net);
    const std::uint64_t loads = m.documents_loaded(), pins = m.pinned_revision();

    REQUIRE(m.swap_with_pinned(0));
    CHECK(m.preset_id() == "commitment-2025q4");
    CHECK_FALSE(m.preset_edited());  // the preset's own document came back, not a rewritten copy
    CHECK(text_of(m.scenario()) == text_of(shipped("commitment-2025q4")));
    CHECK(m.result().buyer.net_usd == commitment_net);
    REQUIRE(m.pinned().size() == 1);
    CHECK(m.pinned()[0].label == "open-2026");
    CHECK(text_of(m.pinned()[0].scenario) == text_of(shipped("open-2026")));
    CHECK(m.pinned()[0].result.buyer.net_usd == open_net);
    // Both run again, paired: the pinned deal with the current deal's trials and seed.
    CHECK(m.pinned()[0].sim.trials() == m.sim().trials());
    CHECK(m.pinned()[0].sim.seed() == m.sim().seed());
    CHECK(m.pinned()[0].sim.trials_done() == 0);
    CHECK(m.documents_loaded() == loads + 1);  // the editor forgets the old deal's typed fields
    CHECK(m.pinned_revision() > pins);         // the comparison is computed again

    REQUIRE(m.swap_with_pinned(0));
    CHECK(m.preset_id() == "open-2026");
    CHECK(m.pinned()[0].label == "commitment-2025q4");
    CHECK(m.result().buyer.net_usd == open_net);
    CHECK(m.pinned()[0].result.buyer.net_usd == commitment_net);
    CHECK_FALSE(m.swap_with_pinned(1));  // no such pin: nothing changes
    CHECK(m.preset_id() == "open-2026");
}

TEST_CASE("swap: refused while the current document does not validate; a pin then holds the last valid scenario", "[model][compare]") {
    AppModel m;
    REQUIRE(m.load_preset("open-2026"));
    REQUIRE(m.pin_current(m.preset_label()));
    REQUIRE(m.load_preset("rofr-2025"));
    m.set("/providers/0/pue", -1.0);  // MODEL §3: a PUE is at least 1
    REQUIRE_FALSE(m.valid());
    CHECK_FALSE(m.swap_with_pinned(0));
    CHECK(m.preset_id() == "rofr-2025");
    CHECK(m.pinned()[0].label == "open-2026");
    // Pinned now, the deal is the last valid scenario (rofr-2025 as shipped), and a swap later brings back that,
    // not the invalid document.
    REQUIRE(m.pin_current("rofr-2025 (edited)"));
    REQUIRE(m.load_preset("exclusive-2019"));
    REQUIRE(m.valid());
    REQUIRE(m.swap_with_pinned(1));
    CHECK(m.valid());
    CHECK(text_of(m.scenario()) == text_of(shipped("rofr-2025")));
    CHECK(m.pinned()[1].label == "exclusive-2019");
}

TEST_CASE("swap: a deal pinned from a link comes back as its preset when it is one, else as the scenario it was", "[model][compare]") {
    AppModel m;
    REQUIRE(m.load_preset("open-2026"));
    REQUIRE(m.pin_scenario("rofr-2025", shipped("rofr-2025")));
    Scenario other = shipped("rofr-2025");
    other.name = "my deal";
    REQUIRE(m.pin_scenario("my deal", other));
    REQUIRE(m.swap_with_pinned(0));
    CHECK(m.preset_id() == "rofr-2025");
    CHECK_FALSE(m.preset_edited());
    REQUIRE(m.swap_with_pinned(1));
    CHECK(m.preset_id().empty());  // not a preset: an import of the scenario as pinned
    CHECK(text_of(m.scenario()) == text_of(other));
    CHECK(m.pinned()[1].label == "rofr-2025");
}
