using System.Runtime.CompilerServices;

namespace TrialAccess.Registry.Sources;

/// <summary>One piece a JSON file splits into: a record's bytes (with its position), or an error that ends the file.</summary>
/// <param name="Bytes">The record's own UTF-8 bytes, or null for an error.</param>
/// <param name="Index">The position in the array (root array or a page's list), or -1 for a file that is one object.</param>
/// <param name="Page">Which page list the record is an element of; <see cref="JsonRecordPage.None"/> for a root array element or a root object.</param>
/// <param name="Error">What was wrong: a record too large (reading goes on) or a file that cannot be followed further (reading stops).</param>
/// <param name="EndsFile">True when the error is about the file, which is not followed further; false when it is about the record at <paramref name="Index"/>.</param>
internal readonly record struct JsonRecordPiece(byte[]? Bytes, int Index, JsonRecordPage Page, string? Error, bool EndsFile = false);

/// <summary>The page list a record came from, which says its format without looking at its keys.</summary>
internal enum JsonRecordPage
{
    /// <summary>Not in a page: an element of a root array, or a file that is one object.</summary>
    None,

    /// <summary>An element of a ClinicalTrials.gov API v2 page, <c>{"studies": [...]}</c>.</summary>
    Studies,

    /// <summary>An element of an NCI Clinical Trials Search API search response, <c>{"total": n, "data": [...]}</c>.</summary>
    Data,
}

/// <summary>
/// Streams a JSON file record by record without holding more than one record: a root array yields its elements, a
/// page <c>{"studies": [...]}</c> yields the studies, a search response <c>{"total": n, "data": [...]}</c> yields the
/// elements of <c>data</c>, any other root object is one record. It follows only the
/// structure (strings, brackets, commas); each record is then checked in full by <see cref="Decoding.StrictJson"/>. A
/// record larger than the limit is reported by position and skipped; a file whose structure breaks (mismatched
/// brackets, truncation, content after the root value) ends with an error naming the byte, and the records before
/// it are kept.
/// </summary>
internal sealed class JsonRecordSplitter(long maxRecordBytes, int maxDepth)
{
    private const int ChunkBytes = 64 * 1024;

    private enum Mode
    {
        BeforeRoot,
        RootArray,
        RootObject,
        Page,
        AfterPage,
        AfterRoot,
    }

    private byte[] _buffer = new byte[ChunkBytes];
    private int _length;
    private int _position;
    private long _dropped;

    private Mode _mode = Mode.BeforeRoot;
    private readonly List<byte> _stack = [];
    private bool _inString;
    private bool _escaped;

    // The record being collected: its start in the buffer (-1 when none), its index, and whether it outgrew the limit.
    private int _recordStart = -1;
    private bool _elementOpen;
    private bool _oversize;
    private int _index;

    // Root object: the key being read at depth 1, and what the last key was.
    private bool _expectKey;
    private int _keyStart = -1;
    private JsonRecordPage _lastKeyPage;
    private bool _awaitingValue;

    private JsonRecordPage _page;

    private bool _finished;

    public static async IAsyncEnumerable<JsonRecordPiece> SplitAsync(Stream stream, long maxRecordBytes, int maxDepth, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var splitter = new JsonRecordSplitter(maxRecordBytes, maxDepth);
        var pieces = new List<JsonRecordPiece>();
        while (!splitter._finished)
        {
            splitter.MakeRoom();
            var read = await stream.ReadAsync(splitter._buffer.AsMemory(splitter._length), cancellationToken);
            if (read == 0)
            {
                splitter.End(pieces);
                splitter._finished = true;
            }
            else
            {
                splitter._length += read;
                splitter.Scan(pieces);
            }

            foreach (var piece in pieces)
            {
                yield return piece;
            }

            pieces.Clear();
        }
    }

    private int Depth => _stack.Count;

    private long Offset => _dropped + _position;

    private int ElementDepth => _mode == Mode.Page ? 2 : 1;

    private JsonRecordPage CurrentPage => _mode == Mode.Page ? _page : JsonRecordPage.None;

