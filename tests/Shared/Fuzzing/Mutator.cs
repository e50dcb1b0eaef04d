using System.Text;

namespace TrialAccess.Testing.Fuzzing;

/// <summary>
/// Mutates real inputs the way an attacker or an unlucky user would, reproducibly: the same seed gives the same
/// mutation. Byte-level mutations for files and request bodies (bit flips, hostile bytes and tokens, deleted,
/// duplicated and truncated ranges, values of another JSON kind, duplicated keys, deep nesting, invalid UTF-8);
/// character-level ones for notes (other digit systems, huge numbers, unpaired surrogates, control characters).
/// Used by the fuzz tests and by <c>bench/TrialAccess.Bench.Fuzz</c>.
/// </summary>
internal sealed class Mutator(int seed)
{
    private static readonly string[] Tokens =
    [
        "\\ud800", "\\udc00", "\\ud800\\u0041", "\\u0000", "\\u001b[2J", "\\u009b", "1e400", "-1e400", "1e-400",
        "79228162514264337593543950336", "0.00000000000000000000000000001", "-0", "NaN", "Infinity", "٣", "١٢٣٤",
        "३", "３", "\u202e", "\u0000", "\u001b]0;x\u0007", "&#xD800;", "&#0;", "&amp;", "&unknown;", "]]>",
        "<!DOCTYPE x [<!ENTITY a 'b'>]>", "<?xml version=\"1.0\" encoding=\"utf-16\"?>", "\r", "\n", "\r\n", "\"", "\\",
        "{}", "[]", "{", "}", "[", "]", ",", ":", "null", "true", "\"_id\":\"NCT0\",", "\"studies\":", "\"protocolSection\":",
        "<clinical_study>", "</clinical_study>", "<a>", "</a>", "NCT99999999", "ECOG 99999999999", "KPS 1e9",
        "x 10^999/L", "≤ 1e-25 x ULN", "999999999999999999999 years old", "\ufeff", "\ufffe", "\uffff",
    ];

    private static readonly string[] KindChanges = ["[]", "{}", "5", "-1.5e308", "\"x\"", "null", "true", "[[]]", "{\"a\":{}}"];

    private static readonly byte[] HostileBytes = [0x00, 0xFF, 0xFE, 0xC0, 0xC1, 0xF5, 0x80, 0xBF, 0xED, 0x1B, 0x7F, (byte)'"', (byte)'\\', (byte)'{', (byte)'}', (byte)'[', (byte)']', (byte)'<', (byte)'>', (byte)'&', (byte)',', (byte)':', (byte)'\n'];

    private readonly Random _random = new(seed);

    public int Seed { get; } = seed;

    /// <summary>Applies 1 to <paramref name="maxMutations"/> byte-level mutations.</summary>
    public byte[] Mutate(ReadOnlySpan<byte> input, int maxMutations = 4)
    {
        var bytes = new List<byte>(input.Length + 64);
        bytes.AddRange(input);
        var count = _random.Next(1, maxMutations + 1);
        for (var i = 0; i < count; i++)
        {
            MutateOnce(bytes);
        }

        return [.. bytes];
    }

    /// <summary>Applies 1 to <paramref name="maxMutations"/> character-level mutations to text (a note, a form value).</summary>
    public string MutateText(string input, int maxMutations = 4)
    {
        var text = new StringBuilder(input);
        var count = _random.Next(1, maxMutations + 1);
        for (var i = 0; i < count; i++)
        {
            var at = _random.Next(text.Length + 1);
            switch (_random.Next(9))
            {
                case 0:
                    text.Insert(at, Tokens[_random.Next(Tokens.Length)]);
                    break;
                case 1:
                    text.Insert(at, (char)_random.Next(0xD800, 0xE000));
                    break;
                case 2:
                    text.Insert(at, (char)_random.Next(0, 0x20));
                    break;
                case 3 when text.Length > 0:
                    var length = Math.Min(_random.Next(1, 40), text.Length - Math.Min(at, text.Length - 1));
                    text.Remove(Math.Min(at, text.Length - 1), Math.Max(1, length));
                    break;
                case 4 when text.Length > 0:
                    var start = _random.Next(text.Length);
                    var slice = text.ToString(start, Math.Min(_random.Next(1, 200), text.Length - start));
                    text.Insert(at, slice);
                    break;
                case 5:
                    text.Insert(at, new string('9', _random.Next(1, 60)));
                    break;
                case 6:
                    // A digit from another system where an ASCII digit stood (Arabic-Indic, Devanagari, full-width).
                    for (var k = 0; k < text.Length; k++)
                    {
                        if (char.IsAsciiDigit(text[k]) && _random.Next(3) == 0)
                        {
                            text[k] = (char)(new[] { 0x0660, 0x0966, 0xFF10, 0x06F0 }[_random.Next(4)] + (text[k] - '0'));
                        }
                    }

                    break;
                case 7 when text.Length > 0:
                    text.Length = _random.Next(text.Length);
                    break;
                default:
                    text.Insert(at, "(" + new string('(', _random.Next(1, 50)));
                    break;
            }
        }

        return text.ToString();
    }

