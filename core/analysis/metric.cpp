#include "analysis/metric.h"

#include <cctype>
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
        m.provider_id = who;
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

namespace {

// "Total cost" -> "total cost" inside a sentence; "SLA credits" and "AGI quarter" keep their capitals.
std::string in_sentence(const std::string& label) {
    std::string out = label;
    if (out.size() > 1 && std::isupper(static_cast<unsigned char>(out[0])) && std::islower(static_cast<unsigned char>(out[1])))
        out[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(out[0])));
    return out;
}

}  // namespace

MetricLabel metric_label(const Scenario& s, const Metric& m) {
    MetricLabel l;
    l.key = m.name;
    l.direction = metric_direction(m);
    l.unit = value_unit_name(metric_unit(m));
    const auto i = static_cast<std::size_t>(m.index);
    std::string subject;
    switch (m.kind) {
        case Metric::Kind::total:
            l.figure = l.name = total_fields()[i].label;
            l.meaning = total_fields()[i].meaning;
            subject = in_sentence(l.figure);
            break;
        case Metric::Kind::buyer:
            l.party = buyer_display_name(s);
            l.figure = buyer_figures()[i].label;
            l.meaning = buyer_figures()[i].meaning;
            break;
        case Metric::Kind::provider:
            l.party = provider_display_name(s.providers[static_cast<std::size_t>(m.provider)]);
            l.figure = provider_figures()[i].label;
            l.meaning = provider_figures()[i].meaning;
            break;
    }
    if (m.kind != Metric::Kind::total) {
        l.name = l.party + " — " + l.figure;  // an em dash (UTF-8)
        subject = l.party + " " + l.figure;
    }
    l.direction_text = std::string(direction_words(l.direction)) + " for " + subject;
    return l;
}

MetricLabel metric_label(const std::vector<const Scenario*>& ss, const std::string& key) {
    std::string error;
    for (const Scenario* s : ss)
        if (auto m = parse_metric(*s, key, error)) return metric_label(*s, *m);
    MetricLabel l;
    l.key = l.name = key;
    return l;
}

std::vector<Metric> scenario_metrics(const Scenario& s) {
    std::vector<Metric> out;
    for (int t = 0; t < kTotalCount; ++t) out.push_back({Metric::Kind::total, t, -1, total_fields()[static_cast<std::size_t>(t)].name, {}});
    const auto& bf = buyer_figures();
    for (std::size_t f = 0; f < bf.size(); ++f) out.push_back({Metric::Kind::buyer, static_cast<int>(f), -1, std::string("buyer.") + bf[f].name, {}});
    const auto& pf = provider_figures();
    for (std::size_t p = 0; p < s.providers.size(); ++p)
        for (std::size_t f = 0; f < pf.size(); ++f)
            out.push_back({Metric::Kind::provider, static_cast<int>(f), static_cast<int>(p), s.providers[p].id + "." + pf[f].name, s.providers[p].id});
    return out;
}

}  // namespace pactscope
