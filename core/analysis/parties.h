// parties.h — who is a party to the money, and whose cost the scenario leaves out (MODEL §11.5).
//
// What it is: the providers a P&L lists — every provider but owned capacity that bills, pays and is paid
// nothing (the buyer's own fleet: its cost is already the buyer's) — and whether a cloud's own cost is
// given (provider_cost, MODEL §11.4). A cloud without it has cost 0 in the results, as the model says, so
// its net is before what its capacity costs it: the page and the report say "not given" rather than "$0".
#pragma once
#include <cstddef>
#include <string>
#include <vector>

#include "model/result.h"
#include "model/scenario.h"

namespace pactscope {

// Providers listed as parties, in document order.
std::vector<std::size_t> party_providers(const Scenario& s, const Result& r);
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
