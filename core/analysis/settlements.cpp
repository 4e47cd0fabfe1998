// settlements.cpp — see settlements.h.
#include "analysis/settlements.h"

#include "model/names.h"
#include "model/quarter.h"

namespace pactscope {

std::string commitment_settlements(const Scenario& s) {
    std::string out;
    for (const Clause& cl : s.contract) {
        if (cl.type != ClauseType::commitment || cl.provider < 0) continue;
        const std::string who = provider_display_name(s, static_cast<std::size_t>(cl.provider));
        std::string when;
        if (cl.to_agi) when = "at AGI (or the horizon's last quarter without one)";
        else if (cl.has_to && cl.to >= s.start && cl.to <= s.end) when = "in " + quarter_label(cl.to);
        else continue;  // open-ended, or ending after the horizon: not settled inside it (MODEL §3)
        out += (out.empty() ? "" : "; ") + who + "'s " + when;
    }
    return out;
}

std::string settlement_note(const Scenario& s) {
    const std::string where = commitment_settlements(s);
    if (where.empty()) return "";
    return "Commitments settle at their window's end: a trial that spent less pays the shortfall in that quarter, which lifts the "
           "band's top there (" + where + ").";
}

}  // namespace pactscope
