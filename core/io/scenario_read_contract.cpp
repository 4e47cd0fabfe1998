// scenario_read_contract.cpp — clauses (MODEL §3 table, §10.3, §10.5), policy and uncertainty settings.
#include "io/scenario_reader.h"

namespace pactscope::detail {

using nlohmann::json;

void Reader::clause(const json& o, const std::string& p) {
    if (!is_object(o, p)) return;
    auto type = string(o, p, "type", true);
    if (!type) return;
    const ClauseTypeInfo* info = find_clause_type(*type);
    if (!info) {
        error(p + "/type", "unknown clause type \"" + *type + "\"; use " + clause_type_list());
        return;
    }
    Clause c;
    c.type = info->type;
    KeySet keys{{"type", "from", "to", "source", "note"}, {}};
    // The other party key gets a pointed hint rather than "unknown key".
    if (info->party_key) {
        const std::string other = std::string(info->party_key) == "holder" ? "provider" : "holder";
        keys.inapplicable.push_back({other, std::string("to a clause of type \"") + info->name + "\": it names its \"" + info->party_key + "\""});
    }
    for (const ClauseField& f : info->fields) {
        if (f.applies(o)) keys.allowed.push_back(f.name);
        else keys.inapplicable.push_back({f.name, f.not_applicable_reason()});
    }
    check_keys(o, p, keys);

    if (auto f = quarter(o, p, "from", false)) c.has_from = true, c.from = *f;
    bool is_agi = false;
    if (c.type == ClauseType::agi && o.contains("to") && o["to"] == "agi")
        error(p + "/to", "an agi clause's window cannot end at \"agi\" (MODEL §10.5); give a quarter or leave \"to\" out");
    else if (auto to = quarter(o, p, "to", false, true, &is_agi))
        c.has_to = true, c.to = *to;
    if (is_agi) c.has_to = true, c.to_agi = true;
    if (c.has_from && c.has_to && !c.to_agi && c.from > c.to)
        error(p + "/to", "to " + quarter_label(c.to) + " is before from " + quarter_label(c.from));

    for (const ClauseField& f : info->fields)
        if (f.applies(o)) clause_field(o, p, f, c);
    clause_rules(p, c);
    provenance(o, p, c.prov);
    s.contract.push_back(c);
    clause_pointers.push_back(p);
}

void Reader::clause_field(const json& o, const std::string& p, const ClauseField& f, Clause& c) {
    switch (f.kind) {
        case FieldKind::party: c.*f.party = provider_ref(o, p, f.name); break;
        case FieldKind::providers: provider_list(o, p, f.name, c.*f.provider_list); break;
        case FieldKind::quantity:
            if (f.optional && !o.contains(f.name)) break;  // absent: none (e.g. no cap)
            c.*f.quantity = quantity(o, p, f.name, f.range, f.default_value);
            break;
        case FieldKind::choice:
            if (auto v = choice_index(o, p, f.name, f.choices)) f.set_choice(c, *v);
            break;
        case FieldKind::agi_date: c.*f.quantity = agi_date(o, p, f.name); break;
        case FieldKind::sla_tiers: sla_tiers(o, p, f.name, c.credits); break;
    }
}

void Reader::provider_list(const json& o, const std::string& p, const char* key, std::vector<int>& out) {
    const json* w = get(o, p, key, false);
    if (!w) return;
    const std::string lp = p + "/" + key;
    if (!w->is_array()) {
        error(lp, std::string("expected an array of provider ids, found ") + json_type_name(*w));
        return;
    }
    if (!within(*w, lp, kMaxWaivers, key)) return;
    for (std::size_t i = 0; i < w->size(); ++i) {
        std::string wp = lp + "/" + std::to_string(i);
        if (!(*w)[i].is_string()) {
            error(wp, std::string("expected a provider id, found ") + json_type_name((*w)[i]));
            continue;
        }
        int idx = provider_index((*w)[i].get<std::string>(), wp);
        if (idx >= 0 && std::find(out.begin(), out.end(), idx) != out.end())
            error(wp, "provider \"" + (*w)[i].get<std::string>() + "\" is listed twice");
        else if (idx >= 0) out.push_back(idx);
    }
}

QRef Reader::agi_date(const json& o, const std::string& p, const char* key) {
    const json* d = get(o, p, key, true);
    if (!d) return -1;
    std::string dp = p + "/" + key;
    if (!d->is_string()) {
        error(dp, std::string("expected a quarter \"2030Q1\" or a range \"2028Q1 to 2031Q4\", found ") + json_type_name(*d));
        return -1;
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
            return -1;
        }
        if (*a > *b) {
            error(dp, "range \"" + text + "\" ends before it starts");
            return -1;
        }
        q.dist = *a == *b ? Dist::point : Dist::quarters;
        q.p0 = *a - s.start, q.p1 = *b - s.start;
    } else {
        error(dp, "\"" + text + "\" is not a quarter; write it like \"2030Q1\" or \"2028Q1 to 2031Q4\"");
        return -1;
    }
    return add(q);
}

