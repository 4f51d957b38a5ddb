using System.Globalization;
using Actors.Tests.Infrastructure;

namespace Actors.Tests.Payments;

/// <summary>The API host of <see cref="GatewayHost"/>: the sandbox's webhooks go to a receiver of the test's, with a known secret.</summary>
internal sealed class GatewayApiFactory(Uri webhookUrl) : ApiFactory
{
    protected override IReadOnlyDictionary<string, string> Settings { get; } = new Dictionary<string, string>
    {
        ["Pathway:Automatic"] = "false",
        ["Payments:WebhookSecret"] = GatewayHost.Secret,
        ["Sandboxes:PaymentGateway:WebhookUrl"] = webhookUrl.ToString(),
        ["Sandboxes:PaymentGateway:WebhookFirstRetryMilliseconds"] = GatewayHost.FirstRetryMilliseconds.ToString(CultureInfo.InvariantCulture),
        ["Sandboxes:PaymentGateway:BankTimeoutMilliseconds"] = GatewayHost.BankTimeoutMilliseconds.ToString(CultureInfo.InvariantCulture),
    };
}
