namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>The sandbox payment gateway's settings (<c>Sandboxes:PaymentGateway:*</c>, docs/sandboxes.md).</summary>
public sealed class PaymentGatewaySandboxOptions
{
    public const string Section = "Sandboxes:PaymentGateway";

    /// <summary>Base address of the hosted page as a payer's browser reaches it; embedded default: the API's own address.</summary>
    public string? PublicUrl { get; set; }

    /// <summary>Where webhooks go; embedded default: <c>{the API's own address}/payments/webhook</c>.</summary>
    public string? WebhookUrl { get; set; }

    /// <summary>Added to every call we make to the gateway (register, refund, find a refund).</summary>
    public int LatencyMilliseconds { get; set; }

    /// <summary>Share of our calls that fail as a server error would (0 to 1), before the gateway does anything.</summary>
    public double FailureRate { get; set; }

    /// <summary>Every call fails, as when the gateway is down.</summary>
    public bool Outage { get; set; }

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
