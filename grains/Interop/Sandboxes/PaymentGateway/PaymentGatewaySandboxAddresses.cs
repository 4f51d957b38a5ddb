using Actors.Contracts.Interop.Sandbox;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Actors.Interop.Sandboxes.PaymentGateway;

/// <summary>
/// The hosted page's address and the webhook target. Configured, or in the embedded mode the address this process
/// listens on (the embedded silo shares the API host's services, so its server is the API's). A cluster's silos
/// are not where the page is served, so there both must be configured.
/// </summary>
/// <param name="embedded">The hosting mode, read from configuration when the services were registered.</param>
public sealed class PaymentGatewaySandboxAddresses(
    IOptionsMonitor<PaymentGatewaySandboxOptions> options,
    IServiceProvider services,
    bool embedded)
{
    public Uri PayPage(string sessionId) =>
        new(Base(options.CurrentValue.PublicUrl, nameof(PaymentGatewaySandboxOptions.PublicUrl))
            + SandboxGatewayPaths.Pay + "/" + Uri.EscapeDataString(sessionId));

    public Uri WebhookTarget()
    {
        var configured = options.CurrentValue.WebhookUrl;
        return string.IsNullOrWhiteSpace(configured)
            ? new Uri(Base(null, nameof(PaymentGatewaySandboxOptions.WebhookUrl)) + SandboxGatewayPaths.Webhook)
            : new Uri(configured, UriKind.Absolute);
    }

    /// <summary>The address to use among a server's (<c>http://[::]:8080</c> → <c>http://localhost:8080</c>), plain HTTP first.</summary>
    public static string? OwnAddress(IEnumerable<string> listening)
    {
        var addresses = listening.ToList();
        var chosen = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) ?? addresses.FirstOrDefault();
        if (chosen is null)
        {
            return null;
        }

        var hostStart = chosen.IndexOf("://", StringComparison.Ordinal) + 3;
        var portStart = chosen.LastIndexOf(':');
        var host = portStart > hostStart ? chosen[hostStart..portStart] : chosen[hostStart..];
        var anyHost = host is "+" or "*" or "[::]" or "0.0.0.0";
        return (anyHost ? chosen[..hostStart] + "localhost" + chosen[(hostStart + host.Length)..] : chosen).TrimEnd('/');
    }

    private string Base(string? configured, string key)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        if (!embedded)
        {
            throw new InvalidOperationException(
                $"{PaymentGatewaySandboxOptions.Section}:{key} is not configured: in cluster mode the silos cannot know the API's public address.");
        }

        var server = services.GetService<IServer>();
        var listening = server?.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        return OwnAddress(listening) ?? throw new InvalidOperationException(
            $"{PaymentGatewaySandboxOptions.Section}:{key} is not configured and this host listens on no HTTP address (yet).");
    }
}
