using Npgsql;

namespace Actors.Tests.Architecture.Samples;

/// <summary>A known violation for the checker's own tests: a persistence type inside a method body, nowhere in a signature.</summary>
internal static class BodyOnlyUseSample
{
    public static string Host()
    {
        var builder = new NpgsqlConnectionStringBuilder("Host=localhost");
        return builder.Host ?? string.Empty;
    }
}
