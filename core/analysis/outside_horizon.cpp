// outside_horizon.cpp — what falls outside the horizon (see outside_horizon.h; MODEL §8, §13).
#include "analysis/outside_horizon.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>

#include "model/names.h"
#include "model/quarter.h"

namespace pactscope {

namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

std::string years_text(double years) {
    const double whole = std::round(years);
    if (std::fabs(years - whole) < 1e-9) return std::to_string(static_cast<long long>(whole)) + (whole == 1 ? " year" : " years");
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2g years", years);
    return buf;
}

struct Capex {
    QRef capex_usd_per_mw = -1, amortization_years = -1;
};

// MODEL §3, §11.4: capex is charged as online MW × capex / amortisation years / 4 in every quarter the
// tranche is online inside the horizon. What lies before the start or after the end is not counted.
void capex_edges(const Scenario& s, const std::vector<double>& v, std::size_t p, const Capex& c, bool owned, std::vector<HorizonEdge>& out) {
    const Provider& pr = s.providers[p];
    if (c.capex_usd_per_mw < 0 || c.amortization_years < 0) return;
    const double capex = v[static_cast<std::size_t>(c.capex_usd_per_mw)];
    const double amort_quarters = v[static_cast<std::size_t>(c.amortization_years)] * 4.0;
    if (!(capex > 0) || !(amort_quarters > 0)) return;
    std::vector<std::string> moves;
    if (owned) moves = {"cost_usd", "npv_usd", "fixed_usd", "usd_per_served_h100e_hour", "buyer.cost_usd", "buyer.net_usd"};
    else moves = {pr.id + ".cost_usd", pr.id + ".net_usd"};
    const std::string whose = owned ? "its capex" : "its own capex (its provider cost)";
    for (std::size_t k = 0; k < pr.capacity.size(); ++k) {
        const Tranche& t = pr.capacity[k];
        const double mw = v[static_cast<std::size_t>(t.mw)];
        if (!(mw > 0)) continue;
        const int slip = static_cast<int>(std::max(0.0, std::round(v[static_cast<std::size_t>(t.slip_quarters)])));
        const int online = t.online + slip;  // MODEL §3: online from online + max(0, round(slip))
        const double total = mw * capex;
        HorizonEdge e;
        e.pointer = "/providers/" + std::to_string(p) + "/capacity/" + std::to_string(k);
        e.provider = static_cast<int>(p);
        e.moves = moves;
        const std::string name = tranche_name(pr, k);
        if (online > s.end) {
            e.kind = HorizonEdge::Kind::built_after_end;
            e.amount_usd = total;
            e.text = name + " comes online in " + quarter_label(online) + (slip > 0 ? " (after a slip of " + std::to_string(slip) + " quarters)" : "") +
                     ", after the horizon ends (" + quarter_label(s.end) + "): none of " + whose + " is counted";
            out.push_back(e);
            continue;
        }
        if (online < s.start) {
            const double before = std::min(amort_quarters, static_cast<double>(s.start - online));
            HorizonEdge b = e;
            b.kind = HorizonEdge::Kind::capex_before_start;
            b.amount_usd = total * before / amort_quarters;
            b.text = name + " is online from " + quarter_label(online) + ", before the horizon starts (" + quarter_label(s.start) +
                     "): the part of " + whose + " amortised before the start is not counted";
            out.push_back(b);
        }
        const double through_end = static_cast<double>(s.end - online + 1);  // quarters amortised up to the end, from online
        if (through_end < amort_quarters) {
            e.kind = HorizonEdge::Kind::capex_after_end;
            e.amount_usd = total * (amort_quarters - through_end) / amort_quarters;
            const int last = online + static_cast<int>(std::ceil(amort_quarters)) - 1;
            e.text = name + " is online from " + quarter_label(online) + " and amortised over " +
                     years_text(amort_quarters / 4.0) + ", to " + quarter_label(last) + ": the part of " + whose +
                     " after the horizon ends (" + quarter_label(s.end) + ") is not counted";
            out.push_back(e);
        }
    }
}

std::vector<std::string> money_moves(const Provider& p) {
    return {"stranded_usd", "cost_usd", "npv_usd", "buyer.cost_usd", "buyer.net_usd", p.id + ".revenue_usd", p.id + ".net_usd"};
}

}  // namespace

