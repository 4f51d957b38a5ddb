using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Contracts.Requests;
using Actors.Contracts.Requests.Payments;
using Actors.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Payments;

/// <summary>
/// <c>POST /payments/webhook</c> over real HTTP on the embedded API with its defaults: no secret configured, so the
/// endpoint and the in-process sandbox gateway share a generated one.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class PaymentWebhookEndpointTests(ApiFactory api)
{
    private WebhookSignature Signature => api.Services.GetRequiredService<WebhookSignature>();

    [Fact]
    public async Task A_forged_signature_is_refused_with_401()
    {
        var forger = WebhookSignature.FromSecret(WebhookSignature.NewSecret());
        using var response = await Post(Body("payment.captured", "any-order"), signer: forger);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task A_genuine_signature_with_a_stale_timestamp_is_refused_with_401()
    {
        using var response = await Post(Body("payment.captured", "any-order"), at: DateTimeOffset.UtcNow.AddMinutes(-6));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Missing_headers_are_refused_with_401()
    {
        using var content = new StringContent(Body("payment.captured", "any-order"), Encoding.UTF8, "application/json");
        using var response = await api.Http.PostAsync("/payments/webhook", content, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task An_authentic_message_for_an_order_that_is_not_ours_is_acknowledged_as_UNKNOWN_ORDER()
    {
        var mark = api.GrainCalls.Mark;
        using var response = await Post(Body("payment.captured", "not-one-of-our-order-ids"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("UNKNOWN_ORDER", (await Json(response))["outcome"]!.GetValue<string>());
        Assert.Empty(api.GrainCalls.CallsTo<ICitizenRequestGrain>(mark));
    }

    [Fact]
    public async Task An_authentic_message_for_one_of_our_order_ids_without_its_request_is_UNKNOWN_ORDER_from_the_request()
    {
        var requestId = Guid.NewGuid();
        var mark = api.GrainCalls.Mark;
        using var response = await Post(Body("payment.captured", PaymentIds.OrderId(requestId, 1)));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("UNKNOWN_ORDER", (await Json(response))["outcome"]!.GetValue<string>());
        Assert.Contains(api.GrainCalls.CallsTo<ICitizenRequestGrain>(mark), target => target.ToString().Contains(requestId.ToString("N"), StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_authentic_message_of_a_type_we_do_not_know_is_acknowledged_as_IGNORED()
    {
        using var response = await Post(Body("payment.disputed", "not-one-of-our-order-ids"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("IGNORED", (await Json(response))["outcome"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"payment.captured","data":{"orderId":"o-1"}}""")]
    [InlineData("""{"type":"payment.captured","data":{"orderId":"o-1","amount":{"millimes":"3000","currency":"TND"}},"occurredAt":"2026-11-30T10:00:00Z"}""")]
    public async Task An_authentic_but_malformed_body_is_a_400(string body)
    {
        using var response = await Post(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task By_default_the_sandbox_gateway_signs_with_the_shared_secret_and_reaches_this_endpoint()
    {
        // An order id that is not ours: the endpoint acknowledges it (200) without a request grain, which shows the
        // default webhook target (this host's own address) and the in-process secret at work end to end.
        var gateway = api.Services.GetRequiredService<IPaymentGateway>();
        var order = GatewayHost.NewOrder() with { OrderId = "sandbox-self-check-" + Guid.NewGuid().ToString("N") };
        var session = await gateway.RegisterOrder(order, TestContext.Current.CancellationToken);
        Assert.StartsWith(api.BaseAddress + "sandbox/gateway/pay/", session.RedirectUrl, StringComparison.Ordinal);

        var (status, html) = await HostedPageClient.PayWithCard(api.Http, session.RedirectUrl, "4242 4242 4242 4242");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("Paiement accepté", html, StringComparison.Ordinal);

        Assert.True(SandboxSessionIds.TryParse(session.SessionId, out _, out var token));
        var grain = api.Services.GetRequiredService<IGrainFactory>().GetGrain<ISandboxGatewayOrderGrain>(order.OrderId);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        SandboxGatewayOrder? seen;
        while ((seen = await grain.Open(token))!.Webhooks.Any(w => w.DeliveredAt is null) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
        }

        Assert.Equal(new[] { "payment.authorised", "payment.captured" }, seen.Webhooks.Select(w => w.Type));
        Assert.All(seen.Webhooks, w => Assert.Equal((1, 200), (w.Attempts, w.LastStatusCode)));
    }

    private static string Body(string type, string orderId) =>
        $$"""{"type":"{{type}}","data":{"orderId":"{{orderId}}","amount":{"millimes":3000,"currency":"TND"},"declineCode":null},"occurredAt":"2026-11-30T10:00:00.000Z"}""";

    private Task<HttpResponseMessage> Post(string body, WebhookSignature? signer = null, DateTimeOffset? at = null) =>
        SignedWebhook.PostAsync(api.Http, signer ?? Signature, body, at: at);

    private static async Task<JsonNode> Json(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))!;
}
