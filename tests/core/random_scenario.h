// random_scenario.h — valid scenario documents drawn from a seeded generator,
// for property tests (invariants, round trips). Valid by construction: every clause
// type of MODEL §3 and §11 (a reservation only on a cloud that has no commitment or other
// reservation, so windows never overlap, §11.2), contract prices, SLA tiers and provider_cost.
#pragma once
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace test {

class Rng {  // splitmix64: tiny, portable, good enough for test-case generation
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    double uniform(double lo, double hi) { return lo + (hi - lo) * static_cast<double>(next() >> 11) * 0x1.0p-53; }
    int integer(int lo, int hi) { return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1)); }
    bool coin(double p = 0.5) { return uniform(0, 1) < p; }

private:
    std::uint64_t s_;
};

inline std::string quarter(int year, int q) { return std::to_string(year) + "Q" + std::to_string(q); }

// A number, an interval, or a distribution object inside [lo, hi] (lo >= 0).
inline nlohmann::json random_quantity(Rng& r, double lo, double hi) {
    double a = r.uniform(lo, hi), b = r.uniform(lo, hi);
    if (a > b) std::swap(a, b);
    switch (r.integer(0, 6)) {
        case 0: return a;
        case 1: return a > 0 ? nlohmann::json(std::to_string(a) + " to " + std::to_string(b)) : nlohmann::json(a);
        case 2: return {{"dist", "uniform"}, {"min", a}, {"max", b}};
        case 3: return {{"dist", "triangular"}, {"min", a}, {"mode", 0.5 * (a + b)}, {"max", b}};
        case 4: return {{"dist", "normal"}, {"mean", 0.5 * (a + b)}, {"sd", 0.25 * (b - a)}, {"clip", {a, b}}};
        case 5:
            if (a > 0 && b > a) return {{"dist", "lognormal"}, {"p5", a}, {"p95", b}};
            return a;
        default: return {{"dist", "pert"}, {"min", a}, {"mode", a + 0.25 * (b - a)}, {"max", b}};
    }
}

