// parties.h — who is a party to the money, and whose cost the scenario leaves out (MODEL §11.5).
//
// What it is: the providers a P&L lists — every provider but owned capacity that bills, pays and is paid
// nothing (the buyer's own fleet: its cost is already the buyer's) and clouds listed without capacity that
// take no money (outside the deal) — and whether a cloud's own cost is
// given (provider_cost, MODEL §11.4). A cloud without it has cost 0 in the results, as the model says, so
// its net is before what its capacity costs it: the page and the report say "not given" rather than "$0".
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/metric.h"
#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

// A cloud listed with no capacity that bills, pays and is paid nothing: the deal does not use it. (The presets
// list every cloud in every deal so that JSON pointers pair up across deals; one outside a deal is not a party to
// its money, and a P&L row of $0 for it would read as a figure.)
bool outside_deal(const Scenario& s, const Result& r, std::size_t p);
// Neither owned capacity billing nothing nor a cloud outside the deal: a party to the deal's money.
bool is_party(const Scenario& s, const Result& r, std::size_t p);
// Providers listed as parties, in document order.
std::vector<std::size_t> party_providers(const Scenario& s, const Result& r);
// Why the provider with this id has no `figure` (a provider_figures() name: "net_usd", "cost_usd") in a deal: it
// is no party (not listed, outside the deal, owned capacity), or the figure is its own cost and the deal does not
// give it; `none` when the figure is one. A comparison says this in the cell rather than showing a median of $0.
enum class FigureGap { none, not_listed, outside_deal, owned, not_given };
FigureGap figure_gap(const Scenario& s, const Result& r, const std::string& id, std::string_view figure);
// The same for a metric: a provider's figure by its provider's id; `none` for a total or a buyer figure.
FigureGap metric_gap(const Scenario& s, const Result& r, const Metric& m);
// True when the provider's net is before what its capacity costs it because the deal does not give that cost
// (no provider_cost): a table stars that net, as the P&L does.
bool net_before_cost(const Scenario& s, const Result& r, const std::string& id);
// The words for a table's cell: "not listed", "not in this deal", "owned: the buyer's cost", "not given"; "" for none.
const char* figure_gap_text(FigureGap gap);
// Whether a comparison shows the paired difference of a figure between two deals: only when both have it. (A
// deal without Cerebras pays it $0, so the difference would be the other deal's whole figure, and a verdict
// "B better" on a party that is not in B reads as a finding about it; a cost not given is a $0 that is no figure.)
bool gap_comparable(FigureGap a, FigureGap b);

// Clouds outside the deal (outside_deal), by display name, joined with ", " ("" when none).
std::string outside_deal_names(const Scenario& s, const Result& r);
// Owned providers left out of party_providers, by display name, joined with ", " ("" when none).
std::string owned_capacity_names(const Scenario& s, const Result& r);

// Every money cell of the P&L that lists `parties` (revenue, cost, shares, IP value, net of the buyer and
// of each party): one statement scale is chosen over them all (io/value_text.h), so every row foots by hand.
std::vector<double> pnl_money(const Result& r, const std::vector<std::size_t>& parties);

// False for a cloud whose scenario has no provider_cost: its cost_usd is 0 by default, not a figure.
bool provider_cost_given(const Scenario& s, std::size_t p);
// The clouds among `parties` without provider_cost, by display name, joined with ", " ("" when none).
std::string uncosted_names(const Scenario& s, const std::vector<std::size_t>& parties);

}  // namespace pactscope
