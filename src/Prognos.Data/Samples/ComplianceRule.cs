namespace Prognos.Data.Samples;

/// <summary>The lab's rule: non-compliant when made before 1995, in fair or poor condition, or made of plastic or iron.</summary>
internal static class ComplianceRule
{
    public const string Compliant = "compliant";
    public const string NonCompliant = "non-compliant";

    public const int FirstCompliantYear = 1995;

    public static readonly IReadOnlyList<string> NonCompliantConditions = ["fair", "poor"];

    public static readonly IReadOnlyList<string> NonCompliantMaterials = ["plastic", "iron"];

    public static string LabelFor(int year, string material, string condition) =>
        year < FirstCompliantYear || NonCompliantConditions.Contains(condition) || NonCompliantMaterials.Contains(material)
            ? NonCompliant
            : Compliant;
}
