// scenario_read_document.cpp — the scenario's top level, sources, horizon, GPUs, buyer,
// providers (tranches, egress) and workloads (MODEL §3).
#include "io/scenario_reader.h"

namespace pactscope::detail {

using nlohmann::json;

void Reader::document(const json& doc) {
    if (!is_object(doc, "")) return;
    check_keys(doc, "", {{"schema", "name", "description", "sources", "horizon", "gpus", "buyer", "providers", "workloads",
                          "contract", "policy", "uncertainty"},
                         {}});
    if (auto schema = string(doc, "", "schema", true); schema && *schema != "pactscope/scenario@1")
        error("/schema", "unsupported schema \"" + *schema + "\"; this version reads \"pactscope/scenario@1\"");
    if (auto n = string(doc, "", "name", false)) s.name = *n, s.has_name = true;
    if (auto d = string(doc, "", "description", false)) s.description = *d, s.has_description = true;
    sources(doc);
    horizon(doc);
    gpus(doc);
    buyer(doc);
    if (const json* ps = get(doc, "", "providers", true)) {
        if (!ps->is_array()) error("/providers", std::string("expected an array of providers, found ") + json_type_name(*ps));
        else if (within(*ps, "/providers", kMaxProviders, "providers")) {
            provider_ids(*ps);
            for (std::size_t i = 0; i < ps->size(); ++i)
                if (is_object((*ps)[i], "/providers/" + std::to_string(i)))
                    provider((*ps)[i], "/providers/" + std::to_string(i), s.providers[i]);
        }
    }
    if (const json* ws = get(doc, "", "workloads", true)) {
        if (!ws->is_array()) error("/workloads", std::string("expected an array of workloads, found ") + json_type_name(*ws));
        else if (within(*ws, "/workloads", kMaxWorkloads, "workloads")) {
            std::set<std::string> ids;
            for (std::size_t i = 0; i < ws->size(); ++i) workload((*ws)[i], "/workloads/" + std::to_string(i), ids);
        }
    }
    if (const json* cs = get(doc, "", "contract", true)) {
        if (!cs->is_array()) error("/contract", std::string("expected an array of clauses, found ") + json_type_name(*cs));
        else if (within(*cs, "/contract", kMaxClauses, "clauses"))
            for (std::size_t i = 0; i < cs->size(); ++i) clause((*cs)[i], "/contract/" + std::to_string(i));
        contract_overlaps();
    }
    policy(doc);
    uncertainty(doc);
}

void Reader::sources(const json& doc) {
    const json* arr = get(doc, "", "sources", false);
    if (!arr) return;
    s.has_sources = true;
    if (!arr->is_array()) {
        error("/sources", std::string("expected an array of sources, found ") + json_type_name(*arr));
        return;
    }
    if (!within(*arr, "/sources", kMaxSources, "sources")) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < arr->size(); ++i) {
        std::string p = "/sources/" + std::to_string(i);
        const json& o = (*arr)[i];
        if (!is_object(o, p)) continue;
        check_keys(o, p, {{"id", "title", "url", "date"}, {}});
        Source src;
        if (auto id = string(o, p, "id", true, true)) {
            src.id = *id;
            if (!ids.insert(*id).second) error(p + "/id", "duplicate source id \"" + *id + "\"");
        }
        if (auto t = string(o, p, "title", true)) src.title = *t;
        if (auto u = string(o, p, "url", true)) src.url = *u;
        if (auto d = string(o, p, "date", true)) src.date = *d;
        s.sources.push_back(src);
    }
}

void Reader::horizon(const json& doc) {
    const json* h = get(doc, "", "horizon", true);
    if (!h || !is_object(*h, "/horizon")) {
        s.start = s.end = 0;
        return;
    }
    check_keys(*h, "/horizon", {{"start", "end", "discount_rate_per_year"}, {}});
    auto a = quarter(*h, "/horizon", "start", true);
    auto b = quarter(*h, "/horizon", "end", true);
    s.start = a.value_or(0);
    s.end = b.value_or(s.start);
    if (a && b) {
        if (*b < *a) error("/horizon/end", "end " + quarter_label(*b) + " is before start " + quarter_label(*a));
        else if (*b - *a + 1 > kMaxQuarters)
            error("/horizon/end", "the horizon has " + std::to_string(*b - *a + 1) + " quarters; at most " + std::to_string(kMaxQuarters) + " are allowed");
    }
    if (s.end < s.start || s.end - s.start + 1 > 200) s.end = s.start;  // keep later checks meaningful
    s.discount_rate_per_year = quantity(*h, "/horizon", "discount_rate_per_year", kUnit, 0.0);
}

