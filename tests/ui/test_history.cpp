// Undo/redo by whole-scenario snapshots (ui/history.h, issue #5): one step per
// completed edit however many frames it took, redo cleared by a new edit, restoring
// is not itself a step. The documents are tiny hand-written JSON: the history never
// looks inside them.
#include <catch2/catch.hpp>

#include "history.h"

using pactscope::ui::History;
using pactscope::ui::Snapshot;
using nlohmann::json;

namespace {
Snapshot doc(double price) { return {json{{"price", price}}, "rofr-2025"}; }
}  // namespace

TEST_CASE("a drag over many frames settles into one undo step", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    // While the slider is held the app does not settle; on release it settles once.
    h.settle(doc(1.7), 9);
    REQUIRE(h.undo_steps() == 1);
    const auto back = h.undo();
    REQUIRE(back);
    CHECK(back->doc == json{{"price", 1.0}});
    CHECK(h.redo_steps() == 1);
}

TEST_CASE("settling twice at the same revision records nothing", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    h.settle(doc(1.0), 1);
    h.settle(doc(2.0), 2);
    h.settle(doc(2.0), 2);
    CHECK(h.undo_steps() == 1);
}

TEST_CASE("an edit that ends where it started is not a step", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    h.settle(doc(1.0), 5);  // dragged away and back before release
    CHECK_FALSE(h.can_undo());
}

TEST_CASE("undo then redo returns the same snapshot", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    h.settle(doc(2.0), 2);
    h.settle(doc(3.0), 3);
    auto u = h.undo();
    REQUIRE(u);
    CHECK(u->doc == json{{"price", 2.0}});
    h.restored(4);  // the model's revision after restoring: not a new step
    h.settle(doc(2.0), 4);
    CHECK(h.undo_steps() == 1);
    CHECK(h.redo_steps() == 1);
    auto r = h.redo();
    REQUIRE(r);
    CHECK(r->doc == json{{"price", 3.0}});
    CHECK(r->preset_id == "rofr-2025");
    CHECK(h.undo_steps() == 2);
    CHECK_FALSE(h.redo());
}

TEST_CASE("a new edit after undo drops the redo steps", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    h.settle(doc(2.0), 2);
    REQUIRE(h.undo());
    h.restored(3);
    h.settle(doc(5.0), 4);
    CHECK(h.undo_steps() == 1);
    CHECK_FALSE(h.can_redo());
}

TEST_CASE("the oldest steps are dropped beyond the cap", "[history]") {
    History h;
    h.reset(doc(0), 0);
    const int edits = static_cast<int>(History::kMaxSteps) + 25;
    for (int i = 1; i <= edits; ++i) h.settle(doc(i), static_cast<std::uint64_t>(i));
    CHECK(h.undo_steps() == History::kMaxSteps);
    std::optional<Snapshot> last;
    while (auto s = h.undo()) last = s;
    // Edits 1..edits; the first 25 states (0..24) fell off, so the oldest reachable is edit 25.
    REQUIRE(last);
    CHECK(last->doc == json{{"price", 25.0}});
}

TEST_CASE("reset forgets every step", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    h.settle(doc(2.0), 2);
    h.reset(doc(7.0), 9);
    CHECK_FALSE(h.can_undo());
    CHECK_FALSE(h.can_redo());
}

TEST_CASE("an invalid document is never a step: it stays pending until a valid one settles", "[history]") {
    History h;
    h.reset(doc(1.0), 1);
    h.settle(doc(-5.0), 2, false);  // an edit the reader refuses
    CHECK_FALSE(h.can_undo());
    CHECK(h.pending(2));
    CHECK(h.settled().doc == json{{"price", 1.0}});  // undo while pending returns here
    h.settle(doc(3.0), 3, true);  // fixed: the last valid state is the step, the invalid one is gone
    REQUIRE(h.undo_steps() == 1);
    CHECK_FALSE(h.pending(3));
    const auto back = h.undo();
    REQUIRE(back);
    CHECK(back->doc == json{{"price", 1.0}});
}
