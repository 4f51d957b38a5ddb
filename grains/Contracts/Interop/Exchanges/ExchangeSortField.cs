namespace Actors.Contracts.Interop.Exchanges;

public enum ExchangeSortField
{
    /// <summary>When the exchange was made.</summary>
    At,
}