void Reader::gpus(const json& doc) {
    const json* g = get(doc, "", "gpus", true);
    if (!g || !is_object(*g, "/gpus") || !within(*g, "/gpus", kMaxGpus, "GPU types")) return;
    for (auto it = g->begin(); it != g->end(); ++it) {
        std::string p = "/gpus/" + pointer_escape(it.key());
        Gpu gpu;
        gpu.name = it.key();
        if (gpu.name.empty()) error(p, "GPU names must not be empty");
        if (is_object(it.value(), p)) {
            check_keys(it.value(), p, {{"it_kw", "h100e"}, {}});
            gpu.it_kw = quantity(it.value(), p, "it_kw", kPositive, std::nullopt);
            gpu.h100e = quantity(it.value(), p, "h100e", kPositive, std::nullopt);
        }
        s.gpus.push_back(gpu);
    }
}

void Reader::buyer(const json& doc) {
    const json* b = get(doc, "", "buyer", true);
    if (!b || !is_object(*b, "/buyer")) return;
    check_keys(*b, "/buyer", {{"id", "name"}, {}});
    if (auto id = string(*b, "/buyer", "id", true, true)) s.buyer_id = *id;
    if (auto n = string(*b, "/buyer", "name", false)) s.buyer_name = *n, s.has_buyer_name = true;
}

void Reader::provider_ids(const json& arr) {
    std::set<std::string> seen;
    for (std::size_t i = 0; i < arr.size(); ++i) {
        Provider pr;
        std::string p = "/providers/" + std::to_string(i);
        if (arr[i].is_object()) {
            if (auto id = string(arr[i], p, "id", true, true)) {
                pr.id = *id;
                if (!seen.insert(*id).second) error(p + "/id", "duplicate provider id \"" + *id + "\"");
                if (*id == "buyer") error(p + "/id", "\"buyer\" is reserved for the buyer's stakeholder entry; choose another id");
            }
        }
        s.providers.push_back(pr);
    }
}

void Reader::provider(const json& o, const std::string& p, Provider& pr) {
    pr.kind = choice<ProviderKind>(o, p, "kind", {"cloud", "owned"}, true).value_or(ProviderKind::cloud);
    bool owned = pr.kind == ProviderKind::owned;
    KeySet keys{{"id", "name", "kind", "pue", "capacity", "egress", "onboarding_usd", "overhead_usd_per_quarter",
                 "outages_per_year", "outage_hours", "source", "note"},
                {}};
    const std::vector<std::string> cloud_keys = {"price_usd_per_h100e_hour", "price_change_per_year"};
    const std::vector<std::string> owned_keys = {"capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year", "power_usd_per_mwh"};
    for (auto& k : owned ? owned_keys : cloud_keys) keys.allowed.push_back(k);
    for (auto& k : owned ? cloud_keys : owned_keys)
        keys.inapplicable.push_back({k, owned ? "to an owned provider (it pays capex, opex and power instead of a price)"
                                              : "to a cloud provider (only owned providers have capex, opex and power costs; a cloud's "
                                                "own costs go in \"provider_cost\")"});
    if (owned) keys.inapplicable.push_back({"provider_cost", "to an owned provider (its cost is the buyer's fixed_usd and compute, MODEL §11.4)"});
    else keys.allowed.push_back("provider_cost");
    check_keys(o, p, keys);
    if (auto n = string(o, p, "name", false)) pr.name = *n;
    pr.pue = quantity(o, p, "pue", kPue, 1.0);
    if (const json* cap = get(o, p, "capacity", true)) {
        if (!cap->is_array()) error(p + "/capacity", std::string("expected an array of tranches, found ") + json_type_name(*cap));
        else if (within(*cap, p + "/capacity", kMaxTranches, "tranches"))
            for (std::size_t i = 0; i < cap->size(); ++i) {
                Tranche t;
                tranche((*cap)[i], p + "/capacity/" + std::to_string(i), t);
                pr.capacity.push_back(t);
            }
    }
    if (const json* e = get(o, p, "egress", false)) egress(*e, p + "/egress", pr.egress);
    pr.onboarding_usd = quantity(o, p, "onboarding_usd", kNonNeg, 0.0);
    pr.overhead_usd_per_quarter = quantity(o, p, "overhead_usd_per_quarter", kNonNeg, 0.0);
    pr.outages_per_year = quantity(o, p, "outages_per_year", kNonNeg, 0.0);
    pr.outage_hours = quantity(o, p, "outage_hours", kHours, 0.0);
    if (owned) {
        pr.capex_usd_per_mw = quantity(o, p, "capex_usd_per_mw", kNonNeg, std::nullopt);
        pr.amortization_years = quantity(o, p, "amortization_years", kPositive, std::nullopt);
        pr.opex_usd_per_mw_year = quantity(o, p, "opex_usd_per_mw_year", kNonNeg, 0.0);
        pr.power_usd_per_mwh = quantity(o, p, "power_usd_per_mwh", kNonNeg, std::nullopt);
    } else {
        pr.price_usd_per_h100e_hour = quantity(o, p, "price_usd_per_h100e_hour", kNonNeg, std::nullopt);
        pr.price_change_per_year = quantity(o, p, "price_change_per_year", kGrowth, 0.0);
        if (const json* pc = get(o, p, "provider_cost", false)) provider_cost(*pc, p + "/provider_cost", pr.provider_cost);
    }
    provenance(o, p, pr.prov);
}