inline nlohmann::json random_scenario(std::uint64_t seed) {
    using nlohmann::json;
    Rng r(seed);
    int T = r.integer(1, 12);
    json d = {{"schema", "pactscope/scenario@1"}, {"name", "random " + std::to_string(seed)},
              {"horizon", {{"start", "2025Q1"}, {"end", quarter(2025 + (T - 1) / 4, (T - 1) % 4 + 1)}}},
              {"gpus", {{"H100", {{"it_kw", 1.28}, {"h100e", 1}}}, {"GB200", {{"it_kw", 1.7}, {"h100e", random_quantity(r, 2, 3)}}}}},
              {"buyer", {{"id", "buyer-co"}}}, {"contract", json::array()},
              {"policy", {{"max_share_per_provider", r.coin() ? 1.0 : r.uniform(0.3, 1)}, {"sticky", r.coin(0.7)}, {"failover", r.coin(0.7)}}},
              {"uncertainty", {{"trials", r.integer(1, 500)}, {"seed", r.integer(0, 1000)}}}};
    int P = r.integer(1, 4), W = r.integer(1, 3);
    json providers = json::array();
    std::vector<bool> is_cloud;
    for (int p = 0; p < P; ++p) {
        bool owned = r.coin(0.25);
        is_cloud.push_back(!owned);
        json pr = {{"id", "p" + std::to_string(p)}, {"kind", owned ? "owned" : "cloud"}, {"pue", r.uniform(1, 1.5)}};
        json cap = json::array();
        for (int t = r.integer(0, 3); t > 0; --t)
            cap.push_back({{"online", quarter(r.integer(2024, 2027), r.integer(1, 4))}, {"mw", random_quantity(r, 0, 50)},
                           {"gpu", r.coin() ? "H100" : "GB200"}, {"slip_quarters", random_quantity(r, 0, 3)}});
        pr["capacity"] = cap;
        if (owned) {
            pr["capex_usd_per_mw"] = random_quantity(r, 1e6, 4e7);
            pr["amortization_years"] = r.uniform(3, 8);
            pr["power_usd_per_mwh"] = random_quantity(r, 40, 130);
        } else {
            pr["price_usd_per_h100e_hour"] = random_quantity(r, 0.5, 4);
            if (r.coin()) pr["price_change_per_year"] = r.uniform(-0.3, 0.1);
            if (r.coin(0.3)) {
                pr["provider_cost"] = {{"capex_usd_per_mw", random_quantity(r, 1e6, 4e7)}, {"amortization_years", r.uniform(3, 8)}};
                if (r.coin()) pr["provider_cost"]["opex_usd_per_mw_year"] = random_quantity(r, 0, 5e5);
                if (r.coin()) pr["provider_cost"]["power_usd_per_mwh"] = random_quantity(r, 40, 130);
            }
        }
        if (r.coin())
            pr["egress"] = {{"free_tb_per_month", r.uniform(0, 5)},
                            {"tiers", {{{"up_to_tb", 10}, {"usd_per_gb", 0.09}}, {{"up_to_tb", nullptr}, {"usd_per_gb", random_quantity(r, 0, 0.08)}}}}};
        if (r.coin()) pr["onboarding_usd"] = r.uniform(0, 1e6);
        if (r.coin()) pr["overhead_usd_per_quarter"] = r.uniform(0, 1e5);
        if (r.coin()) pr["outages_per_year"] = random_quantity(r, 0, 4), pr["outage_hours"] = random_quantity(r, 0, 20);
        providers.push_back(pr);
    }
    d["providers"] = providers;
    auto pid = [&](Rng& rr) { return "p" + std::to_string(rr.integer(0, P - 1)); };
    json workloads = json::array();
    for (int w = 0; w < W; ++w) {
        bool training = r.coin(0.4);
        json wl = {{"id", "w" + std::to_string(w)}, {"kind", training ? "training" : "inference"},
                   {"value_usd_per_h100e_hour", random_quantity(r, 0, 8)}};
        if (r.coin(0.7)) wl["demand"] = {{"start_h100e", random_quantity(r, 0, 60000)}, {"growth_per_year", r.uniform(-0.5, 1.5)}};
        else {
            json s = json::array();
            for (int q = 0; q < T; ++q) s.push_back(r.uniform(0, 60000));
            wl["demand"] = {{"series", s}};
        }
        if (training && r.coin()) wl["block_h100e"] = r.uniform(1000, 20000);
        if (r.coin()) wl["home"] = pid(r), wl["egress_gb_per_h100e_hour"] = random_quantity(r, 0, 1);
        workloads.push_back(wl);
    }
    d["workloads"] = workloads;
    json contract = json::array();
    // MODEL §11.2: a provider with a reservation has no other reservation and no commitment.
    std::vector<int> committed(static_cast<std::size_t>(P), 0), reserved(static_cast<std::size_t>(P), 0);
    auto cloud_id = [&](Rng& rr) {  // a cloud provider, or -1 when there is none
        std::vector<int> clouds;
        for (int p = 0; p < P; ++p)
            if (is_cloud[static_cast<std::size_t>(p)]) clouds.push_back(p);
        return clouds.empty() ? -1 : clouds[static_cast<std::size_t>(rr.integer(0, static_cast<int>(clouds.size()) - 1))];
    };
    for (int c = r.integer(0, 6); c > 0; --c) {
        json cl;
        switch (r.integer(0, 9)) {
            case 0: {
                json waivers = json::array();
                if (P > 1 && r.coin()) waivers.push_back(pid(r));
                cl = {{"type", "exclusive"}, {"holder", pid(r)}, {"waivers", waivers}, {"waiver_max_share", r.uniform(0, 1)}};
                break;
            }
            case 1:
                cl = {{"type", "rofr"}, {"holder", pid(r)}, {"scope", r.coin() ? "all" : r.coin() ? "training" : "inference"},
                      {"response_quarters", r.integer(0, 3)}};
                if (r.coin()) cl["match"] = "price", cl["tolerance"] = r.uniform(0, 0.5);
                break;
            case 2: cl = {{"type", "preferred"}, {"holder", pid(r)}, {"min_share", random_quantity(r, 0, 1)}}; break;
            case 3: {
                const int p = r.integer(0, P - 1);
                if (reserved[static_cast<std::size_t>(p)]) continue;
                committed[static_cast<std::size_t>(p)] = 1;
                cl = {{"type", "commitment"}, {"provider", "p" + std::to_string(p)}, {"usd", random_quantity(r, 0, 5e9)},
                      {"take_or_pay", r.uniform(0, 1)}};
                if (is_cloud[static_cast<std::size_t>(p)] && r.coin(0.4)) cl["price_usd_per_h100e_hour"] = random_quantity(r, 0.5, 4);  // MODEL §11.1
                else cl["discount"] = r.uniform(0, 0.5);
                break;
            }
            case 8: {  // MODEL §11.2
                const int p = cloud_id(r);
                if (p < 0 || committed[static_cast<std::size_t>(p)] || reserved[static_cast<std::size_t>(p)]) continue;
                reserved[static_cast<std::size_t>(p)] = 1;
                cl = {{"type", "reservation"}, {"provider", "p" + std::to_string(p)}, {"price_usd_per_h100e_hour", random_quantity(r, 0.5, 4)}};
                if (r.coin()) cl["take_or_pay"] = random_quantity(r, 0, 1);
                break;
            }
            case 9: {  // MODEL §11.3
                const int p = cloud_id(r);
                if (p < 0) continue;
                json tiers = json::array();
                double below = 1;
                for (int k = r.integer(1, 3); k > 0; --k) {
                    below = r.coin(0.2) ? below - 0.005 : r.uniform(0.5 * below, below);  // strictly decreasing, > 0
                    tiers.push_back({{"below", below}, {"credit", r.uniform(0, 1)}});
                }
                cl = {{"type", "sla"}, {"provider", "p" + std::to_string(p)}, {"credits", tiers}};
                break;
            }
            case 4: cl = {{"type", "api_exclusivity"}, {"holder", pid(r)}}; break;
            case 5:
                cl = {{"type", "revenue_share"}, {"holder", pid(r)}, {"rate", r.uniform(0, 0.3)}};
                if (r.coin()) cl["cap_usd"] = r.uniform(0, 1e9);
                if (r.coin()) cl["payer"] = "holder", cl["holder_api_revenue_usd_per_quarter"] = random_quantity(r, 0, 1e8);
                break;
            case 6: cl = {{"type", "ip_access"}, {"holder", pid(r)}, {"value_usd_per_quarter", random_quantity(r, 0, 1e8)}}; break;
            default:
                if (r.coin()) cl = {{"type", "agi"}, {"date", quarter(r.integer(2025, 2027), r.integer(1, 4))}};
                else cl = {{"type", "agi"}, {"trigger", "profit"}, {"profit_threshold_usd", r.uniform(0, 1e9)}};
                break;
        }
        if (r.coin(0.3)) cl["from"] = quarter(2025, r.integer(1, 4));
        if (cl["type"] != "agi" && r.coin(0.3)) cl["to"] = r.coin() ? json("agi") : json(quarter(2026, r.integer(1, 4)));
        contract.push_back(cl);
    }
    d["contract"] = contract;
    return d;
}

}  // namespace test
