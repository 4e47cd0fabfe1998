// summary_builder.h — a Monte Carlo summary built a few pieces at a time (the page's frames).
//
// Why: the percentiles of every figure and every quarter's band over 10,000 trials take ~25 ms in the
// browser, more than a frame. The page refreshes its partial percentiles while trials arrive and once when
// they end; with a SummaryBuilder it spends a few ms per frame on that and shows the summary once it is
// complete. However many steps it takes, the result is Simulation::summary()'s to the bit
// (tests/core/test_summary_builder.cpp).
//
// Usage:
//   SummaryBuilder b;
//   b.begin(sim);                                          // the trials done so far
//   while (b.building() && !b.advance(sim, 1) && clock() < deadline) {}
//   if (b.complete()) shown = b.take();
#pragma once
#include <cstdint>

#include "uncertainty/montecarlo.h"

namespace pactscope {

class SummaryBuilder {
public:
    // Starts the summary of `sim`'s trials done so far (dropping any summary being built).
    void begin(const Simulation& sim);
    // Fills up to `pieces` more pieces of it; true once every piece is filled. A run restarted since
    // begin() (another run_id) ends the build: nothing comes out (building() and complete() are false).
    bool advance(const Simulation& sim, int pieces);
    bool building() const { return building_ && next_ < pieces_; }
    bool complete() const { return building_ && next_ == pieces_; }
    std::uint64_t run_id() const { return run_id_; }
    std::int64_t trials_done() const { return summary_.trials_done; }  // the trials it summarises
    // The complete summary; the builder is empty afterwards.
    McSummary take();
    void clear() { building_ = false; }

private:
    McSummary summary_;
    Simulation::SummaryScratch scratch_;
    std::uint64_t run_id_ = 0;
    int next_ = 0, pieces_ = 0;
    bool building_ = false;
};

}  // namespace pactscope
