using System.Text;

namespace TrialAccess.Cli.Terminal;

/// <summary>
/// Text from records, notes and files shown in a terminal: control characters (C0 but for line feed and tab, DEL, C1)
/// and the bidirectional overrides are shown as <c>\uXXXX</c>, so that no record can move the cursor, recolour,
/// retitle or rewrite the terminal, or reorder what a person reads.
/// </summary>
internal static class TerminalText
{
    /// <summary>True for a character that is written as an escape rather than as itself.</summary>
    public static bool MustEscape(char c) =>
        (char.IsControl(c) && c is not '\n' and not '\t') || c is (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text made safe (<see cref="Safe"/>) and escaped for Spectre.Console markup.</summary>
    public static string Markup(string? text) => Spectre.Console.Markup.Escape(Safe(text));

    /// <summary>The text with every character that <see cref="MustEscape"/> written as <c>\uXXXX</c>.</summary>
    public static string Safe(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(MustEscape))
        {
            return text ?? string.Empty;
        }

        var safe = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (MustEscape(c))
            {
                safe.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                safe.Append(c);
            }
        }

        return safe.ToString();
    }
}

/// <summary>Standard error as every command writes it: each line passes through <see cref="TerminalText.Safe"/>.</summary>
internal sealed class EscapingWriter(TextWriter inner) : TextWriter
{
    public override Encoding Encoding => inner.Encoding;

    public override IFormatProvider FormatProvider => inner.FormatProvider;

    public override string NewLine
    {
        get => inner.NewLine;
#pragma warning disable CS8765 // TextWriter.NewLine's setter accepts null; the inner writer handles it.
        set => inner.NewLine = value;
#pragma warning restore CS8765
    }

    public override void Write(char value)
    {
        if (TerminalText.MustEscape(value) && !NewLine.Contains(value, StringComparison.Ordinal))
        {
            inner.Write(TerminalText.Safe(value.ToString()));
        }
        else
        {
            inner.Write(value);
        }
    }

    public override void Write(string? value) => inner.Write(SafeKeepingNewLines(value));

    public override void Write(char[] buffer, int index, int count) => Write(new string(buffer, index, count));

    public override void WriteLine(string? value) => inner.WriteLine(SafeKeepingNewLines(value));

    public override Task WriteAsync(string? value) => inner.WriteAsync(SafeKeepingNewLines(value));

    public override Task WriteLineAsync(string? value) => inner.WriteLineAsync(SafeKeepingNewLines(value));

    public override void Flush() => inner.Flush();

    public override Task FlushAsync() => inner.FlushAsync();

    /// <summary>Escapes, but keeps the writer's own line ending (<c>\r\n</c> on Windows) intact.</summary>
    private string SafeKeepingNewLines(string? value) =>
        value is null ? string.Empty : NewLine == "\n" ? TerminalText.Safe(value) : string.Join(NewLine, value.Split(NewLine).Select(TerminalText.Safe));
}
