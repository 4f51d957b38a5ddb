using Actors.Contracts.Interop;
using Actors.Contracts.Interop.CivilRegistry;

namespace Actors.Tests.Interop;

/// <summary>Each documented input of the civil registry's sandbox (docs/sandboxes.md), through the resilience the pathway gets.</summary>
public sealed class CivilRegistrySandboxTests
{
    private static readonly DateOnly BirthDate = new(2012, 3, 4);

    [Theory]
    [InlineData("00000001", IdentityOutcome.NotFound, null)]
    [InlineData("00000002", IdentityOutcome.Deceased, null)]
    [InlineData("00000003", IdentityOutcome.Mismatch, "applicant.birthDate")]
    [InlineData("00000004", IdentityOutcome.Mismatch, "applicant.familyName")]
    [InlineData("01234567", IdentityOutcome.Match, null)]
    [InlineData("00000005", IdentityOutcome.Match, null)]
    public async Task A_card_number_decides_the_identity_outcome(string cardNumber, IdentityOutcome outcome, string? field)
    {
        await using var host = new InteropHost();
        var check = await host.Get<ICivilRegistry>().CheckIdentity(Person(cardNumber, birthPlace: "SBX-DECEASED"), TestContext.Current.CancellationToken);
        Assert.Equal(new IdentityCheck(outcome, field), check);
    }

    [Theory]
    [InlineData("SBX-NOT-FOUND", IdentityOutcome.NotFound, null)]
    [InlineData("sbx-deceased", IdentityOutcome.Deceased, null)]
    [InlineData(" Sbx-Mismatch ", IdentityOutcome.Mismatch, "applicant.birthDate")]
    [InlineData("Sfax", IdentityOutcome.Match, null)]
    [InlineData(null, IdentityOutcome.Match, null)]
    public async Task Without_a_card_number_the_birth_place_decides(string? birthPlace, IdentityOutcome outcome, string? field)
    {
        await using var host = new InteropHost();
        var check = await host.Get<ICivilRegistry>().CheckIdentity(Person(null, birthPlace), TestContext.Current.CancellationToken);
        Assert.Equal(new IdentityCheck(outcome, field), check);
    }

    [Theory]
    [InlineData("00000009", null, "timeout")]
    [InlineData("00000008", null, "server-error")]
    [InlineData(null, "SBX-TIMEOUT", "timeout")]
    [InlineData(null, "sbx-down", "server-error")]
    public async Task The_documented_faults_make_the_registry_unavailable_on_every_call(string? cardNumber, string? birthPlace, string reason)
    {
        await using var host = new InteropHost();
        var registry = host.Get<ICivilRegistry>();
        for (var call = 0; call < 2; call++)
        {
            var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => registry.CheckIdentity(Person(cardNumber, birthPlace), TestContext.Current.CancellationToken));
            Assert.Equal((OutsideSystem.CivilRegistry, reason), (error.System, error.Reason));
        }

        Assert.Equal(4, host.Calls[OutsideSystem.CivilRegistry]);
    }

    [Theory]
    [InlineData("00000011", FiliationOutcome.NotGuardian)]
    [InlineData("00000012", FiliationOutcome.GuardianNotFound)]
    [InlineData("07654321", FiliationOutcome.Confirmed)]
    public async Task The_guardian_card_number_decides_the_filiation(string guardianCardNumber, FiliationOutcome outcome)
    {
        await using var host = new InteropHost();
        var check = await host.Get<ICivilRegistry>().CheckFiliation(new FiliationQuery(Person(null, "Tunis"), guardianCardNumber, "MOTHER"), TestContext.Current.CancellationToken);
        Assert.Equal(outcome, check.Outcome);
    }

    [Theory]
    [InlineData("00000019", "Tunis", "timeout")]
    [InlineData("00000018", "Tunis", "server-error")]
    [InlineData("07654321", "SBX-TIMEOUT", "timeout")]
    [InlineData("00000011", "sbx-down", "server-error")]
    public async Task The_guardian_or_the_minor_can_make_the_filiation_check_fail(string guardianCardNumber, string minorBirthPlace, string reason)
    {
        await using var host = new InteropHost();
        var error = await Assert.ThrowsAsync<OutsideSystemUnavailableException>(() => host.Get<ICivilRegistry>()
            .CheckFiliation(new FiliationQuery(Person(null, minorBirthPlace), guardianCardNumber, "FATHER"), TestContext.Current.CancellationToken));
        Assert.Equal(reason, error.Reason);
    }

    private static PersonQuery Person(string? cardNumber, string? birthPlace) => new("Amira", "Ben Salah", BirthDate, birthPlace, cardNumber);
}
