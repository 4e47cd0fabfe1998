// scenario_variants.h — switching a field that chooses a variant, as one consistent edit.
//
// Some fields choose which other fields an object may have (MODEL §10.3): a ROFR's `match`
// (price needs `tolerance`, capacity forbids it), a revenue share's `payer` (holder needs
// `holder_api_revenue_usd_per_quarter`), an AGI clause's `trigger`, a commitment's pricing
// (a `discount` off the provider's price, or a contract `price_usd_per_h100e_hour`, MODEL §11.1),
// a provider's `kind`, a workload's `kind`. Switching one in place would leave a field the new
// variant forbids, or miss one it needs, and the scenario would become invalid. This table says,
// per variant, what goes and what comes (with a stated default), so a switch is one valid edit.
// What it is not: validation (the reader checks documents however they were made).
#pragma once
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace pactscope {

struct VariantChoice {
    std::string value;        // what the field is set to ("price"); for a pricing mode, a label
    std::string label;        // shown in the picker
};

// The variants of `field` on `object` (a clause, provider or workload as JSON), or none when the
// field chooses no variant there.
std::vector<VariantChoice> variant_choices(const nlohmann::json& object, const std::string& field);
// The variant `object` is in for `field` ("" when the field chooses none).
std::string current_variant(const nlohmann::json& object, const std::string& field);
// `object` switched to `value` for `field`: the field set, what the variant forbids removed, what
// it needs added with its default. Unchanged when `value` is the current variant.
nlohmann::json switch_variant(const nlohmann::json& object, const std::string& field, const std::string& value);

// The keys `object` may not keep once `field` is `value` (what switch_variant removes for that variant).
std::vector<std::string> variant_forbids(const nlohmann::json& object, const std::string& field, const std::string& value);

// The commitment pricing modes are not a JSON field of their own: they are the presence of
// `discount` or `price_usd_per_h100e_hour`. This pseudo-field names them for the two calls above.
inline constexpr const char* kPricingField = "pricing";

}  // namespace pactscope
