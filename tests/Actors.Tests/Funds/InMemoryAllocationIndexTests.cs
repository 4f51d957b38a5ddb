using Actors.Contracts.Funds.Index;
using Actors.SiloHosting.Embedded;

namespace Actors.Tests.Funds;

public sealed class InMemoryAllocationIndexTests : AllocationIndexContractTests
{
    protected override Task<IAllocationIndex> CreateIndexAsync() => Task.FromResult<IAllocationIndex>(new InMemoryAllocationIndex(TimeProvider.System));
}
