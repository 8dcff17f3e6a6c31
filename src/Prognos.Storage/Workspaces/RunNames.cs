namespace Prognos.Storage.Workspaces;

/// <summary>Readable generated run names such as <c>brave-otter-417</c>, as MLflow users are used to.</summary>
internal static class RunNames
{
    private static readonly string[] Adjectives =
    [
        "amber", "bold", "brave", "bright", "calm", "clever", "crisp", "eager", "fair", "fleet", "gentle", "golden",
        "keen", "lively", "lucid", "merry", "nimble", "noble", "quick", "quiet", "rapid", "sharp", "steady", "swift",
    ];

    private static readonly string[] Nouns =
    [
        "badger", "crane", "falcon", "fox", "heron", "ibis", "lynx", "marten", "otter", "owl", "panda", "puffin",
        "raven", "robin", "seal", "sparrow", "stoat", "swan", "tern", "tiger", "vole", "wren", "yak", "zebra",
    ];

    public static string Generate(Random random) =>
        $"{Adjectives[random.Next(Adjectives.Length)]}-{Nouns[random.Next(Nouns.Length)]}-{random.Next(100, 1000)}";
}
