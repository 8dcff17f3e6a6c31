using System.Buffers.Text;
using Prognos.Errors;
using Prognos.Search;
using Xunit;

namespace Prognos.Core.Tests.Search;

public sealed class SearchPageTokenTests
{
    private const string Fix = "pass the next_page_token returned by the previous search with the same filter and order";

    private static readonly string Hash = SearchPageToken.HashQuery(["1", "2"], "metrics.rmse < 1", ["metrics.rmse"]);

    [Fact]
    public void Decodes_what_it_encoded()
    {
        var token = new SearchPageToken(1000, Hash);

        var encoded = token.Encode();

        Assert.Equal(token, SearchPageToken.Decode(encoded, Hash));
        Assert.Matches("^[A-Za-z0-9_-]+$", encoded);
    }

    [Fact]
    public void Rejects_a_token_issued_for_another_query()
    {
        var encoded = new SearchPageToken(50, Hash).Encode();
        var otherHash = SearchPageToken.HashQuery(["1", "2"], "metrics.rmse < 2", ["metrics.rmse"]);

        AssertInvalid(() => SearchPageToken.Decode(encoded, otherHash), "different search");
    }

    [Theory]
    [InlineData("", "it is empty")]
    [InlineData("not base64!", "not valid base64url")]
    [InlineData("aGVsbG8", "not a Prognos search token")]
    [InlineData("aGVsbG8=", "not valid base64url")]
    [InlineData("aGVs bG8", "not valid base64url")]
    [InlineData("aGVsbG9", "base64url")]
    public void Rejects_text_that_is_not_one_of_our_tokens(string token, string reason) =>
        AssertInvalid(() => SearchPageToken.Decode(token, Hash), reason);

    [Fact]
    public void Rejects_a_token_that_is_too_long() =>
        AssertInvalid(() => SearchPageToken.Decode(new string('A', 5000), Hash), "too long");

    [Fact]
    public void Rejects_an_altered_payload_by_its_checksum()
    {
        var bytes = Base64Url.DecodeFromChars(new SearchPageToken(10, Hash).Encode());
        bytes[8] ^= 0x01; // the low byte of the offset

        AssertInvalid(() => SearchPageToken.Decode(Base64Url.EncodeToString(bytes), Hash), "checksum");
    }

    [Fact]
    public void Rejects_another_format_version()
    {
        var bytes = Base64Url.DecodeFromChars(new SearchPageToken(10, Hash).Encode());
        bytes[4] = 2;

        AssertInvalid(() => SearchPageToken.Decode(Base64Url.EncodeToString(bytes), Hash), "format version 2");
    }

    [Fact]
    public void Rejects_a_truncated_token()
    {
        var bytes = Base64Url.DecodeFromChars(new SearchPageToken(10, Hash).Encode());

        AssertInvalid(() => SearchPageToken.Decode(Base64Url.EncodeToString(bytes[..^3]), Hash), "length does not match");
    }

    [Fact]
    public void Rejects_a_negative_offset_even_with_a_valid_checksum() =>
        AssertInvalid(() => SearchPageToken.Decode(SearchPageToken.EncodePayload(-1, Hash), Hash), "offset -1 is negative");

    [Fact]
    public void Refuses_to_encode_a_negative_offset() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new SearchPageToken(-5, Hash).Encode());

    [Fact]
    public void Query_hash_ignores_experiment_id_order_and_duplicates()
    {
        Assert.Equal(
            SearchPageToken.HashQuery(["1", "2"], "metrics.a > 1", ["metrics.a"]),
            SearchPageToken.HashQuery(["2", "1", "2"], " metrics.a > 1 ", ["metrics.a"]));
        Assert.Equal(SearchPageToken.HashQuery(["1"], null, null), SearchPageToken.HashQuery(["1"], "", []));
    }

    [Fact]
    public void Query_hash_changes_with_what_defines_the_result()
    {
        string[] hashes =
        [
            SearchPageToken.HashQuery(["1"], null, null),
            SearchPageToken.HashQuery(["2"], null, null),
            SearchPageToken.HashQuery(["1", "2"], null, null),
            SearchPageToken.HashQuery(["1"], "metrics.a > 1", null),
            SearchPageToken.HashQuery(["1"], null, ["metrics.a", "metrics.b"]),
            SearchPageToken.HashQuery(["1"], null, ["metrics.b", "metrics.a"]),
            SearchPageToken.HashQuery(["1"], null, ["metrics.a DESC"]),
            SearchPageToken.HashQuery(["1a"], null, null),
            SearchPageToken.HashQuery(["1", "a"], null, null),
        ];

        Assert.Equal(hashes.Length, hashes.Distinct().Count());
        Assert.All(hashes, hash => Assert.Matches("^[0-9a-f]{32}$", hash));
    }

    private static void AssertInvalid(Action decode, string reason)
    {
        var error = Assert.Throws<PrognosException>(decode);
        Assert.Equal(ErrorCode.InvalidParameterValue, error.Code);
        Assert.StartsWith("Invalid page_token: ", error.Message, StringComparison.Ordinal);
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.EndsWith(Fix + ".", error.Message, StringComparison.Ordinal);
    }
}
