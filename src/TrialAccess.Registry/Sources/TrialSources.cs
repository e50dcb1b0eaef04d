using System.IO.Compression;
using System.Runtime.CompilerServices;
using System.Text.Json;
using TrialAccess.Ingestion;
using TrialAccess.Registry.CtGovJson;
using TrialAccess.Registry.CtGovXml;
using TrialAccess.Registry.TrialGpt;

namespace TrialAccess.Registry.Sources;

/// <summary>
/// Turns the paths a user names (files, folders, zip archives) into trial records, detecting each file's format:
/// ClinicalTrials.gov API v2 JSON (one study, an array of studies, or a page <c>{"studies": [...]}</c>), the legacy
/// <c>clinical_study</c> XML, the TrialGPT corpus format (one object per file or JSON Lines), and zip archives of
/// any of them.
/// </summary>
/// <remarks>
/// A file that cannot be read yields a failure naming it and reading goes on with the next; records read from a file
/// before it turned out to be broken (a truncated array) are kept.
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

    /// <summary>Reads every record in one file (every entry of an archive).</summary>
    public static async IAsyncEnumerable<TrialReadResult> ReadFileAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (path.EndsWith(".zip", StringComparison.OrdinalIgnoreCase))
        {
            await foreach (var result in ReadArchiveAsync(path, cancellationToken))
            {
                yield return result;
            }

            yield break;
        }

        Stream? stream = null;
        TrialReadResult? openFailure = null;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
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
            await foreach (var result in ReadStreamAsync(stream!, path, cancellationToken))
            {
                yield return result;
            }
        }
    }

    /// <summary>Reads every record in a stream, the format detected from the name and then from the content.</summary>
    public static async IAsyncEnumerable<TrialReadResult> ReadStreamAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (!stream.CanSeek)
        {
            var copy = new MemoryStream();
            await stream.CopyToAsync(copy, cancellationToken);
            copy.Position = 0;
            stream = copy;
        }

        var first = PeekFirstSignificantByte(stream);
        var extension = Path.GetExtension(source).ToLowerInvariant();
        if (extension is ".jsonl" or ".ndjson")
        {
            await foreach (var result in ReadJsonLinesAsync(stream, source, cancellationToken))
            {
                yield return result;
            }
        }
        else if (first == '<')
        {
            yield return CtGovXmlReader.Read(stream, source);
        }
        else if (first == '[')
        {
            await foreach (var result in ReadJsonArrayAsync(stream, source, cancellationToken))
            {
                yield return result;
            }
        }
        else if (first == '{')
        {
            await foreach (var result in ReadJsonObjectAsync(stream, source, cancellationToken))
            {
                yield return result;
            }
        }
        else if (first < 0)
        {
            yield return TrialReadResult.Failure(source, null, "the file is empty");
        }
        else
        {
            yield return TrialReadResult.Failure(source, null, "not a trial file: expected ClinicalTrials.gov XML or JSON, TrialGPT JSON/JSONL, or a zip archive of them");
        }
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadArchiveAsync(string path, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ZipArchive? archive = null;
        string? openError = null;
        try
        {
            archive = ZipFile.OpenRead(path);
        }
        catch (Exception e) when (e is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            openError = $"not a readable zip archive: {e.Message}";
        }

        if (openError is not null)
        {
            yield return TrialReadResult.Failure(path, null, openError);
            yield break;
        }

        using (archive!)
        {
            foreach (var entry in archive!.Entries.Where(e => e.Name.Length > 0 && !IsHidden(e.FullName)).OrderBy(e => e.FullName, StringComparer.Ordinal))
            {
                var source = $"{path}!{entry.FullName}";
                MemoryStream? content = null;
                string? entryError = null;
                try
                {
                    content = new MemoryStream();
                    await using var entryStream = await entry.OpenAsync(cancellationToken);
                    await entryStream.CopyToAsync(content, cancellationToken);
                    content.Position = 0;
                }
                catch (Exception e) when (e is InvalidDataException or IOException)
                {
                    entryError = $"archive entry cannot be read: {e.Message}";
                }

                if (entryError is not null)
                {
                    yield return TrialReadResult.Failure(source, null, entryError);
                    continue;
                }

                var nested = entry.FullName.EndsWith(".zip", StringComparison.OrdinalIgnoreCase);
                if (nested)
                {
                    yield return TrialReadResult.Failure(source, null, "archives inside archives are not read; extract it first");
                    continue;
                }

                await foreach (var result in ReadStreamAsync(content!, source, cancellationToken))
                {
                    yield return result;
                }
            }
        }
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadJsonArrayAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var elements = JsonSerializer.DeserializeAsyncEnumerable<JsonElement>(stream, RegistryJson.Options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var index = 0;
        while (true)
        {
            JsonElement element;
            string? error = null;
            try
            {
                if (!await elements.MoveNextAsync())
                {
                    break;
                }

                element = elements.Current;
            }
            catch (JsonException e)
            {
                element = default;
                error = Describe(e, index);
            }

            if (error is not null)
            {
                yield return TrialReadResult.Failure(source, null, error);
                break;
            }

            yield return MapObject(element, $"{source}[{index}]");
            index++;
        }

        await elements.DisposeAsync();
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadJsonObjectAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        JsonDocument? document = null;
        string? error = null;
        try
        {
            document = await JsonDocument.ParseAsync(stream, RegistryJson.DocumentOptions, cancellationToken);
        }
        catch (JsonException e)
        {
            error = Describe(e, null);
        }

        if (error is not null)
        {
            yield return TrialReadResult.Failure(source, null, error);
            yield break;
        }

        using (document!)
        {
            var root = document!.RootElement;
            if (root.TryGetProperty("studies", out var studies))
            {
                if (studies.ValueKind != JsonValueKind.Array)
                {
                    yield return TrialReadResult.Failure(source, "studies", $"expected a list, found {studies.ValueKind}");
                    yield break;
                }

                var index = 0;
                foreach (var study in studies.EnumerateArray())
                {
                    yield return CtGovJsonStudyMapper.Map(study, $"{source}[{index++}]");
                }
            }
            else
            {
                yield return MapObject(root, source);
            }
        }
    }

    private static async IAsyncEnumerable<TrialReadResult> ReadJsonLinesAsync(Stream stream, string source, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(stream, leaveOpen: true);
        var lineNumber = 0;
        while (await reader.ReadLineAsync(cancellationToken) is { } line)
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            var lineSource = $"{source}:{lineNumber}";
            JsonDocument? document = null;
            string? error = null;
            try
            {
                document = JsonDocument.Parse(line, RegistryJson.DocumentOptions);
            }
            catch (JsonException e)
            {
                error = Describe(e, null);
            }

            if (error is not null)
            {
                yield return TrialReadResult.Failure(lineSource, null, error);
                continue;
            }

            using (document!)
            {
                yield return MapObject(document!.RootElement, lineSource);
            }
        }
    }

    /// <summary>A study object of either JSON format, recognised by its keys.</summary>
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

        return TrialReadResult.Failure(source, null, "not a recognised trial record: expected 'protocolSection' (ClinicalTrials.gov API v2) or '_id' (TrialGPT corpus)");
    }

    private static string Describe(JsonException e, int? index)
    {
        var where = e.BytePositionInLine is { } position ? $" (line {e.LineNumber + 1}, byte {position + 1})" : string.Empty;
        var after = index is { } i ? $" after {i} record(s)" : string.Empty;
        return $"malformed or truncated JSON{where}{after}: {e.Message.Split(" Path:", 2)[0]}";
    }

    /// <summary>The first byte that is not white space or a UTF-8 byte-order mark, or -1; the stream is rewound.</summary>
    private static int PeekFirstSignificantByte(Stream stream)
    {
        var start = stream.Position;
        var result = -1;
        Span<byte> buffer = stackalloc byte[256];
        var read = stream.Read(buffer);
        for (var i = 0; i < read; i++)
        {
            var b = buffer[i];
            if (b is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n' or 0xEF or 0xBB or 0xBF)
            {
                continue;
            }

            result = b;
            break;
        }

        stream.Position = start;
        return result;
    }

    private static bool IsHidden(string relativePath) =>
        relativePath.Split('/', '\\').Any(part => part.StartsWith('.') && part is not "." and not "..");
}

internal static class RegistryJson
{
    public static readonly JsonSerializerOptions Options = new() { MaxDepth = 128 };

    public static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = 128, AllowTrailingCommas = false };
}
