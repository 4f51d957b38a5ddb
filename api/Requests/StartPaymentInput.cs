namespace Actors.Api.Requests;

public sealed class StartPaymentInput
{
    public string RequestId { get; set; } = "";

    public string? IdempotencyKey { get; set; }
}