// MODEL §11.3: credits: [{below, credit}, …], plain numbers, at least one tier, `below` strictly decreasing.
void Reader::sla_tiers(const json& o, const std::string& p, const char* key, std::vector<SlaTier>& out) {
    const json* arr = get(o, p, key, true);
    if (!arr) return;
    const std::string ap = p + "/" + key;
    if (!arr->is_array() || arr->empty()) {
        error(ap, "expected a non-empty array of tiers such as [{\"below\": 0.99, \"credit\": 0.1}]");
        return;
    }
    if (!within(*arr, ap, kMaxSlaTiers, "tiers")) return;
    std::optional<double> previous;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        const std::string tp = ap + "/" + std::to_string(i);
        const json& t = (*arr)[i];
        if (!is_object(t, tp)) continue;
        check_keys(t, tp, {{"below", "credit"}, {}});
        SlaTier tier;
        if (auto below = tier_number(t, tp, "below", kAvailability)) {
            if (previous && !(*below < *previous))
                error(tp + "/below", "below " + num(*below) + " is not below the previous tier's " + num(*previous) +
                                         "; list the tiers from the highest availability down, each \"below\" strictly lower");
            previous = *below;
            tier.below = *below;
        }
        if (auto credit = tier_number(t, tp, "credit", kUnit)) tier.credit = *credit;
        out.push_back(tier);
    }
}

// A tier's number: plain, like up_to_tb (MODEL §11.3), so an interval or a distribution is refused with the reason.
std::optional<double> Reader::tier_number(const json& o, const std::string& p, const char* key, const Range& r) {
    const json* j = get(o, p, key, true);
    if (!j) return std::nullopt;
    if (j->is_string() || j->is_object()) {
        error(p + "/" + key, std::string("SLA tiers take plain numbers, not uncertain quantities: write \"") + key + "\" as a number such as " +
                                 (std::string(key) == "below" ? "0.99" : "0.1") + " (MODEL §11.3)");
        return std::nullopt;
    }
    return plain(*j, p + "/" + key, r);
}

// MODEL §11.1–§11.3: what a clause may not say about an owned provider.
void Reader::clause_rules(const std::string& p, const Clause& c) {
    if (c.provider < 0 || s.providers[c.provider].kind != ProviderKind::owned) return;
    const std::string& id = s.providers[c.provider].id;
    if (c.type == ClauseType::commitment && c.price_usd_per_h100e_hour >= 0)
        error(p + "/price_usd_per_h100e_hour", "a contract price does not apply to a commitment on \"" + id +
                                                   "\", an owned provider (the buyer pays its capex, opex and power, MODEL §11.1); "
                                                   "remove it (a \"discount\" stays valid)");
    if (c.type == ClauseType::reservation)
        error(p + "/provider", "a reservation needs a cloud provider; \"" + id +
                                   "\" is owned, and the buyer already pays for all of its capacity (MODEL §11.2)");
    if (c.type == ClauseType::sla)
        error(p + "/provider", "an sla clause needs a cloud provider; \"" + id +
                                   "\" is owned, and credits are refunds of a cloud's bill (MODEL §11.3)");
}

// MODEL §11.2: no provider has, in any quarter of the horizon, two active reservations or an active
// reservation and an active commitment. A window ending "agi" runs to the horizon end for this check.
// Reported at the later clause, naming the earlier one and the first quarter both are active.
void Reader::contract_overlaps() {
    struct Window {
        int lo, hi;
    };
    auto window = [&](const Clause& c) {
        Window w{c.has_from ? c.from : s.start, c.has_to && !c.to_agi ? c.to : s.end};
        return Window{std::max(w.lo, s.start), std::min(w.hi, s.end)};
    };
    auto binds = [](const Clause& c) { return c.type == ClauseType::reservation || c.type == ClauseType::commitment; };
    for (std::size_t j = 0; j < s.contract.size(); ++j) {
        const Clause& b = s.contract[j];
        if (!binds(b) || b.provider < 0) continue;
        const Window wb = window(b);
        for (std::size_t i = 0; i < j; ++i) {
            const Clause& a = s.contract[i];
            if (!binds(a) || a.provider != b.provider) continue;
            if (a.type != ClauseType::reservation && b.type != ClauseType::reservation) continue;  // commitments may share (§10.6)
            const Window wa = window(a);
            const int first = std::max(wa.lo, wb.lo);
            if (first > std::min(wa.hi, wb.hi)) continue;
            const bool two = a.type == b.type;
            error(clause_pointers[j], std::string("this ") + to_string(b.type) + " on \"" + s.providers[b.provider].id + "\" is active in " +
                                          quarter_label(first) + " together with the " + to_string(a.type) + " at " + clause_pointers[i] +
                                          "; a provider may not have " +
                                          (two ? "two reservations" : "a reservation and a commitment") +
                                          " active in the same quarter (MODEL §11.2): end one before the other starts");
        }
    }
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
        if (!t->is_number()) error(p + "/trials", std::string("expected a whole number of trials, found ") + json_type_name(*t));
        else {
            double v = std::round(t->get<double>());  // MODEL §1: round half away from zero
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
            error(p + "/seed", std::string("expected an integer >= 0, found ") + json_type_name(*sd));
    }
    const json* cs = get(*u, p, "correlations", false);
    if (!cs) return;
    if (!cs->is_array()) {
        error(p + "/correlations", std::string("expected an array, found ") + json_type_name(*cs));
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
