using Prognos.Data.Samples;
using Xunit;

namespace Prognos.Data.Tests.Samples;

/// <summary>Runs the generators into strings, the way a file would receive them.</summary>
internal static class SampleText
{
    public static async Task<(string Csv, ConnectedCarSampleSummary Summary)> ConnectedCarAsync(ConnectedCarSampleOptions options)
    {
        using var writer = new StringWriter();
        var summary = await new ConnectedCarSample(options).WriteAsync(writer, TestContext.Current.CancellationToken);
        return (writer.ToString(), summary);
    }

    public static async Task<string> ComplianceNotesAsync(ComplianceNotesSampleOptions options)
    {
        using var writer = new StringWriter();
        await new ComplianceNotesSample(options).WriteAsync(writer, TestContext.Current.CancellationToken);
        return writer.ToString();
    }
}