    /// <summary>Drops what is no longer needed from the front of the buffer and makes space for the next chunk.</summary>
    private void MakeRoom()
    {
        var keep = _recordStart >= 0 ? _recordStart : _keyStart >= 0 ? _keyStart : _position;
        if (keep > 0)
        {
            Buffer.BlockCopy(_buffer, keep, _buffer, 0, _length - keep);
            _length -= keep;
            _position -= keep;
            _dropped += keep;
            if (_recordStart >= 0)
            {
                _recordStart -= keep;
            }

            if (_keyStart >= 0)
            {
                _keyStart -= keep;
            }
        }

        if (_buffer.Length - _length < ChunkBytes / 2)
        {
            Array.Resize(ref _buffer, _buffer.Length * 2);
        }
    }

    private void Scan(List<JsonRecordPiece> pieces)
    {
        while (_position < _length && !_finished)
        {
            var b = _buffer[_position];
            if (!_inString && IsWhiteSpace(b))
            {
                // Runs of white space (a study followed by a gigabyte of it) are skipped at vector speed.
                var rest = _buffer.AsSpan(_position, _length - _position);
                var skip = rest.IndexOfAnyExcept(" \t\r\n"u8);
                _position += skip < 0 ? rest.Length : skip;
                CheckRecordSize(pieces);
                continue;
            }

            if (_inString && !_escaped && b is not ((byte)'"' or (byte)'\\'))
            {
                var rest = _buffer.AsSpan(_position, _length - _position);
                var skip = rest.IndexOfAny((byte)'"', (byte)'\\');
                _position += skip < 0 ? rest.Length : skip;
                CheckRecordSize(pieces);
                continue;
            }

            if (_inString)
            {
                if (_escaped)
                {
                    _escaped = false;
                }
                else if (b == '\\')
                {
                    _escaped = true;
                }
                else if (b == '"')
                {
                    _inString = false;
                    if (_keyStart >= 0)
                    {
                        var key = _buffer.AsSpan(_keyStart + 1, _position - _keyStart - 1);
                        _lastKeyPage = key.SequenceEqual("studies"u8) ? JsonRecordPage.Studies
                            : key.SequenceEqual("data"u8) ? JsonRecordPage.Data
                            : JsonRecordPage.None;
                        _keyStart = -1;
                    }
                }

                _position++;
                CheckRecordSize(pieces);
                continue;
            }

            switch (_mode)
            {
                case Mode.BeforeRoot:
                    Before(b, pieces);
                    break;
                case Mode.AfterRoot:
                    if (!IsWhiteSpace(b))
                    {
                        Fail(pieces, $"unexpected content after the JSON value (byte {Offset + 1}) after {_index} record(s)");
                        return;
                    }

                    break;
                default:
                    if (!Structure(b, pieces))
                    {
                        return;
                    }

                    break;
            }

            _position++;
            CheckRecordSize(pieces);
        }
    }

    private void Before(byte b, List<JsonRecordPiece> pieces)
    {
        if (IsWhiteSpace(b) || (Offset < 3 && b is 0xEF or 0xBB or 0xBF))
        {
            return;
        }

        if (b == '[')
        {
            _mode = Mode.RootArray;
            _stack.Add(b);
        }
        else if (b == '{')
        {
            _mode = Mode.RootObject;
            _stack.Add(b);
            _recordStart = _position;
            _expectKey = true;
        }
        else
        {
            Fail(pieces, $"expected a JSON object or array (byte {Offset + 1})");
        }
    }

