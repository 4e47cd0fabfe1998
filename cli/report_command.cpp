// report_command.cpp — `pactscope report FILE [FILE…] [--trials N] [--seed S] [--date YYYY-MM-DD] --out report.html`
// (issue 16, README "Command line"): the report of io/report.h, the same bytes as the page's File >
// Download report for the same scenarios (the first is the current deal, the rest pinned), trials, seed
// and date. Trials and seed default to the first scenario's; the date defaults to its sources' latest.
#include <iostream>

#include "cli_common.h"
#include "io/report.h"

namespace pactscope::cli {

int cmd_report(int argc, char** argv) {
    Options o;
    if (!parse_options(argc, argv, 2, {"--trials", "--seed", "--date", "--out", "--threads"}, o)) return kInvalid;
    const std::string date = o.has("--date") ? o.last("--date") : "";
    if (!date.empty() && !report_date_valid(date)) {
        std::cerr << "pactscope: --date must be a calendar date written YYYY-MM-DD, not \"" << date << "\"\n";
        return kInvalid;
    }
    auto ss = load_all(o, 1, 4);
    if (!ss) return kInvalid;
    auto mc = mc_options(o, *ss);
    if (!mc) return kInvalid;
    return write_output(o, build_report(*ss, mc->trials, mc->seed, date, mc->threads)) ? kOk : kInvalid;
}

}  // namespace pactscope::cli