// MODEL §11.4: a cloud's own cost of its capacity; ranges as for an owned provider (§10.2).
void Reader::provider_cost(const json& o, const std::string& p, ProviderCost& pc) {
    if (!is_object(o, p)) return;
    pc.present = true;
    check_keys(o, p, {{"capex_usd_per_mw", "amortization_years", "opex_usd_per_mw_year", "power_usd_per_mwh"}, {}});
    pc.capex_usd_per_mw = quantity(o, p, "capex_usd_per_mw", kNonNeg, std::nullopt);
    pc.amortization_years = quantity(o, p, "amortization_years", kPositive, std::nullopt);
    pc.opex_usd_per_mw_year = quantity(o, p, "opex_usd_per_mw_year", kNonNeg, 0.0);
    pc.power_usd_per_mwh = quantity(o, p, "power_usd_per_mwh", kNonNeg, 0.0);
}

void Reader::tranche(const json& o, const std::string& p, Tranche& t) {
    if (!is_object(o, p)) return;
    check_keys(o, p, {{"online", "mw", "gpu", "slip_quarters", "source", "note"}, {}});
    t.online = quarter(o, p, "online", true).value_or(0);
    t.mw = quantity(o, p, "mw", kNonNeg, std::nullopt);
    if (auto g = string(o, p, "gpu", true)) {
        auto it = std::find_if(s.gpus.begin(), s.gpus.end(), [&](const Gpu& x) { return x.name == *g; });
        if (it == s.gpus.end()) {
            std::string msg = "unknown GPU \"" + *g + "\"; /gpus defines: ";
            for (std::size_t i = 0; i < s.gpus.size(); ++i) msg += (i ? ", " : "") + s.gpus[i].name;
            if (s.gpus.empty()) msg += "(none)";
            error(p + "/gpu", msg);
        } else {
            t.gpu = static_cast<int>(it - s.gpus.begin());
        }
    }
    t.slip_quarters = quantity(o, p, "slip_quarters", kNonNeg, 0.0);
    provenance(o, p, t.prov);
}

