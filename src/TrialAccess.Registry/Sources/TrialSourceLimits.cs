namespace TrialAccess.Registry.Sources;

/// <summary>
/// The bounds every reader holds to, so that no input can exhaust memory or time: a single record is held in memory
/// whole (and is refused, by name, when it is larger than <see cref="MaxRecordBytes"/>); files, arrays, JSON Lines and
/// archive entries are streamed record by record; archive entries are also bounded in size one by one and together.
/// </summary>
public sealed record TrialSourceLimits
{
    /// <summary>The default limits.</summary>
    public static TrialSourceLimits Default { get; } = new();

    /// <summary>
    /// The largest single record, in bytes: one JSON study or TrialGPT object, one JSON Lines line, one XML
    /// <c>clinical_study</c> document. Default 32 MiB (the largest real registry record is well under 1 MiB).
    /// </summary>
    public long MaxRecordBytes { get; init; } = 32L * 1024 * 1024;

    /// <summary>The largest uncompressed archive entry, in bytes. Default 2 GiB.</summary>
    public long MaxEntryBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>The largest uncompressed total of one archive's entries, in bytes. Default 16 GiB.</summary>
    public long MaxArchiveBytes { get; init; } = 16L * 1024 * 1024 * 1024;

    /// <summary>The deepest element nesting accepted in XML (a real <c>clinical_study</c> nests 5 deep). Default 64.</summary>
    public int MaxXmlDepth { get; init; } = 64;

    /// <summary>The deepest nesting accepted in JSON (a real API v2 study nests about 8 deep). Default 64.</summary>
    public int MaxJsonDepth { get; init; } = 64;
}

/// <summary>Raised by <see cref="LimitedStream"/> when more bytes arrive than a limit allows; readers turn it into a failure naming the source.</summary>
public sealed class InputLimitExceededException(string message) : IOException(message);

/// <summary>A read-only view of a stream that refuses to yield more than <paramref name="limit"/> bytes.</summary>
internal sealed class LimitedStream(Stream inner, long limit, Func<long, string> describe, bool leaveOpen = true) : Stream
{
    public long BytesRead { get; private set; }

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var read = inner.Read(buffer);
        return Count(read);
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        var read = await inner.ReadAsync(buffer, cancellationToken);
        return Count(read);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing && !leaveOpen)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    private int Count(int read)
    {
        BytesRead += read;
        if (BytesRead > limit)
        {
            throw new InputLimitExceededException(describe(limit));
        }

        return read;
    }
}

/// <summary>A stream whose first bytes were already read (to detect the format), put back in front of the rest.</summary>
internal sealed class PrefixedStream(byte[] prefix, int prefixLength, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer);
            _position += n;
            return n;
        }

        return rest.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (_position < prefixLength)
        {
            var n = Math.Min(buffer.Length, prefixLength - _position);
            prefix.AsSpan(_position, n).CopyTo(buffer.Span);
            _position += n;
            return ValueTask.FromResult(n);
        }

        return rest.ReadAsync(buffer, cancellationToken);
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
