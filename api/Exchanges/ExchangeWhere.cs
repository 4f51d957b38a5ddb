using Actors.Contracts.Interop;

namespace Actors.Api.Exchanges;

public sealed class ExchangeWhere
{
    public string? RequestId { get; set; }

    public List<OutsideSystem>? Systems { get; set; }

    public List<string>? Governorates { get; set; }

    public List<string>? CenterIds { get; set; }

    public List<string>? Outcomes { get; set; }

    public DateTimeOffset? From { get; set; }

    public DateTimeOffset? To { get; set; }
}
