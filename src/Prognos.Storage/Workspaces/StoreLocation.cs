using Npgsql;
using Prognos.Errors;

namespace Prognos.Storage.Workspaces;

/// <summary>
/// Where a workspace keeps its metadata: <c>sqlite:prognos.db</c> (relative to the workspace folder),
/// <c>sqlite:///abs/path.db</c>, or <c>postgresql://user[:password]@host[:port]/database[?schema=name]</c>.
/// </summary>
public sealed record StoreLocation(StoreKind Kind, string Target)
{
    /// <summary>Parses a store URI; relative SQLite paths are resolved against <paramref name="workspaceFolder"/>.</summary>
    public static StoreLocation Parse(string uri, string workspaceFolder)
    {
        if (string.IsNullOrWhiteSpace(uri))
        {
            throw PrognosException.InvalidParameter("'store' is empty; use sqlite:prognos.db or postgresql://user@host/db.");
        }

        if (uri.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = uri["sqlite:".Length..];
            if (path.StartsWith("///", StringComparison.Ordinal))
            {
                path = path[2..];
            }
            else if (path.StartsWith("//", StringComparison.Ordinal))
            {
                path = path[2..];
            }

            if (path.Length == 0)
            {
                throw PrognosException.InvalidParameter($"Store URI '{uri}' names no file; use sqlite:prognos.db.");
            }

            return new StoreLocation(StoreKind.Sqlite, Path.GetFullPath(Path.Combine(workspaceFolder, path)));
        }

        if (uri.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase) || uri.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase))
        {
            return new StoreLocation(StoreKind.Postgres, ToNpgsqlConnectionString(uri));
        }

        throw PrognosException.InvalidParameter($"Store URI '{Redact(uri)}' is not understood; use sqlite:prognos.db or postgresql://user@host:5432/db.");
    }

    /// <summary>Converts <c>postgresql://user:pw@host:port/db?schema=s&amp;sslmode=require</c> to an Npgsql connection string.</summary>
    public static string ToNpgsqlConnectionString(string uri)
    {
        Uri parsed;
        try
        {
            parsed = new Uri(uri);
        }
        catch (UriFormatException)
        {
            throw PrognosException.InvalidParameter($"Store URI '{Redact(uri)}' is malformed; use postgresql://user:password@host:5432/database.");
        }

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = parsed.Host,
            Port = parsed.IsDefaultPort || parsed.Port <= 0 ? 5432 : parsed.Port,
            Database = Uri.UnescapeDataString(parsed.AbsolutePath.Trim('/')),
        };
        if (string.IsNullOrEmpty(builder.Database))
        {
            throw PrognosException.InvalidParameter($"Store URI '{Redact(uri)}' names no database; add it after the host: postgresql://user@host:5432/DATABASE.");
        }

        var userInfo = parsed.UserInfo.Split(':', 2);
        if (userInfo[0].Length > 0)
        {
            builder.Username = Uri.UnescapeDataString(userInfo[0]);
        }

        if (userInfo.Length == 2)
        {
            builder.Password = Uri.UnescapeDataString(userInfo[1]);
        }

        foreach (var pair in parsed.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var kv = pair.Split('=', 2);
            var key = Uri.UnescapeDataString(kv[0]);
            var value = kv.Length == 2 ? Uri.UnescapeDataString(kv[1]) : "";
            switch (key.ToLowerInvariant())
            {
                case "schema":
                    builder.SearchPath = value;
                    break;
                case "sslmode":
                    builder.SslMode = Enum.Parse<SslMode>(value, ignoreCase: true);
                    break;
                default:
                    throw PrognosException.InvalidParameter($"Store URI option '{key}' is not supported; use schema= or sslmode=.");
            }
        }

        return builder.ConnectionString;
    }

    /// <summary>The URI with any password replaced by ***, safe for messages and logs.</summary>
    public static string Redact(string uri)
    {
        var at = uri.IndexOf('@', StringComparison.Ordinal);
        var scheme = uri.IndexOf("://", StringComparison.Ordinal);
        if (at < 0 || scheme < 0 || at < scheme)
        {
            return uri;
        }

        var colon = uri.IndexOf(':', scheme + 3);
        return colon > 0 && colon < at ? string.Concat(uri.AsSpan(0, colon + 1), "***", uri.AsSpan(at)) : uri;
    }
}
