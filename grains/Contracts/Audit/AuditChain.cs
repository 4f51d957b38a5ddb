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
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        Write(hash, "actors-audit-v1");
        Write(hash, previousHash);
        Write(hash, id.ToString("N"));
        Write(hash, sequence.ToString(CultureInfo.InvariantCulture));
        Write(hash, record.At.UtcTicks.ToString(CultureInfo.InvariantCulture));
        Write(hash, record.Issuer);
        Write(hash, record.Subject);
        Write(hash, record.Role);
        Write(hash, record.Kind.ToString());
        Write(hash, record.Operation);
        Write(hash, record.ObjectIds);
        Write(hash, record.Governorates);
        Write(hash, record.ClientAddressHash ?? "");
        Write(hash, record.Outcome);
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static void Write(IncrementalHash hash, IReadOnlyList<string> values)
    {
        Write(hash, values.Count.ToString(CultureInfo.InvariantCulture));
        foreach (var value in values)
        {
            Write(hash, value);
        }
    }

    private static void Write(IncrementalHash hash, string value)
    {
        var bytes = Encoding.UTF8.GetBytes(value);
        hash.AppendData(Encoding.ASCII.GetBytes(bytes.Length.ToString(CultureInfo.InvariantCulture) + ":"));
        hash.AppendData(bytes);
    }
}
