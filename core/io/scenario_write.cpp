// scenario_write.cpp — Scenario back to a `pactscope/scenario@1` document.
//
// Writes every field, defaults included, in the order of MODEL §3, so that
// load_scenario(scenario_to_json(s)) == s and re-export is byte-identical.
#include "io/clause_types.h"
#include "model/number_text.h"
#include "model/quarter.h"
#include "io/scenario_io.h"

namespace pactscope {

namespace {

using ojson = nlohmann::ordered_json;

std::string shortest(double x) { return shortest_number(x); }

class Writer {
public:
    explicit Writer(const Scenario& s) : s_(s) {}

    ojson q(QRef r) const {
        const Quantity& x = s_.quantities[r];
        switch (x.form) {
            case Form::number: return x.p0;
            case Form::interval: return shortest(x.written_lo) + " to " + shortest(x.written_hi);
            case Form::label:
                if (x.dist == Dist::point) return quarter_label(s_.start + static_cast<int>(x.p0));
                return quarter_label(s_.start + static_cast<int>(x.p0)) + " to " + quarter_label(s_.start + static_cast<int>(x.p1));
            case Form::object: break;
        }
        ojson o;
        if (const DistributionShape* sh = distribution_shape(x.dist)) {
            o["dist"] = sh->name;
            const double params[3] = {x.p0, x.p1, x.p2};
            for (int i = 0; i < sh->param_count; ++i) o[sh->params[i]] = params[i];
        }
        if (x.has_clip) o["clip"] = {x.clip_lo, x.clip_hi};
        return o;
    }

    void prov(ojson& o, const Provenance& p) const {
        if (!p.source.empty()) o["source"] = p.source;
        if (!p.note.empty()) o["note"] = p.note;
    }

    const std::string& pid(int p) const { return s_.providers[p].id; }

    ojson window(const Clause& c) const {
        ojson o;
        o["type"] = to_string(c.type);
        if (c.has_from) o["from"] = quarter_label(c.from);
        if (c.has_to) o["to"] = c.to_agi ? std::string("agi") : quarter_label(c.to);
        return o;
    }

    // Every field of the clause's row in the clause table (clause_types.h), in its order.
    ojson clause(const Clause& c) const {
        ojson o = window(c);
        for (const ClauseField& f : clause_type_info(c.type).fields) {
            switch (f.kind) {
                case FieldKind::party: o[f.name] = pid(c.*f.party); break;
                case FieldKind::providers: {
                    ojson list = ojson::array();
                    for (int p : c.*f.provider_list) list.push_back(pid(p));
                    o[f.name] = list;
                    break;
                }
                case FieldKind::quantity:
                case FieldKind::agi_date:
                    if (c.*f.quantity >= 0) o[f.name] = q(c.*f.quantity);  // absent: optional, or does not apply
                    break;
                case FieldKind::choice: o[f.name] = f.choices[static_cast<std::size_t>(f.get_choice(c))]; break;
                case FieldKind::sla_tiers: {
                    ojson tiers = ojson::array();
                    for (const SlaTier& t : c.credits) tiers.push_back({{"below", t.below}, {"credit", t.credit}});
                    o[f.name] = tiers;
                    break;
                }
            }
        }
        prov(o, c.prov);
        return o;
    }