    /// <summary>Follows one structural byte inside the root value; false when the file cannot be followed further.</summary>
    private bool Structure(byte b, List<JsonRecordPiece> pieces)
    {
        if (IsWhiteSpace(b))
        {
            return true;
        }

        var inRecordArray = _mode is Mode.RootArray or Mode.Page;
        if (inRecordArray && Depth == ElementDepth)
        {
            if (b == ',')
            {
                CloseElement(pieces);
                return true;
            }

            if (b == ']')
            {
                CloseElement(pieces);
                _stack.RemoveAt(_stack.Count - 1);
                if (_mode == Mode.Page)
                {
                    _mode = Mode.AfterPage;
                }
                else
                {
                    _mode = Mode.AfterRoot;
                }

                return true;
            }

            if (!_elementOpen)
            {
                _elementOpen = true;
                _oversize = false;
                _recordStart = _position;
            }
        }

        if (_mode == Mode.RootObject && Depth == 1)
        {
            if (_awaitingValue)
            {
                _awaitingValue = false;
                if (_lastKeyPage == JsonRecordPage.Studies && b != '[')
                {
                    Fail(pieces, "studies: expected a list");
                    return false;
                }

                // "data" that is not a list is an ordinary field of a record that happens to have one.
                if (_lastKeyPage != JsonRecordPage.None && b == '[')
                {
                    // A page: its records are streamed one by one; nothing else of the page is kept.
                    _mode = Mode.Page;
                    _page = _lastKeyPage;
                    _recordStart = -1;
                    _stack.Add(b);
                    return true;
                }
            }
            else if (b == ':')
            {
                _awaitingValue = true;
                return true;
            }
            else if (b == ',')
            {
                _expectKey = true;
                return true;
            }
            else if (b == '"' && _expectKey)
            {
                _expectKey = false;
                _keyStart = _position;
                _inString = true;
                return true;
            }
        }

        switch (b)
        {
            case (byte)'"':
                _inString = true;
                break;
            case (byte)'{':
            case (byte)'[':
                if (Depth >= maxDepth)
                {
                    Fail(pieces, $"nested deeper than {maxDepth} levels (byte {Offset + 1}) after {_index} record(s)");
                    return false;
                }

                _stack.Add(b);
                break;
            case (byte)'}':
            case (byte)']':
                if (Depth == 0 || _stack[^1] != (b == '}' ? '{' : '['))
                {
                    Fail(pieces, $"malformed JSON: '{(char)b}' does not close what is open (byte {Offset + 1}) after {_index} record(s)");
                    return false;
                }

                _stack.RemoveAt(_stack.Count - 1);
                if (Depth == 0)
                {
                    RootClosed(pieces);
                }

                break;
        }

        return true;
    }

    private void RootClosed(List<JsonRecordPiece> pieces)
    {
        if (_mode == Mode.RootObject)
        {
            if (_oversize)
            {
                pieces.Add(new JsonRecordPiece(null, -1, JsonRecordPage.None, $"the JSON object is larger than {Describe(maxRecordBytes)}; not read", EndsFile: true));
            }
            else
            {
                pieces.Add(new JsonRecordPiece(_buffer.AsSpan(_recordStart, _position + 1 - _recordStart).ToArray(), -1, JsonRecordPage.None, null));
            }

            _recordStart = -1;
            _index++;
        }

        _mode = Mode.AfterRoot;
    }

    private void CloseElement(List<JsonRecordPiece> pieces)
    {
        if (!_elementOpen)
        {
            return;
        }

        if (_oversize)
        {
            pieces.Add(new JsonRecordPiece(null, _index, CurrentPage, $"record larger than {Describe(maxRecordBytes)}; skipped"));
        }
        else
        {
            var end = _position;
            while (end > _recordStart && IsWhiteSpace(_buffer[end - 1]))
            {
                end--;
            }

            pieces.Add(new JsonRecordPiece(_buffer.AsSpan(_recordStart, end - _recordStart).ToArray(), _index, CurrentPage, null));
        }

        _index++;
        _elementOpen = false;
        _oversize = false;
        _recordStart = -1;
    }

    private void CheckRecordSize(List<JsonRecordPiece> pieces)
    {
        if (_recordStart < 0 || _position - _recordStart <= maxRecordBytes)
        {
            return;
        }

        if (_mode == Mode.RootObject)
        {
            // Not (yet) a page: the object is one record, and it is too large to hold.
            Fail(pieces, $"the JSON object is larger than {Describe(maxRecordBytes)}; not read");
            return;
        }

        // An element too large: stop keeping its bytes, follow it to its end, report it there, and go on.
        _oversize = true;
        _recordStart = -1;
    }

    private void End(List<JsonRecordPiece> pieces)
    {
        if (_finished)
        {
            return;
        }

        if (_mode == Mode.BeforeRoot)
        {
            Fail(pieces, "the file is empty");
        }
        else if (_mode != Mode.AfterRoot)
        {
            Fail(pieces, $"truncated JSON: the file ends inside the {(_mode == Mode.RootObject ? "object" : "list")} (byte {Offset + 1}) after {_index} record(s)");
        }
    }

    private void Fail(List<JsonRecordPiece> pieces, string message)
    {
        pieces.Add(new JsonRecordPiece(null, _index, CurrentPage, message, EndsFile: true));
        _finished = true;
        _recordStart = -1;
        _keyStart = -1;
    }

    private static bool IsWhiteSpace(byte b) => b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n';

    internal static string Describe(long bytes) => bytes >= 1024 * 1024 && bytes % (1024 * 1024) == 0
        ? $"{bytes / (1024 * 1024)} MiB"
        : $"{bytes} bytes";
}
