using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Actors.Contracts.Interop.Payments;
using Actors.Tests.Payments;
using Actors.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Actors.Tests.Pathway;

/// <summary>
/// The gateway's webhooks against a real order of a real request: forged, stale, the wrong amount, a replay, a late
/// authorisation; and the whole newcomer's path in headless Chromium, watched through requestStatusChanged.
/// </summary>
[Collection(AutomaticPathwayCollection.Name)]
public sealed class PaymentWebhookPathwayTests(AutomaticApiFactory host)
{
    private readonly PathwayApi api = new(host);

    private WebhookSignature Signature => host.Services.GetRequiredService<WebhookSignature>();

    private async Task<(string Token, string Id, string OrderId)> AwaitingPayment()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("hook"), "01234567"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");
        var payment = await api.StartPayment(id, citizen, "pay");
        return (citizen, id, payment["orderId"]!.GetValue<string>());
    }

    private static string Body(string type, string orderId, long millimes = 3000, string currency = "TND") =>
        $$"""{"type":"{{type}}","data":{"orderId":"{{orderId}}","amount":{"millimes":{{millimes}},"currency":"{{currency}}"},"declineCode":null},"occurredAt":"2026-11-30T10:00:00.000Z"}""";

    private async Task<(HttpStatusCode Status, string? Outcome)> Post(
        string body, string? messageId = null, WebhookSignature? signer = null, DateTimeOffset? at = null)
    {
        using var response = await SignedWebhook.PostAsync(host.Http, signer ?? Signature, body, messageId, at);
        var outcome = response.IsSuccessStatusCode
            ? (await response.Content.ReadFromJsonAsync<JsonNode>(TestContext.Current.CancellationToken))?["outcome"]?.GetValue<string>()
            : null;
        return (response.StatusCode, outcome);
    }

    [Fact]
    public async Task Only_an_authentic_capture_of_the_right_amount_pays_the_request_and_only_once()
    {
        var (citizen, id, orderId) = await AwaitingPayment();
        var forger = WebhookSignature.FromSecret(WebhookSignature.NewSecret());

        Assert.Equal((HttpStatusCode.Unauthorized, null), await Post(Body("payment.captured", orderId), signer: forger));
        Assert.Equal((HttpStatusCode.Unauthorized, null), await Post(Body("payment.captured", orderId), at: DateTimeOffset.UtcNow.AddMinutes(-6)));
        Assert.Equal((HttpStatusCode.OK, "IGNORED"), await Post(Body("payment.captured", orderId, millimes: 2999)));
        Assert.Equal((HttpStatusCode.OK, "IGNORED"), await Post(Body("payment.captured", orderId, currency: "EUR")));
        var unmoved = await api.Read(id, citizen);
        Assert.Equal("AWAITING_PAYMENT", unmoved["status"]!.GetValue<string>());
        Assert.Equal("CREATED", unmoved["payments"]![0]!["status"]!.GetValue<string>());

        // Captured before authorised, the capture delivered twice, then the late authorisation.
        Assert.Equal((HttpStatusCode.OK, "APPLIED"), await Post(Body("payment.captured", orderId), "msg_capture"));
        Assert.Equal((HttpStatusCode.OK, "DUPLICATE"), await Post(Body("payment.captured", orderId), "msg_capture"));
        Assert.Equal((HttpStatusCode.OK, "IGNORED"), await Post(Body("payment.authorised", orderId)));

        var paid = await api.Read(id, citizen);
        Assert.Equal("PAID", paid["status"]!.GetValue<string>());
        Assert.Single(PathwayApi.History(paid), h => h.Status == "PAID");
        Assert.Equal(["CAPTURED"], paid["payments"]![0]!["events"]!.AsArray().Select(e => e!["kind"]!.GetValue<string>()));
    }

    [Fact]
    public async Task A_refund_the_gateway_refuses_is_logged_once_and_left_to_a_person()
    {
        // An authentic capture the gateway itself never made (its order is unpaid): the refund after cancelling is refused.
        var (citizen, id, orderId) = await AwaitingPayment();
        Assert.Equal((HttpStatusCode.OK, "APPLIED"), await Post(Body("payment.captured", orderId)));
        await api.Mutate("cancelRequest", citizen, new { requestId = id, reason = "Paid twice by mistake." });

        var refused = await api.Until(id, citizen, r => PathwayApi.Exchanges(r).Contains(("PAYMENT_GATEWAY", "REFUSED")), "the gateway refuses the refund");
        Assert.Equal("not_captured", refused["exchanges"]!["nodes"]![0]!["detail"]!.GetValue<string>());
        await Task.Delay(TimeSpan.FromSeconds(2), TestContext.Current.CancellationToken);
        var later = await api.Read(id, citizen);
        Assert.Single(PathwayApi.Exchanges(later), e => e.System == "PAYMENT_GATEWAY" && e.Outcome == "REFUSED");
        Assert.Equal("CAPTURED", later["payments"]![0]!["status"]!.GetValue<string>());
        var told = await host.GraphQL("query($id: ID!) { sandboxNotifications(requestId: $id) { template } }", new { id }, citizen);
        Assert.DoesNotContain(told["data"]!["sandboxNotifications"]!.AsArray(), n => n!["template"]!.GetValue<string>() == "refunded");
    }

    [Fact]
    public async Task A_newcomer_pays_a_pupils_card_on_the_hosted_page_in_Chromium_and_watches_it_become_PAID()
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? "");
        ConformancePrerequisites.Require(!File.Exists("/usr/bin/chromium"), "Chromium is not installed (apt-get install -y chromium).");
        var parent = await host.Token("CITIZEN", PathwayApi.NewSubject("parent"), nationalIdNumber: "04567812");
        var submitted = await api.Mutate("submitIdCardRequest", parent, PathwayApi.PupilInput(PathwayApi.Key("browser")));
        var id = submitted["id"]!.GetValue<string>();

        var address = new UriBuilder(host.BaseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await using var live = await GraphQLWebSocketTestClient.ConnectAndInitAsync(address, new { Authorization = "Bearer " + parent });
        await live.SubscribeAsync("watch", "subscription($id: ID!) { requestStatusChanged(id: $id) { status } }", new { id });

        await api.UntilStatus(id, parent, "AWAITING_PAYMENT");
        var payment = await api.StartPayment(id, parent, "pay-in-browser");
        var screenshot = Path.Combine(Path.GetTempPath(), "actors-pathway-payment-page.png");
        var (exitCode, output) = await NodeScript.RunAsync(
            "payment-page-check.mjs", payment["redirectUrl"]!.GetValue<string>(), screenshot, "4242 4242 4242 4242", "Paiement accepté");
        Assert.True(exitCode == 0, output);

        var seen = new List<string>();
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        deadline.CancelAfter(TimeSpan.FromSeconds(30));
        while (!seen.Contains("PAID"))
        {
            var message = await live.ReceiveAsync().WaitAsync(deadline.Token);
            if (GraphQLWebSocketTestClient.Type(message) == "next")
            {
                seen.Add(message["payload"]!["data"]!["requestStatusChanged"]!["status"]!.GetValue<string>());
            }
        }

        Assert.Equal("PAID", seen[^1]);
        var paid = await api.Read(id, parent);
        Assert.Equal("CAPTURED", paid["payments"]![0]!["status"]!.GetValue<string>());
        Assert.Equal(
            ["CIVIL_REGISTRY", "EDUCATION", "CIVIL_REGISTRY", "PAYMENT_GATEWAY"],
            PathwayApi.Exchanges(paid).Select(e => e.System));
    }
}
