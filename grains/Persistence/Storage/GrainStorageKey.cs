using Npgsql;
using NpgsqlTypes;

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

    /// <summary>The names <see cref="AddParameters"/> gives the key's parameters.</summary>
    public static IReadOnlyList<string> ParameterNames { get; } = ["ServiceId", "GrainTypeString", "GrainIdN0", "GrainIdN1", "GrainIdExtensionString"];

    /// <summary>The row's key as migration 0003's statements name it, typed as the columns are.</summary>
    public void AddParameters(ICollection<NpgsqlParameter> parameters, string serviceId, string stateName)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        parameters.Add(new NpgsqlParameter("ServiceId", NpgsqlDbType.Text) { Value = serviceId });
        parameters.Add(new NpgsqlParameter("GrainTypeString", NpgsqlDbType.Text) { Value = stateName });
        parameters.Add(new NpgsqlParameter("GrainIdN0", NpgsqlDbType.Bigint) { Value = N0 });
        parameters.Add(new NpgsqlParameter("GrainIdN1", NpgsqlDbType.Bigint) { Value = N1 });
        parameters.Add(new NpgsqlParameter("GrainIdExtensionString", NpgsqlDbType.Text) { Value = (object?)Extension ?? DBNull.Value });
    }
}
