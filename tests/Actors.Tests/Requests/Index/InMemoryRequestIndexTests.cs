using Actors.Contracts.Requests.Index;
using Actors.SiloHosting.Embedded;

namespace Actors.Tests.Requests.Index;

/// <summary>The request index contract against the embedded mode's in-memory index.</summary>
public sealed class InMemoryRequestIndexTests : RequestIndexContractTests
{
    protected override Task<IRequestIndex> CreateIndexAsync() =>
        Task.FromResult<IRequestIndex>(new InMemoryRequestIndex(TimeProvider.System));
}
