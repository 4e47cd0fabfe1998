// names.h — what the scenario's parties and parts are called in words (MODEL §8 "Labels").
//
// What it is: the one place that says how a label names the buyer ("OpenAI"), a provider ("Microsoft
// Azure"), a workload ("workload inference") and a capacity tranche ("Stargate (owned) tranche 2,
// 2026Q1"), so metric labels, the input list, explanations and horizon notes say the same thing.
// Clauses are named with the clause table: clause_name in io/clause_types.h ("commitment on azure").
#pragma once
#include <cstddef>
#include <string>

#include "model/scenario.h"

namespace pactscope {

// The buyer's `name`, else its id.
std::string buyer_display_name(const Scenario& s);
// A provider's `name`, else its id; the second form by its index in the scenario.
std::string provider_display_name(const Provider& p);
std::string provider_display_name(const Scenario& s, std::size_t provider);
// "workload inference".
std::string workload_name(const Workload& w);
// "Stargate (owned) tranche 2, 2026Q1": the provider's name, the tranche numbered from 1, its planned quarter.
std::string tranche_name(const Provider& p, std::size_t tranche);

}  // namespace pactscope
