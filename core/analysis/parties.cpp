// parties.cpp — see parties.h.
#include "analysis/parties.h"

#include <algorithm>

#include "model/names.h"

namespace pactscope {

namespace {

bool no_money(const Result& r, std::size_t p) {
    if (p >= r.stakeholders.size()) return false;
    const ProviderView& v = r.stakeholders[p];
    return v.revenue_usd == 0 && v.cost_usd == 0 && v.revenue_share_paid_usd == 0 && v.revenue_share_received_usd == 0 && v.ip_value_usd == 0 &&
           v.net_usd == 0;
}

bool owned_billing_nothing(const Scenario& s, const Result& r, std::size_t p) {
    return s.providers[p].kind == ProviderKind::owned && no_money(r, p);
}

void add_name(std::string& list, const std::string& name) { list += (list.empty() ? "" : ", ") + name; }

}  // namespace

bool outside_deal(const Scenario& s, const Result& r, std::size_t p) {
    return p < s.providers.size() && s.providers[p].kind == ProviderKind::cloud && s.providers[p].capacity.empty() && no_money(r, p);
}

bool is_party(const Scenario& s, const Result& r, std::size_t p) { return !owned_billing_nothing(s, r, p) && !outside_deal(s, r, p); }

std::vector<std::size_t> party_providers(const Scenario& s, const Result& r) {
    std::vector<std::size_t> out;
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        if (is_party(s, r, p)) out.push_back(p);
    return out;
}

FigureGap figure_gap(const Scenario& s, const Result& r, const std::string& id, std::string_view figure) {
    const auto it = std::find_if(s.providers.begin(), s.providers.end(), [&](const Provider& p) { return p.id == id; });
    if (it == s.providers.end()) return FigureGap::not_listed;
    const auto p = static_cast<std::size_t>(it - s.providers.begin());
    if (outside_deal(s, r, p)) return FigureGap::outside_deal;
    if (!is_party(s, r, p)) return FigureGap::owned;
    if (figure == "cost_usd" && !provider_cost_given(s, p)) return FigureGap::not_given;
    return FigureGap::none;
}

FigureGap metric_gap(const Scenario& s, const Result& r, const Metric& m) {
    if (m.kind != Metric::Kind::provider) return FigureGap::none;
    return figure_gap(s, r, m.provider_id, provider_figures()[static_cast<std::size_t>(m.index)].name);
}

bool net_before_cost(const Scenario& s, const Result& r, const std::string& id) {
    return figure_gap(s, r, id, "cost_usd") == FigureGap::not_given;
}

const char* figure_gap_text(FigureGap gap) {
    switch (gap) {
        case FigureGap::none: return "";
        case FigureGap::not_listed: return "not listed";
        case FigureGap::outside_deal: return "not in this deal";
        case FigureGap::owned: return "owned: the buyer's cost";
        case FigureGap::not_given: return "not given";
    }
    return "";
}

bool gap_comparable(FigureGap a, FigureGap b) { return a == FigureGap::none && b == FigureGap::none; }

std::string outside_deal_names(const Scenario& s, const Result& r) {
    std::string out;
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        if (outside_deal(s, r, p)) add_name(out, provider_display_name(s, p));
    return out;
}

std::string owned_capacity_names(const Scenario& s, const Result& r) {
    std::string out;
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        if (owned_billing_nothing(s, r, p)) add_name(out, provider_display_name(s, p));
    return out;
}

std::vector<double> pnl_money(const Result& r, const std::vector<std::size_t>& parties) {
    const BuyerView& b = r.buyer;
    std::vector<double> cells = {b.revenue_usd, b.cost_usd, b.revenue_share_paid_usd, b.revenue_share_received_usd, b.net_usd};
    for (std::size_t p : parties) {
        const ProviderView& v = r.stakeholders[p];
        cells.insert(cells.end(), {v.revenue_usd, v.cost_usd, v.revenue_share_paid_usd, v.revenue_share_received_usd, v.ip_value_usd, v.net_usd});
    }
    return cells;
}

bool provider_cost_given(const Scenario& s, std::size_t p) {
    return s.providers[p].kind != ProviderKind::cloud || s.providers[p].provider_cost.present;
}

std::string uncosted_names(const Scenario& s, const std::vector<std::size_t>& parties) {
    std::string out;
    for (std::size_t p : parties)
        if (!provider_cost_given(s, p)) add_name(out, provider_display_name(s, p));
    return out;
}

}  // namespace pactscope
