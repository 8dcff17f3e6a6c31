using System.Security.Cryptography;
using System.Text;
using Prognos.Errors;

namespace Prognos.Storage.Secrets;

/// <summary>
/// The workspace's secret key (<c>prognos.key</c>, 32 random bytes, file mode 0600) and AES-256-GCM encryption
/// with it. A ciphertext is <c>version(1) | nonce(12) | tag(16) | data</c>, bound to a purpose string (e.g. the
/// datastore's name) so it cannot be moved to another record.
/// </summary>
internal sealed class WorkspaceKey
{
    public const string FileName = "prognos.key";
    private const byte FormatVersion = 1;

    private readonly byte[] _key;

    private WorkspaceKey(byte[] key)
    {
        _key = key;
    }

    /// <summary>Loads the key of a workspace folder, creating it (0600) when missing.</summary>
    public static WorkspaceKey LoadOrCreate(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            var fresh = RandomNumberGenerator.GetBytes(32);
            try
            {
                var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
                if (!OperatingSystem.IsWindows())
                {
                    options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
                }

                using var stream = new FileStream(path, options);
                stream.Write(fresh);
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first; use theirs.
            }
        }

        var key = File.ReadAllBytes(path);
        if (key.Length != 32)
        {
            throw new PrognosException(ErrorCode.IncompatibleStore, $"{path} is not a Prognos workspace key (expected 32 bytes); restore it from a backup. Without it, stored credentials cannot be read.");
        }

        return new WorkspaceKey(key);
    }

    public byte[] Encrypt(string plaintext, string purpose)
    {
        var data = Encoding.UTF8.GetBytes(plaintext);
        var output = new byte[1 + 12 + 16 + data.Length];
        output[0] = FormatVersion;
        var nonce = output.AsSpan(1, 12);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(_key, 16);
        aes.Encrypt(nonce, data, output.AsSpan(29), output.AsSpan(13, 16), Encoding.UTF8.GetBytes(purpose));
        return output;
    }

    public string Decrypt(byte[] ciphertext, string purpose)
    {
        if (ciphertext.Length < 29 || ciphertext[0] != FormatVersion)
        {
            throw new PrognosException(ErrorCode.IncompatibleStore, $"The stored credentials of '{purpose}' are not in a format this Prognos reads; create the datastore again.");
        }

        var data = new byte[ciphertext.Length - 29];
        try
        {
            using var aes = new AesGcm(_key, 16);
            aes.Decrypt(ciphertext.AsSpan(1, 12), ciphertext.AsSpan(29), ciphertext.AsSpan(13, 16), data, Encoding.UTF8.GetBytes(purpose));
        }
        catch (AuthenticationTagMismatchException)
        {
            throw new PrognosException(ErrorCode.IncompatibleStore, $"The stored credentials of '{purpose}' cannot be decrypted with this workspace's {FileName}; it was replaced or the record was copied from another workspace. Create the datastore again.");
        }

        return Encoding.UTF8.GetString(data);
    }
}
