using Prognos.Errors;
using Xunit;

namespace Prognos.Core.Tests.Search;

internal static class SearchAssert
{
    /// <summary>Asserts an INVALID_PARAMETER_VALUE naming <paramref name="position"/> and containing every fragment.</summary>
    public static PrognosException InvalidAt(Action parse, string subject, int position, params string[] fragments)
    {
        var error = Assert.Throws<PrognosException>(parse);
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith($"Invalid {subject} at position {position}: ", error.Message, StringComparison.Ordinal);
        foreach (var fragment in fragments)
        {
            Assert.Contains(fragment, error.Message, StringComparison.Ordinal);
        }

        return error;
    }
}
