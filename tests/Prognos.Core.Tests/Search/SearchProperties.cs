using FsCheck;
using FsCheck.Xunit;
using Prognos.Errors;
using Prognos.Search;
using Xunit;

namespace Prognos.Core.Tests.Search;

public sealed class SearchProperties
{
    [Property(Arbitrary = [typeof(SearchArbitraries)], MaxTest = 500)]
    public void Formatted_clauses_parse_back_to_the_same_clauses(FilterClause[] clauses)
    {
        var text = RunFilterFormatter.Format(clauses);

        Assert.Equal(clauses, RunFilterParser.Parse(text));
    }

    [Property(Arbitrary = [typeof(SearchArbitraries)], MaxTest = 300)]
    public void Formatting_is_canonical(FilterClause[] clauses)
    {
        var text = RunFilterFormatter.Format(clauses);

        Assert.Equal(text, RunFilterFormatter.Format(RunFilterParser.Parse(text)));
    }

    [Property(MaxTest = 1000)]
    public void Any_text_parses_or_fails_with_a_positioned_invalid_parameter(string? filter) =>
        AssertParsesOrFailsCleanly(filter);

    [Property(Arbitrary = [typeof(SearchArbitraries)], MaxTest = 2000)]
    public void Filter_like_text_parses_or_fails_with_a_positioned_invalid_parameter(FilterLikeText filter) =>
        AssertParsesOrFailsCleanly(filter.Value);

    [Property(Arbitrary = [typeof(SearchArbitraries)], MaxTest = 1000)]
    public void Any_order_by_entry_parses_or_fails_with_invalid_parameter(FilterLikeText entry)
    {
        try
        {
            var clauses = OrderByParser.Parse([entry.Value]);
            Assert.Single(clauses);
        }
        catch (PrognosException error)
        {
            Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
            Assert.StartsWith("Invalid order_by entry 1", error.Message, StringComparison.Ordinal);
        }
    }

    [Property]
    public void Page_token_round_trips(NonNegativeInt offset, string[] experimentIds, string? filter)
    {
        var hash = SearchPageToken.HashQuery(experimentIds.Where(id => id is not null), filter, null);
        var token = new SearchPageToken(offset.Get, hash);

        Assert.Equal(token, SearchPageToken.Decode(token.Encode(), hash));
    }

    [Property(MaxTest = 1000)]
    public void Any_changed_character_is_rejected(NonNegativeInt offset, NonNegativeInt index, char replacement)
    {
        var hash = SearchPageToken.HashQuery(["1"], "metrics.rmse < 1", null);
        var encoded = new SearchPageToken(offset.Get, hash).Encode();
        var at = index.Get % encoded.Length;
        if (encoded[at] == replacement)
        {
            return;
        }

        var tampered = string.Concat(encoded.AsSpan(0, at), replacement.ToString(), encoded.AsSpan(at + 1));

        var error = Assert.Throws<PrognosException>(() => SearchPageToken.Decode(tampered, hash));
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
    }

    [Property(MaxTest = 300)]
    public void Any_shortened_or_extended_token_is_rejected(NonNegativeInt offset, NonNegativeInt cut, string? suffix)
    {
        var hash = SearchPageToken.HashQuery(["1"], null, null);
        var encoded = new SearchPageToken(offset.Get, hash).Encode();
        var shortened = encoded[..(cut.Get % encoded.Length)];

        Assert.Throws<PrognosException>(() => SearchPageToken.Decode(shortened, hash));
        if (!string.IsNullOrEmpty(suffix))
        {
            Assert.Throws<PrognosException>(() => SearchPageToken.Decode(encoded + suffix, hash));
        }
    }

    [Property]
    public void A_token_only_fits_its_own_query(NonNegativeInt offset, string filter, string otherFilter)
    {
        var hash = SearchPageToken.HashQuery(["1"], filter, null);
        var otherHash = SearchPageToken.HashQuery(["1"], otherFilter, null);
        if (hash == otherHash)
        {
            return;
        }

        var error = Assert.Throws<PrognosException>(() => SearchPageToken.Decode(new SearchPageToken(offset.Get, hash).Encode(), otherHash));
        Assert.Contains("different search", error.Message, StringComparison.Ordinal);
    }

    private static void AssertParsesOrFailsCleanly(string? filter)
    {
        try
        {
            RunFilterParser.Parse(filter);
        }
        catch (PrognosException error)
        {
            Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
            var match = System.Text.RegularExpressions.Regex.Match(error.Message, "^Invalid filter at position (\\d+): .+");
            Assert.True(match.Success, error.Message);
            var position = int.Parse(match.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
            Assert.InRange(position, 1, filter!.Length + 1);
        }
    }
}
