// comparison_builder.h — compare() a few pieces at a time (the page's Compare tab spreads it over frames).
//
// Why: comparing four runs of 10,000 trials is four summaries and six pairs of paired deltas, ~0.25 s in the
// page; in one frame it would freeze the page. The pieces are each run's summary pieces (SummaryBuilder), then
// each pair's figures one at a time (a total, a buyer figure, a shared provider's figure). However many steps it
// takes, the result is compare()'s to the bit — compare() is this builder run to the end.
//
// Usage:
//   ComparisonBuilder b;
//   b.begin(runs);                          // every run done, same trials and seed
//   while (!b.advance(1) && b.building() && clock() < deadline) {}
//   if (b.complete()) shown = b.take();
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

#include "analysis/analysis.h"
#include "uncertainty/summary_builder.h"

namespace pactscope {

class ComparisonBuilder {
public:
    // Starts the comparison of `runs` (2–4, as compare()); they must outlive the build.
    void begin(const std::vector<const Simulation*>& runs);
    // Fills up to `pieces` more pieces; true once every piece is filled. A run restarted since begin() (another
    // run_id) ends the build: nothing comes out (building() and complete() are false).
    bool advance(int pieces);
    bool building() const { return building_ && !finished(); }
    bool complete() const { return building_ && finished(); }
    // The complete comparison; the builder is empty afterwards.
    Comparison take();
    void clear() { building_ = false; }

private:
    // One pair's figure: where its delta goes and the two runs' metrics it pairs.
    struct PairPiece {
        std::size_t pair;
        enum class Group { totals, buyer, providers } group;
        std::size_t row, figure;  // row: the shared provider (providers only)
        int metric_a, metric_b, direction;
    };
    std::vector<const Simulation*> runs_;
    std::vector<std::uint64_t> run_ids_;
    std::vector<SummaryBuilder> summaries_;
    std::vector<PairPiece> pair_pieces_;
    Comparison c_;
    std::size_t next_summary_ = 0, next_pair_piece_ = 0;
    std::vector<double> column_a_, column_b_, diff_, scratch_;
    bool building_ = false;

    bool finished() const { return next_summary_ == summaries_.size() && next_pair_piece_ == pair_pieces_.size(); }
    void fill(const PairPiece& p);
};

}  // namespace pactscope
