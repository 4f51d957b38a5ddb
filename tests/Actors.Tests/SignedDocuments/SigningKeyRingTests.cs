using Actors.SignedDocuments;

namespace Actors.Tests.SignedDocuments;

public sealed class SigningKeyRingTests
{
    private static readonly DateTimeOffset First = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Second = new(2026, 6, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly TimeSpan Validity = TimeSpan.FromDays(90);

    [Fact]
    public void The_signer_switches_at_the_next_keys_start()
    {
        using var ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(Second), DocumentSigningKey.Generate(First)], Validity);

        Assert.Equal(First, ring.SignerAt(Second.AddSeconds(-1)).SignsFrom);
        Assert.Equal(Second, ring.SignerAt(Second).SignsFrom);
        Assert.Equal(Second, ring.SignerAt(Second.AddYears(3)).SignsFrom);
        Assert.Equal(First, ring.SignerAt(First).SignsFrom);
    }

    [Fact]
    public void Before_the_first_key_there_is_no_signer_and_the_error_says_when_signing_starts()
    {
        using var ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(First)], Validity);

        var error = Assert.Throws<InvalidOperationException>(() => ring.SignerAt(First.AddSeconds(-1)));

        Assert.Contains("the first key signs from 2026-01-01T00:00:00", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_retired_key_stays_published_for_one_validity_after_it_stops_signing()
    {
        using var ring = new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(First), DocumentSigningKey.Generate(Second)], Validity);
        var retiredTo = Second + Validity;

        var beforeSwitch = ring.Published(Second.AddDays(-1));
        var lastDay = ring.Published(retiredTo.AddSeconds(-1));
        var afterwards = ring.Published(retiredTo);

        Assert.Equal(2, beforeSwitch.Keys.Count); // the next key is published early, so verifiers can cache it
        var retired = lastDay.Keys[0];
        Assert.Equal((First, Second, retiredTo), (retired.ValidFrom, retired.SignsUntil.GetValueOrDefault(), retired.ValidTo.GetValueOrDefault()));
        Assert.Equal(ring.Keys[0].KeyIdText, retired.KeyId);
        var current = Assert.Single(afterwards.Keys);
        Assert.Equal((ring.Keys[1].KeyIdText, Second, (DateTimeOffset?)null, (DateTimeOffset?)null), (current.KeyId, current.ValidFrom, current.SignsUntil, current.ValidTo));
        Assert.Equal("TN-MI", afterwards.Issuer);
    }

    [Fact]
    public void Two_keys_starting_together_or_the_same_key_twice_are_refused()
    {
        using var key = DocumentSigningKey.Generate(First);
        using var again = DocumentSigningKey.FromPem(key.ExportPrivateKeyPem(), Second);

        Assert.Throws<ArgumentException>(() => new SigningKeyRing("TN-MI", [DocumentSigningKey.Generate(First), DocumentSigningKey.Generate(First)], Validity));
        Assert.Throws<ArgumentException>(() => new SigningKeyRing("TN-MI", [key, again], Validity));
        Assert.Throws<ArgumentException>(() => new SigningKeyRing("TN-MI", [], Validity));
    }

    [Fact]
    public void Start_times_are_whole_seconds_like_a_documents_issued_at()
    {
        using var key = DocumentSigningKey.Generate(First.AddMilliseconds(700));

        Assert.Equal(First, key.SignsFrom);
    }
}
