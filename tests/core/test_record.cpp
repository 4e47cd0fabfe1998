// The public record (core/record.h, core/record_io.h): each measured figure on small scenarios whose
// values are worked out by hand, coverage and comparison, the record file's validation, and identities
// that tie the per-year measurements to the engine's totals on every preset.
#include <cmath>

#include "io/presets.h"
#include "io/record_io.h"
#include "scenario_builder.h"

using namespace test;
using pactscope::RecordWhat;

namespace {

double measured(const pactscope::Scenario& s, const pactscope::Result& r, RecordWhat what, int first, int last) {
    auto v = pactscope::measure(s, r, what, first, last);
    REQUIRE(v.has_value());
    return *v;
}

// One cloud "a" of 1 MW (1,000 H100e) at $2; inference 100 H100e in 2025 and 200 in 2026 at $3 a served
// H100e-hour; training 300 H100e at $1. Everything is served (400-500 <= 1,000).
json two_years() {
    json d = doc("2025Q1", "2026Q4");
    d["providers"].push_back(cloud("a", 1, 2));
    d["workloads"].push_back(series("inference", "inference", {100, 100, 100, 100, 200, 200, 200, 200}, 3));
    d["workloads"].push_back(series("training", "training", {300, 300, 300, 300, 300, 300, 300, 300}, 1));
    return d;
}

}  // namespace

TEST_CASE("capacity online is read at the year's end, on the providers the buyer may use", "[record]") {
    json d = doc("2025Q1", "2026Q4");
    json a = cloud("a", 200, 2);
    a["capacity"].push_back({{"online", "2026Q2"}, {"mw", 300}, {"gpu", "U"}});
    d["providers"].push_back(a);
    d["providers"].push_back(cloud("b", 100, 2, "2025Q3"));
    d["workloads"].push_back(workload("w", "inference", 10));
    d["contract"].push_back({{"type", "exclusive"}, {"holder", "a"}, {"to", "2025Q4"}});
    const auto s = load_ok(d);
    const auto r = pactscope::evaluate(s);
    // End of 2025: the exclusive clause bars b, so only a's 200 MW count; end of 2026: 200 + 300 + 100 MW.
    CHECK(measured(s, r, RecordWhat::capacity_online_gw, 2025, 2025) == Approx(0.2));
    CHECK(measured(s, r, RecordWhat::capacity_online_gw, 2026, 2026) == Approx(0.6));
    // Outside the horizon, or a stock over a range of years: nothing to measure.
    CHECK_FALSE(pactscope::measure(s, r, RecordWhat::capacity_online_gw, 2024, 2024).has_value());
    CHECK_FALSE(pactscope::measure(s, r, RecordWhat::capacity_online_gw, 2025, 2026).has_value());
}

TEST_CASE("revenue, compute spend and the revenue-to-inference-cost ratio by calendar year", "[record]") {
    const auto s = load_ok(two_years());
    const auto r = pactscope::evaluate(s);
    // Revenue: 100 H100e × 2190 h × $3 × 4 quarters = $2,628,000 in 2025; twice that in 2026.
    CHECK(measured(s, r, RecordWhat::revenue_usd, 2025, 2025) == Approx(2628000));
    CHECK(measured(s, r, RecordWhat::revenue_usd, 2026, 2026) == Approx(5256000));
    CHECK(measured(s, r, RecordWhat::revenue_usd, 2025, 2026) == Approx(7884000));
    // Spend: (100 + 300) × 2190 × $2 × 4 = $7,008,000 in 2025; 500 × 2190 × $2 × 4 = $8,760,000 in 2026.
    CHECK(measured(s, r, RecordWhat::compute_spend_usd, 2025, 2025) == Approx(7008000));
    CHECK(measured(s, r, RecordWhat::compute_spend_usd, 2025, 2026) == Approx(15768000));
    // Every served hour costs $2, so inference costs 100 × 2190 × 4 × $2 = $1,752,000 in 2025 and the
    // ratio is $2,628,000 / $1,752,000 = 1.5 (= the $3 value over the $2 price); 2026 the same.
    CHECK(measured(s, r, RecordWhat::revenue_per_inference_cost, 2025, 2025) == Approx(1.5));
    CHECK(measured(s, r, RecordWhat::revenue_per_inference_cost, 2026, 2026) == Approx(1.5));
    // No revenue share clause: nothing paid.
    CHECK(measured(s, r, RecordWhat::revenue_share_paid_usd, 2025, 2026) == 0);
}

