using System.Data.Common;
using Npgsql;

namespace Actors.Persistence;

/// <summary>The connection-string settings every Actors process applies to PostgreSQL.</summary>
public static class PostgresConnectionStrings
{
    /// <summary>The ADO.NET invariant Orleans uses to find Npgsql's provider factory (silos and clients alike).</summary>
    public const string AdoNetInvariant = "Npgsql";

    /// <summary>
    /// Statements Npgsql keeps prepared per physical connection. The hosts run a few dozen distinct statements on the
    /// hot path (Orleans' storage, reminder and membership queries, the relay's, the read models' upserts); the read
    /// models' keyset pages are built per filter and mostly stay below the usage threshold, so they do not churn it.
    /// </summary>
    public const int MaxAutoPrepare = 64;

    /// <summary>Executions of one statement text on one connection before Npgsql prepares it (Npgsql's own default).</summary>
    public const int AutoPrepareMinUsages = 5;

    /// <summary>
    /// Adds, unless the operator set them:
    /// <list type="bullet">
    /// <item><c>No Reset On Close=true</c>: skipping DISCARD ALL on every pooled connection return gave +20–35% grain
    /// writes. It is safe because our code leaves no session state behind (advisory locks are transaction-scoped; the
    /// migration runner uses its own unpooled connection).</item>
    /// <item><c>Max Auto Prepare</c> and <c>Auto Prepare Min Usages</c>: Orleans' ADO.NET providers do not prepare their
    /// commands, so PostgreSQL parsed and planned every grain write; auto-prepare measured −35% PostgreSQL CPU per
    /// transition and +27% throughput (docs/benchmarks.md). Safe across migrations because migrations run before the
    /// hosts of their release (the migrations Job, <c>wait-for-schema</c>), are additive, and our statements name their
    /// columns, so an added column changes no prepared statement's result; the migrate command itself prepares
    /// nothing (<see cref="Migrations.MigrationRunner"/>). Should an older host still run a statement whose result a
    /// migration did change, PostgreSQL refuses that one execution ("cached plan must not change result type") and
    /// Npgsql drops the statement, so the next execution prepares it afresh (tests/Actors.Tests/Performance).</item>
    /// <item><c>Gss Encryption Mode=Disable</c>: Npgsql 10 tries Kerberos session encryption first on every new physical
    /// connection by default. Microsoft's .NET images (and ours) carry no Kerberos libraries, so each attempt fails,
    /// logs "Cannot load library libgssapi_krb5.so.2" and falls back (npgsql/npgsql#6360, #6416: exception storms under
    /// connection churn). Our PostgreSQL connections use TLS and password authentication; an operator who runs
    /// PostgreSQL with GSSAPI sets the key in the connection string.</item>
    /// </list>
    /// </summary>
    public static string WithActorsDefaults(string connectionString)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(connectionString);
        var given = new DbConnectionStringBuilder { ConnectionString = connectionString };
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!Names(given, "NoResetOnClose"))
        {
            builder.NoResetOnClose = true;
        }

        if (!Names(given, "MaxAutoPrepare"))
        {
            builder.MaxAutoPrepare = MaxAutoPrepare;
        }

        if (!Names(given, "AutoPrepareMinUsages"))
        {
            builder.AutoPrepareMinUsages = AutoPrepareMinUsages;
        }

        if (!Names(given, "GssEncryptionMode"))
        {
            builder.GssEncryptionMode = GssEncryptionMode.Disable;
        }

        return builder.ConnectionString;
    }

    /// <summary>Whether the operator's string sets <paramref name="key"/> (spaces and case ignored, as Npgsql reads keys).</summary>
    private static bool Names(DbConnectionStringBuilder given, string key) =>
        given.Keys.Cast<string>().Any(name => string.Equals(name.Replace(" ", string.Empty, StringComparison.Ordinal), key, StringComparison.OrdinalIgnoreCase));
}
