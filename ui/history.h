// history.h — undo and redo by whole-scenario snapshots.
//
// What it is: a list of past and undone documents (the JSON the user edits, with
// the preset it came from). The app calls settle() at the end of every frame in
// which no widget is held; when the document changed since the last settled one,
// the previous one becomes an undo step. A slider drag changes the document every
// frame but settles once, on release: one step per completed edit, as the user
// sees it. Loading a preset, a file or a share link is a step too. An invalid document is never
// recorded: it stays pending until an edit makes the document valid again (then the last valid
// one becomes the undo step), and undo while it is pending returns to the last valid one.
// What it is not: the model — undo()/redo() return the snapshot to restore and
// the caller loads it (AppModel::restore), which re-validates and re-evaluates.
#pragma once
#include <cstddef>
#include <cstdint>
#include <deque>
#include <optional>
#include <string>

#include <nlohmann/json.hpp>

namespace pactscope::ui {

struct Snapshot {
    nlohmann::json doc;
    std::string preset_id;
};

class History {
public:
    static constexpr std::size_t kMaxSteps = 200;  // oldest steps are dropped beyond this

    // Starts over from `current` (no steps to undo or redo).
    void reset(Snapshot current, std::uint64_t doc_revision);
    // Records `current` if the document changed (doc_revision differs) since the last settled state
    // and is valid; an invalid one is left pending.
    void settle(const Snapshot& current, std::uint64_t doc_revision, bool valid = true);
    // True when the model's document changed since the last settled state (an invalid edit pending).
    bool pending(std::uint64_t doc_revision) const { return doc_revision != settled_revision_; }
    // The last settled (valid) state: what undo returns to while an invalid edit is pending.
    const Snapshot& settled() const { return settled_; }
    // The snapshot to restore, or nothing when there is no step. After restoring it, the caller
    // reports the model's new document revision with restored(), so restoring is not itself a step.
    std::optional<Snapshot> undo();
    std::optional<Snapshot> redo();
    void restored(std::uint64_t doc_revision) { settled_revision_ = doc_revision; }

    bool can_undo() const { return !undo_.empty(); }
    bool can_redo() const { return !redo_.empty(); }
    std::size_t undo_steps() const { return undo_.size(); }
    std::size_t redo_steps() const { return redo_.size(); }

private:
    std::optional<Snapshot> travel(std::deque<Snapshot>& from, std::deque<Snapshot>& to);
    std::deque<Snapshot> undo_, redo_;
    Snapshot settled_;
    std::uint64_t settled_revision_ = 0;
};

}  // namespace pactscope::ui
