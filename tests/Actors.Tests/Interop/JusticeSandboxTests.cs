using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;
using Actors.Contracts.Interop.Justice;

namespace Actors.Tests.Interop;

/// <summary>Each documented input of the criminal record's sandbox (docs/sandboxes.md).</summary>
public sealed class JusticeSandboxTests
{
    [Theory]
    [InlineData("00000021", RecordOutcome.HasEntries)]
    [InlineData("01234567", RecordOutcome.Clean)]
    [InlineData("00000001", RecordOutcome.Clean)]
    public async Task The_card_number_decides_the_record(string cardNumber, RecordOutcome outcome)
    {
        await using var host = new InteropHost();
        var check = await host.Get<ICriminalRecordRegistry>().CheckRecord(Person(cardNumber, "Tunis"), TestContext.Current.CancellationToken);
        Assert.Equal(outcome, check.Outcome);
    }

    [Theory]
    [InlineData("00000029", "Tunis", "timeout")]
    [InlineData("00000028", "Tunis", "server-error")]
    [InlineData("01234567", "sbx-timeout", "timeout")]
    [InlineData("00000021", "SBX-DOWN", "server-error")]
    public async Task The_card_number_or_the_birth_place_can_make_Justice_unavailable(string cardNumber, string birthPlace, string reason)
    {
        await using var host = new InteropHost();
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() =>
            host.Get<ICriminalRecordRegistry>().CheckRecord(Person(cardNumber, birthPlace), TestContext.Current.CancellationToken));
        Assert.Equal((OutsideSystem.Justice, reason), (error.System, error.Reason));
    }

    private static PersonQuery Person(string cardNumber, string birthPlace) => new("Amira", "Ben Salah", new DateOnly(1995, 2, 3), birthPlace, cardNumber);
}
