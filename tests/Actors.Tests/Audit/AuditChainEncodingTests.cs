using Actors.Contracts.Audit;

namespace Actors.Tests.Audit;

/// <summary>
/// The chain's encoding is a stored format: every trail written so far is verified by recomputing its hashes, so a change
/// of how <see cref="AuditChain.HashOf"/> encodes an entry (a faster one included) must give the very same hashes. The
/// values below were computed by the first release's encoding (session 40, before its allocation-free rewrite).
/// </summary>
public sealed class AuditChainEncodingTests
{
    private static readonly Guid EntryId = Guid.Parse("0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b");

    private static readonly AuditRecord Verified = new(new DateTimeOffset(2026, 12, 3, 17, 30, 0, TimeSpan.Zero), "actors-dev", "agent-7", "AGENT",
        AuditKind.Mutation, "verifyIdentity", ["Q2l0aXplblJlcXVlc3Q6MDE5YQ==", "CIN-2026-3CGH9-Y60NK"], ["TUNIS"], "k1:3f9a", "OK");

    [Fact]
    public void A_mutations_entry_hashes_as_the_first_release_did() =>
        Assert.Equal("0ce86281b6979a0d8068f8ab779b05d55bad316efeb658d440074bd230eaa9a5", AuditChain.HashOf(EntryId, 42, Verified, AuditChain.Genesis));

    [Fact]
    public void Text_beyond_ascii_empty_lists_and_no_address_hash_as_the_first_release_did()
    {
        var read = Verified with { Subject = "élève-Ω-تونس", ObjectIds = [], Governorates = [], ClientAddressHash = null, Outcome = "FORBIDDEN", Kind = AuditKind.Read };

        Assert.Equal("e03b1982db610c356130f57d07774e7df0bf4caed4311280dba587848b452edc", AuditChain.HashOf(EntryId, 43, read, new string('a', 64)));
    }

    [Fact]
    public void A_long_field_and_the_largest_sequence_hash_as_the_first_release_did()
    {
        var longer = Verified with { Operation = new string('x', 1000) + "é" };

        Assert.Equal("d72de124f9c11d0916dc0ed18ef4cf6a2d6facd324d32b024f0b96455711abdd", AuditChain.HashOf(Guid.Empty, long.MaxValue, longer, AuditChain.Genesis));
    }
}
