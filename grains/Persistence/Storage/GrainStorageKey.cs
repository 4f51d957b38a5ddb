namespace Actors.Persistence.Storage;

/// <summary>
/// A grain id as <c>orleans_storage</c> keys it (migration 0003): a Guid key in two halves of its bytes, an integer key
/// in <c>grain_id_n1</c>, a string key (or a compound key's extension) in <c>grain_id_extension</c>. The layout Orleans'
/// ADO.NET provider writes, so that rows written by either provider are the same rows.
/// </summary>
public readonly record struct GrainStorageKey(long N0, long N1, string? Extension)
{
    public static GrainStorageKey Of(GrainId grainId)
    {
        if (grainId.TryGetGuidKey(out var guid, out var extension))
        {
            Span<byte> bytes = stackalloc byte[16];
            guid.TryWriteBytes(bytes);
            return new GrainStorageKey(BitConverter.ToInt64(bytes[..8]), BitConverter.ToInt64(bytes[8..]), extension);
        }

        if (grainId.TryGetIntegerKey(out var integer, out extension))
        {
            return new GrainStorageKey(0, integer, extension);
        }

        return new GrainStorageKey(0, 0, grainId.Key.ToString());
    }
}
