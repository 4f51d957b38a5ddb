using System.Security.Cryptography;
using System.Text;

namespace Actors.Persistence.Migrations;

/// <summary>One versioned SQL script (<c>Migrations/0001_name.sql</c>), applied once, in order, in one transaction.</summary>
public sealed record Migration(int Version, string Name, string Sql)
{
    /// <summary>
    /// SHA-256 of the script with LF line endings: recorded when applied, so that an edit to an applied
    /// migration is caught instead of silently diverging between databases.
    /// </summary>
    public string Checksum { get; } =
        Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(Sql.ReplaceLineEndings("\n"))));
}
