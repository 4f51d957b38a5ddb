using Actors.Contracts.Interop.Payments;
using Actors.Interop.Resilience;
using Actors.ServiceDefaults;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Actors.Interop.Sandboxes.PaymentGateway;

public static class PaymentGatewaySandboxExtensions
{
    /// <summary>
    /// The sandbox gateway as the silo's <see cref="IPaymentGateway"/> client (behind <see cref="ResilientPaymentGateway"/>;
    /// needs <c>AddActorsInterop</c>'s <see cref="SandboxBehaviour"/> and pipelines), with its webhook signing secret: configured
    /// (<c>Payments:WebhookSecret</c>), or in the embedded mode a random one the API's endpoint shares (one singleton).
    /// </summary>
    public static IServiceCollection AddSandboxPaymentGateway(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PaymentGatewaySandboxOptions>()
            .Bind(configuration.GetSection(PaymentGatewaySandboxOptions.Section))
            .Validate(o => o.WebhookMaxAttempts >= 1 && o.WebhookFirstRetryMilliseconds >= 0 && o.WebhookTimeoutMilliseconds > 0,
                "Sandboxes:PaymentGateway: WebhookMaxAttempts ≥ 1, WebhookFirstRetryMilliseconds ≥ 0, WebhookTimeoutMilliseconds > 0.")
            .Validate(o => o.BankTimeoutMilliseconds >= 0, "Sandboxes:PaymentGateway:BankTimeoutMilliseconds is not negative.");
        services.TryAddSingleton(TimeProvider.System);
        var embedded = HostingMode.IsEmbedded(configuration);
        services.TryAddSingleton(_ => WebhookSignature.FromConfiguration(configuration[WebhookSignature.SecretConfigurationKey], generateWhenMissing: embedded));
        services.AddSingleton(sp => new PaymentGatewaySandboxAddresses(
            sp.GetRequiredService<IOptionsMonitor<PaymentGatewaySandboxOptions>>(), sp, embedded));
        services.AddSingleton<SandboxWebhookSender>();
        services.AddHttpClient(SandboxWebhookSender.HttpClientName);
        services.TryAddSingleton<SandboxPaymentGateway>();
        services.AddKeyedSingleton<IPaymentGateway>(OutsideSystemClients.Key, (sp, _) => sp.GetRequiredService<SandboxPaymentGateway>());
        services.TryAddSingleton<IPaymentGateway, ResilientPaymentGateway>();
        return services;
    }
}
