using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace TrialAccess.Decoding;

/// <summary>Why a JSON input was refused: where (a path such as <c>studies[3].title</c>; empty for the whole input) and what was wrong.</summary>
/// <param name="Path">The member at fault, written as the readers write field paths; empty when the input as a whole is at fault.</param>
/// <param name="Message">What was wrong, in words a user can act on; never the offending text itself.</param>
public sealed record JsonInputError(string Path, string Message)
{
    public override string ToString() => Path.Length == 0 ? Message : $"{Path}: {Message}";
}

/// <summary>
/// The one decoding policy for JSON input, used by every reader (trial records, patient JSON, FHIR, API requests):
/// the input must be well-formed JSON in UTF-8, every string and property name must be valid Unicode (no invalid
/// UTF-8 bytes, no unpaired surrogate escapes such as <c>"\ud800"</c>), no object may name a property twice, and
/// nesting is bounded. A document that breaks a rule is refused as a whole with the path of the first fault, so that
/// a reader never meets text it cannot decode (<see cref="JsonElement.GetString"/> cannot throw on a checked
/// document) and never silently keeps the last of two values.
/// </summary>
public static class StrictJson
{
    /// <summary>The deepest nesting accepted by default (objects and arrays). Real trial records nest about 8 deep.</summary>
    public const int DefaultMaxDepth = 64;

