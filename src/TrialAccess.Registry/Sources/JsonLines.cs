using System.Runtime.CompilerServices;

namespace TrialAccess.Registry.Sources;

/// <summary>One line of a JSON Lines file: its number (from 1) and bytes (without the line ending), or null bytes when it was longer than the limit.</summary>
internal readonly record struct JsonLine(int Number, byte[]? Bytes);

/// <summary>
/// Splits a stream into lines of bytes, never holding more than one line (and never more than the limit of it): a
/// longer line is reported by number and skipped to its end. Blank lines are left out; a UTF-8 byte-order mark at the
/// start is dropped. Bytes are not decoded here: each line is checked by the JSON decoding policy afterwards.
/// </summary>
internal static class JsonLines
{
    public static async IAsyncEnumerable<JsonLine> ReadAsync(Stream stream, long maxLineBytes, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var chunk = new byte[64 * 1024];
        var line = new MemoryStream();
        var number = 1;
        var tooLong = false;
        var first = true;
        var pending = new List<JsonLine>();
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
        {
            var start = 0;
            if (first)
            {
                first = false;
                if (read >= 3 && chunk[0] == 0xEF && chunk[1] == 0xBB && chunk[2] == 0xBF)
                {
                    start = 3;
                }
            }

            while (start < read)
            {
                var newline = Array.IndexOf(chunk, (byte)'\n', start, read - start);
                var end = newline < 0 ? read : newline;
                if (!tooLong)
                {
                    if (line.Length + (end - start) > maxLineBytes)
                    {
                        tooLong = true;
                        line.SetLength(0);
                    }
                    else
                    {
                        line.Write(chunk, start, end - start);
                    }
                }

                if (newline < 0)
                {
                    break;
                }

                if (Complete(line, number, tooLong) is { } complete)
                {
                    pending.Add(complete);
                }

                number++;
                tooLong = false;
                line.SetLength(0);
                start = newline + 1;
            }

            foreach (var item in pending)
            {
                yield return item;
            }

            pending.Clear();
        }

        if (Complete(line, number, tooLong) is { } last)
        {
            yield return last;
        }
    }

    private static JsonLine? Complete(MemoryStream line, int number, bool tooLong)
    {
        if (tooLong)
        {
            return new JsonLine(number, null);
        }

        var bytes = line.GetBuffer().AsSpan(0, (int)line.Length);
        var trimmed = bytes.Trim((ReadOnlySpan<byte>)[(byte)' ', (byte)'\t', (byte)'\r']);
        return trimmed.IsEmpty ? null : new JsonLine(number, trimmed.ToArray());
    }
}
