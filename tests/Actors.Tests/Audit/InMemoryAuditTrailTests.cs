using Actors.Contracts.Audit;
using Actors.SiloHosting.Embedded;

namespace Actors.Tests.Audit;

public sealed class InMemoryAuditTrailTests : AuditTrailContractTests
{
    [Fact]
    public async Task A_changed_removed_or_reordered_entry_breaks_the_chain_where_it_is()
    {
        var trail = await CreateTrailAsync();
        await trail.AppendAsync([.. Enumerable.Range(1, 6).Select(i => Record("op", $"obj-{i}"))], Cancel);
        var chain = (await trail.ReadChainAsync(0, 10, Cancel)).ToList();
        Assert.True(AuditChainVerifier.Verify(chain).Intact);

        var changed = chain.ToList();
        changed[3] = changed[3] with { Record = changed[3].Record with { Outcome = "FORBIDDEN" } };
        var broken = Assert.IsType<AuditChainBreak>(AuditChainVerifier.Verify(changed).Break);
        Assert.Equal((4L, "hash", chain[3].Hash), (broken.Sequence, broken.Field, broken.Found));
        Assert.Equal(AuditChain.HashOf(chain[3].Id, 4, changed[3].Record, chain[3].PreviousHash), broken.Expected);

        // Re-hashing the changed entry does not help: the next one names the old hash.
        var rehashed = changed.ToList();
        rehashed[3] = AuditChain.Seal(changed[3].Record, 4, changed[3].PreviousHash, changed[3].Id);
        Assert.Equal(new AuditChainBreak(5, "previousHash", rehashed[3].Hash, chain[3].Hash), AuditChainVerifier.Verify(rehashed).Break);

        var removed = chain.Where(e => e.Sequence != 2).ToList();
        Assert.Equal(new AuditChainBreak(2, "sequence", "2", "3"), AuditChainVerifier.Verify(removed).Break);

        var swapped = chain.ToList();
        (swapped[1], swapped[2]) = (swapped[2], swapped[1]);
        Assert.Equal(2, AuditChainVerifier.Verify(swapped).Break!.Sequence);
    }

    protected override Task<IAuditTrail> CreateTrailAsync() => Task.FromResult<IAuditTrail>(new InMemoryAuditTrail(TimeProvider.System));
}
