// names.cpp — names of the scenario's parties and parts (see names.h).
#include "model/names.h"

#include "model/quarter.h"

namespace pactscope {

std::string buyer_display_name(const Scenario& s) { return s.has_buyer_name && !s.buyer_name.empty() ? s.buyer_name : s.buyer_id; }

std::string provider_display_name(const Provider& p) { return p.name.empty() ? p.id : p.name; }
std::string provider_display_name(const Scenario& s, std::size_t provider) { return provider_display_name(s.providers.at(provider)); }

std::string workload_name(const Workload& w) { return "workload " + w.id; }

std::string tranche_name(const Provider& p, std::size_t tranche) {
    return provider_display_name(p) + " tranche " + std::to_string(tranche + 1) + ", " + quarter_label(p.capacity[tranche].online);
}

}  // namespace pactscope
