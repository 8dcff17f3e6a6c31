namespace Prognos.Data.Samples;

/// <summary>
/// The words technicians use. A material or condition is written with one of its spellings; the rule looks at the
/// canonical name (first of each list). No spelling of one is contained in a spelling of another, so a note can be
/// read back unambiguously (longest match first: "very good" before "good").
/// </summary>
internal static class ComplianceVocabulary
{
    public static readonly IReadOnlyList<IReadOnlyList<string>> Materials =
    [
        ["steel", "steel", "stainless steel"],
        ["aluminium", "aluminium", "aluminum"],
        ["carbon fiber", "carbon fiber", "carbon fibre"],
        ["plastic", "plastic", "abs plastic"],
        ["iron", "iron", "cast iron"],
        ["titanium", "titanium"],
        ["copper", "copper"],
        ["composite", "composite"],
        ["brass", "brass"],
        ["fiberglass", "fiberglass"],
    ];

    public static readonly IReadOnlyList<IReadOnlyList<string>> Conditions =
    [
        ["excellent", "excellent"],
        ["very good", "very good"],
        ["good", "good"],
        ["fair", "fair"],
        ["poor", "poor"],
    ];

    public static readonly IReadOnlyList<string> Components =
        ["component", "unit", "part", "module", "housing", "bracket", "assembly", "mount"];

    public static readonly IReadOnlyList<string> Manufactured = ["manufactured", "made", "built", "produced"];

    public static readonly IReadOnlyList<string> Openings = ["", "", "", "", "", "inspected: ", "note: ", "checked - ", "visual check: "];

    public static readonly IReadOnlyList<string> Closings = ["", "", "", "", "", " after inspection", ", no further action", " per visual check"];

    /// <summary>
    /// Sentence shapes: {y} year, {m} material, {c} condition, {p} component word, {v} "manufactured" synonym.
    /// </summary>
    public static readonly IReadOnlyList<string> Templates =
    [
        "{v} in {y} made of {m} in {c} condition",
        "{m} {p} {v} in {y}, {c} condition",
        "made of {m}, {v} {y}, condition {c}",
        "{c} condition {m} {p} from {y}",
        "{p}: {m}, year {y}, {c} condition",
        "{p} {v} in {y} of {m}; condition is {c}",
        "condition {c}. material {m}. {v} {y}",
        "{y} {m} {p} found in {c} condition",
        "{v} in {y} using {m}, currently in {c} shape",
        "{m} {p}, {v} {y}, looks {c}",
        "{p} {v} in {y} from {m} and in {c} condition",
        "{c} condition, {m}, {v} in {y}",
        "{m} {p} in {c} condition, {v} in {y}",
        "year of manufacture {y}, {m} {p}, {c}",
    ];
}
