using System.Text.Json.Nodes;

namespace Actors.Tests.Pathway;

/// <summary>
/// An unpaid request is reminded, then expires by itself (a durable timer of its pathway, EXPIRED is final); a capture
/// that arrives after the expiry does not revive it and is refunded once.
/// </summary>
public sealed class PaymentDeadlineTests(ShortDeadlinesApiFactory host) : IClassFixture<ShortDeadlinesApiFactory>
{
    private readonly PathwayApi api = new(host);

    [Fact]
    public async Task An_unpaid_request_is_reminded_then_expires_and_a_late_capture_is_refunded()
    {
        var citizen = await host.Token("CITIZEN", PathwayApi.NewSubject("cit"), nationalIdNumber: "01234567");
        var submitted = await api.Mutate("submitIdCardRequest", citizen, PathwayApi.AdultCardInput(PathwayApi.Key("late"), "01234567"));
        var id = submitted["id"]!.GetValue<string>();
        await api.UntilStatus(id, citizen, "AWAITING_PAYMENT");
        var redirectUrl = (await api.StartPayment(id, citizen, "too-late"))["redirectUrl"]!.GetValue<string>();

        var expired = await api.UntilStatus(id, citizen, "EXPIRED");
        Assert.Equal(("EXPIRED", "SYSTEM:system:pathway"), PathwayApi.History(expired)[^1]);
        Assert.Equal("The fee was not paid in time.", expired["history"]!.AsArray()[^1]!["reason"]!.GetValue<string>());
        // The citizen is told after the step (the pathway's next look): wait for the message, not for the status.
        JsonArray told = [];
        await Postgres.Eventually.Async(async () =>
        {
            var result = await host.GraphQL("query($id: ID!) { sandboxNotifications(requestId: $id) { template sendCalls } }", new { id }, citizen);
            told = result["data"]!["sandboxNotifications"]!.AsArray();
            return told.Any(n => n!["template"]!.GetValue<string>() == "expired");
        }, TimeSpan.FromSeconds(30), "the citizen is told the request expired");
        Assert.Contains("payment-reminder", told.Select(n => n!["template"]!.GetValue<string>()));
        Assert.All(told, n => Assert.Equal(1, n!["sendCalls"]!.GetValue<int>()));

        // The citizen pays on a page left open (the gateway's order outlives the request): the capture arrives after the expiry.
        await PathwayApi.PayOnPage(redirectUrl, "4242 4242 4242 4242");
        var refunded = await api.UntilRefunded(id, citizen);
        Assert.Equal("EXPIRED", refunded["status"]!.GetValue<string>());
        Assert.Single(PathwayApi.Exchanges(refunded), e => e == ("PAYMENT_GATEWAY", "REFUNDED"));
    }
}
