using System.Buffers.Binary;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Prognos.Errors;

namespace Prognos.Search;

/// <summary>
/// Where the next page of a search starts. Travels as an opaque base64url string carrying a magic prefix, a format
/// version, the offset, the hash of the query it belongs to and a checksum, so that tokens we did not issue, or
/// issued for another query, are rejected instead of silently paging the wrong result.
/// </summary>
public sealed record SearchPageToken(int Offset, string QueryHash)
{
    private const byte FormatVersion = 1;
    private const int ChecksumLength = 8;
    private const int HeaderLength = 4 + 1 + 4 + 1; // magic, version, offset, hash length
    private const int MaxTokenLength = 1024;
    private const string Fix = "pass the next_page_token returned by the previous search with the same filter and order";

    private static ReadOnlySpan<byte> Magic => "PGST"u8;

    /// <summary>The opaque token to hand out as next_page_token.</summary>
    public string Encode()
    {
        ArgumentOutOfRangeException.ThrowIfNegative(Offset);
        return EncodePayload(Offset, QueryHash);
    }

    /// <summary>
    /// Reads a token produced by <see cref="Encode"/> for the query whose <see cref="HashQuery"/> is
    /// <paramref name="expectedQueryHash"/>; anything else fails with INVALID_PARAMETER_VALUE.
    /// </summary>
    public static SearchPageToken Decode(string token, string expectedQueryHash)
    {
        ArgumentNullException.ThrowIfNull(expectedQueryHash);
        if (string.IsNullOrEmpty(token))
        {
            throw Invalid("it is empty");
        }

        if (token.Length > MaxTokenLength)
        {
            throw Invalid("it is too long to be one of ours");
        }

        // Padding and whitespace, which the decoder would tolerate, are never in a token we issued.
        if (token.Length % 4 == 1 || !token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_'))
        {
            throw Invalid("it is not valid base64url");
        }

        byte[] bytes;
        try
        {
            bytes = Base64Url.DecodeFromChars(token);
        }
        catch (FormatException)
        {
            // The decoder throws, rather than returns false, for some inputs such as non-zero trailing bits.
            throw Invalid("it is not valid base64url");
        }

        ReadOnlySpan<byte> payload = bytes;

        // Only the exact text Encode produces is accepted, whatever the decoder happens to tolerate.
        if (!string.Equals(Base64Url.EncodeToString(payload), token, StringComparison.Ordinal))
        {
            throw Invalid("it is not in the form this server issues");
        }

        if (payload.Length < HeaderLength + ChecksumLength || !payload[..Magic.Length].SequenceEqual(Magic))
        {
            throw Invalid("it is not a Prognos search token");
        }

        if (payload[Magic.Length] != FormatVersion)
        {
            throw Invalid($"its format version {payload[Magic.Length]} is not supported");
        }

        var hashLength = payload[HeaderLength - 1];
        if (payload.Length != HeaderLength + hashLength + ChecksumLength)
        {
            throw Invalid("its length does not match its content");
        }

        var body = payload[..^ChecksumLength];
        if (!CryptographicOperations.FixedTimeEquals(Checksum(body), payload[^ChecksumLength..]))
        {
            throw Invalid("its checksum does not match (it was altered or truncated)");
        }

        var offset = BinaryPrimitives.ReadInt32BigEndian(payload[(Magic.Length + 1)..]);
        if (offset < 0)
        {
            throw Invalid($"its offset {offset} is negative");
        }

        string queryHash;
        try
        {
            queryHash = new UTF8Encoding(false, true).GetString(payload.Slice(HeaderLength, hashLength));
        }
        catch (DecoderFallbackException)
        {
            throw Invalid("its query hash is not text");
        }

        if (!string.Equals(queryHash, expectedQueryHash, StringComparison.Ordinal))
        {
            throw Invalid("it was issued for a different search (the experiment ids, filter or order_by changed)");
        }

        return new SearchPageToken(offset, queryHash);
    }

    /// <summary>
    /// A short stable hash of everything that defines a result order: the experiment ids (as a set), the filter text
    /// and the order_by entries (in order).
    /// </summary>
    public static string HashQuery(IEnumerable<string> experimentIds, string? filter, IEnumerable<string>? orderBy)
    {
        ArgumentNullException.ThrowIfNull(experimentIds);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var ids = experimentIds.Select(id => id ?? string.Empty).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        AppendCount(hash, ids.Count);
        foreach (var id in ids)
        {
            AppendString(hash, id);
        }

        AppendString(hash, filter?.Trim() ?? string.Empty);
        var entries = (orderBy ?? []).Select(entry => entry?.Trim() ?? string.Empty).ToList();
        AppendCount(hash, entries.Count);
        foreach (var entry in entries)
        {
            AppendString(hash, entry);
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset().AsSpan(0, 16));
    }

    /// <summary>Encodes without checking the offset; tests use it to forge a token with a valid checksum.</summary>
    internal static string EncodePayload(int offset, string queryHash)
    {
        ArgumentNullException.ThrowIfNull(queryHash);
        var hashBytes = Encoding.UTF8.GetBytes(queryHash);
        if (hashBytes.Length > byte.MaxValue)
        {
            throw new ArgumentException("The query hash is too long for a page token.", nameof(queryHash));
        }

        var payload = new byte[HeaderLength + hashBytes.Length + ChecksumLength];
        Magic.CopyTo(payload);
        payload[Magic.Length] = FormatVersion;
        BinaryPrimitives.WriteInt32BigEndian(payload.AsSpan(Magic.Length + 1), offset);
        payload[HeaderLength - 1] = (byte)hashBytes.Length;
        hashBytes.CopyTo(payload.AsSpan(HeaderLength));
        Checksum(payload.AsSpan(0, payload.Length - ChecksumLength)).CopyTo(payload.AsSpan(payload.Length - ChecksumLength));
        return Base64Url.EncodeToString(payload);
    }

    private static byte[] Checksum(ReadOnlySpan<byte> body) => SHA256.HashData(body)[..ChecksumLength];

    private static void AppendCount(IncrementalHash hash, int count)
    {
        Span<byte> buffer = stackalloc byte[4];
        BinaryPrimitives.WriteInt32BigEndian(buffer, count);
        hash.AppendData(buffer);
    }

    private static void AppendString(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        AppendCount(hash, bytes.Length);
        hash.AppendData(bytes);
    }

    private static PrognosException Invalid(string reason) =>
        PrognosException.InvalidParameter($"Invalid page_token: {reason}; {Fix}.");
}
