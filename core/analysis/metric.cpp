#include "analysis/metric.h"

#include <limits>

namespace pactscope {

namespace {

template <class Fields>
std::string join(const Fields& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ", " : "") + std::string(fields[i].name);
    return out;
}

}  // namespace

std::optional<Metric> parse_metric(const Scenario& s, const std::string& name, std::string& error) {
    Metric m;
    m.name = name;
    if (int t = total_index(name); t >= 0) {
        m.index = t;
        return m;
    }
    const auto dot = name.find('.');
    if (dot == std::string::npos) {
        error = "unknown metric \"" + name + "\"; use a total (" + join(total_fields()) + ") or a stakeholder figure such as buyer.net_usd or " +
                (s.providers.empty() ? std::string("<provider>") : s.providers[0].id) + ".net_usd";
        return std::nullopt;
    }
    const std::string who = name.substr(0, dot), field = name.substr(dot + 1);
    if (who == "buyer") {
        m.kind = Metric::Kind::buyer;
        m.index = field_index(buyer_figures(), field);
        if (m.index < 0) error = "the buyer has no figure \"" + field + "\"; it has " + join(buyer_figures());
    } else {
        m.kind = Metric::Kind::provider;
        for (std::size_t p = 0; p < s.providers.size(); ++p)
            if (s.providers[p].id == who) m.provider = static_cast<int>(p);
        if (m.provider < 0) {
            error = "no stakeholder \"" + who + "\" in scenario \"" + s.name + "\"; use buyer or a provider id";
            return std::nullopt;
        }
        m.index = field_index(provider_figures(), field);
        if (m.index < 0) error = "a provider has no figure \"" + field + "\"; it has " + join(provider_figures());
    }
    if (m.index < 0) return std::nullopt;
    return m;
}

double metric_value(const Metric& m, const Result& r) {
    const auto i = static_cast<std::size_t>(m.index);
    switch (m.kind) {
        case Metric::Kind::total: return total_fields()[i].value(r.totals);
        case Metric::Kind::buyer: return r.buyer.*buyer_figures()[i].member;
        case Metric::Kind::provider: return r.stakeholders[static_cast<std::size_t>(m.provider)].*provider_figures()[i].member;
    }
    return std::numeric_limits<double>::quiet_NaN();
}

int metric_direction(const Metric& m) {
    const auto i = static_cast<std::size_t>(m.index);
    switch (m.kind) {
        case Metric::Kind::total: return total_fields()[i].direction;
        case Metric::Kind::buyer: return buyer_figures()[i].direction;
        case Metric::Kind::provider: return provider_figures()[i].direction;
    }
    return kNoDirection;
}

ValueUnit metric_unit(const Metric& m) {
    const auto i = static_cast<std::size_t>(m.index);
    switch (m.kind) {
        case Metric::Kind::total: return total_fields()[i].unit;
        case Metric::Kind::buyer: return buyer_figures()[i].unit;
        case Metric::Kind::provider: return provider_figures()[i].unit;
    }
    return ValueUnit::usd;
}

}  // namespace pactscope
