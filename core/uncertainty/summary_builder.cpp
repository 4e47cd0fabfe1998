#include "uncertainty/summary_builder.h"

#include <utility>

namespace pactscope {

void SummaryBuilder::begin(const Simulation& sim) {
    summary_ = sim.summary_begin();
    run_id_ = sim.run_id();
    next_ = 0;
    pieces_ = sim.summary_pieces();
    building_ = true;
}

bool SummaryBuilder::advance(const Simulation& sim, int pieces) {
    if (!building_) return false;
    if (sim.run_id() != run_id_) {  // restarted: the samples this summary reads are gone
        building_ = false;
        return false;
    }
    for (; pieces > 0 && next_ < pieces_; --pieces, ++next_) sim.summary_fill(summary_, next_, scratch_);
    return next_ == pieces_;
}

McSummary SummaryBuilder::take() {
    building_ = false;
    return std::move(summary_);
}

}  // namespace pactscope
