using Actors.Contracts.Interop.Payments;
using Actors.Contracts.Interop.Sandbox;
using Actors.Tests.Transport;

namespace Actors.Tests.Payments;

/// <summary>
/// The hosted page in headless Chromium (tests/conformance/payment-page-check.mjs): a person types a test card, answers
/// 3-D Secure when asked, and sees the outcome; the webhooks the gateway sent are checked at our receiver. (Submit →
/// pay → request PAID over GraphQL is the pathway's test.) Skipped where node, its packages or Chromium are missing,
/// except in CI.
/// </summary>
[Collection(GatewayCollection.Name)]
public sealed class HostedPageBrowserTests(GatewayHost host)
{
    [Theory]
    [InlineData("4242 4242 4242 4242", null, "Paiement accepté")]
    [InlineData("4000 0000 0000 3220", "123456", "Payment successful")]
    public async Task A_person_pays_with_a_test_card_and_the_gateway_sends_authorised_then_captured(string card, string? otp, string expected)
    {
        ConformancePrerequisites.Require(NodeScript.MissingPrerequisite() is not null, NodeScript.MissingPrerequisite() ?? "");
        ConformancePrerequisites.Require(!File.Exists("/usr/bin/chromium"), "Chromium is not installed (apt-get install -y chromium).");
        var order = GatewayHost.NewOrder(millimes: 3000, returnUrl: "http://127.0.0.1:9/requests/after-payment");
        var session = await host.Gateway.RegisterOrder(order, TestContext.Current.CancellationToken);
        var screenshot = Path.Combine(Path.GetTempPath(), $"actors-payment-page-{card[^4..]}.png");
        string[] arguments = otp is null
            ? [session.RedirectUrl, screenshot, card, expected]
            : [session.RedirectUrl, screenshot, card, expected, "--otp", otp];

        var (exitCode, output) = await NodeScript.RunAsync("payment-page-check.mjs", arguments);

        Assert.True(exitCode == 0, output);
        Assert.True(File.Exists(screenshot));
        var delivered = await host.Receiver.WaitFor(order.OrderId, d => d.Count >= 2);
        Assert.Equal(new[] { "payment.authorised", "payment.captured" }, delivered.Select(d => d.Type));
        Assert.All(delivered, d => Assert.Equal(WebhookVerification.Valid, d.Verification));
        Assert.Equal(SandboxOrderStatus.Captured, (await host.Order(session)).Status);
    }
}