TEST_CASE("a calendar-year flow needs the whole year inside the horizon", "[record]") {
    json d = two_years();
    d["horizon"]["start"] = "2025Q3";
    for (auto& w : d["workloads"]) w["demand"]["series"] = json::array({100, 100, 200, 200, 200, 200});
    const auto s = load_ok(d);
    const auto r = pactscope::evaluate(s);
    CHECK_FALSE(pactscope::measure(s, r, RecordWhat::revenue_usd, 2025, 2025).has_value());
    CHECK_FALSE(pactscope::measure(s, r, RecordWhat::compute_spend_usd, 2025, 2026).has_value());
    // 2026: both workloads at 200 H100e: revenue 200 × 2190 × $3 × 4 = $5,256,000.
    CHECK(measured(s, r, RecordWhat::revenue_usd, 2026, 2026) == Approx(5256000));
    // A stock needs only the year's fourth quarter: 1 MW at the end of 2025.
    CHECK(measured(s, r, RecordWhat::capacity_online_gw, 2025, 2025) == Approx(0.001));
}

TEST_CASE("revenue share paid by year stops at its cap; revenue is net of outage losses", "[record]") {
    json d = two_years();
    d["contract"].push_back({{"type", "revenue_share"}, {"payer", "buyer"}, {"holder", "a"}, {"rate", 0.1}, {"cap_usd", 500000}});
    auto s = load_ok(d);
    auto r = pactscope::evaluate(s);
    // 10% of $657,000 a quarter in 2025 = $262,800; 2026 quarters owe $131,400 each, but only $237,200
    // of the cap is left: $131,400 in Q1, $105,800 in Q2, then nothing.
    CHECK(measured(s, r, RecordWhat::revenue_share_paid_usd, 2025, 2025) == Approx(262800));
    CHECK(measured(s, r, RecordWhat::revenue_share_paid_usd, 2026, 2026) == Approx(237200));
    CHECK(measured(s, r, RecordWhat::revenue_share_paid_usd, 2025, 2026) == Approx(r.totals.revenue_share_to_holder_usd));

    // Four outages a year of 219 h: 219 h lost a quarter (SPEC §5, no other provider to fail over to), so
    // 100 × 219 = 21,900 inference H100e-hours × $3 = $65,700 a quarter less revenue in 2025.
    d = two_years();
    d["providers"][0]["outages_per_year"] = 4;
    d["providers"][0]["outage_hours"] = 219;
    s = load_ok(d);
    r = pactscope::evaluate(s);
    CHECK(measured(s, r, RecordWhat::revenue_usd, 2025, 2025) == Approx(4 * (657000 - 65700)));
    CHECK(measured(s, r, RecordWhat::revenue_usd, 2025, 2026) == Approx(r.buyer.revenue_usd));
}

TEST_CASE("a figure covers the presets the record compares over its years; inside means within the tolerance", "[record]") {
    const auto s = load_ok(two_years());
    const auto r = pactscope::evaluate(s);
    const auto loaded = pactscope::load_record(R"({
      "schema": "pactscope/record@1",
      "sources": [{"id": "x", "title": "t", "url": "", "date": "2026"}],
      "presets": [{"id": "mine", "years": [2025, 2025]}, {"id": "counterfactual", "note": "not history"}],
      "figures": [
        {"id": "rev-2025", "what": "revenue_usd", "year": 2025, "value": 2628000, "tolerance": 0, "source": "x"},
        {"id": "rev-2025-high", "what": "revenue_usd", "year": 2025, "value": 3000000, "tolerance": 0.1, "source": "x"},
        {"id": "rev-2026", "what": "revenue_usd", "year": 2026, "value": 5256000, "tolerance": 0.1, "source": "x"},
        {"id": "rev-both", "what": "revenue_usd", "years": [2025, 2026], "value": 7884000, "tolerance": 0.1, "source": "x"}
      ]})");
    for (const auto& i : loaded.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
    REQUIRE(loaded.record);
    const auto& rec = *loaded.record;
    const auto check = pactscope::check_against_record(rec, "mine", s, r);
    CHECK(check.compared);
    // Only the 2025 figures fall within 2025-2025.
    REQUIRE(check.rows.size() == 2);
    CHECK(rec.figures[check.rows[0].figure].id == "rev-2025");
    CHECK(check.rows[0].ratio == Approx(1.0));
    CHECK(check.rows[0].inside);
    // $2,628,000 / $3,000,000 = 0.876: 12.4% short, outside a 10% tolerance.
    CHECK(check.rows[1].ratio == Approx(0.876));
    CHECK_FALSE(check.rows[1].inside);
    const auto none = pactscope::check_against_record(rec, "counterfactual", s, r);
    CHECK_FALSE(none.compared);
    CHECK(none.rows.empty());
    CHECK(none.note == "not history");
    CHECK_FALSE(pactscope::check_against_record(rec, "unknown", s, r).compared);
    // The text names the rows and counts them.
    const std::string text = pactscope::record_checks_to_text(rec, {check, none});
    CHECK(text.find("rev-2025-high") != std::string::npos);
    CHECK(text.find("2 comparisons: 1 inside their tolerance, 1 outside") != std::string::npos);
    CHECK(pactscope::record_checks_to_csv(rec, {check}).find("mine,rev-2025,revenue_usd,2025,2025,USD,2628000,2628000,1,0,true,x\n") !=
          std::string::npos);
}

