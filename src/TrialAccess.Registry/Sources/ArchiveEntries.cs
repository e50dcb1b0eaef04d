using System.IO.Compression;
using System.IO.Hashing;

namespace TrialAccess.Registry.Sources;

/// <summary>What to do with one archive entry before reading it.</summary>
internal enum EntryVerdict
{
    Read,
    /// <summary>A folder, or a hidden file (a part of its path starts with a dot, as <c>.DS_Store</c>, <c>__MACOSX/._x</c>).</summary>
    Skip,
    /// <summary>A name that leaves the archive or hides its place: an absolute path, a drive letter, a part made only of dots, a control character.</summary>
    OddName,
    Encrypted,
    NestedArchive,
}

/// <summary>The checks made on archive entries: their names, encryption, and their checksum before any record is read.</summary>
internal static class ArchiveEntries
{
    public static EntryVerdict Judge(ZipArchiveEntry entry)
    {
        var name = entry.FullName;
        var parts = name.Split('/', '\\');
        if (name.Length == 0
            || name[0] is '/' or '\\'
            || (name.Length >= 2 && name[1] == ':' && char.IsAsciiLetter(name[0]))
            || name.Any(char.IsControl)
            || parts.Any(p => p.Length > 0 && p.All(c => c == '.')))
        {
            return EntryVerdict.OddName;
        }

        if (name.EndsWith('/') || name.EndsWith('\\'))
        {
            return entry.Length == 0 ? EntryVerdict.Skip : EntryVerdict.OddName;
        }

        if (parts.Any(p => p.StartsWith('.') || p == "__MACOSX"))
        {
            return EntryVerdict.Skip;
        }

        if (entry.IsEncrypted)
        {
            return EntryVerdict.Encrypted;
        }

        return name.EndsWith(".zip", StringComparison.OrdinalIgnoreCase) ? EntryVerdict.NestedArchive : EntryVerdict.Read;
    }

    public static string Describe(EntryVerdict verdict) => verdict switch
    {
        EntryVerdict.OddName => "archive entry name is not a plain relative path (absolute, a drive, '..' or a control character); not read",
        EntryVerdict.Encrypted => "archive entry is encrypted; not read (extract it with its password first)",
        EntryVerdict.NestedArchive => "archives inside archives are not read; extract it first",
        _ => "not read",
    };

    /// <summary>The entry's name as it may be printed: control characters shown as <c>\uXXXX</c>.</summary>
    public static string Printable(string name) =>
        name.Any(char.IsControl) ? string.Concat(name.Select(c => char.IsControl(c) ? $"\\u{(int)c:x4}" : c.ToString())) : name;

    /// <summary>Streams the entry once to compute its CRC-32 and size; an error when the checksum or the data is bad, or the entry is larger than <paramref name="maxBytes"/>.</summary>
    public static async Task<(long Size, string? Error)> VerifyAsync(ZipArchiveEntry entry, long maxBytes, CancellationToken cancellationToken)
    {
        var crc = new Crc32();
        long size = 0;
        var buffer = new byte[64 * 1024];
        try
        {
            await using var stream = await entry.OpenAsync(cancellationToken);
            int read;
            while ((read = await stream.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > maxBytes)
                {
                    return (size, $"archive entry holds more than the {JsonRecordSplitter.Describe(maxBytes)} accepted; not read");
                }

                crc.Append(buffer.AsSpan(0, read));
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
        {
            return (size, $"archive entry is damaged and was not read: {e.Message}");
        }

        return crc.GetCurrentHashAsUInt32() == entry.Crc32
            ? (size, null)
            : (size, "archive entry is damaged (its CRC-32 checksum does not match its data); not read");
    }
}
