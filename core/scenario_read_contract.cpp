// scenario_read_contract.cpp — clauses (SPEC §3 table, §10.3, §10.5), policy and uncertainty settings.
#include "scenario_reader.h"

namespace pactscope::detail {

using nlohmann::json;

void Reader::clause(const json& o, const std::string& p) {
    if (!is_object(o, p)) return;
    auto type = string(o, p, "type", true);
    if (!type) return;
    static const std::vector<std::pair<std::string, ClauseType>> types = {
        {"exclusive", ClauseType::exclusive},          {"rofr", ClauseType::rofr},
        {"preferred", ClauseType::preferred},          {"commitment", ClauseType::commitment},
        {"api_exclusivity", ClauseType::api_exclusivity}, {"revenue_share", ClauseType::revenue_share},
        {"ip_access", ClauseType::ip_access},          {"agi", ClauseType::agi}};
    auto t = std::find_if(types.begin(), types.end(), [&](auto& e) { return e.first == *type; });
    if (t == types.end()) {
        error(p + "/type", "unknown clause type \"" + *type +
                               "\"; use exclusive, rofr, preferred, commitment, api_exclusivity, revenue_share, ip_access or agi");
        return;
    }
    Clause c;
    c.type = t->second;
    KeySet keys{{"type", "from", "to", "source", "note"}, {}};
    auto add = [&](std::initializer_list<const char*> ks) { for (auto k : ks) keys.allowed.push_back(k); };
    switch (c.type) {
        case ClauseType::exclusive: add({"holder", "waivers", "waiver_max_share"}); break;
        case ClauseType::rofr: {
            add({"holder", "scope", "response_quarters", "match"});
            auto m = o.find("match");
            if (m != o.end() && m->is_string() && *m == "price") add({"tolerance"});
            else keys.inapplicable.push_back({"tolerance", "unless \"match\" is \"price\""});
            break;
        }
        case ClauseType::preferred: add({"holder", "min_share"}); break;
        case ClauseType::commitment: add({"provider", "usd", "discount", "take_or_pay"}); break;
        case ClauseType::api_exclusivity: add({"holder"}); break;
        case ClauseType::revenue_share: {
            add({"payer", "holder", "rate", "cap_usd"});
            auto pay = o.find("payer");
            if (pay != o.end() && pay->is_string() && *pay == "holder") add({"holder_api_revenue_usd_per_quarter"});
            else keys.inapplicable.push_back({"holder_api_revenue_usd_per_quarter", "unless \"payer\" is \"holder\""});
            break;
        }
        case ClauseType::ip_access: add({"holder", "value_usd_per_quarter"}); break;
        case ClauseType::agi: {
            add({"trigger"});
            auto tr = o.find("trigger");
            std::string trig = tr != o.end() && tr->is_string() ? tr->get<std::string>() : "date";
            if (trig == "date") add({"date"}); else keys.inapplicable.push_back({"date", "unless \"trigger\" is \"date\""});
            if (trig == "profit") add({"profit_threshold_usd"});
            else keys.inapplicable.push_back({"profit_threshold_usd", "unless \"trigger\" is \"profit\""});
            break;
        }
    }
    check_keys(o, p, keys);

    if (auto f = quarter(o, p, "from", false)) c.has_from = true, c.from = *f;
    bool is_agi = false;
    if (c.type == ClauseType::agi && o.contains("to") && o["to"] == "agi")
        error(p + "/to", "an agi clause's window cannot end at \"agi\" (SPEC §10.5); give a quarter or leave \"to\" out");
    else if (auto to = quarter(o, p, "to", false, true, &is_agi))
        c.has_to = true, c.to = *to;
    if (is_agi) c.has_to = true, c.to_agi = true;
    if (c.has_from && c.has_to && !c.to_agi && c.from > c.to)
        error(p + "/to", "to " + quarter_label(c.to) + " is before from " + quarter_label(c.from));

    switch (c.type) {
        case ClauseType::exclusive: {
            c.holder = provider_ref(o, p, "holder");
            if (const json* w = get(o, p, "waivers", false)) {
                if (!w->is_array()) error(p + "/waivers", std::string("expected an array of provider ids, found ") + type_name(*w));
                else if (within(*w, p + "/waivers", kMaxWaivers, "waivers"))
                    for (std::size_t i = 0; i < w->size(); ++i) {
                        std::string wp = p + "/waivers/" + std::to_string(i);
                        if (!(*w)[i].is_string()) error(wp, std::string("expected a provider id, found ") + type_name((*w)[i]));
                        else {
                            int idx = provider_index((*w)[i].get<std::string>(), wp);
                            if (idx >= 0 && std::find(c.waivers.begin(), c.waivers.end(), idx) != c.waivers.end())
                                error(wp, "provider \"" + (*w)[i].get<std::string>() + "\" is listed twice");
                            else if (idx >= 0) c.waivers.push_back(idx);
                        }
                    }
            }
            c.waiver_max_share = quantity(o, p, "waiver_max_share", kUnit, 1.0);
            break;
        }
        case ClauseType::rofr: {
            c.holder = provider_ref(o, p, "holder");
            if (auto sc = choice<RofrScope>(o, p, "scope", {"all", "training", "inference"})) c.scope = *sc;
            c.response_quarters = quantity(o, p, "response_quarters", kNonNeg, 0.0);
            if (auto m = choice<RofrMatch>(o, p, "match", {"capacity", "price"})) c.match = *m;
            if (c.match == RofrMatch::price) c.tolerance = quantity(o, p, "tolerance", kUnit, 0.0);
            break;
        }
        case ClauseType::preferred:
            c.holder = provider_ref(o, p, "holder");
            c.min_share = quantity(o, p, "min_share", kUnit, std::nullopt);
            break;
        case ClauseType::commitment:
            c.provider = provider_ref(o, p, "provider");
            c.usd = quantity(o, p, "usd", kNonNeg, std::nullopt);
            c.discount = quantity(o, p, "discount", kUnit, 0.0);
            c.take_or_pay = quantity(o, p, "take_or_pay", kUnit, 1.0);
            break;
        case ClauseType::api_exclusivity: c.holder = provider_ref(o, p, "holder"); break;
        case ClauseType::revenue_share: {
            if (auto pay = choice<SharePayer>(o, p, "payer", {"buyer", "holder"})) c.payer = *pay;
            c.holder = provider_ref(o, p, "holder");
            c.rate = quantity(o, p, "rate", kUnit, std::nullopt);
            if (o.contains("cap_usd")) c.cap_usd = quantity(o, p, "cap_usd", kNonNeg, std::nullopt);
            if (c.payer == SharePayer::holder)
                c.holder_api_revenue_usd_per_quarter = quantity(o, p, "holder_api_revenue_usd_per_quarter", kNonNeg, std::nullopt);
            break;
        }
        case ClauseType::ip_access:
            c.holder = provider_ref(o, p, "holder");
            c.value_usd_per_quarter = quantity(o, p, "value_usd_per_quarter", kNonNeg, std::nullopt);
            break;
        case ClauseType::agi: {
            if (auto tr = choice<AgiTrigger>(o, p, "trigger", {"date", "profit", "none"})) c.trigger = *tr;
            if (c.trigger == AgiTrigger::date) agi_date(o, p, c);
            if (c.trigger == AgiTrigger::profit) c.profit_threshold_usd = quantity(o, p, "profit_threshold_usd", kNonNeg, std::nullopt);
            break;
        }
    }
    provenance(o, p, c.prov);
    s.contract.push_back(c);
}

void Reader::agi_date(const json& o, const std::string& p, Clause& c) {
    const json* d = get(o, p, "date", true);
    if (!d) return;
    std::string dp = p + "/date";
    if (!d->is_string()) {
        error(dp, std::string("expected a quarter \"2030Q1\" or a range \"2028Q1 to 2031Q4\", found ") + type_name(*d));
        return;
    }
    std::string text = d->get<std::string>();
    Quantity q;
    q.pointer = dp;
    q.form = Form::label;
    if (auto one = parse_quarter(text)) {
        q.p0 = *one - s.start;
    } else if (auto parts = split_interval(text)) {
        auto a = parse_quarter(parts->first), b = parse_quarter(parts->second);
        if (!a || !b) {
            error(dp, "\"" + text + "\" is not a quarter range; write it like \"2028Q1 to 2031Q4\"");
            return;
        }
        if (*a > *b) {
            error(dp, "range \"" + text + "\" ends before it starts");
            return;
        }
        q.dist = *a == *b ? Dist::point : Dist::quarters;
        q.p0 = *a - s.start, q.p1 = *b - s.start;
    } else {
        error(dp, "\"" + text + "\" is not a quarter; write it like \"2030Q1\" or \"2028Q1 to 2031Q4\"");
        return;
    }
    c.date = add(q);
}

void Reader::policy(const json& doc) {
    const json* po = get(doc, "", "policy", true);
    json empty = json::object();
    if (!po || !is_object(*po, "/policy")) po = &empty;
    check_keys(*po, "/policy", {{"max_share_per_provider", "sticky", "failover"}, {}});
    s.policy.max_share_per_provider = quantity(*po, "/policy", "max_share_per_provider", kUnit, 1.0);
    s.policy.sticky = boolean(*po, "/policy", "sticky", true);
    s.policy.failover = boolean(*po, "/policy", "failover", true);
}

void Reader::uncertainty(const json& doc) {
    const json* u = get(doc, "", "uncertainty", true);
    json empty = json::object();
    if (!u || !is_object(*u, "/uncertainty")) u = &empty;
    const std::string p = "/uncertainty";
    check_keys(*u, p, {{"trials", "seed", "correlations"}, {}});
    if (const json* t = get(*u, p, "trials", false)) {
        if (!t->is_number()) error(p + "/trials", std::string("expected a whole number of trials, found ") + type_name(*t));
        else {
            double v = std::round(t->get<double>());  // SPEC §1: round half away from zero
            if (v < 1 || v > static_cast<double>(kMaxTrials))
                error(p + "/trials", num(t->get<double>()) + " is out of range: trials must be 1 to 1,000,000");
            else s.uncertainty.trials = static_cast<std::int64_t>(v);
        }
    }
    if (const json* sd = get(*u, p, "seed", false)) {
        if (sd->is_number_unsigned()) s.uncertainty.seed = sd->get<std::uint64_t>();
        else if (sd->is_number_integer()) error(p + "/seed", "seed must be an integer >= 0");
        else if (sd->is_number_float()) {
            double v = sd->get<double>();
            if (v < 0 || v != std::floor(v) || v >= 18446744073709551616.0) error(p + "/seed", "seed must be an integer >= 0, not " + num(v));
            else s.uncertainty.seed = static_cast<std::uint64_t>(v);
        } else
            error(p + "/seed", std::string("expected an integer >= 0, found ") + type_name(*sd));
    }
    const json* cs = get(*u, p, "correlations", false);
    if (!cs) return;
    if (!cs->is_array()) {
        error(p + "/correlations", std::string("expected an array, found ") + type_name(*cs));
        return;
    }
    if (!within(*cs, p + "/correlations", kMaxCorrelations, "correlations")) return;
    std::set<std::pair<QRef, QRef>> pairs;
    for (std::size_t i = 0; i < cs->size(); ++i) {
        std::string cp = p + "/correlations/" + std::to_string(i);
        const json& o = (*cs)[i];
        if (!is_object(o, cp)) continue;
        check_keys(o, cp, {{"a", "b", "rho"}, {}});
        Correlation cor;
        bool ok = true;
        for (const char* side : {"a", "b"}) {
            auto ptr = string(o, cp, side, true);
            if (!ptr) { ok = false; continue; }
            QRef q = s.find_quantity(*ptr);
            // A field that already failed validation was not registered: its own error says enough.
            bool failed = std::any_of(issues.begin(), issues.end(), [&](const Issue& issue) { return issue.pointer.rfind(*ptr, 0) == 0; });
            if (q < 0 && failed) ok = false;
            else if (q < 0) error(cp + "/" + side, "\"" + *ptr + "\" does not point at a numeric input of this scenario"), ok = false;
            else if (!s.quantities[q].uncertain())
                error(cp + "/" + side, "\"" + *ptr + "\" is a fixed value; only uncertain inputs can be correlated"), ok = false;
            (std::string(side) == "a" ? cor.a : cor.b) = *ptr;
            (std::string(side) == "a" ? cor.qa : cor.qb) = q;
        }
        if (const json* r = get(o, cp, "rho", true)) {
            if (auto v = plain(*r, cp + "/rho", Range{-1, 1, false, "in [-1, 1]"})) cor.rho = *v;
            else ok = false;
        } else ok = false;
        if (ok && cor.qa == cor.qb) error(cp + "/b", "an input cannot be correlated with itself"), ok = false;
        if (ok && !pairs.insert({std::min(cor.qa, cor.qb), std::max(cor.qa, cor.qb)}).second)
            error(cp, "this pair of inputs is already correlated above"), ok = false;
        if (ok) s.uncertainty.correlations.push_back(cor);
    }
}

}  // namespace pactscope::detail
