using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TrialAccess.Decoding;
using TrialAccess.Ingestion;
using TrialAccess.Registry.CtGovJson;
using TrialAccess.Registry.CtGovXml;
using TrialAccess.Registry.NciCts;
using TrialAccess.Registry.TrialGpt;

namespace TrialAccess.Registry.Sources;

/// <summary>
/// Turns the paths a user names (files, folders, zip archives) into trial records, detecting each file's format:
/// ClinicalTrials.gov API v2 JSON (one study, an array of studies, or a page <c>{"studies": [...]}</c>), the legacy
/// <c>clinical_study</c> XML, the TrialGPT corpus format (one object per file or JSON Lines), NCI Clinical Trials
/// Search API records (one record, an array, or a search response <c>{"total": n, "data": [...]}</c>), and zip
/// archives of any of them.
/// </summary>
/// <remarks>
/// A file that cannot be read yields a failure naming it and reading goes on with the next; records read from a file
/// before it turned out to be broken (a truncated array) are kept. Every input is held to <see cref="TrialSourceLimits"/>
/// and to the JSON decoding policy of <see cref="StrictJson"/>: no input can make reading throw, hang or hold more
/// than one record in memory.
/// </remarks>
public static class TrialSources
{
    /// <summary>Expands folders (recursively, hidden files skipped) into files in ordinal order.</summary>
    /// <returns>The files, and the paths that do not exist.</returns>
    public static (IReadOnlyList<string> Files, IReadOnlyList<string> Missing) Expand(IEnumerable<string> paths)
    {
        var files = new List<string>();
        var missing = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => !IsHidden(Path.GetRelativePath(path, f)))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                missing.Add(path);
            }
        }

        return (files, missing);
    }

    /// <summary>Reads every record in one file (every entry of an archive), with the default limits.</summary>
    public static IAsyncEnumerable<TrialReadResult> ReadFileAsync(string path, CancellationToken cancellationToken = default) =>
        ReadFileAsync(path, TrialSourceLimits.Default, cancellationToken);

    /// <summary>Reads every record in one file (every entry of an archive).</summary>
    public static async IAsyncEnumerable<TrialReadResult> ReadFileAsync(string path, TrialSourceLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (var result in ReadArchiveAsync(path, limits, cancellationToken))
            {
                yield return result;
            }

            yield break;
        }

        Stream? stream = null;
        TrialReadResult? openFailure = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan | FileOptions.Asynchronous);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            openFailure = TrialReadResult.Failure(path, null, $"cannot be opened: {e.Message}");
        }

        if (openFailure is { } failure)
        {
            yield return failure;
            yield break;
        }

        await using (stream!)
        {
            await foreach (var result in ReadStreamAsync(stream!, path, limits, cancellationToken))
            {
                yield return result;
            }
        }
    }

    /// <summary>Reads every record in a stream with the default limits.</summary>
    public static IAsyncEnumerable<TrialReadResult> ReadStreamAsync(Stream stream, string source, CancellationToken cancellationToken = default) =>
        ReadStreamAsync(stream, source, TrialSourceLimits.Default, cancellationToken);

    /// <summary>
    /// Reads every record in a stream, the format detected from the name and then from the first bytes. The stream is
    /// read forward once, record by record; no more than one record is held at a time.
    /// </summary>
    public static async IAsyncEnumerable<TrialReadResult> ReadStreamAsync(Stream stream, string source, TrialSourceLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var head = new byte[512];
        var headLength = 0;
        string? readError = null;
        try
        {
            int n;
            while (headLength < head.Length && (n = await stream.ReadAsync(head.AsMemory(headLength), cancellationToken)) > 0)
            {
                headLength += n;
            }
        }
        catch (Exception e) when (e is IOException or InvalidDataException)
        {
            readError = $"cannot be read: {e.Message}";
        }

        if (readError is not null)
        {
            yield return TrialReadResult.Failure(source, null, readError);
            yield break;
        }

        var content = new PrefixedStream(head, headLength, stream);
        var kind = Detect(head.AsSpan(0, headLength));
        var extension = Path.GetExtension(source).ToLowerInvariant();
        IAsyncEnumerable<TrialReadResult> records = kind switch
        {
            _ when extension is ".jsonl" or ".ndjson" => ReadJsonLinesAsync(content, source, limits, cancellationToken),
            ContentKind.Empty => One(TrialReadResult.Failure(source, null, "the file is empty")),
            ContentKind.Xml => One(CtGovXmlReader.Read(content, source, limits)),
            ContentKind.Json => ReadJsonAsync(content, source, limits, cancellationToken),
            ContentKind.Utf16Json => One(TrialReadResult.Failure(source, null, "JSON must be UTF-8; this file is UTF-16 (save it as UTF-8)")),
            _ => One(TrialReadResult.Failure(source, null, "not a trial file: expected ClinicalTrials.gov XML or JSON, TrialGPT JSON/JSONL, NCI CTS JSON, or a zip archive of them")),
        };

        await using var enumerator = records.GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            TrialReadResult result;
            string? error = null;
            try
            {
                if (!await enumerator.MoveNextAsync())
                {
                    break;
                }

                result = enumerator.Current;
            }
            catch (InputLimitExceededException e)
            {
                result = default;
                error = e.Message;
            }
            catch (Exception e) when (e is IOException or InvalidDataException)
            {
                result = default;
                error = $"cannot be read further: {e.Message}";
            }

            if (error is not null)
            {
                yield return TrialReadResult.Failure(source, null, error);
                yield break;
            }

            yield return result;
        }
    }

    private static async IAsyncEnumerable<TrialReadResult> One(TrialReadResult result)
    {
        await Task.CompletedTask;
        yield return result;
    }

    private enum ContentKind
    {
        Empty,
        Xml,
        Json,
        Utf16Json,
        Unknown,
    }

    /// <summary>What the first bytes say: a byte-order mark (UTF-8 or UTF-16, either order), then the first character that is not white space.</summary>
    private static ContentKind Detect(ReadOnlySpan<byte> head)
    {
        var utf16 = head.Length >= 2 && ((head[0] == 0xFF && head[1] == 0xFE) || (head[0] == 0xFE && head[1] == 0xFF));
        var littleEndian = utf16 && head[0] == 0xFF;
        var start = utf16 ? 2 : head.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        var step = utf16 ? 2 : 1;
        for (var i = start; i + step - 1 < head.Length; i += step)
        {
            var c = utf16 ? (littleEndian ? head[i] | (head[i + 1] << 8) : (head[i] << 8) | head[i + 1]) : head[i];
            if (c is ' ' or '\t' or '\r' or '\n')
            {
                continue;
            }

            return c switch
            {
                '<' => ContentKind.Xml,
                '[' or '{' => utf16 ? ContentKind.Utf16Json : ContentKind.Json,
                _ => ContentKind.Unknown,
            };
        }

        // Only white space so far: empty when that was the whole file.
        return head.Length < 512 ? ContentKind.Empty : ContentKind.Unknown;
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadArchiveAsync(string path, TrialSourceLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ZipArchive? archive = null;
        List<ZipArchiveEntry> entries = [];
        string? openError = null;
        try
        {
            archive = ZipFile.OpenRead(path);

            // The central directory is read on first use of Entries: a damaged one throws here, not later.
            entries = [.. archive.Entries.OrderBy(e => e.FullName, StringComparer.Ordinal)];
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            openError = $"not a readable zip archive: {e.Message}";
        }

        if (openError is not null)
        {
            archive?.Dispose();
            yield return TrialReadResult.Failure(path, null, openError);
            yield break;
        }

        using (archive!)
        {
            long total = 0;
            foreach (var entry in entries)
            {
                var source = $"{path}!{ArchiveEntries.Printable(entry.FullName)}";
                var verdict = ArchiveEntries.Judge(entry);
                if (verdict == EntryVerdict.Skip)
                {
                    continue;
                }

                if (verdict != EntryVerdict.Read)
                {
                    yield return TrialReadResult.Failure(source, null, ArchiveEntries.Describe(verdict));
                    continue;
                }

                if (entry.Length > limits.MaxEntryBytes)
                {
                    yield return TrialReadResult.Failure(source, null, $"archive entry is {entry.Length:N0} bytes uncompressed, more than the {JsonRecordSplitter.Describe(limits.MaxEntryBytes)} accepted; not read");
                    continue;
                }

                if (total + entry.Length > limits.MaxArchiveBytes)
                {
                    yield return TrialReadResult.Failure(source, null, $"the archive's entries add up to more than {JsonRecordSplitter.Describe(limits.MaxArchiveBytes)} uncompressed; this entry and the rest are not read");
                    yield break;
                }

                // First pass: the entry's checksum, streamed, so that a damaged entry yields no record at all.
                var (size, checkError) = await ArchiveEntries.VerifyAsync(entry, limits.MaxEntryBytes, cancellationToken);
                if (checkError is not null)
                {
                    yield return TrialReadResult.Failure(source, null, checkError);
                    continue;
                }

                total += size;
                Stream? entryStream = null;
                string? entryError = null;
                try
                {
                    entryStream = await entry.OpenAsync(cancellationToken);
                }
                catch (Exception e) when (e is InvalidDataException or IOException or NotSupportedException)
                {
                    entryError = $"archive entry cannot be read: {e.Message}";
                }

                if (entryError is not null)
                {
                    yield return TrialReadResult.Failure(source, null, entryError);
                    continue;
                }

                await using (entryStream!)
                {
                    var limited = new LimitedStream(entryStream!, limits.MaxEntryBytes, limit => $"archive entry holds more than the {JsonRecordSplitter.Describe(limit)} accepted");
                    await foreach (var result in ReadStreamAsync(limited, source, limits, cancellationToken))
                    {
                        yield return result;
                    }
                }
            }
        }
    }

    /// <summary>A JSON file: an array of records, a page of studies, or one record, streamed by <see cref="JsonRecordSplitter"/>.</summary>
    private static async IAsyncEnumerable<TrialReadResult> ReadJsonAsync(Stream stream, string source, TrialSourceLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var piece in JsonRecordSplitter.SplitAsync(stream, limits.MaxRecordBytes, limits.MaxJsonDepth, cancellationToken))
        {
            var recordSource = piece.Index >= 0 ? $"{source}[{piece.Index}]" : source;
            if (piece.Error is not null)
            {
                yield return TrialReadResult.Failure(piece.EndsFile ? source : recordSource, null, piece.Error);
                continue;
            }

            yield return MapRecord(piece.Bytes!, recordSource, limits, piece.Page);
        }
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadJsonLinesAsync(Stream stream, string source, TrialSourceLimits limits, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var line in JsonLines.ReadAsync(stream, limits.MaxRecordBytes, cancellationToken))
        {
            var lineSource = $"{source}:{line.Number}";
            if (line.Bytes is null)
            {
                yield return TrialReadResult.Failure(lineSource, null, $"the line is longer than {JsonRecordSplitter.Describe(limits.MaxRecordBytes)}; skipped");
                continue;
            }

            yield return MapRecord(line.Bytes, lineSource, limits, JsonRecordPage.None);
        }
    }

    /// <summary>Checks one record's bytes against the decoding policy, parses and maps it.</summary>
    private static TrialReadResult MapRecord(byte[] bytes, string source, TrialSourceLimits limits, JsonRecordPage page)
    {
        var (document, error) = StrictJson.Parse(bytes, limits.MaxJsonDepth);
        if (error is not null)
        {
            return TrialReadResult.Failure(source, error.Path.Length == 0 ? null : error.Path, error.Message);
        }

        using (document!)
        {
            return page switch
            {
                JsonRecordPage.Studies => CtGovJsonStudyMapper.Map(document!.RootElement, source),
                JsonRecordPage.Data => NciCtsRecordMapper.Map(document!.RootElement, source),
                _ => MapObject(document!.RootElement, source),
            };
        }
    }

    /// <summary>A study object of any of the JSON formats, recognised by its keys.</summary>
    private static TrialReadResult MapObject(JsonElement element, string source)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return TrialReadResult.Failure(source, null, $"expected a JSON object, found {element.ValueKind}");
        }

        if (element.TryGetProperty("protocolSection", out _))
        {
            return CtGovJsonStudyMapper.Map(element, source);
        }

        if (element.TryGetProperty("_id", out _))
        {
            return TrialGptRecordMapper.Map(element, source);
        }

        if (NciCtsRecordMapper.IsRecord(element))
        {
            return NciCtsRecordMapper.Map(element, source);
        }

        return TrialReadResult.Failure(source, null, "not a recognised trial record: expected 'protocolSection' (ClinicalTrials.gov API v2), '_id' (TrialGPT corpus) or 'nci_id' / 'nct_id' with 'eligibility' (NCI Clinical Trials Search)");
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/', '\\').Any(part => part.StartsWith('.') && part is not "." and not "..");
}
