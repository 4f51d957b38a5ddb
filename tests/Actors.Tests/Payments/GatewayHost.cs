using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Requests.Payments;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Payments;

/// <summary>
/// The real API host whose sandbox gateway sends its webhooks to a <see cref="WebhookReceiver"/> (with a configured
/// secret, short retry delays and a short bank timeout), so that tests see exactly what the gateway sent.
/// </summary>
public sealed class GatewayHost : IAsyncLifetime
{
    public const int FirstRetryMilliseconds = 300;
    public const int BankTimeoutMilliseconds = 1500;

    public static readonly string Secret = WebhookSignature.NewSecret();

    private WebhookReceiver? receiver;
    private GatewayApiFactory? api;

    public WebhookReceiver Receiver => receiver ?? throw new InvalidOperationException("Not started.");

    public ApiFactory Api => api ?? throw new InvalidOperationException("Not started.");

    public IPaymentGateway Gateway => Api.Services.GetRequiredService<IPaymentGateway>();

    public IGrainFactory Grains => Api.Services.GetRequiredService<IGrainFactory>();

    public async ValueTask InitializeAsync()
    {
        receiver = await WebhookReceiver.Start(Secret);
        api = new GatewayApiFactory(receiver.Url);
        await api.InitializeAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (api is not null)
        {
            await api.DisposeAsync();
        }

        if (receiver is not null)
        {
            await receiver.DisposeAsync();
        }
    }

    /// <summary>A fresh order of ours (a random request's first payment), payable for ten minutes unless told otherwise.</summary>
    public static GatewayOrder NewOrder(long millimes = 3000, TimeSpan? payableFor = null, string? returnUrl = null) =>
        new(PaymentIds.OrderId(Guid.NewGuid(), 1), millimes, Payment.Dinar, "Carte d'identité nationale : timbre fiscal",
            DateTimeOffset.UtcNow + (payableFor ?? TimeSpan.FromMinutes(10)), returnUrl);

    /// <summary>The order as the sandbox holds it, through its session's token.</summary>
    public async Task<SandboxGatewayOrder> Order(GatewaySession session)
    {
        Assert.True(SandboxSessionIds.TryParse(session.SessionId, out var orderId, out var token));
        return await Grains.GetGrain<ISandboxGatewayOrderGrain>(orderId).Open(token) ?? throw new InvalidOperationException("No such session.");
    }
}
