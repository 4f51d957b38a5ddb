using Actors.Contracts.Interop.Exchanges;

namespace Actors.Api.Exchanges;

public sealed class ExchangeOrderInput
{
    public ExchangeSortField Field { get; set; } = ExchangeSortField.At;

    public string Direction { get; set; } = "DESC";
}
