#include "metric.h"

#include <cmath>
#include <limits>

#include "result_io.h"

namespace pactscope {

namespace {
const char* const kBuyerFields[] = {"cost_usd", "lost_value_usd", "revenue_share_paid_usd", "revenue_share_received_usd", "net_usd"};
const char* const kProviderFields[] = {"revenue_usd", "revenue_share_received_usd", "revenue_share_paid_usd", "ip_value_usd", "net_usd"};

int field_index(const char* const* fields, int n, const std::string& name) {
    for (int i = 0; i < n; ++i)
        if (name == fields[i]) return i;
    return -1;
}

std::string join(const char* const* fields, int n) {
    std::string out;
    for (int i = 0; i < n; ++i) out += (i ? ", " : "") + std::string(fields[i]);
    return out;
}
}  // namespace

const char* const* buyer_fields(int& count) {
    count = 5;
    return kBuyerFields;
}

const char* const* provider_fields(int& count) {
    count = 5;
    return kProviderFields;
}

std::optional<Metric> parse_metric(const Scenario& s, const std::string& name, std::string& error) {
    Metric m;
    m.name = name;
    if (int t = total_index(name); t >= 0) {
        m.index = t;
        return m;
    }
    const auto dot = name.find('.');
    if (dot == std::string::npos) {
        std::string totals;
        for (const std::string& n : total_names()) totals += (totals.empty() ? "" : ", ") + n;
        error = "unknown metric \"" + name + "\"; use a total (" + totals + ") or a stakeholder figure such as buyer.net_usd or " +
                (s.providers.empty() ? std::string("<provider>") : s.providers[0].id) + ".net_usd";
        return std::nullopt;
    }
    const std::string who = name.substr(0, dot), field = name.substr(dot + 1);
    if (who == "buyer") {
        m.kind = Metric::Kind::buyer;
        m.index = field_index(kBuyerFields, 5, field);
        if (m.index < 0) error = "the buyer has no figure \"" + field + "\"; it has " + join(kBuyerFields, 5);
    } else {
        m.kind = Metric::Kind::provider;
        for (std::size_t p = 0; p < s.providers.size(); ++p)
            if (s.providers[p].id == who) m.provider = static_cast<int>(p);
        if (m.provider < 0) {
            error = "no stakeholder \"" + who + "\" in scenario \"" + s.name + "\"; use buyer or a provider id";
            return std::nullopt;
        }
        m.index = field_index(kProviderFields, 5, field);
        if (m.index < 0) error = "a provider has no figure \"" + field + "\"; it has " + join(kProviderFields, 5);
    }
    if (m.index < 0) return std::nullopt;
    return m;
}

double metric_value(const Metric& m, const Result& r) {
    switch (m.kind) {
        case Metric::Kind::total: {
            double all[kTotalCount];
            totals_array(r.totals, all);
            return all[m.index];
        }
        case Metric::Kind::buyer: {
            const BuyerView& b = r.buyer;
            const double v[] = {b.cost_usd, b.lost_value_usd, b.revenue_share_paid_usd, b.revenue_share_received_usd, b.net_usd};
            return v[m.index];
        }
        case Metric::Kind::provider: {
            const ProviderView& p = r.stakeholders[m.provider];
            const double v[] = {p.revenue_usd, p.revenue_share_received_usd, p.revenue_share_paid_usd, p.ip_value_usd, p.net_usd};
            return v[m.index];
        }
    }
    return std::numeric_limits<double>::quiet_NaN();
}

int total_direction(int t) {
    const std::string& n = total_names()[t];
    if (n == "served_fraction" || n == "revenue_share_to_buyer_usd") return +1;
    if (n == "peak_mw" || n == "total_gwh" || n == "agi_quarter") return 0;
    return -1;  // costs, losses, payments to the holder, concentration
}

int metric_direction(const Metric& m) {
    switch (m.kind) {
        case Metric::Kind::total: return total_direction(m.index);
        case Metric::Kind::buyer: return m.index == 4 || m.index == 3 ? +1 : -1;       // net and receipts up; costs down
        case Metric::Kind::provider: return m.index == 2 ? -1 : +1;                    // everything but payments up
    }
    return 0;
}

}  // namespace pactscope
