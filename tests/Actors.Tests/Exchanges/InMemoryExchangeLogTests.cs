using Actors.Contracts.Interop.Exchanges;
using Actors.SiloHosting.Embedded;

namespace Actors.Tests.Exchanges;

public sealed class InMemoryExchangeLogTests : ExchangeLogContractTests
{
    protected override Task<IExchangeLog> CreateLogAsync() => Task.FromResult<IExchangeLog>(new InMemoryExchangeLog(TimeProvider.System));
}
