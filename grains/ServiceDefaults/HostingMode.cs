using Microsoft.Extensions.Configuration;

namespace Actors.ServiceDefaults;

/// <summary>The one switch between the embedded default and PostgreSQL: the connection string.</summary>
public static class HostingMode
{
    public const string ConnectionStringName = "Postgres";

    public static string? PostgresConnectionString(IConfiguration configuration)
    {
        var value = configuration.GetConnectionString(ConnectionStringName);
        return string.IsNullOrWhiteSpace(value) ? null : value;
    }

    public static bool IsEmbedded(IConfiguration configuration) => PostgresConnectionString(configuration) is null;
}