    private void MutateOnce(List<byte> bytes)
    {
        var at = _random.Next(bytes.Count + 1);
        switch (_random.Next(11))
        {
            case 0 when bytes.Count > 0:
                var flip = _random.Next(bytes.Count);
                bytes[flip] ^= (byte)(1 << _random.Next(8));
                break;
            case 1 when bytes.Count > 0:
                bytes[_random.Next(bytes.Count)] = HostileBytes[_random.Next(HostileBytes.Length)];
                break;
            case 2 when bytes.Count > 0:
                var from = _random.Next(bytes.Count);
                bytes.RemoveRange(from, Math.Min(_random.Next(1, 64), bytes.Count - from));
                break;
            case 3 when bytes.Count > 0:
                var start = _random.Next(bytes.Count);
                var slice = bytes.GetRange(start, Math.Min(_random.Next(1, 512), bytes.Count - start));
                bytes.InsertRange(at, slice);
                break;
            case 4:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(Tokens[_random.Next(Tokens.Length)]));
                break;
            case 5 when bytes.Count > 0:
                var cut = _random.Next(bytes.Count);
                bytes.RemoveRange(cut, bytes.Count - cut);
                break;
            case 6:
                // A value of another JSON kind after a colon.
                var colon = bytes.IndexOf((byte)':', Math.Min(at, Math.Max(0, bytes.Count - 1)));
                if (colon >= 0)
                {
                    var end = colon + 1;
                    while (end < bytes.Count && bytes[end] is not ((byte)',' or (byte)'}' or (byte)']'))
                    {
                        end++;
                    }

                    if (end - colon < 4096)
                    {
                        bytes.RemoveRange(colon + 1, end - colon - 1);
                        bytes.InsertRange(colon + 1, Encoding.UTF8.GetBytes(KindChanges[_random.Next(KindChanges.Length)]));
                    }
                }

                break;
            case 7:
                var depth = _random.Next(1, 3000);
                var (open, close) = _random.Next(3) switch { 0 => ("[", "]"), 1 => ("{\"a\":", "}"), _ => ("<a>", "</a>") };
                var nesting = new StringBuilder(depth * (open.Length + close.Length));
                nesting.Insert(0, open, depth);
                if (_random.Next(2) == 0)
                {
                    nesting.Append(new StringBuilder().Insert(0, close, depth));
                }

                bytes.InsertRange(at, Encoding.UTF8.GetBytes(nesting.ToString()));
                break;
            case 8:
                byte[][] invalid = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xE2, 0x82], [0x80]];
                bytes.InsertRange(at, invalid[_random.Next(invalid.Length)]);
                break;
            case 9:
                // A duplicated key right after an opening brace.
                var brace = bytes.IndexOf((byte)'{', Math.Min(at, Math.Max(0, bytes.Count - 1)));
                if (brace >= 0)
                {
                    bytes.InsertRange(brace + 1, Encoding.UTF8.GetBytes("\"k\":1,\"k\":2,"));
                }

                break;
            default:
                bytes.InsertRange(at, Encoding.UTF8.GetBytes(new string((char)_random.Next(0x20, 0x7F), _random.Next(1, 8))));
                break;
        }
    }
}
