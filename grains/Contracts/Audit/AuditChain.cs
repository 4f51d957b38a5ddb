using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Actors.Contracts.Audit;

/// <summary>
/// The hash chain of the audit trail: each entry's hash is SHA-256 over a canonical encoding of the entry and the
/// previous entry's hash, so changing, removing or reordering an entry breaks every link after it. The encoding is
/// length-prefixed (a field's UTF-8 byte count, then its bytes), so no choice of values can make two entries encode
/// alike; instants are UTC ticks, which both stores keep exactly.
/// </summary>
public static class AuditChain
{
    /// <summary>The previous hash of the first entry.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>The entry id a record asks for (<see cref="AuditRecord.EntryId"/>), or a new one.</summary>
    public static Guid EntryIdOf(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        return record.EntryId != Guid.Empty ? record.EntryId : Guid.CreateVersion7();
    }

    /// <summary>Seals a record as the entry after one whose hash is <paramref name="previousHash"/>.</summary>
    public static AuditEntry Seal(AuditRecord record, long sequence, string previousHash, Guid id)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(previousHash);
        var sealedRecord = record.EntryId == Guid.Empty ? record : record with { EntryId = Guid.Empty };
        return new AuditEntry(id, sequence, sealedRecord, previousHash, HashOf(id, sequence, sealedRecord, previousHash));
    }

    /// <summary>The hash an entry must carry; lower-case hexadecimal.</summary>
    public static string HashOf(Guid id, long sequence, AuditRecord record, string previousHash)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(previousHash);

        // Every field is encoded on the stack (or in a pooled buffer when long): sealing runs once per audited operation,
        // and the per-field byte arrays were a twentieth of what a silo allocated per transition (docs/benchmarks.md).
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Span<char> text = stackalloc char[32];
        Write(hash, "actors-audit-v1");
        Write(hash, previousHash);
        Write(hash, Formatted(text, id, "N"));
        Write(hash, Formatted(text, sequence, null));
        Write(hash, Formatted(text, record.At.UtcTicks, null));
        Write(hash, record.Issuer);
        Write(hash, record.Subject);
        Write(hash, record.Role);
        Write(hash, record.Kind.ToString());
        Write(hash, record.Operation);
        Write(hash, record.ObjectIds);
        Write(hash, record.Governorates);
        Write(hash, record.ClientAddressHash ?? "");
        Write(hash, record.Outcome);
        Span<byte> digest = stackalloc byte[32];
        hash.GetHashAndReset(digest);
        return Convert.ToHexStringLower(digest);
    }

    private static ReadOnlySpan<char> Formatted<T>(Span<char> text, T value, string? format)
        where T : ISpanFormattable =>
        value.TryFormat(text, out var written, format, CultureInfo.InvariantCulture)
            ? text[..written]
            : throw new InvalidOperationException($"{value} does not fit the chain's number buffer.");

    private static void Write(IncrementalHash hash, IReadOnlyList<string> values)
    {
        Span<char> count = stackalloc char[12];
        Write(hash, Formatted(count, values.Count, null));
        foreach (var value in values)
        {
            Write(hash, value);
        }
    }

    /// <summary>A field: its UTF-8 byte count in ASCII digits and a colon, then its UTF-8 bytes.</summary>
    private static void Write(IncrementalHash hash, ReadOnlySpan<char> value)
    {
        const int OnTheStack = 256;
        var length = Encoding.UTF8.GetByteCount(value);
        Span<byte> prefix = stackalloc byte[12];
        length.TryFormat(prefix, out var digits, default, CultureInfo.InvariantCulture);
        prefix[digits] = (byte)':';
        hash.AppendData(prefix[..(digits + 1)]);

        var pooled = length > OnTheStack ? ArrayPool<byte>.Shared.Rent(length) : null;
        try
        {
            var bytes = pooled is null ? stackalloc byte[OnTheStack] : pooled.AsSpan();
            hash.AppendData(bytes[..Encoding.UTF8.GetBytes(value, bytes)]);
        }
        finally
        {
            if (pooled is not null)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }
        }
    }
}
