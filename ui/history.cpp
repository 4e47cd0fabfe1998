#include "history.h"

namespace pactscope::ui {

void History::reset(Snapshot current, std::uint64_t doc_revision) {
    undo_.clear();
    redo_.clear();
    settled_ = std::move(current);
    settled_revision_ = doc_revision;
}

void History::settle(const Snapshot& current, std::uint64_t doc_revision) {
    if (doc_revision == settled_revision_) return;
    settled_revision_ = doc_revision;
    if (current.doc == settled_.doc && current.preset_id == settled_.preset_id) return;  // e.g. dragged and back
    undo_.push_back(std::move(settled_));
    if (undo_.size() > kMaxSteps) undo_.pop_front();
    redo_.clear();
    settled_ = current;
}

std::optional<Snapshot> History::undo() {
    if (undo_.empty()) return std::nullopt;
    redo_.push_back(std::move(settled_));
    settled_ = std::move(undo_.back());
    undo_.pop_back();
    return settled_;
}

std::optional<Snapshot> History::redo() {
    if (redo_.empty()) return std::nullopt;
    undo_.push_back(std::move(settled_));
    settled_ = std::move(redo_.back());
    redo_.pop_back();
    return settled_;
}

}  // namespace pactscope::ui
