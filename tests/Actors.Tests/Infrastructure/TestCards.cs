using System.Globalization;

namespace Actors.Tests.Infrastructure;

/// <summary>
/// National ID numbers for test citizens. A citizen sees every request owned by their card number, so a test that counts
/// a citizen's own requests signs them in with a number nobody else uses (never one of the sandbox's triggers, which
/// all start with 0000).
/// </summary>
public static class TestCards
{
    public static string Unique() => "5" + Random.Shared.Next(0, 10_000_000).ToString("D7", CultureInfo.InvariantCulture);
}