TEST_CASE("a record file's problems are reported with their pointers", "[record]") {
    const auto loaded = pactscope::load_record(R"({
      "schema": "pactscope/record@1",
      "sources": [{"id": "x", "title": "t", "url": "", "date": "2026"}],
      "presets": [{"id": "p", "years": [2026, 2025]}],
      "figures": [
        {"id": "a", "what": "profit_usd", "year": 2025, "value": 1, "tolerance": 0.1, "source": "x"},
        {"id": "b", "what": "revenue_usd", "year": 2025, "years": [2025, 2026], "value": 1, "tolerance": 0.1, "source": "x"},
        {"id": "c", "what": "capacity_online_gw", "years": [2025, 2026], "value": 1, "tolerance": 0.1, "source": "x"},
        {"id": "d", "what": "revenue_usd", "year": 2025, "value": 0, "tolerance": 2, "source": "y"},
        {"id": "d", "what": "revenue_usd", "year": 2025.5, "value": 1, "tolerance": 0.1, "source": "x", "unit": "USD"}
      ]})");
    CHECK_FALSE(loaded.record);
    auto has = [&](const std::string& pointer, const std::string& words) {
        for (const auto& i : loaded.issues)
            if (i.pointer == pointer && i.message.find(words) != std::string::npos) return true;
        return false;
    };
    CHECK(has("/presets/0/years", "first year comes after the last"));
    CHECK(has("/figures/0/what", "unknown figure \"profit_usd\""));
    CHECK(has("/figures/1", "exactly one of \"year\""));
    CHECK(has("/figures/2/years", "read at one year's end"));
    CHECK(has("/figures/3/value", "greater than 0"));
    CHECK(has("/figures/3/tolerance", "from 0 to 1"));
    CHECK(has("/figures/3/source", "not an id in /sources"));
    CHECK(has("/figures/4/id", "listed twice"));
    CHECK(has("/figures/4/year", "calendar year"));
    CHECK(has("/figures/4/unit", "unknown key"));
    CHECK_FALSE(pactscope::load_record("{").record);
}

TEST_CASE("the embedded record is valid and lists every shipped preset", "[record]") {
    const auto loaded = pactscope::load_record(pactscope::embedded_record_json());
    for (const auto& i : loaded.issues) UNSCOPED_INFO(i.pointer << ": " << i.message);
    REQUIRE(loaded.record);
    for (const auto& p : pactscope::presets()) {
        INFO(p.id);
        CHECK(loaded.record->find_preset(p.id) != nullptr);
    }
    for (const auto& p : loaded.record->presets) CHECK(pactscope::find_preset(p.id) != nullptr);
}

TEST_CASE("on every preset, the years add up to the engine's totals", "[record]") {
    // Identities, not values: the per-quarter flows the record measures are those the engine totals.
    for (const auto& p : pactscope::presets()) {
        DYNAMIC_SECTION(p.id) {
            const auto s = *pactscope::load_scenario(p.json).scenario;
            const auto r = pactscope::evaluate(s);
            const int first = s.start / 4 + (s.start % 4 ? 1 : 0), last = (s.end + 1) / 4 - 1;  // whole calendar years
            if (s.start % 4 == 0 && s.end % 4 == 3) {
                CHECK(measured(s, r, RecordWhat::revenue_usd, first, last) == Approx(r.buyer.revenue_usd).epsilon(1e-9));
                CHECK(measured(s, r, RecordWhat::compute_spend_usd, first, last) == Approx(r.totals.cost_usd).epsilon(1e-9));
                CHECK(measured(s, r, RecordWhat::revenue_share_paid_usd, first, last) ==
                      Approx(r.totals.revenue_share_to_holder_usd).epsilon(1e-9));
            }
            double by_year = 0;
            for (int y = first; y <= last; ++y) by_year += measured(s, r, RecordWhat::compute_spend_usd, y, y);
            CHECK(by_year == Approx(measured(s, r, RecordWhat::compute_spend_usd, first, last)).epsilon(1e-12));
        }
    }
}