void Reader::egress(const json& o, const std::string& p, Egress& e) {
    if (!is_object(o, p)) return;
    e.present = true;
    check_keys(o, p, {{"free_tb_per_month", "tiers"}, {}});
    e.free_tb_per_month = quantity(o, p, "free_tb_per_month", kNonNeg, 0.0);
    const json* tiers = get(o, p, "tiers", true);
    if (!tiers) return;
    if (!tiers->is_array() || tiers->empty()) {
        error(p + "/tiers", "expected a non-empty array of tiers, the last with \"up_to_tb\": null");
        return;
    }
    if (!within(*tiers, p + "/tiers", kMaxEgressTiers, "tiers")) return;
    double prev = 0;
    for (std::size_t i = 0; i < tiers->size(); ++i) {
        std::string tp = p + "/tiers/" + std::to_string(i);
        const json& t = (*tiers)[i];
        if (!is_object(t, tp)) continue;
        check_keys(t, tp, {{"up_to_tb", "usd_per_gb"}, {}});
        EgressTier tier;
        bool last = i + 1 == tiers->size();
        auto up = t.find("up_to_tb");
        if (up == t.end()) error(tp + "/up_to_tb", "required key \"up_to_tb\" is missing (use null on the last tier)");
        else if (up->is_null()) {
            if (!last) error(tp + "/up_to_tb", "only the last tier may have \"up_to_tb\": null");
            tier.unlimited = true;
        } else if (auto v = plain(*up, tp + "/up_to_tb", kNonNeg)) {
            tier.up_to_tb = *v;
            if (*v < prev) error(tp + "/up_to_tb", "up_to_tb " + num(*v) + " is below the previous tier's " + num(prev) + "; tiers must not decrease");
            prev = std::max(prev, *v);
            if (last) error(tp + "/up_to_tb", "the last tier must have \"up_to_tb\": null so every volume has a price");
        }
        tier.usd_per_gb = quantity(t, tp, "usd_per_gb", kNonNeg, std::nullopt);
        e.tiers.push_back(tier);
    }
}

void Reader::workload(const json& o, const std::string& p, std::set<std::string>& ids) {
    if (!is_object(o, p)) return;
    Workload w;
    w.kind = choice<WorkloadKind>(o, p, "kind", {"inference", "training"}, true).value_or(WorkloadKind::inference);
    KeySet keys{{"id", "kind", "demand", "egress_gb_per_h100e_hour", "value_usd_per_h100e_hour", "home", "source", "note"}, {}};
    if (w.kind == WorkloadKind::training) keys.allowed.push_back("block_h100e");
    else keys.inapplicable.push_back({"block_h100e", "to an inference workload (blocks are for training clusters)"});
    check_keys(o, p, keys);
    if (auto id = string(o, p, "id", true, true)) {
        w.id = *id;
        if (!ids.insert(*id).second) error(p + "/id", "duplicate workload id \"" + *id + "\"");
    }
    if (const json* d = get(o, p, "demand", true); d && is_object(*d, p + "/demand")) {
        std::string dp = p + "/demand";
        if (d->contains("series")) {
            w.demand_is_series = true;
            check_keys(*d, dp, {{"series"}, {{"start_h100e", "next to \"series\" (give either series or start_h100e + growth_per_year)"},
                                              {"growth_per_year", "next to \"series\" (give either series or start_h100e + growth_per_year)"}}});
            const json& ser = (*d)["series"];
            int T = s.quarters();
            if (!ser.is_array()) error(dp + "/series", std::string("expected an array of ") + std::to_string(T) + " values, found " + json_type_name(ser));
            else if (static_cast<int>(ser.size()) != T)
                error(dp + "/series", "has " + std::to_string(ser.size()) + " values; the horizon has " + std::to_string(T) + " quarters");
            else
                for (std::size_t i = 0; i < ser.size(); ++i) w.series.push_back(quantity_value(ser[i], dp + "/series/" + std::to_string(i), kNonNeg));
        } else {
            check_keys(*d, dp, {{"start_h100e", "growth_per_year"}, {}});
            w.start_h100e = quantity(*d, dp, "start_h100e", kNonNeg, std::nullopt);
            w.growth_per_year = quantity(*d, dp, "growth_per_year", kGrowth, std::nullopt);
        }
    }
    if (w.kind == WorkloadKind::training) w.block_h100e = quantity(o, p, "block_h100e", kNonNeg, 0.0);
    w.egress_gb_per_h100e_hour = quantity(o, p, "egress_gb_per_h100e_hour", kNonNeg, 0.0);
    w.value_usd_per_h100e_hour = quantity(o, p, "value_usd_per_h100e_hour", kNonNeg, std::nullopt);
    if (o.contains("home")) w.home = provider_ref(o, p, "home");
    provenance(o, p, w.prov);
    s.workloads.push_back(w);
}

}  // namespace pactscope::detail