    ojson provider(const Provider& p) const {
        ojson o;
        o["id"] = p.id;
        if (!p.name.empty()) o["name"] = p.name;
        o["kind"] = p.kind == ProviderKind::cloud ? "cloud" : "owned";
        o["pue"] = q(p.pue);
        ojson cap = ojson::array();
        for (const Tranche& t : p.capacity) {
            ojson to;
            to["online"] = quarter_label(t.online);
            to["mw"] = q(t.mw);
            to["gpu"] = s_.gpus[t.gpu].name;
            to["slip_quarters"] = q(t.slip_quarters);
            prov(to, t.prov);
            cap.push_back(to);
        }
        o["capacity"] = cap;
        if (p.kind == ProviderKind::cloud) {
            o["price_usd_per_h100e_hour"] = q(p.price_usd_per_h100e_hour);
            o["price_change_per_year"] = q(p.price_change_per_year);
            if (p.provider_cost.present) {
                const ProviderCost& pc = p.provider_cost;
                o["provider_cost"] = {{"capex_usd_per_mw", q(pc.capex_usd_per_mw)}, {"amortization_years", q(pc.amortization_years)},
                                      {"opex_usd_per_mw_year", q(pc.opex_usd_per_mw_year)}, {"power_usd_per_mwh", q(pc.power_usd_per_mwh)}};
            }
        } else {
            o["capex_usd_per_mw"] = q(p.capex_usd_per_mw);
            o["amortization_years"] = q(p.amortization_years);
            o["opex_usd_per_mw_year"] = q(p.opex_usd_per_mw_year);
            o["power_usd_per_mwh"] = q(p.power_usd_per_mwh);
        }
        if (p.egress.present) {
            ojson e;
            e["free_tb_per_month"] = q(p.egress.free_tb_per_month);
            ojson tiers = ojson::array();
            for (const EgressTier& t : p.egress.tiers)
                tiers.push_back({{"up_to_tb", t.unlimited ? ojson(nullptr) : ojson(t.up_to_tb)}, {"usd_per_gb", q(t.usd_per_gb)}});
            e["tiers"] = tiers;
            o["egress"] = e;
        }
        o["onboarding_usd"] = q(p.onboarding_usd);
        o["overhead_usd_per_quarter"] = q(p.overhead_usd_per_quarter);
        o["outages_per_year"] = q(p.outages_per_year);
        o["outage_hours"] = q(p.outage_hours);
        prov(o, p.prov);
        return o;
    }

    ojson workload(const Workload& w) const {
        ojson o;
        o["id"] = w.id;
        o["kind"] = w.kind == WorkloadKind::inference ? "inference" : "training";
        ojson d;
        if (w.demand_is_series) {
            ojson ser = ojson::array();
            for (QRef r : w.series) ser.push_back(q(r));
            d["series"] = ser;
        } else {
            d["start_h100e"] = q(w.start_h100e);
            d["growth_per_year"] = q(w.growth_per_year);
        }
        o["demand"] = d;
        if (w.kind == WorkloadKind::training) o["block_h100e"] = q(w.block_h100e);
        o["egress_gb_per_h100e_hour"] = q(w.egress_gb_per_h100e_hour);
        o["value_usd_per_h100e_hour"] = q(w.value_usd_per_h100e_hour);
        if (w.home >= 0) o["home"] = pid(w.home);
        prov(o, w.prov);
        return o;
    }

    ojson document() const {
        ojson o;
        o["schema"] = "pactscope/scenario@1";
        if (s_.has_name) o["name"] = s_.name;
        if (s_.has_description) o["description"] = s_.description;
        if (s_.has_sources) {
            ojson src = ojson::array();
            for (const Source& x : s_.sources) src.push_back({{"id", x.id}, {"title", x.title}, {"url", x.url}, {"date", x.date}});
            o["sources"] = src;
        }
        o["horizon"] = {{"start", quarter_label(s_.start)}, {"end", quarter_label(s_.end)},
                        {"discount_rate_per_year", q(s_.discount_rate_per_year)}};
        ojson g = ojson::object();
        for (const Gpu& x : s_.gpus) g[x.name] = {{"it_kw", q(x.it_kw)}, {"h100e", q(x.h100e)}};
        o["gpus"] = g;
        o["buyer"] = {{"id", s_.buyer_id}};
        if (s_.has_buyer_name) o["buyer"]["name"] = s_.buyer_name;
        ojson ps = ojson::array();
        for (const Provider& p : s_.providers) ps.push_back(provider(p));
        o["providers"] = ps;
        ojson ws = ojson::array();
        for (const Workload& w : s_.workloads) ws.push_back(workload(w));
        o["workloads"] = ws;
        ojson cs = ojson::array();
        for (const Clause& c : s_.contract) cs.push_back(clause(c));
        o["contract"] = cs;
        o["policy"] = {{"max_share_per_provider", q(s_.policy.max_share_per_provider)},
                       {"sticky", s_.policy.sticky},
                       {"failover", s_.policy.failover}};
        ojson cor = ojson::array();
        for (const Correlation& c : s_.uncertainty.correlations) cor.push_back({{"a", c.a}, {"b", c.b}, {"rho", c.rho}});
        o["uncertainty"] = {{"trials", s_.uncertainty.trials}, {"seed", s_.uncertainty.seed}, {"correlations", cor}};
        return o;
    }

private:
    const Scenario& s_;
};

}  // namespace

nlohmann::ordered_json scenario_to_json(const Scenario& s) { return Writer(s).document(); }

}  // namespace pactscope
