namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// The sandbox payment gateway's own settings (<c>Sandboxes:PaymentGateway:*</c>, docs/sandboxes.md); latency, failure
/// and timeout rates and outage of our calls are every sandbox's (<see cref="SandboxOptions"/>, same section).
/// </summary>
public sealed class PaymentGatewaySandboxOptions
{
    public const string Section = "Sandboxes:PaymentGateway";

    /// <summary>Base address of the hosted page as a payer's browser reaches it; embedded default: the API's own address.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where webhooks go; embedded default: <c>{the API's own address}/payments/webhook</c>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>How long the hosted page waits for the bank that never answers (test card 4000 0000 0000 0119).</summary>
    public int BankTimeoutMilliseconds { get; set; } = 5_000;

    /// <summary>The first webhook retry's delay; each next one doubles it.</summary>
    public int WebhookFirstRetryMilliseconds { get; set; } = 1_000;

    /// <summary>Attempts per webhook message before the sandbox gives up on it (logged).</summary>
    public int WebhookMaxAttempts { get; set; } = 12;

    public int WebhookTimeoutMilliseconds { get; set; } = 10_000;

    /// <summary>The delay before attempt <paramref name="attempt"/> + 1, after <paramref name="attempt"/> failed ones.</summary>
    public TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(WebhookFirstRetryMilliseconds * Math.Pow(2, Math.Max(0, attempt - 1)));
}