    /// <summary>Checks <paramref name="utf8"/> against the policy; null when it holds.</summary>
    /// <param name="allowComments">Accept <c>//</c> and <c>/* */</c> comments and trailing commas (patient JSON written by hand).</param>
    /// <param name="duplicateProperties">
    /// When given, a property named twice in one object is added here (with its path) and checking goes on, for a
    /// reader that reports duplicates where they are rather than refusing the whole input (FHIR, whose reference
    /// clients send them); when null (the default), the first duplicate is the error.
    /// </param>
    public static JsonInputError? Check(ReadOnlySpan<byte> utf8, int maxDepth = DefaultMaxDepth, bool allowComments = false, ICollection<JsonInputError>? duplicateProperties = null)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions
        {
            MaxDepth = maxDepth,
            CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow,
            AllowTrailingCommas = allowComments,
        });
        var path = new List<Segment>();
        var names = new List<HashSet<string>?>();
        try
        {
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject:
                    case JsonTokenType.StartArray:
                        Advance(path);
                        path.Add(reader.TokenType == JsonTokenType.StartArray ? new Segment(null, -1) : new Segment(null, -2));
                        names.Add(null);
                        break;
                    case JsonTokenType.EndObject:
                    case JsonTokenType.EndArray:
                        path.RemoveAt(path.Count - 1);
                        names.RemoveAt(names.Count - 1);
                        break;
                    case JsonTokenType.PropertyName:
                        if (InvalidText(ref reader) is { } nameFault)
                        {
                            return new JsonInputError(Render(path, null), $"a property name is not valid text ({nameFault})");
                        }

                        var name = reader.GetString()!;
                        var seen = names[^1] ??= new HashSet<string>(StringComparer.Ordinal);
                        path[^1] = new Segment(name, -2);
                        if (!seen.Add(name))
                        {
                            var duplicate = new JsonInputError(Render(path, null), "this property is given twice; send it once");
                            if (duplicateProperties is null)
                            {
                                return duplicate;
                            }

                            duplicateProperties.Add(duplicate);
                        }

                        break;
                    case JsonTokenType.String:
                        Advance(path);
                        if (InvalidText(ref reader) is { } fault)
                        {
                            return new JsonInputError(Render(path, null), $"not valid text ({fault})");
                        }

                        break;
                    default:
                        Advance(path);
                        break;
                }
            }
        }
        catch (JsonException e)
        {
            // A syntax error is about the input as a whole; its position says where.
            return new JsonInputError(string.Empty, Describe(e));
        }

        return null;
    }

    /// <summary>Checks and parses UTF-8 JSON; the document is null exactly when the error is not.</summary>
    public static (JsonDocument? Document, JsonInputError? Error) Parse(ReadOnlyMemory<byte> utf8, int maxDepth = DefaultMaxDepth, bool allowComments = false)
    {
        if (Check(utf8.Span, maxDepth, allowComments) is { } error)
        {
            return (null, error);
        }

        var options = new JsonDocumentOptions { MaxDepth = maxDepth, AllowTrailingCommas = allowComments, CommentHandling = allowComments ? JsonCommentHandling.Skip : JsonCommentHandling.Disallow };
        return (JsonDocument.Parse(utf8, options), null);
    }

    /// <summary>Checks and parses JSON held in a string; a string with an unpaired surrogate is refused, not repaired.</summary>
    public static (JsonDocument? Document, JsonInputError? Error) Parse(string json, int maxDepth = DefaultMaxDepth, bool allowComments = false)
    {
        ArgumentNullException.ThrowIfNull(json);
        if (ToUtf8(json) is not { } bytes)
        {
            return (null, new JsonInputError(string.Empty, "the text holds an unpaired surrogate (it is not valid Unicode)"));
        }

        return Parse(bytes, maxDepth, allowComments);
    }

    /// <summary>The UTF-8 form of <paramref name="text"/>, or null when it holds an unpaired surrogate.</summary>
    public static byte[]? ToUtf8(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var bytes = new byte[Encoding.UTF8.GetMaxByteCount(text.Length)];
        var status = Utf8.FromUtf16(text, bytes, out _, out var written, replaceInvalidSequences: false);
        return status == OperationStatus.Done ? bytes.AsSpan(0, written).ToArray() : null;
    }

    /// <summary>True when <paramref name="text"/> is valid UTF-16 (no unpaired surrogate).</summary>
    public static bool IsValidText(string? text)
    {
        if (text is null)
        {
            return true;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (char.IsLowSurrogate(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Describes a JSON syntax error by position, without the framework's internal path and without the input's text.</summary>
    public static string Describe(JsonException e)
    {
        var where = e.LineNumber is { } line ? $" (line {line + 1}, byte {(e.BytePositionInLine ?? 0) + 1})" : string.Empty;
        var message = e.Message.Split(" Path:", 2)[0].Split(" LineNumber:", 2)[0];
        return $"not valid JSON{where}: {message}";
    }

    private static string? InvalidText(ref Utf8JsonReader reader)
    {
        var raw = reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan;
        if (!Utf8.IsValid(raw))
        {
            return "invalid UTF-8";
        }

        return reader.ValueIsEscaped && HasUnpairedSurrogateEscape(raw) ? "an unpaired surrogate escape such as \\ud800" : null;
    }

    /// <summary>Finds <c>\uD800</c>-<c>\uDBFF</c> not followed by <c>\uDC00</c>-<c>\uDFFF</c>, or a low surrogate escape standing alone.</summary>
    private static bool HasUnpairedSurrogateEscape(ReadOnlySpan<byte> raw)
    {
        var pendingHigh = false;
        var i = 0;
        while (i < raw.Length)
        {
            var isUnicodeEscape = raw[i] == (byte)'\\' && i + 5 < raw.Length && raw[i + 1] == (byte)'u';
            if (!isUnicodeEscape)
            {
                if (pendingHigh)
                {
                    return true;
                }

                // Any other escape is two bytes long (\n, \", \\): skip both so that "\\u" is not read as an escape.
                i += raw[i] == (byte)'\\' ? 2 : 1;
                continue;
            }

            var unit = Hex(raw.Slice(i + 2, 4));
            i += 6;
            if (unit is >= 0xD800 and <= 0xDBFF)
            {
                if (pendingHigh)
                {
                    return true;
                }

                pendingHigh = true;
            }
            else if (unit is >= 0xDC00 and <= 0xDFFF)
            {
                if (!pendingHigh)
                {
                    return true;
                }

                pendingHigh = false;
            }
            else if (pendingHigh)
            {
                return true;
            }
        }

        return pendingHigh;
    }

    private static int Hex(ReadOnlySpan<byte> four)
    {
        var value = 0;
        foreach (var b in four)
        {
            value = (value << 4) | b switch
            {
                >= (byte)'0' and <= (byte)'9' => b - '0',
                >= (byte)'a' and <= (byte)'f' => b - 'a' + 10,
                >= (byte)'A' and <= (byte)'F' => b - 'A' + 10,
                _ => 0,
            };
        }

        return value;
    }

    /// <summary>Counts the element of an array the reader has moved onto.</summary>
    private static void Advance(List<Segment> path)
    {
        if (path.Count > 0 && path[^1].Index >= -1 && path[^1].Name is null)
        {
            path[^1] = path[^1] with { Index = path[^1].Index + 1 };
        }
    }

    private static string Render(List<Segment> path, string? last)
    {
        var text = new StringBuilder();
        foreach (var segment in path)
        {
            if (segment.Name is { } name)
            {
                AppendName(text, name);
            }
            else if (segment.Index >= 0)
            {
                text.Append('[').Append(segment.Index).Append(']');
            }
        }

        if (last is not null)
        {
            AppendName(text, last);
        }

        return text.ToString();
    }

    private static void AppendName(StringBuilder text, string name)
    {
        if (text.Length > 0)
        {
            text.Append('.');
        }

        // A name is echoed only when it is short and plain: a path must not carry what a person typed.
        text.Append(name.Length <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or '$' or '@') ? name : "(a property)");
    }

    /// <summary>One level of the path: an object member (<see cref="Name"/>, index -2) or an array position (index from 0; -1 before the first).</summary>
    private readonly record struct Segment(string? Name, int Index);
}