const char* to_string(HorizonEdge::Kind k) {
    switch (k) {
        case HorizonEdge::Kind::capex_after_end: return "capex_after_end";
        case HorizonEdge::Kind::built_after_end: return "built_after_end";
        case HorizonEdge::Kind::capex_before_start: return "capex_before_start";
        case HorizonEdge::Kind::commitment_not_settled: return "commitment_not_settled";
        case HorizonEdge::Kind::commitment_before_start: return "commitment_before_start";
        case HorizonEdge::Kind::reservation_after_end: return "reservation_after_end";
    }
    return "";
}

std::vector<HorizonEdge> outside_horizon(const Scenario& s, const Result& result) {
    std::vector<HorizonEdge> out;
    const std::vector<double> v = s.medians();
    auto val = [&](QRef q) { return q < 0 ? 0.0 : v[static_cast<std::size_t>(q)]; };
    for (std::size_t p = 0; p < s.providers.size(); ++p) {
        const Provider& pr = s.providers[p];
        if (pr.kind == ProviderKind::owned) capex_edges(s, v, p, {pr.capex_usd_per_mw, pr.amortization_years}, true, out);
        else if (pr.provider_cost.present)
            capex_edges(s, v, p, {pr.provider_cost.capex_usd_per_mw, pr.provider_cost.amortization_years}, false, out);
    }
    const bool agi = result.totals.has_agi;
    const int agi_abs = s.start + result.totals.agi_quarter;
    for (const CommitmentOutcome& co : result.commitments) {
        const Clause& c = s.contract[static_cast<std::size_t>(co.clause)];
        const Provider& pr = s.providers[static_cast<std::size_t>(co.provider)];
        HorizonEdge e;
        e.pointer = "/contract/" + std::to_string(co.clause);
        e.provider = co.provider;
        e.moves = money_moves(pr);
        const std::string name = "commitment on " + pr.id;
        const bool ended_before = c.has_to && !c.to_agi && c.to < s.start;
        if (ended_before || (c.has_from && c.from < s.start)) {
            HorizonEdge b = e;
            b.kind = HorizonEdge::Kind::commitment_before_start;
            b.amount_usd = kNaN;
            b.text = ended_before ? name + "'s window ended in " + quarter_label(c.to) + ", before the horizon starts (" + quarter_label(s.start) +
                                        "): it plays no part"
                                  : name + "'s window starts in " + quarter_label(c.from) + ", before the horizon (" + quarter_label(s.start) +
                                        "): spend before the start is not modelled, so all of it is still to spend";
            out.push_back(b);
        }
        if (co.settled || ended_before) continue;
        e.kind = HorizonEdge::Kind::commitment_not_settled;
        e.amount_usd = std::max(0.0, val(c.take_or_pay) * co.usd - co.spent_usd);
        const std::string until = c.to_agi ? (agi ? "until AGI in " + quarter_label(agi_abs) : std::string("until AGI"))
                                           : "to " + quarter_label(c.has_to ? c.to : s.end);
        e.text = name + " runs " + until + ", after the horizon ends (" + quarter_label(s.end) +
                 "): its take-or-pay is not yet due; the amount is what it would strand if nothing more were spent";
        out.push_back(e);
    }
    for (std::size_t i = 0; i < s.contract.size(); ++i) {
        const Clause& c = s.contract[i];
        if (c.type != ClauseType::reservation) continue;
        const Provider& pr = s.providers[static_cast<std::size_t>(c.provider)];
        int after = 0;  // quarters of the window after the horizon's end
        if (c.to_agi) {
            if (agi && agi_abs > s.end) after = agi_abs - s.end;  // MODEL §3: without AGI it ends with the horizon
        } else if (c.has_to && c.to > s.end) {
            after = c.to - s.end;
        }
        if (after <= 0) continue;
        HorizonEdge e;
        e.kind = HorizonEdge::Kind::reservation_after_end;
        e.pointer = "/contract/" + std::to_string(i);
        e.provider = c.provider;
        e.moves = money_moves(pr);
        const auto& cap = result.providers[static_cast<std::size_t>(c.provider)].capacity_h100e;
        const double last = cap.empty() ? 0.0 : cap.back();
        e.amount_usd = val(c.take_or_pay) * last * kHoursPerQuarter * val(c.price_usd_per_h100e_hour) * after;
        e.text = "reservation on " + pr.id + " runs " + std::to_string(after) + " quarters after the horizon ends (" + quarter_label(s.end) +
                 "): their prepaid capacity is not counted (the amount assumes the last quarter's capacity)";
        out.push_back(e);
    }
    return out;
}

}  // namespace pactscope
