#include "history.h"

namespace pactscope::ui {

void History::reset(Snapshot current, std::uint64_t doc_revision) {
    undo_.clear();
    redo_.clear();
    settled_ = std::move(current);
    settled_revision_ = doc_revision;
}

void History::settle(const Snapshot& current, std::uint64_t doc_revision, bool valid) {
    if (doc_revision == settled_revision_ || !valid) return;
    settled_revision_ = doc_revision;
    if (current.doc == settled_.doc && current.preset_id == settled_.preset_id) return;  // e.g. dragged and back
    undo_.push_back(std::move(settled_));
    if (undo_.size() > kMaxSteps) undo_.pop_front();
    redo_.clear();
    settled_ = current;
}

std::optional<Snapshot> History::undo() { return travel(undo_, redo_); }
std::optional<Snapshot> History::redo() { return travel(redo_, undo_); }

// Undo and redo are the same move in opposite directions: the settled state goes onto `to`,
// the newest of `from` becomes the settled state.
std::optional<Snapshot> History::travel(std::deque<Snapshot>& from, std::deque<Snapshot>& to) {
    if (from.empty()) return std::nullopt;
    to.push_back(std::move(settled_));
    settled_ = std::move(from.back());
    from.pop_back();
    return settled_;
}

}  // namespace pactscope::ui
